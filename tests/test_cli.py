"""The command line, end to end through the installed entry point."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from newsgraph.model import json_schema

from .conftest import SEED, needs_shared


def newsgraph(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsgraph", *args],
        capture_output=True,
        text=True,
        input=stdin,
        timeout=240,
    )


def test_bad_record_between_two_good_ones(tmp_path: Path) -> None:
    path = tmp_path / "three.jsonl"
    path.write_text(
        '{"id": "one", "text": "The Harrow Front shelled Port Idris."}\n'
        '{"id": "two", "title": "no text here"}\n'
        '{"id": "three", "text": "Kestria recalled its envoy from Velmora."}\n',
        encoding="utf-8",
    )
    result = newsgraph("read", str(path), "--format", "jsonl")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert [json.loads(line)["article"]["id"] for line in lines] == ["one", "three"]
    assert f'{path}:2: record has no "text" field' in result.stderr
    assert "Traceback" not in result.stderr


@needs_shared
def test_seed_article_gives_one_valid_contract_object() -> None:
    result = newsgraph("read", str(SEED), "--published", "2021-08-27", "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    (line,) = result.stdout.splitlines()
    article = json.loads(line)
    jsonschema.Draft202012Validator(json_schema()).validate(article)
    assert article["article"]["published"] == "2021-08-27"
    text = SEED.read_text(encoding="utf-8")
    for actor in article["actors"]:
        for mention in actor["mentions"]:
            assert text[mention["start"] : mention["end"]] == mention["text"]
    for quote in article["quotes"]:
        assert quote["text"].startswith(
            text[quote["spans"][0]["start"] : quote["spans"][0]["end"]][:20]
        )


def test_json_format_is_one_list_and_stdin_is_read() -> None:
    result = newsgraph(
        "read", "-", "--format", "json", "--include-text", stdin="Kestria closed the border."
    )
    assert result.returncode == 0, result.stderr
    (article,) = json.loads(result.stdout)
    assert article["article"]["text"] == "Kestria closed the border."


def test_bad_options_are_usage_errors_without_traceback(tmp_path: Path) -> None:
    """Through the entry point once, then in process (a process per case costs seconds)."""
    from typer.testing import CliRunner

    from newsgraph.cli import app

    path = tmp_path / "a.txt"
    path.write_text("Text.", encoding="utf-8")
    result = newsgraph("read", str(path), "--published", "yesterday")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    for args in (
        ["read", str(path), "--format", "xml"],
        ["read", str(path), "--workers", "0"],
        ["evaluate", "entities", "--gold", str(tmp_path / "missing")],
    ):
        outcome = CliRunner().invoke(app, args)
        assert outcome.exit_code == 2, args
        assert isinstance(outcome.exception, SystemExit), outcome.exception  # no traceback


def test_missing_file_fails_the_run_but_reads_the_rest(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("The truce held in Port Idris.", encoding="utf-8")
    result = newsgraph("read", str(tmp_path / "nope.txt"), str(good), "-f", "jsonl")
    assert result.returncode == 1
    assert len(result.stdout.splitlines()) == 1
    assert "nope.txt: no such file or directory" in result.stderr


def test_schema_command_prints_the_schema() -> None:
    result = newsgraph("schema")
    assert result.returncode == 0
    assert json.loads(result.stdout) == json_schema()


def test_every_command_has_help() -> None:
    """Every command and group the app registers (through the installed entry point once,
    then in process: a process per command costs seconds)."""
    import typer
    from typer.testing import CliRunner

    from newsgraph.cli import app

    assert "Usage" in newsgraph("--help").stdout
    group = typer.main.get_group(app)
    paths = [[]] + [[name] for name in group.commands]
    paths += [
        [name, sub]
        for name, command in group.commands.items()
        for sub in getattr(command, "commands", {})
    ]
    assert ["ingest"] in paths and ["evaluate", "relations"] in paths
    runner = CliRunner()
    for path in paths:
        result = runner.invoke(app, [*path, "--help"])
        assert result.exit_code == 0, path
        assert "Usage" in result.output, path


@pytest.mark.slow
def test_two_workers_give_the_same_output_in_the_same_order(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    stories = [
        f"Story {i}: Colonel Ines Marrow of the Kestrian army said the Harrow Front attacked "
        f"Port Idris on Thursday, killing {i} villagers."
        for i in range(40)
    ]
    path.write_text(
        "".join(json.dumps({"id": f"s{i}", "text": s}) + "\n" for i, s in enumerate(stories)),
        encoding="utf-8",
    )
    one = newsgraph("read", str(path), "-f", "jsonl")
    two = newsgraph("read", str(path), "-f", "jsonl", "--workers", "2")
    assert one.returncode == two.returncode == 0, two.stderr
    assert one.stdout == two.stdout
    assert len(one.stdout.splitlines()) == 40
