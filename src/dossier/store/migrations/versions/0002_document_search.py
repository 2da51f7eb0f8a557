"""document search: an SQLite FTS5 index over documents, kept in sync by triggers

Revision ID: 0002
Revises: 0001

Written by hand: autogenerate knows nothing of virtual tables or triggers. The index keeps its
own copy of id, title and text (not an external-content table keyed on the documents' rowid,
since VACUUM may renumber the rowids of a table without an INTEGER PRIMARY KEY). The table and
its shadow tables are outside the models; `dossier.store.migrate.include_object` keeps them out
of schema comparisons. On PostgreSQL this revision does nothing: search falls back to ILIKE
until full-text search comes with issue 6.

A later migration that rebuilds `documents` in batch mode (SQLite copies the table) drops these
triggers with it and must create them again.
"""
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

_ROW = "new.id, new.title, new.text"


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("CREATE VIRTUAL TABLE documents_fts USING fts5("
               "id UNINDEXED, title, text, tokenize='unicode61 remove_diacritics 2')")
    op.execute("CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN "
               f"INSERT INTO documents_fts (id, title, text) VALUES ({_ROW}); END")
    op.execute("CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN "
               "DELETE FROM documents_fts WHERE id = old.id; END")
    op.execute("CREATE TRIGGER documents_fts_update AFTER UPDATE OF id, title, text ON documents "
               "BEGIN DELETE FROM documents_fts WHERE id = old.id; "
               f"INSERT INTO documents_fts (id, title, text) VALUES ({_ROW}); END")
    op.execute("INSERT INTO documents_fts (id, title, text) SELECT id, title, text FROM documents")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for trigger in ("insert", "delete", "update"):
        op.execute(f"DROP TRIGGER IF EXISTS documents_fts_{trigger}")
    op.execute("DROP TABLE IF EXISTS documents_fts")
