"""Schema creation and upgrades: Alembic migrations shipped in the package, run on open."""
from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.engine import Engine

MIGRATIONS = Path(__file__).parent / "migrations"
# Tables a migration creates by hand outside the models (the FTS5 index and its shadow tables).
UNMODELLED_TABLE_PREFIXES = ("documents_fts",)
# Indexes a migration creates by hand, on expressions: PostgreSQL's full-text index and the
# timeline's order of events.
UNMODELLED_INDEXES = ("ix_documents_search", "ix_events_timeline")
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

    Processes opening a store at once (two `ingest` runs creating one SQLite file) take turns:
    the second waits for the first's migration and then finds the schema at head. PostgreSQL
    takes an advisory lock; SQLite takes the database's write lock before reading which
    revision it is at (`BEGIN IMMEDIATE`, waiting up to the busy timeout)."""
    config = alembic_config()
    if revision == "head" and _at_head(engine, config):
        return   # the usual case, answered without taking any lock
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": MIGRATION_LOCK})
        elif engine.dialect.name == "sqlite":
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def _at_head(engine: Engine, config: Config) -> bool:
    with engine.connect() as connection:
        current = set(MigrationContext.configure(connection).get_current_heads())
    return current == set(ScriptDirectory.from_config(config).get_heads())


def new_revision(engine: Engine, message: str) -> None:
    """Developer tool: write a migration for the difference between the schema and `engine`."""
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.revision(config, message=message, autogenerate=True,
                         rev_id=f"{len(list((MIGRATIONS / 'versions').glob('*.py'))) + 1:04d}")
