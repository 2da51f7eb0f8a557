"""Test databases: a fresh PostgreSQL schema per test (a module, not conftest, so that test
files can import it: several conftest modules exist)."""
from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

POSTGRES_ENV = "DOSSIER_TEST_POSTGRES"
DEFAULT_POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def postgres_base_url() -> str:
    return os.environ.get(POSTGRES_ENV) or DEFAULT_POSTGRES


@contextmanager
def postgres_schema() -> Iterator[str]:
    """A fresh PostgreSQL schema's URL for as long as the block runs; fails if no server."""
    base = postgres_base_url()
    engine = create_engine(base)
    schema = f"t_{uuid.uuid4().hex[:16]}"
    try:
        with engine.begin() as c:
            c.execute(text(f"CREATE SCHEMA {schema}"))
    except OperationalError as err:
        engine.dispose()
        pytest.fail(f"PostgreSQL is not reachable at {base} ({str(err).splitlines()[0]}); start "
                    f"it (see .ci/run) or point ${POSTGRES_ENV} at a server", pytrace=False)
    sep = "&" if "?" in base else "?"
    try:
        yield f"{base}{sep}options=-csearch_path%3D{schema}"
    finally:
        with engine.begin() as c:
            c.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        engine.dispose()
