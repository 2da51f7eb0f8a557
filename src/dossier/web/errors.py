"""One JSON shape for every error, with the HTTP status in it:

    {"error": {"status": 404, "message": "no event with id 'x'", "detail": null}}

`message` is one sentence for a person; `detail` is for programs (for 422, FastAPI's list of
validation errors). HTML pages may render errors their own way: if `app.state.html_errors` is
set to a function (request, status, message) -> Response, it answers requests outside `/api/`
that accept HTML.
"""
from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from sqlalchemy.exc import OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from dossier.web.data import BadQuery

log = logging.getLogger("dossier.web")


def error_body(status: int, message: str, detail: Any = None) -> dict:
    return {"error": {"status": status, "message": message, "detail": jsonable_encoder(detail)}}


def _respond(request: Request, status: int, message: str, detail: Any = None,
             headers: dict[str, str] | None = None) -> Response:
    html = getattr(request.app.state, "html_errors", None)
    if (html is not None and not request.url.path.startswith("/api/")
            and "text/html" in request.headers.get("accept", "")):
        return html(request, status, message)
    return JSONResponse(error_body(status, message, detail), status_code=status, headers=headers)


def install(app: FastAPI) -> None:
    """Register the handlers that turn every failure into the one shape."""

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
        return _respond(request, exc.status_code, message, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        errors = exc.errors()
        first = errors[0] if errors else {}
        where = ".".join(str(p) for p in first.get("loc", ()) 
                         if p not in ("body", "query", "path", "header")) or "request"
        return _respond(request, 422, f"invalid {where}: {first.get('msg', 'invalid request')}",
                        [{k: e.get(k) for k in ("loc", "msg", "type")} for e in errors])

    @app.exception_handler(BadQuery)
    async def bad_query(request: Request, exc: BadQuery) -> Response:
        return _respond(request, 422, str(exc))

    @app.exception_handler(OperationalError)
    async def database_error(request: Request, exc: OperationalError) -> Response:
        if "interrupted" in str(exc.orig) or "statement timeout" in str(exc.orig):
            limit = request.app.state.read_time_limit
            return _respond(request, 503, f"the query took longer than {limit:g} s and was "
                                          "stopped; narrow the filters or ask for a smaller page")
        log.exception("database error on %s", request.url.path)
        return _respond(request, 500, "internal error: the database failed")

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)
        return _respond(request, 500, "internal error")
