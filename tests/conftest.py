"""Shared fixtures: one spaCy pipeline for the whole session, and the paths to ../shared."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from itertools import count
from pathlib import Path

import pytest

from newsgraph.model import Article, Record
from newsgraph.pipeline import Analyzer
from newsgraph.store import Store, open_store

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
def postgres() -> Iterator[object]:
    """A real PostgreSQL server for the session, from the pgserver wheel.

    Its data directory is not under pytest's base temp: pgserver runs the server as another
    user when we are root, and every pytest session that starts on the machine resets
    /tmp/pytest-of-root to 0700, locking that user out of its own files mid-run."""
    data = Path(tempfile.mkdtemp(prefix="newsgraph-pg-"))
    try:
        import pgserver

        server = pgserver.get_server(data, cleanup_mode="stop")
        server.get_uri()
    except Exception as error:  # no binaries for this platform, no shared memory, ...
        shutil.rmtree(data, ignore_errors=True)
        pytest.skip(f"PostgreSQL could not start from pgserver: {error}")
    yield server
    server.cleanup()
    shutil.rmtree(data, ignore_errors=True)


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
    from newsgraph.dictionaries.gazetteer import default_gazetteer
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


def kill_ingest_midway_and_resume(
    db_url: str, tmp_path: Path, *options: str, resume_with: tuple[str, ...] | None = None
) -> None:
    """SIGKILL `newsgraph ingest` once it has stored 5 of 40 articles, rerun it (with the
    options `resume_with`, by default the same), and check that the store ends with every
    article once and whole: nothing lost, nothing doubled."""
    import sqlalchemy as sa

    from newsgraph.demo.synthetic import articles

    corpus = tmp_path / "synthetic.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in articles(40, seed=3)))
    expected = sorted(record["id"] for record in articles(40, seed=3))
    command = [sys.executable, "-m", "newsgraph", "ingest", str(corpus), "--db", db_url]
    rerun = [*command, *(options if resume_with is None else resume_with)]
    command += options
    store = open_store(db_url)

    def count_articles() -> int:
        with store.session() as session:
            return session.execute(sa.text("SELECT count(*) FROM articles")).scalar_one()

    # A session of its own, so that whatever the ingest started (a local Ray) can be
    # cleaned up after the driver alone was killed.
    running = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    try:
        deadline = time.monotonic() + 120
        while count_articles() < 5 and running.poll() is None:
            assert time.monotonic() < deadline, "the ingest stored nothing in two minutes"
            time.sleep(0.05)
        os.kill(running.pid, signal.SIGKILL)
        running.wait()
    finally:
        _kill_session(running.pid)
    interrupted = count_articles()
    assert 5 <= interrupted < 40, "the ingest was not stopped midway"

    finished = subprocess.run(rerun, capture_output=True, text=True, check=False)
    assert finished.returncode == 0, finished.stderr
    assert f"{40 - interrupted} stored, {interrupted} already in the store" in finished.stderr
    with store.session() as session:
        stored_ids = session.scalars(sa.text("SELECT doc_id FROM articles")).all()
        empty = session.execute(
            sa.text(
                "SELECT count(*) FROM articles a WHERE NOT EXISTS "
                "(SELECT 1 FROM article_actors x WHERE x.article_id = a.id)"
            )
        ).scalar_one()
    assert sorted(stored_ids) == expected  # nothing lost, nothing doubled
    assert empty == 0  # every stored article was stored whole


def _kill_session(session_id: int) -> None:
    with contextlib.suppress(ProcessLookupError):  # nothing of it left
        os.killpg(session_id, signal.SIGKILL)


# ---------------------------------------------------------------------- markers


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that reads through the spaCy model (the `analyzer` fixture, or `read_text`,
    which uses it) is `slow`, as the marker promises, wherever it is written; the rest of
    its module runs without the model (`pytest -m "not slow"`)."""
    for item in items:
        if "analyzer" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)
