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
from sqlalchemy import text
from sqlalchemy.orm import Session

READ_TIME_LIMIT = 5.0           # seconds a read statement may run; create_app(read_time_limit=)
PROGRESS_EVERY = 10_000         # SQLite virtual-machine steps between two looks at the clock

bearer = HTTPBearer(auto_error=False, description="The token `dossier serve` was started with.")


def read_session(request: Request) -> Iterator[Session]:
    """A session for one read request (a FastAPI dependency; pages use it too)."""
    limit: float = request.app.state.read_time_limit
    with request.app.state.store.session() as s:
        if s.get_bind().dialect.name == "sqlite":
            raw = s.connection().connection.dbapi_connection
            _limit_sqlite(raw, limit)
            try:
                yield s
            finally:
                _unlimit_sqlite(raw)
        else:
            s.execute(text("SET TRANSACTION READ ONLY"))
            s.execute(text(f"SET LOCAL statement_timeout = {int(limit * 1000)}"))
            yield s


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
