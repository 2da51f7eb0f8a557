"""A real HTTP server on 127.0.0.1 for tests of URL and feed reading.

    with serve({"/page": page(html), "/slow": slow(page(html), seconds=3)}) as base:
        fetch(base + "/page")

A route maps a path to a handler: a function taking the request handler
(`http.server.BaseHTTPRequestHandler`, with `.path` and `.headers`) and returning
`(status, headers, body_bytes)`. The server counts requests per path in `server.hits`.
"""
from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Response = tuple[int, dict[str, str], bytes]
Route = Callable[[BaseHTTPRequestHandler], Response]


class Server:
    def __init__(self, base: str):
        self.base = base
        self.hits: Counter[str] = Counter()


@contextmanager
def serve(routes: dict[str, Route]) -> Iterator[Server]:
    """Serve `routes` on a free port of 127.0.0.1 for the duration of the block."""
    hits: Counter[str] = Counter()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:   # noqa: N802 - the name http.server calls
            path = self.path.split("?")[0]
            hits[path] += 1
            route = routes.get(path)
            status, headers, body = route(self) if route else (404, {}, b"not found")
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            if "Content-Length" not in headers:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass   # the client gave up (a timeout or a size limit under test)

        def log_message(self, *args) -> None:   # keep test output clean
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    # A short poll interval: shutting down waits for it (0.5 s by default, per test).
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    server = Server(f"http://127.0.0.1:{httpd.server_address[1]}")
    server.hits = hits
    try:
        yield server
    finally:
        httpd.shutdown()
        httpd.server_close()


def page(body: str | bytes, content_type: str = "text/html; charset=utf-8",
         headers: dict[str, str] | None = None) -> Route:
    data = body.encode("utf-8") if isinstance(body, str) else body
    return lambda request: (200, {"Content-Type": content_type, **(headers or {})}, data)


def redirect(location: str, status: int = 302) -> Route:
    return lambda request: (status, {"Location": location}, b"")


def slow(route: Route, seconds: float) -> Route:
    def handler(request: BaseHTTPRequestHandler) -> Response:
        time.sleep(seconds)
        return route(request)
    return handler


def sequence(*routes: Route) -> Route:
    """Answer the n-th request with the n-th route (the last one repeats)."""
    calls = Counter()

    def handler(request: BaseHTTPRequestHandler) -> Response:
        n = calls["n"]
        calls["n"] += 1
        return routes[min(n, len(routes) - 1)](request)
    return handler
