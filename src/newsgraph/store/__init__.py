"""The corpus store: one schema on SQLite (the zero-set-up default) or PostgreSQL.

`open_store` connects, brings the schema up to date with the Alembic migrations in
`migrations/` and returns a `Store`, which hands out sessions. What is read and written
lives beside it: `queries.py` (what the CLI, exports and web read) and `curation.py`
(an analyst's merges and splits); the corpus layer writes articles through `tables.py`.

SQLAlchemy is imported when a store is opened, not with this module, so that the command
line starts quickly.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine
    from sqlalchemy.orm import Session

DEFAULT_DB = "newsgraph.db"
PAGE = 50  # rows per page of a query, unless told otherwise
SQLITE_BUSY_SECONDS = 30.0  # how long a SQLite writer waits for another to finish


class StoreError(Exception):
    """The store cannot be opened or used; the message says why and what to do."""


class MissingStore(StoreError):
    """There is no store where one was to be read."""


def database_url(db: str) -> str:
    """A SQLAlchemy URL for `--db`: a file path means SQLite, postgresql:// means psycopg 3."""
    if db.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + db.split("://", 1)[1]
    if "://" in db:
        if db.startswith(("sqlite://", "postgresql+psycopg://")):
            return db
        raise StoreError(
            f"unsupported database {shown_db(db)!r}: give a file path or postgresql://…"
        )
    return f"sqlite:///{Path(db).expanduser().resolve()}"


def shown_db(db: str) -> str:
    """`db` as it may be shown to a user or written to a log: any password masked."""
    if "://" not in db:
        return db
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        url = make_url(db)
        return url.render_as_string(hide_password=True) if url.password else db
    except (ArgumentError, ValueError):  # not a URL SQLAlchemy can parse: mask by hand
        return re.sub(r"(://[^/:@]*:)[^/@]*@", r"\1***@", db)


def open_store(db: str = DEFAULT_DB, *, create: bool = True) -> Store:
    """The store at `db`, its schema migrated to the newest version.

    With `create=False` a SQLite file that does not exist yet is an error, not a new store:
    queries should not leave empty databases behind. A file that is not a SQLite database,
    or a SQLite database of some other program, is refused.
    """
    import sqlalchemy as sa
    from alembic.util import CommandError

    url = database_url(db)
    shown = shown_db(db)
    sqlite = url.startswith("sqlite:")
    if not create and url.startswith("sqlite:///") and not Path(url[10:]).exists():
        raise MissingStore(f"no store at {shown}: run `newsgraph ingest` first, or pass --db")
    # pre-ping: a pooled connection that died with a server restart is replaced, not used
    options: dict[str, Any] = {"connect_args": {"timeout": SQLITE_BUSY_SECONDS}} if sqlite else {}
    engine = sa.create_engine(url, pool_pre_ping=True, **options)
    if sqlite:
        sa.event.listen(engine, "connect", _sqlite_pragmas)
    try:
        _migrate(engine)
    except (StoreError, CommandError, sa.exc.DBAPIError) as error:
        engine.dispose()
        raise StoreError(_open_failure(error, shown, _password(url))) from error
    return Store(engine)


class Store:
    """Connections to one corpus store."""

    def __init__(self, engine: Engine):
        from sqlalchemy.orm import sessionmaker

        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def session(self) -> Session:
        return self._sessions()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed together, or not at all. On SQLite it holds
        the write lock from its start, so what it reads cannot change before it writes
        (another writer waits for it, up to `SQLITE_BUSY_SECONDS`)."""
        with self._sessions.begin() as session:
            if self.dialect == "sqlite":
                session.connection().exec_driver_sql("BEGIN IMMEDIATE")
            yield session

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        """Those of `hashes` whose article is already stored."""
        import sqlalchemy as sa

        from newsgraph.store.tables import ArticleRow

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
    """Bring the schema to the newest version. On SQLite the write lock is taken first, so
    that several processes opening one new file create its tables once, one after another
    (SQLite runs CREATE TABLE outside a transaction otherwise)."""
    from alembic import command
    from alembic.config import Config

    migrations = resources.files("newsgraph.store").joinpath("migrations")
    with resources.as_file(migrations) as location, engine.begin() as connection:
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql("BEGIN IMMEDIATE")
            _refuse_foreign_sqlite(connection)
        config = Config()
        config.set_main_option("script_location", str(location))
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def _refuse_foreign_sqlite(connection: Connection) -> None:
    """A SQLite database that holds tables but no schema version belongs to some other
    program: newsgraph does not add its tables to it."""
    tables = {
        name
        for (name,) in connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
        )
    }
    if tables and "alembic_version" not in tables:
        raise StoreError("it holds tables of another program")


def _open_failure(error: Exception, shown: str, password: str | None) -> str:
    """One line saying why the store at `shown` cannot be opened, never the password."""
    reason = _reason(error)
    if "file is not a database" in reason or isinstance(error, StoreError):
        detail = "" if "file is not a database" in reason else f" ({reason})"
        message = f"{shown} is not a newsgraph store{detail}"
    elif type(error).__name__ == "CommandError":  # a schema version this newsgraph lacks
        message = f"{shown} is not a newsgraph store this version can open: {reason}"
    else:
        message = f"cannot open the store at {shown}: {reason}"
    # a driver may echo connection details; a password too short to find safely is left
    return message.replace(password, "***") if password and len(password) >= 4 else message


def _password(url: str) -> str | None:
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).password
    except Exception:  # an unparseable URL fails later, with its own message
        return None


def _reason(error: Exception) -> str:
    text = str(getattr(error, "orig", error) or error).strip().splitlines()
    return text[0] if text else type(error).__name__
