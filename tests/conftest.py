"""Shared fixtures: one spaCy pipeline for the whole session, and the paths to ../shared."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from itertools import count
from pathlib import Path

import pytest

from newsgraph.model import Article, Record
from newsgraph.pipeline import Analyzer
from newsgraph.store import Store

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "taliban-isisk-2021-08.txt"
RE3D = SHARED / "data" / "re3d"

needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is not beside the repo")


@pytest.fixture(scope="session")
def analyzer() -> Analyzer:
    return Analyzer()


@pytest.fixture(scope="session")
def read_text(analyzer: Analyzer) -> Callable[..., Article]:
    """Run the whole pipeline over one text and return its article."""

    def run(
        text: str, published: str | None = "2025-03-14", include_text: bool = False, **fields: str
    ) -> Article:
        record = Record(id=fields.pop("id", "t"), text=text, published=published, **fields)
        (result,) = analyzer.run([record], include_text=include_text)
        assert isinstance(result, Article), result
        return result

    return run


# ---------------------------------------------------------------------- corpus stores

CORPUS_FIXTURE = ROOT / "tests" / "fixtures" / "corpus" / "drisna.jsonl"


@pytest.fixture(scope="session")
def postgres(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """A real PostgreSQL server for the session, from the pgserver wheel."""
    try:
        import pgserver

        server = pgserver.get_server(tmp_path_factory.mktemp("pg"), cleanup_mode="stop")
        server.get_uri()
    except Exception as error:  # no binaries for this platform, no shared memory, ...
        pytest.skip(f"PostgreSQL could not start from pgserver: {error}")
    yield server
    server.cleanup()


@pytest.fixture(scope="session")
def postgres_server(postgres: object) -> str:
    """The session's PostgreSQL base URI."""
    return str(postgres.get_uri())  # type: ignore[attr-defined]


def restart_postgres(server: object, down_for: float) -> threading.Thread:
    """Stop the server now (clients are cut off) and start it again after `down_for`
    seconds in the background; join the returned thread to wait for it."""
    import subprocess

    from pgserver._commands import pg_ctl

    pgdata, user = server.pgdata, server.system_user  # type: ignore[attr-defined]
    try:  # a fast shutdown needs no recovery on restart; immediate if it cannot be had
        pg_ctl(["-w", "-m", "fast", "stop"], pgdata=pgdata, user=user, timeout=30)
    except subprocess.CalledProcessError:
        pg_ctl(["-w", "-m", "immediate", "stop"], pgdata=pgdata, user=user, timeout=30)

    def start_again() -> None:
        time.sleep(down_for)
        server.ensure_postgres_running()  # type: ignore[attr-defined]
        _wait_until_ready(server.get_uri())  # type: ignore[attr-defined]

    thread = threading.Thread(target=start_again)
    thread.start()
    return thread


_databases = count()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty store location on each backend: a SQLite file or a new database."""
    if request.param == "sqlite":
        return str(tmp_path / "corpus.db")
    base = request.getfixturevalue("postgres_server")
    import psycopg

    name = f"newsgraph_test_{next(_databases)}"
    _wait_until_ready(base)
    with psycopg.connect(base, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {name}")
        connection.execute(f"CREATE DATABASE {name}")
    return base.replace("/postgres?", f"/{name}?")


@pytest.fixture(scope="session")
def corpus_articles(analyzer: Analyzer) -> list[tuple[Article, Record]]:
    """The fictional corpus scenario's articles, analysed once for the session."""
    from newsgraph.read import iter_records

    records = [r for r in iter_records([str(CORPUS_FIXTURE)]) if isinstance(r, Record)]
    articles = list(analyzer.run(records))
    assert all(isinstance(a, Article) for a in articles), articles
    return list(zip(articles, records, strict=True))  # type: ignore[arg-type]


def stored(db: str, articles: list[tuple[Article, Record]]) -> Store:
    """A store at `db` holding `articles`, written as `ingest` writes each article."""
    from newsgraph.corpus.ingest import store_article
    from newsgraph.gazetteer import default_gazetteer
    from newsgraph.store import open_store

    opened = open_store(db)
    gazetteer = default_gazetteer()
    for article, record in articles:
        store_article(opened, article, record.text, record.origin, gazetteer)
    return opened


def _wait_until_ready(uri: str, seconds: float = 60) -> None:
    """Until PostgreSQL accepts connections (after a restart it first recovers)."""
    import psycopg

    deadline = time.monotonic() + seconds
    while True:
        try:
            with psycopg.connect(uri, connect_timeout=5):
                return
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)
