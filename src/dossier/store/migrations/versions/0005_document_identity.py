"""document identity: the content hash covers the id, so a copy under another id is stored

Revision ID: 0005
Revises: 0004

Before, `documents.content_hash` was the hash of the raw input alone and unique, so the same
text under another id (a syndicated copy) was dropped as "unchanged" and its outlet lost. It is
now the hash of id and raw input (`dossier.document.identity_hash`); the column and its unique
key stay, and the stored hashes are recomputed so that re-ingesting a stored document still
changes nothing. Rows are read and written in batches, so memory stays flat on a large store.
"""
import hashlib

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

BATCH = 500
_documents = sa.table("documents", sa.column("id", sa.String), sa.column("raw", sa.Text),
                      sa.column("content_hash", sa.String))


def _rehash(hash_of) -> None:
    bind = op.get_bind()
    ids = [row.id for row in bind.execute(sa.select(_documents.c.id).order_by(_documents.c.id))]
    for start in range(0, len(ids), BATCH):
        rows = bind.execute(sa.select(_documents.c.id, _documents.c.raw)
                            .where(_documents.c.id.in_(ids[start:start + BATCH]))).all()
        for row in rows:
            bind.execute(sa.update(_documents).where(_documents.c.id == row.id)
                         .values(content_hash=hash_of(row.id, row.raw)))


def upgrade() -> None:
    # as dossier.document.identity_hash computes it today, written out so that this revision
    # keeps meaning what it meant
    _rehash(lambda doc_id, raw: hashlib.sha256(
        f"{doc_id}\0{raw}".encode("utf-8", "surrogatepass")).hexdigest())


def downgrade() -> None:
    # raw content alone; a store holding two copies of one text breaks the unique key here
    _rehash(lambda _id, raw: hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest())
