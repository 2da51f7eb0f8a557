"""postgres search: a GIN full-text index over documents' title and text, on PostgreSQL

Revision ID: 0004
Revises: 0003

Written by hand: an index on an expression is outside the models, and
`dossier.store.migrate.include_object` keeps it out of schema comparisons. The expression must
stay identical to `dossier.store.search.PG_DOCUMENT` or PostgreSQL will not use the index. The
'simple' configuration lowercases but neither stems nor drops stop words, like the SQLite
index. SQLite has its FTS5 index since 0002: nothing to do there.
"""
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("CREATE INDEX ix_documents_search ON documents USING gin "
               "(to_tsvector('simple', coalesce(title, '') || ' ' || text))")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS ix_documents_search")
