"""What every route gets from HTTP itself: HEAD answered like GET without its body, a request
body no larger than the server accepts, and connections that cannot be held open for nothing.

FastAPI routes answer only the methods they declare, so without this `HEAD /` is 405 (and
link checkers and monitors use HEAD). A body is counted as it arrives, whatever its
Content-Length says, so a 50 MB body is refused at the limit instead of parsed first.
uvicorn closes a keep-alive connection idle after a response, but a new connection that sends
nothing, or its headers a byte at a time, it keeps for ever: a few hundred such clients hold a
server. `TimedH11Protocol` gives every request's headers a deadline.
"""
from __future__ import annotations

import asyncio
import json

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from dossier.sources.errors import MAX_BYTES, format_size
from dossier.web.errors import error_body

MAX_BODY_BYTES = MAX_BYTES + 1_000_000   # one article at the size limit, with its other fields


class HttpBasics:
    """ASGI middleware: HEAD as GET without a body; 413 for a body over `max_body` bytes."""

    def __init__(self, app: ASGIApp, max_body: int = MAX_BODY_BYTES) -> None:
        self.app, self.max_body = app, max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["method"] == "HEAD":
            scope, send = dict(scope, method="GET"), _without_body(send)
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.max_body:
            await _too_large(send, self.max_body)
            return
        await self.app(scope, self._counted(receive), send)

    def _counted(self, receive: Receive) -> Receive:
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_body:
                raise HTTPException(413, _too_large_message(self.max_body))
            return message

        return counted


def _without_body(send: Send) -> Send:
    async def headers_only(message: Message) -> None:
        if message["type"] == "http.response.body":
            message = {**message, "body": b""}
        await send(message)

    return headers_only


def _too_large_message(limit: int) -> str:
    return f"request body too large (more than {format_size(limit)})"


async def _too_large(send: Send, limit: int) -> None:
    body = json.dumps(error_body(413, _too_large_message(limit))).encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


HEADERS_WITHIN = 10.0   # seconds from a connection's opening (or its last response) to a request


class TimedH11Protocol(H11Protocol):
    """uvicorn's HTTP/1.1 protocol, closing a connection whose next request's headers are not
    all in within `headers_within` seconds, whatever trickles in meanwhile."""

    headers_within = HEADERS_WITHIN

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._deadline.cancel()   # the next request's headers get a deadline of their own
        self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._deadline.cancel()
        super().connection_lost(exc)

    def _arm(self) -> None:
        self._deadline = self.loop.call_later(self.headers_within, self._too_slow)

    def _too_slow(self) -> None:
        # IDLE: no request line and headers complete yet (a request being answered or a body
        # being read has moved h11 past it)
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self.transport.close()
