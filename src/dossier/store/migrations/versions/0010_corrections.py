"""corrections: an analyst's corrections to actors and events

Revision ID: 0010
Revises: 0009

Stored apart from the derived tables (a rebuild empties those) and applied after every
rebuild, in the order they were made (`resolve/corrections.py`).
"""
import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'corrections',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('action', sa.String(length=20), nullable=False),
        sa.Column('target', sa.String(length=200), nullable=False),
        sa.Column('value', sa.JSON(), nullable=False),
        sa.Column('author', sa.String(length=200), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('made_at', sa.DateTime(), nullable=False),
        sa.Column('undone_at', sa.DateTime(), nullable=True),
        sa.Column('outcome', sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint('id'))
    op.create_index('ix_corrections_target', 'corrections', ['target'])


def downgrade() -> None:
    op.drop_index('ix_corrections_target', table_name='corrections')
    op.drop_table('corrections')
