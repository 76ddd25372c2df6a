"""Article text on the terminal is data: Rich markup in it is shown, not obeyed, and terminal
control sequences in it never reach the output, from `read` and from every corpus command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.color import ColorSystem
from typer.testing import CliRunner

from newsgraph import console, pipeline
from newsgraph.cli import app
from newsgraph.pipeline import Analyzer
from newsgraph.render import plain, safe_markup

pytestmark = pytest.mark.slow
runner = CliRunner()

# Fictional text carrying Rich markup, CSI (clear screen), OSC (window title, hyperlink),
# BEL and the one-byte C1 CSI.
HOSTILE = [
    "[the]",
    "[link=https://evil.example]",
    "[bold red]",
    "\x1b[2J",
    "\x1b]0;pwned\x07",
    "\x1b]8;;https://evil.example\x1b\\",
    "\x07",
    "\x9b31m",
]
TITLE = "Tessin [the] bridge \x1b]0;owned\x07 holds"
TEXT = (
    'Mira Castellane, the commander of the Harrow Front, said: "We hold [the] bridge at '
    "[link=https://evil.example]Velmora[/link] and we stay \x1b[2J here \x1b]0;pwned\x07 "
    'whatever \x9b31m comes."\n\n'
    "Fighters of the Harrow Front attacked the Ostrel Guard in Tessin on Monday, killing four "
    "soldiers [bold red]at dawn[/bold red], police said.\x07 The Ostrel Guard accused the Harrow "
    "Front of shelling \x1b]8;;https://evil.example\x1b\\the market\x1b]8;;\x1b\\ of Tessin.\n\n"
    "Anton Belik, the governor of Tessin, said the Ostrel Guard would defend the valley."
)
RECORD = {"id": "hostile-1", "title": TITLE, "published": "2026-03-02", "text": TEXT}


def test_plain_removes_control_characters_but_keeps_layout() -> None:
    assert plain("a\x1b[2Jb\tc\nd\x07e\x9bf\x7fg") == "a[2Jb\tc\nd" + "efg"
    assert safe_markup("[the] \x1b]0;x\x07") == "\\[the] ]0;x"


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch, analyzer: Analyzer) -> None:
    """Results printed as to a colour terminal (so Rich would emit links and styles), with
    the session's model instead of loading another."""
    monkeypatch.setattr(console.out, "_force_terminal", True)
    monkeypatch.setattr(console.out, "_color_system", ColorSystem.STANDARD)
    monkeypatch.setattr(console.out, "_width", 250)
    monkeypatch.setattr(pipeline, "Analyzer", lambda *args, **kwargs: analyzer)


def assert_inert(stdout: str) -> None:
    for sequence in ("\x1b[2J", "\x1b]", "\x07", "\x9b", "\x1b\\"):
        assert sequence not in stdout, (sequence, stdout)
    # what styling Rich adds is SGR only: ESC [ digits ; m
    assert all(part[:1] == "[" for part in stdout.split("\x1b")[1:])


def test_read_prints_hostile_text_as_text(terminal: None, tmp_path: Path) -> None:
    source = tmp_path / "hostile.jsonl"
    source.write_text(json.dumps(RECORD) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["read", str(source), "--format", "pretty"])
    assert result.exit_code == 0, result.stderr
    assert_inert(result.stdout)
    assert "Tessin [the] bridge ]0;owned holds" in result.stdout  # the title, not the id
    assert "[the]" in result.stdout.replace("Tessin [the]", "")  # and in the quote


@pytest.fixture
def hostile_db(terminal: None, tmp_path: Path) -> str:
    source = tmp_path / "hostile.jsonl"
    source.write_text(json.dumps(RECORD) + "\n", encoding="utf-8")
    db = str(tmp_path / "hostile.db")
    result = runner.invoke(app, ["ingest", str(source), "--db", db])
    assert result.exit_code == 0, result.stderr
    return db


def test_corpus_commands_print_hostile_text_as_text(hostile_db: str) -> None:
    db = ["--db", hostile_db]
    runs = {
        "actors": ["actors", *db, "--all"],
        "actor": ["actor", "Harrow Front", *db],
        "quotes": ["quotes", *db],
        "events": ["events", *db],
        "curations": ["curations", *db],
    }
    printed = {}
    for name, args in runs.items():
        result = runner.invoke(app, args)
        assert result.exit_code == 0, (name, result.stderr)
        assert_inert(result.stdout)
        printed[name] = result.stdout
    assert "[the]" in printed["quotes"]
    assert "[link=https://evil.example]" in printed["quotes"]
    assert "[the]" in printed["actor"]
    assert "[bold red]" in printed["events"] or "[bold red]" in printed["actor"]
