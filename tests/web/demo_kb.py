"""Knowledge bases and a real server for the page tests.

The demo knowledge base is the five seed articles (the same fixture as `dossier demo`'s sample);
the hostile one holds two reports whose text carries script, an onerror image and a
javascript: link, once as plain text and once inside an HTML page (escaped there, so the
sanitised text keeps them as words).
"""
from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn

from dossier.ingest import ingest
from dossier.store.store import Store

SEEDS = Path(__file__).parents[3] / "shared" / "seeds"
XSS = Path(__file__).parent / "xss"
RUTO_LANDAU_DATE = "2026-01-29"


def build(db: Path, inputs: list[Path]) -> str:
    """Ingest `inputs` into a new store at `db`; the path, for `create_app`."""
    store = Store(str(db))
    report = ingest(store, [str(p) for p in inputs])
    store.close()
    assert report.failed == 0, report.errors
    return str(db)


@contextmanager
def running(app) -> Iterator[str]:
    """Serve `app` with uvicorn on a free port of 127.0.0.1 in a background thread; the base URL.

    The socket is bound before the server starts, so no other process can take the port.
    """
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()
