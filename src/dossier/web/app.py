"""The web application `dossier serve` runs: the JSON API, the HTML pages and their static files.

One Store per app, opened here and closed at shutdown; each request gets its own session
(`dossier.web.access.read_session`). Writing is possible only when the app has a token.
"""
from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import anyio.to_thread
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from dossier.store.store import Store
from dossier.web import api, downloads, errors, pages
from dossier.web.access import READ_TIME_LIMIT
from dossier.web.cache import ViewCache
from dossier.web.http import HttpBasics, TimedH11Protocol

STATIC = Path(__file__).parent / "static"
# Requests answered at once by one process (the rest wait their turn): reads hold the GIL most
# of their time, so forty threads (anyio's default) mostly take it from each other.
THREADS = int(os.environ.get("DOSSIER_THREADS", "4"))
SERVE_DB, SERVE_TOKEN = "DOSSIER_SERVE_DB", "DOSSIER_TOKEN"   # what `app_from_environment` reads
# uvicorn's settings for `dossier serve`: a connection idle 5 s after a response, or whose
# request headers are not in within 10 s (TimedH11Protocol), is closed; on SIGTERM, requests
# still running after 3 s are cancelled, so the server stops within seconds
SERVER_LIMITS = {"http": TimedH11Protocol, "timeout_keep_alive": 5,
                 "timeout_graceful_shutdown": 3}


def create_app(db: str, token: str | None = None, *,
               read_time_limit: float = READ_TIME_LIMIT) -> FastAPI:
    """The app for the knowledge base at `db` (path or SQLAlchemy URL). `token` (an empty
    string counts as none) enables `POST /api/documents` for requests bearing it."""
    store = Store(db)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        anyio.to_thread.current_default_thread_limiter().total_tokens = THREADS
        yield
        store.close()

    # FastAPI's /docs and /redoc load scripts from a CDN: /docs is our own page (pages.api_docs)
    app = FastAPI(title="dossier", version="0.1.0", lifespan=lifespan, docs_url=None,
                  redoc_url=None,
                  description="A sourced knowledge base of relations between countries: events, "
                              "actors, initiatives, figures and findings, each with the words "
                              "it came from.")
    app.state.store = store
    app.state.token = token or None
    app.state.read_time_limit = read_time_limit
    app.state.writer = None
    if app.state.token:   # only a server that accepts documents loads the ingestion path
        from dossier.web.write import Writer
        app.state.writer = Writer(store)
    app.state.view_cache = ViewCache()   # counts and facets, per state of the store
    app.state.html_errors = pages.error_page   # errors outside /api/ answer as pages
    errors.install(app)
    app.add_middleware(HttpBasics)   # HEAD like GET; a bounded request body
    app.include_router(api.router)
    app.include_router(pages.router)      # the HTML pages (dossier/web/pages.py)
    app.include_router(downloads.router)  # CSV and JSON of what a list page shows
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


def app_from_environment() -> FastAPI:
    """The app of `dossier serve`, built in each server process from the environment it sets
    (uvicorn starts worker processes by importing a factory, not by copying an app)."""
    return create_app(os.environ[SERVE_DB], os.environ.get(SERVE_TOKEN) or None)
