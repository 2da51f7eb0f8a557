"""Alembic environment: runs migrations on the connection the store hands over."""
from alembic import context

from dossier.store.migrate import include_object
from dossier.store.schema import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata,
                  include_object=include_object,
                  render_as_batch=True)  # SQLite alters tables by copying them
with context.begin_transaction():
    context.run_migrations()
