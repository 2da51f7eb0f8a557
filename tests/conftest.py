"""Shared test setup: test helpers (`webserver`) import from the tests folder, and the database
fixtures that run store tests on both SQLite and PostgreSQL.

PostgreSQL tests never skip: CI provides a server (`.ci/run` starts it), and a store that only
works on SQLite must not pass unnoticed. Each test gets a schema of its own, dropped afterwards.
"""
from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from databases import postgres_schema  # noqa: E402  (after the path is set)


@pytest.fixture
def pg_url() -> Iterator[str]:
    """The URL of a fresh, empty PostgreSQL schema (via `search_path`), dropped after the test."""
    with postgres_schema() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A `--db` value for an empty store, once per backend."""
    if request.param == "postgresql":
        return request.getfixturevalue("pg_url")
    return str(tmp_path / "kb.db")
