"""The command line against a hostile world: stores that are not stores, places it cannot
write, ids and filters that name nothing, nothing to read, more workers than work; and a
quick start (no heavy library imported to print --help).

No spaCy model is loaded here: the stores are written by hand, and where a command would
analyse, the pipeline is replaced by a stand-in.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.cli_corpus import capped_workers
from newsgraph.dictionaries.gazetteer import default_gazetteer
from newsgraph.model import Actor, Article, ArticleMeta, Mention, ReadError, Record
from newsgraph.store import open_store

runner = CliRunner()
NAME = "Orrin Valebrook"


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def small_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A store of one fictional article naming one person."""
    from newsgraph.corpus.ingest import store_article

    db = str(tmp_path_factory.mktemp("cli") / "small.db")
    text = f"{NAME} said the harbour of Quillmarsh would reopen."
    article = Article(
        article=ArticleMeta(id="h1", text_sha256="1" * 64),
        actors=[
            Actor(id="a1", name=NAME, type="person", mentions=[Mention(start=0, end=14, text=NAME)])
        ],
    )
    with open_store(db) as store:
        store_article(store, article, text, "h1", default_gazetteer())
    return db


# ------------------------------------------------------------------------ quick start


def test_importing_the_command_line_loads_no_heavy_library() -> None:
    heavy = ["spacy", "sqlalchemy", "ray", "fastapi", "uvicorn", "alembic", "trafilatura"]
    code = f"import sys, newsgraph.cli; print([m for m in {heavy!r} if m in sys.modules])"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"


def test_help_has_no_type_noise_and_names_every_format() -> None:
    group = typer.main.get_group(app)
    paths = [[]] + [[name] for name in group.commands] + [["evaluate", "quotes"]]
    for path in paths:
        code, stdout, _ = invoke(*path, "--help")
        assert code == 0, path
        assert "<bool>" not in stdout and "<list[str]>" not in stdout, path
        assert not re.search(r"\{[a-z_]+\}", stdout), path  # no {paths}
    _, stdout, _ = invoke("read", "--help")
    assert re.search(r"read \[OPTIONS\] PATHS\.\.\. *\n", stdout)
    flat = " ".join(stdout.replace("│", " ").split())
    for accepted in (".txt", ".html", ".json", ".jsonl", "RSS/Atom", ".warc", "standard input"):
        assert accepted in flat, accepted


# ----------------------------------------------------------------------------- stores


@pytest.mark.parametrize(
    "command",
    [
        ["ingest", "nothing.jsonl"],
        ["actors"],
        ["actor", NAME],
        ["quotes"],
        ["events"],
        ["export", "--format", "csv"],
        ["serve"],
        ["merge", "A", "B"],
        ["curations"],
    ],
)
def test_a_corrupt_store_is_one_line_for_every_command(tmp_path: Path, command: list[str]) -> None:
    db = tmp_path / "c.db"
    db.write_bytes(b"\x13 this was never a database \x00" * 100)
    code, stdout, stderr = invoke(*command, "--db", str(db))
    assert (code, stdout) == (1, "")
    assert stderr == f"error: {db} is not a newsgraph store\n"


def test_a_password_never_reaches_the_terminal() -> None:
    url = "postgresql://reader:s3cret-Word@127.0.0.1:1/corpus"
    code, _, stderr = invoke("actors", "--db", url)
    assert code == 1
    assert "s3cret" not in stderr
    assert stderr.startswith("error: cannot open the store at postgresql://reader:***@127.0.0.1")


@pytest.mark.parametrize("name", ["#99999999999999999999", "99999999999999999999", "#"])
def test_an_actor_no_row_can_be_is_one_line(small_db: str, name: str) -> None:
    code, stdout, stderr = invoke("actor", name, "--db", small_db)
    assert (code, stdout) == (1, "")
    assert stderr.startswith("error: no actor ") and stderr.count("\n") == 1
    code, _, stderr = invoke("events", "--actor", name, "--db", small_db)
    assert code == 1 and stderr.startswith("error: no actor ")


