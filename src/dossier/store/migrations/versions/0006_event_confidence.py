"""event confidence: how sure the system is of each event mention and each event

Revision ID: 0006
Revises: 0005

Plain added columns (no table is rebuilt, so the search triggers of 0002 stay). Rows stored
before have no confidence until the next rebuild of the derived tables computes it.
"""
import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('event_mentions', sa.Column('confidence', sa.Float(), nullable=True))
    op.add_column('events', sa.Column('confidence', sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_column('confidence')
    with op.batch_alter_table('event_mentions', schema=None) as batch_op:
        batch_op.drop_column('confidence')
