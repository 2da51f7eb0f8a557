"""The server as clients wear it: many at once, connections held open for nothing, SIGTERM.

Each test runs real uvicorn on 127.0.0.1 with the settings `dossier serve` uses (in a thread
of the test, or as `dossier serve` itself in a subprocess) and talks to it over sockets.
"""
from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
import uvicorn

from dossier.ingest import ingest
from dossier.store.store import Store
from dossier.web import access
from dossier.web import app as web_app
from dossier.web.app import SERVER_LIMITS, create_app
from dossier.web.http import TimedH11Protocol

SEEDS = Path(__file__).parents[3] / "shared" / "seeds"
DOSSIER = Path(sys.executable).parent / "dossier"
TOKEN = "t0ken"


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("server") / "kb.db"
    store = Store(str(path))
    ingest(store, [str(SEEDS)])
    store.close()
    return path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running(app, **settings) -> Iterator[str]:
    """uvicorn with `dossier serve`'s limits (and `settings` over them), in a thread."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                                           **{**SERVER_LIMITS, **settings}))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=15)


def closed_within(sock: socket.socket, seconds: float, trickle: bytes = b"") -> bool:
    """Whether the server closes `sock` within `seconds` while the client sends `trickle` a
    byte at a time (a slow client's headers)."""
    sock.settimeout(0.2)
    deadline = time.monotonic() + seconds
    for byte in [trickle[i:i + 1] for i in range(len(trickle))] or [b""] * 1000:
        if time.monotonic() > deadline:
            return False
        try:
            if byte:
                sock.sendall(byte)
            if sock.recv(1024) == b"":
                return True
        except socket.timeout:
            continue
        except (ConnectionResetError, BrokenPipeError):
            return True
    return False


def test_more_clients_than_threads_and_connections_are_all_answered(
        kb: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Sixty clients at once against two request threads and SQLAlchemy's pool of fifteen
    connections: a request waiting for a thread must not hold a connection, or the threads
    end up waiting for connections that wait for threads."""
    monkeypatch.setattr(web_app, "THREADS", 2)
    with running(create_app(str(kb))) as base:
        def timeline(k: int) -> int:
            return httpx.get(f"{base}/api/events", params={"page": k % 3 + 1, "per_page": 2},
                             timeout=20).status_code
        with ThreadPoolExecutor(60) as pool:
            statuses = list(pool.map(timeline, range(180)))
    assert statuses == [200] * 180


def test_a_connection_that_sends_nothing_or_its_headers_a_byte_at_a_time_is_closed(
        kb: Path) -> None:
    class Quick(TimedH11Protocol):
        headers_within = 0.5

    with running(create_app(str(kb)), http=Quick) as base:
        port = int(base.rsplit(":", 1)[1])
        with socket.create_connection(("127.0.0.1", port)) as silent:
            assert closed_within(silent, 3)
        with socket.create_connection(("127.0.0.1", port)) as slow:
            assert closed_within(slow, 3, trickle=b"GET /api/events HTTP/1.1\r\nHost: x\r\n" * 40)
        # a client that asks in time is answered, several times over one connection
        with httpx.Client(base_url=base) as client:
            for _ in range(3):
                assert client.get("/api/events", params={"per_page": 1}).status_code == 200
                time.sleep(0.3)


def test_the_timeline_counts_follow_a_new_document(kb: Path, tmp_path: Path) -> None:
    """Counts and facets are kept between requests, and a write makes them new."""
    copy = tmp_path / "kb.db"
    shutil.copy(kb, copy)
    with running(create_app(str(copy), token=TOKEN)) as base, httpx.Client(base_url=base) as c:
        before = c.get("/api/events").json()
        assert c.get("/api/events").json()["facets"] == before["facets"]
        page = c.get("/").text
        assert f"<h2>{before['total']} events</h2>" in page
        added = c.post("/api/documents", headers={"Authorization": f"Bearer {TOKEN}"},
                       timeout=120, json={"id": "new", "published": "2025-03-04", "text": (
                           "President Samia Suluhu Hassan of Tanzania held talks with United "
                           "States Ambassador Michael Battle in Dar es Salaam on 3 March 2025.")})
        assert added.status_code == 201, added.text
        after = c.get("/api/events").json()
        assert after["total"] == before["total"] + 1
        assert {"month": "2025-03", "type": "CONSULT", "count": 1} in after["facets"]["by_month"]
        assert f"<h2>{after['total']} events</h2>" in c.get("/").text


def test_sigterm_stops_a_server_of_two_processes_within_seconds(kb: Path) -> None:
    port = free_port()
    server = subprocess.Popen([str(DOSSIER), "serve", "--db", str(kb), "--port", str(port),
                               "--workers", "2"], stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                assert httpx.get(f"http://127.0.0.1:{port}/api/events").status_code == 200
                break
            except httpx.TransportError:
                assert server.poll() is None, server.communicate()[1]
                assert time.monotonic() < deadline, "the server did not start within 60 s"
                time.sleep(0.2)
        idle = socket.create_connection(("127.0.0.1", port))
        half = socket.create_connection(("127.0.0.1", port))
        half.sendall(b"GET /api/events HTTP/1.1\r\nHost: x\r\n")   # and never the rest
        started = time.monotonic()
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=10)
        assert time.monotonic() - started < 8
        idle.close()
        half.close()
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()


def test_reads_on_postgresql_are_read_only_and_stopped_at_their_time_limit(pg_url: str) -> None:
    """What SQLite's progress handler and `query_only` do there, PostgreSQL's read-only
    transaction and statement timeout do here; a limit under a millisecond is still a limit."""
    from types import SimpleNamespace

    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    for limit, statement, refusal in ((0.2, "SELECT pg_sleep(2)", "statement timeout"),
                                      (0.0, "SELECT pg_sleep(2)", "statement timeout"),
                                      (5.0, "CREATE TABLE stray (id INTEGER)", "read-only")):
        app = create_app(pg_url, read_time_limit=limit)
        reads = access.read_session(SimpleNamespace(app=app))
        session = next(reads)
        started = time.monotonic()
        with pytest.raises(DBAPIError, match=refusal):
            session.execute(text(statement))
        assert time.monotonic() - started < 1.5
        reads.close()
        app.state.store.close()
