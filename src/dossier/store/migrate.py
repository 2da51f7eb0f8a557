"""Schema creation and upgrades: Alembic migrations shipped in the package, run on open."""
from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import text
from sqlalchemy.engine import Engine

MIGRATIONS = Path(__file__).parent / "migrations"
# Tables a migration creates by hand outside the models (the FTS5 index and its shadow tables).
UNMODELLED_TABLE_PREFIXES = ("documents_fts",)
# Indexes a migration creates by hand: PostgreSQL's full-text index is on an expression.
UNMODELLED_INDEXES = ("ix_documents_search",)
MIGRATION_LOCK = 0x646f7373_6d696772 >> 1   # "dossmigr": one PostgreSQL advisory lock key


def include_object(obj, name: str | None, type_: str, reflected: bool, compare_to) -> bool:
    """Alembic hook: leave the hand-made search tables out of autogenerate and comparisons, so
    that a schema check does not ask to drop them."""
    if type_ == "index":
        return name not in UNMODELLED_INDEXES
    return not (type_ == "table" and name is not None
                and name.startswith(UNMODELLED_TABLE_PREFIXES))


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database to `revision`; a database already there is left untouched.

    On PostgreSQL, processes opening a store at once (two `ingest` runs) take turns: the
    second waits for the first's migration and then finds the schema at head."""
    config = alembic_config()
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": MIGRATION_LOCK})
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def new_revision(engine: Engine, message: str) -> None:
    """Developer tool: write a migration for the difference between the schema and `engine`."""
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.revision(config, message=message, autogenerate=True,
                         rev_id=f"{len(list((MIGRATIONS / 'versions').glob('*.py'))) + 1:04d}")
