"""How a request reaches the store: a read-only, time-limited session for each read, and the
bearer token that alone opens writing.

Reads: SQLite gets `PRAGMA query_only` (a GET can never write) and a progress handler that
interrupts a statement running past the time limit; PostgreSQL gets a read-only transaction and
`statement_timeout`. An interrupted read is answered 503 by `dossier.web.errors`. Writes go
through `dossier.web.write`, one at a time, without the limit: ingesting takes as long as it takes.
"""
from __future__ import annotations

import hmac
import sqlite3
import time
from collections.abc import Iterator

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import event, text
from sqlalchemy.orm import Session

from dossier.web.cache import SESSION_KEY

READ_TIME_LIMIT = 5.0           # seconds a read statement may run; create_app(read_time_limit=)
PROGRESS_EVERY = 10_000         # SQLite virtual-machine steps between two looks at the clock

bearer = HTTPBearer(auto_error=False, description="The token `dossier serve` was started with.")


def read_session(request: Request) -> Iterator[Session]:
    """A session for one read request (a FastAPI dependency; pages use it too).

    The session takes its connection when the route first reads, in the route's own thread,
    and gives it back when the route is done: FastAPI enters this dependency in one worker
    thread and runs the route in another, and a connection taken on entry would be held while
    the request waits for a thread; with more requests waiting than the pool has connections,
    every thread would then wait for a connection and nothing would move again."""
    limit: float = request.app.state.read_time_limit
    with request.app.state.store.session() as s:
        s.info[SESSION_KEY] = request.app.state.view_cache
        limited: list[sqlite3.Connection] = []

        @event.listens_for(s, "after_begin")
        def limit_reads(_session: Session, _transaction, connection) -> None:
            if connection.dialect.name == "sqlite":
                limited.append(connection.connection.dbapi_connection)
                _limit_sqlite(limited[-1], limit)
            else:
                connection.execute(text("SET TRANSACTION READ ONLY"))
                # in whole milliseconds, at least one: 0 would mean no limit at all
                timeout = max(1, int(limit * 1000))
                connection.execute(text(f"SET LOCAL statement_timeout = {timeout}"))

        try:
            yield s
        finally:
            for raw in limited:
                _unlimit_sqlite(raw)


def _limit_sqlite(raw: sqlite3.Connection, limit: float) -> None:
    deadline = time.monotonic() + limit
    raw.execute("PRAGMA query_only = ON")
    raw.set_progress_handler(lambda: int(time.monotonic() > deadline), PROGRESS_EVERY)


def _unlimit_sqlite(raw: sqlite3.Connection) -> None:
    """Pooled connections are shared with writers (ingest): give them back unrestricted."""
    raw.set_progress_handler(None, 0)
    raw.execute("PRAGMA query_only = OFF")


def require_token(request: Request,
                  credentials: HTTPAuthorizationCredentials | None = Depends(bearer)) -> None:
    """Writing needs the server's token: 403 when the server has none (it is read-only, no
    token can help), 401 when the request's `Authorization: Bearer` is missing or wrong."""
    expected: str | None = request.app.state.token
    if expected is None:
        raise HTTPException(403, "this server is read-only; start it with --token (or "
                                 "DOSSIER_TOKEN) to accept documents")
    given = credentials.credentials if credentials else ""
    if not hmac.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(401, "missing or wrong token: send 'Authorization: Bearer TOKEN' "
                                 "with the token the server was started with",
                            headers={"WWW-Authenticate": "Bearer"})
