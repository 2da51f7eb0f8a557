"""store state: whether the derived tables are current

Revision ID: 0008
Revises: 0007

A run killed after storing documents but before (or while) resolving them left the derived
tables stale, and nothing noticed: a re-run found every document unchanged and resolved
nothing. Two counters now say so: changes to what the derived tables are made from, and that
count when they were last made. A store from before starts even (its derived tables are taken
as current; `dossier rebuild` forces a rebuild).
"""
import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    state = op.create_table(
        'store_state',
        sa.Column('name', sa.String(length=40), nullable=False),
        sa.Column('value', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('name'))
    op.bulk_insert(state, [{'name': 'inputs', 'value': 0}, {'name': 'resolved', 'value': 0}])


def downgrade() -> None:
    op.drop_table('store_state')
