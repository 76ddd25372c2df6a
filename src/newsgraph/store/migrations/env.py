"""Alembic environment: migrations run on the connection `newsgraph.store` hands over."""

from __future__ import annotations

from alembic import context

from newsgraph.store.tables import Base, is_search_object

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copying
    include_name=lambda name, *_: not is_search_object(name),
)
with context.begin_transaction():
    context.run_migrations()
