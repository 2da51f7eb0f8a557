"""person mentions: whether the country is only the report's own, assumed

Revision ID: 0007
Revises: 0006

A report names its own officials bare ("President Bolsonaro" in a U.S. statement is not
qualified), so the extractor gives them the report's country and marks it assumed. The resolver
needs the mark to let what other reports say outvote the assumption. Rows stored before count as
stated until they are extracted again.
"""
import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('person_mentions', sa.Column('country_assumed', sa.Boolean(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('person_mentions', schema=None) as batch_op:
        batch_op.drop_column('country_assumed')