def test_empty_results_say_so(small_db: str) -> None:
    assert invoke("actors", "--db", small_db, "--search", "%") == (0, "no actors match\n", "")
    assert invoke("actors", "--db", small_db, "--search", "🦜", "--json") == (0, "[]\n", "")
    assert invoke("quotes", "--db", small_db) == (0, "no quotes match\n", "")
    assert invoke("events", "--db", small_db) == (0, "no events match\n", "")
    assert invoke("curations", "--db", small_db) == (0, "no curations yet\n", "")
    code, stdout, _ = invoke("actors", "--db", small_db)
    assert code == 0 and NAME in stdout


# ---------------------------------------------------------------------- written files


def unwritable_places(tmp_path: Path) -> Iterator[Path]:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    yield blocker / "x.csv"  # a file where a directory should be
    yield tmp_path  # a directory where the file should be
    if os.geteuid() != 0:  # root writes anywhere
        locked = tmp_path / "read-only"
        locked.mkdir(mode=0o555)
        yield locked / "x.csv"


def test_export_to_a_place_it_cannot_write_is_one_line(small_db: str, tmp_path: Path) -> None:
    for target in unwritable_places(tmp_path):
        code, _, stderr = invoke("export", "-f", "csv", "-o", str(target), "--db", small_db)
        assert code == 1, target
        assert re.fullmatch(rf"error: cannot write {re.escape(str(target))}: [^\n]+\n", stderr)


def test_schema_to_a_place_it_cannot_write_is_one_line(tmp_path: Path) -> None:
    for target in unwritable_places(tmp_path):
        code, _, stderr = invoke("schema", "-o", str(target))
        assert code == 1, target
        assert re.fullmatch(rf"error: cannot write {re.escape(str(target))}: [^\n]+\n", stderr)


# ---------------------------------------------------------------------------- reading


def test_nothing_to_read_says_so(tmp_path: Path) -> None:
    empty = tmp_path / "emptydir"
    empty.mkdir()
    code, stdout, stderr = invoke("read", str(empty), "--format", "jsonl")
    assert (code, stdout) == (1, "")
    assert stderr == f"error: no readable articles in {empty}\n"
    code, stdout, _ = invoke("read", str(empty), "--format", "json")
    assert code == 1 and json.loads(stdout) == []


def records(count: int) -> list[Record | ReadError]:
    return [Record(id=f"r{i}", text=f"Story {i}.") for i in range(count)]


def test_workers_are_capped_by_the_records_and_the_cores(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(os, "sched_getaffinity", lambda _: {0, 1}, raising=False)
    workers, items = capped_workers(8, records(1))
    assert workers == 1 and [r.id for r in items] == ["r0"]  # type: ignore[union-attr]
    assert "using 1 worker(s), not 8: 1 article(s) to read" in capsys.readouterr().err
    workers, items = capped_workers(8, records(20))
    assert workers == 2 and len(list(items)) == 20  # nothing lost by looking ahead
    assert "using 2 worker(s), not 8: 2 CPU core(s) here" in capsys.readouterr().err
    workers, _ = capped_workers(8, records(20), local=False)  # Ray: cores are elsewhere
    assert workers == 8
    workers, _ = capped_workers(2, [*records(3), ReadError(origin="x", message="bad")])
    assert workers == 2 and capsys.readouterr().err == ""
    workers, _ = capped_workers(4, [ReadError(origin="x", message="bad")])
    assert workers == 1  # nothing to analyse: no message, no idle processes


def test_read_starts_no_more_workers_than_articles(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import newsgraph.pipeline

    started: list[int] = []

    def analyze(items: Iterable[Record | ReadError], *, workers: int, **_: object) -> Iterator:
        started.append(workers)
        for item in items:
            assert isinstance(item, Record)
            yield Article(article=ArticleMeta(id=item.id, text_sha256="0" * 64))

    monkeypatch.setattr(newsgraph.pipeline, "analyze", analyze)
    story = tmp_path / "one.txt"
    story.write_text("The ferry left Quillmarsh at dawn.")
    code, stdout, stderr = invoke("read", str(story), "--workers", "8", "--format", "jsonl")
    assert code == 0 and started == [1]
    assert "using 1 worker(s), not 8: 1 article(s) to read" in stderr
    assert json.loads(stdout)["article"]["id"]
