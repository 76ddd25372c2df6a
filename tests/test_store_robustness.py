"""The store against a hostile world: files that are not stores, several runs writing one
new store at once, passwords in URLs, ids no database can hold, filters that name nothing.

No spaCy here: articles are made by a stand-in analyser, so the store is what is tested.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from newsgraph.corpus.ingest import ingest
from newsgraph.dictionaries.gazetteer import default_gazetteer
from newsgraph.model import Actor, Article, ArticleMeta, Mention, Record
from newsgraph.store import StoreError, open_store, shown_db
from newsgraph.store import queries as q

NAME = "Orrin Valebrook"

# A stand-in for the pipeline: each record becomes an article naming one invented person.
FAKE_ANALYZER = textwrap.dedent(
    """
    import hashlib

    from newsgraph.model import Actor, Article, ArticleMeta, Mention, Record

    NAME = "Orrin Valebrook"


    def article_of(record):
        start = record.text.index(NAME)
        return Article(
            article=ArticleMeta(
                id=record.id, text_sha256=hashlib.sha256(record.text.encode()).hexdigest()
            ),
            actors=[
                Actor(
                    id="a1",
                    name=NAME,
                    type="person",
                    mentions=[Mention(start=start, end=start + len(NAME), text=NAME)],
                )
            ],
        )


    class FakeAnalyzer:
        def run(self, items, include_text=False):
            for item in items:
                yield article_of(item) if isinstance(item, Record) else item
    """
)

INGEST = textwrap.dedent(
    """
    import sys
    import time

    from fake_analyzer import FakeAnalyzer
    from newsgraph.corpus.ingest import ingest
    from newsgraph.read import iter_records
    from newsgraph.store import open_store

    db, path, start_at = sys.argv[1], sys.argv[2], float(sys.argv[3])
    time.sleep(max(0.0, start_at - time.time()))  # all runs open the new store together
    with open_store(db) as store:
        report = ingest(store, iter_records([path]), analyzer=FakeAnalyzer())
    print(report.stored, report.skipped, report.failed)
    """
)


def write_articles(path: Path, count: int) -> None:
    lines = [
        f'{{"id": "s{i}", "text": "Story {i}. {NAME}, a ferry pilot of Quillmarsh, said the '
        f'tide would turn on day {i}."}}'
        for i in range(count)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_three_ingests_into_one_new_sqlite_file_store_each_article_once(tmp_path: Path) -> None:
    (tmp_path / "fake_analyzer.py").write_text(FAKE_ANALYZER)
    (tmp_path / "run_ingest.py").write_text(INGEST)
    articles = tmp_path / "stories.jsonl"
    write_articles(articles, 20)
    db = tmp_path / "new.db"
    start_at = str(time.time() + 3.0)
    runs = [
        subprocess.Popen(
            [sys.executable, str(tmp_path / "run_ingest.py"), str(db), str(articles), start_at],
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    outcomes = [run.communicate(timeout=120) for run in runs]
    for run, (_, stderr) in zip(runs, outcomes, strict=True):
        assert run.returncode == 0, stderr
    counts = [tuple(map(int, stdout.split())) for stdout, _ in outcomes]
    assert sum(stored for stored, _, _ in counts) == 20
    assert all(stored + skipped == 20 and failed == 0 for stored, skipped, failed in counts)
    with open_store(str(db), create=False) as store, store.session() as session:
        (actor,) = q.list_actors(session)
        assert (actor.name, actor.articles) == (NAME, 20)


def test_an_ingest_counts_an_article_stored_meanwhile_as_skipped(tmp_path: Path) -> None:
    namespace: dict[str, object] = {}
    exec(FAKE_ANALYZER, namespace)
    analyzer = namespace["FakeAnalyzer"]()
    record = Record(id="one", text=f"{NAME} crossed the estuary at dawn.", origin="one")
    with open_store(str(tmp_path / "s.db")) as store:
        first = ingest(store, [record], analyzer=analyzer)  # type: ignore[arg-type]
        # a second run that looked before the first had written: the write itself refuses
        store.known_hashes = lambda hashes: set()  # type: ignore[method-assign]
        second = ingest(store, [record], analyzer=analyzer)  # type: ignore[arg-type]
    assert (first.stored, first.skipped) == (1, 0)
    assert (second.stored, second.skipped) == (0, 1)


@pytest.mark.parametrize(
    "content", [b"\x00\x01 not a database at all " * 200, b"SQLite format 3\x00" + b"\xff" * 90]
)
def test_a_file_that_is_not_a_store_is_one_message(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "c.db"
    path.write_bytes(content)
    with pytest.raises(StoreError, match=r"c\.db is not a newsgraph store$"):
        open_store(str(path))
    assert path.read_bytes() == content


def test_a_sqlite_database_of_another_program_is_left_alone(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "other.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE recipes (name TEXT)")
    with pytest.raises(StoreError, match=r"not a newsgraph store \(it holds tables of another"):
        open_store(str(path))
    with sqlite3.connect(path) as connection:
        tables = connection.execute("SELECT name FROM sqlite_master").fetchall()
    assert tables == [("recipes",)]


def test_a_password_in_the_url_is_never_shown() -> None:
    url = "postgresql://reader:s3cret-Word@127.0.0.1:1/corpus"
    assert shown_db(url) == "postgresql://reader:***@127.0.0.1:1/corpus"
    assert shown_db("newsgraph.db") == "newsgraph.db"
    assert (
        shown_db("sqlite:///file:c.db?mode=ro&uri=true") == "sqlite:///file:c.db?mode=ro&uri=true"
    )
    with pytest.raises(StoreError) as raised:
        open_store(url)
    assert "s3cret" not in str(raised.value)
    assert "cannot open the store at postgresql://reader:***@127.0.0.1:1/corpus" in str(
        raised.value
    )
    with pytest.raises(StoreError) as raised:
        open_store("mysql://reader:s3cret-Word@host/corpus")
    assert "s3cret" not in str(raised.value)


@pytest.fixture(scope="module")
def small_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    from newsgraph.corpus.ingest import store_article

    db = str(tmp_path_factory.mktemp("store") / "small.db")
    text = f"{NAME} said the harbour of Quillmarsh would reopen."
    article = Article(
        article=ArticleMeta(id="h1", text_sha256="0" * 64),
        actors=[
            Actor(
                id="a1",
                name=NAME,
                type="person",
                mentions=[Mention(start=0, end=len(NAME), text=NAME)],
            )
        ],
    )
    with open_store(db) as store:
        assert store_article(store, article, text, "h1", default_gazetteer())
    return db


@pytest.mark.parametrize(
    "name", ["#99999999999999999999", "99999999999999999999", f"#{2**63}", "#0", "#²"]
)
def test_an_id_no_row_can_have_is_not_found(small_store: str, name: str) -> None:
    with open_store(small_store, create=False) as store, store.session() as session:
        with pytest.raises(q.NotFound):
            q.actor_filter(session, name)
        with pytest.raises(q.NotFound):
            q.article_view(session, 2**70)


@pytest.mark.parametrize("nothing", ["#", "%", "🦜", "  ", "—!?"])
def test_a_filter_that_normalises_to_nothing_matches_nothing(
    small_store: str, nothing: str
) -> None:
    with open_store(small_store, create=False) as store, store.session() as session:
        assert [a.name for a in q.list_actors(session)] == [NAME]  # there is something
        assert q.list_actors(session, search=nothing) == []
        assert q.search_quotes(session, search=nothing) == []
        with pytest.raises(q.NotFound):
            q.actor_filter(session, nothing)
        assert q.actor_filter(session, "") is None  # no filter given: everything
