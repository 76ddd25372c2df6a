"""Shared fixtures: one spaCy pipeline for the whole session, and the paths to ../shared."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import count
from pathlib import Path

import pytest

from newsgraph.model import Article, Record
from newsgraph.pipeline import Analyzer

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
def postgres_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real PostgreSQL server for the session, from the pgserver wheel; its base URI."""
    try:
        import pgserver

        server = pgserver.get_server(tmp_path_factory.mktemp("pg"), cleanup_mode="stop")
        uri = server.get_uri()
    except Exception as error:  # no binaries for this platform, no shared memory, ...
        pytest.skip(f"PostgreSQL could not start from pgserver: {error}")
    yield uri
    server.cleanup()


_databases = count()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty store location on each backend: a SQLite file or a new database."""
    if request.param == "sqlite":
        return str(tmp_path / "corpus.db")
    base = request.getfixturevalue("postgres_server")
    import psycopg

    name = f"newsgraph_test_{next(_databases)}"
    with psycopg.connect(base, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {name}")
        connection.execute(f"CREATE DATABASE {name}")
    return base.replace("/postgres?", f"/{name}?")
