"""The corpus commands end to end: ingest through the entry point, then every query,
export and curation command on that store, with their error messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app

from .conftest import CORPUS_FIXTURE
from .test_cli import newsgraph

pytestmark = pytest.mark.slow
runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("cli") / "corpus.db")
    result = newsgraph("ingest", str(CORPUS_FIXTURE), "--db", path)
    assert result.returncode == 0, result.stderr
    assert "4 stored, 0 already in the store, 0 failed" in result.stderr
    return path


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_actors_as_json_and_table(db: str) -> None:
    code, stdout, _ = invoke("actors", "--db", db, "--json", "--type", "armed_group")
    assert code == 0
    assert [a["name"] for a in json.loads(stdout)] == ["Red Ridge Front"]
    code, stdout, _ = invoke("actors", "--db", db, "--search", "varg")
    assert code == 0 and "Ilse Varga" in stdout


def test_dossier(db: str) -> None:
    code, stdout, _ = invoke("actor", "RRF", "--db", db, "--json")
    dossier = json.loads(stdout)
    assert code == 0
    assert dossier["actor"]["name"] == "Red Ridge Front"
    assert {r["predicate"] for r in dossier["relations"]} >= {"fighting", "leader_of"}
    assert "ASSAULT" in [e["type"] for e in dossier["events_as_actor"]]
    code, stdout, _ = invoke("actor", "Ilse Varga", "--db", db)
    assert code == 0 and "Quotes by Ilse Varga" in stdout


def test_unknown_actor_is_a_message_with_suggestions(db: str) -> None:
    code, _, stderr = invoke("actor", "Ilse Vargo", "--db", db)
    assert code == 1
    assert "no actor named 'Ilse Vargo'; did you mean 'Ilse Varga'" in stderr


def test_quotes_and_events_filters(db: str) -> None:
    code, stdout, _ = invoke("quotes", "--db", db, "--speaker", "Reuel", "--json")
    assert code == 0 and {q["speaker"]["name"] for q in json.loads(stdout)} == {"Tomas Reuel"}
    code, stdout, _ = invoke("events", "--db", db, "--type", "ASSAULT", "--json")
    # the Red Ridge Front's raid; a later article's "accused of planning the Drisna attack" is a
    # report of its own (known: the place is read as the doer, issue 18), left out here
    (attack,) = [
        e for e in json.loads(stdout) if {"Red Ridge Front"} <= {a["name"] for a in e["actors"]}
    ]
    assert code == 0 and len(attack["reports"]) == 2
    code, _, stderr = invoke("events", "--db", db, "--since", "last week")
    assert code == 2 and "must be a date as YYYY-MM-DD" in stderr


def test_missing_store_is_a_message(tmp_path: Path) -> None:
    code, _, stderr = invoke("actors", "--db", str(tmp_path / "none.db"))
    assert code == 2
    assert "no store at" in stderr and "newsgraph ingest" in stderr
    assert not (tmp_path / "none.db").exists()


def test_export_to_a_file(db: str, tmp_path: Path) -> None:
    target = tmp_path / "events.csv"
    code, _, stderr = invoke("export", "--format", "csv", "-o", str(target), "--db", db)
    assert code == 0 and "record(s) written" in stderr
    assert target.read_text().startswith("event_id,event_date,event_type")


def test_merge_split_and_their_record(db: str) -> None:
    code, stdout, _ = invoke(
        "merge", "Kelmoran government", "Kelmoran Defence Ministry", "--db", db
    )
    assert code == 0 and "merged" in stdout
    code, stdout, _ = invoke(
        "split", "Kelmoran government", "Kelmoran Defence Ministry", "--db", db
    )
    assert code == 0
    code, _, stderr = invoke("split", "Kelmoran government", "--db", db)
    assert code == 2 and "either another actor" in stderr
    code, stdout, _ = invoke("curations", "--db", db, "--json")
    actions = [(c["action"], c["undone_at"] is not None) for c in json.loads(stdout)]
    assert actions == [("split", False), ("merge", True)]


def test_reingest_through_the_command_line_skips_everything(db: str) -> None:
    result = newsgraph("ingest", str(CORPUS_FIXTURE), "--db", db)
    assert result.returncode == 0
    assert "0 stored, 4 already in the store, 0 failed" in result.stderr
