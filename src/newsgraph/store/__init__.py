"""The corpus store: one schema on SQLite (the zero-set-up default) or PostgreSQL.

`open_store` connects, brings the schema up to date with the Alembic migrations in
`migrations/` and returns a `Store`, which hands out sessions. What is read and written
lives beside it: `queries.py` (what the CLI, exports and web read) and `curation.py`
(an analyst's merges and splits); the corpus layer writes articles through `tables.py`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from newsgraph.store.tables import ArticleRow

DEFAULT_DB = "newsgraph.db"


class StoreError(Exception):
    """The store cannot be opened or used; the message says why and what to do."""


def database_url(db: str) -> str:
    """A SQLAlchemy URL for `--db`: a file path means SQLite, postgresql:// means psycopg 3."""
    if db.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + db.split("://", 1)[1]
    if "://" in db:
        if db.startswith(("sqlite://", "postgresql+psycopg://")):
            return db
        raise StoreError(f"unsupported database {db!r}: give a file path or postgresql://…")
    return f"sqlite:///{Path(db).expanduser().resolve()}"


def open_store(db: str = DEFAULT_DB, *, create: bool = True) -> Store:
    """The store at `db`, its schema migrated to the newest version.

    With `create=False` a SQLite file that does not exist yet is an error, not a new store:
    queries should not leave empty databases behind.
    """
    url = database_url(db)
    if not create and url.startswith("sqlite:///") and not Path(url[10:]).exists():
        raise StoreError(f"no store at {db}: run `newsgraph ingest` first, or pass --db")
    # pre-ping: a pooled connection that died with a server restart is replaced, not used
    engine = sa.create_engine(url, pool_pre_ping=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    try:
        _migrate(engine)
    except sa.exc.OperationalError as error:
        engine.dispose()
        raise StoreError(f"cannot open the store at {db}: {_reason(error)}") from error
    return Store(engine)


class Store:
    """Connections to one corpus store."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def session(self) -> Session:
        return self._sessions()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed together, or not at all."""
        with self._sessions.begin() as session:
            yield session

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        """Those of `hashes` whose article is already stored."""
        wanted = list(set(hashes))
        found: set[str] = set()
        with self.session() as session:
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                column = ArticleRow.text_sha256
                found.update(session.scalars(sa.select(column).where(column.in_(chunk))))
        return found

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: Any) -> None:
        self.close()


def _sqlite_pragmas(connection: Any, _: Any) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")  # readers (the web UI) do not block the ingest
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _migrate(engine: Engine) -> None:
    from alembic import command
    from alembic.config import Config

    migrations = resources.files("newsgraph.store").joinpath("migrations")
    with resources.as_file(migrations) as location, engine.begin() as connection:
        config = Config()
        config.set_main_option("script_location", str(location))
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def _reason(error: Exception) -> str:
    text = str(getattr(error, "orig", error) or error).strip().splitlines()
    return text[0] if text else type(error).__name__
