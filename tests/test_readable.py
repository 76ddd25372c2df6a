"""Output for people: a plain-text article's headline becomes its title, and fact tables fit
an 80-column terminal without breaking a header inside a word."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from newsgraph.console import _bar
from newsgraph.model import (
    Actor,
    Article,
    ArticleMeta,
    Event,
    Evidence,
    Mention,
    Quote,
    Record,
    Relation,
    Span,
)
from newsgraph.read import count_records, iter_records
from newsgraph.read.records import plain_text_title
from newsgraph.render import CORPUS_EVENT_COLUMNS, FactTable, article_report

BODY = "Fighters of the Harrow Front crossed the river at dawn, witnesses said."


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (f"Harrow Front seizes Velmora bridge\n\n{BODY}", "Harrow Front seizes Velmora bridge"),
        (
            f"\n  Ostrel Guard accused over Tessin market\n{BODY}\n",
            "Ostrel Guard accused over Tessin market",
        ),
        (f"Will the Velmora truce hold?\n\n{BODY}", "Will the Velmora truce hold?"),
        (f"The Harrow Front withdrew from Port Idris.\n\n{BODY}", None),  # a sentence
        (f"VELMORA, March 3 -\n{BODY}", None),  # a dateline runs into the text
        ("Harrow Front seizes Velmora bridge\n", None),  # nothing follows
        (f"{'A very long first line ' * 8}\n\n{BODY}", None),  # too long for a headline
        ("Harrow Front\nOstrel Guard\nTessin", None),  # a list, not a headline and text
    ],
)
def test_the_first_line_is_a_title_when_it_looks_like_a_headline(
    text: str, title: str | None
) -> None:
    assert plain_text_title(text) == title


def test_a_txt_article_gets_its_headline_as_title_and_keeps_its_text(tmp_path: Path) -> None:
    text = f"Harrow Front seizes Velmora bridge\n\n{BODY}\n"
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    (record,) = iter_records([str(path)])
    assert isinstance(record, Record)
    assert record.title == "Harrow Front seizes Velmora bridge"
    assert record.text == text


def sample_article() -> Article:
    meta = ArticleMeta(
        id="3f9a0c1d2e4b5a6c", title="Harrow Front seizes Velmora bridge", text_sha256="0" * 64
    )
    evidence = Evidence(start=0, end=len(BODY), text=BODY)
    front = Actor(
        id="a1",
        name="Harrow Liberation Front of the Northern Valleys",
        type="armed_group",
        aliases=["HLF", "the Front"],
        mentions=[Mention(start=0, end=5, text="Harro")] * 12,
    )
    guard = Actor(id="a2", name="Ostrel Guard", type="organization")
    return Article(
        article=meta,
        actors=[front, guard],
        relations=[
            Relation(
                subject="a1",
                predicate="pledged_allegiance_to",
                object="a2",
                modality="hedged",
                since="2019",
                evidence=evidence,
            )
        ],
        events=[
            Event(
                type="ASSAULT",
                cameo="190",
                actors=["a1"],
                targets=["a2"],
                date="2026-03-02",
                evidence=evidence,
            )
        ],
        quotes=[
            Quote(
                kind="direct",
                text="We hold the bridge.",
                spans=[Span(start=0, end=5)],
                speaker="a1",
                cue="said",
            )
        ],
    )


def render(width: int) -> str:
    console = Console(width=width, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    console.print(article_report(sample_article(), width))
    return console.export_text()


@pytest.mark.parametrize("width", [80, 100, 160])
def test_tables_fit_the_width_and_headers_stay_whole(width: int) -> None:
    output = render(width)
    assert max(len(line) for line in output.splitlines()) <= width
    assert "Harrow Front seizes Velmora bridge" in output.splitlines()[0]  # the title
    header_words = [
        "name",
        "type",
        "mentions",
        "subject",
        "predicate",
        "object",
        "evidence",
        "who",
        "speaker",
        "quote",
    ]
    for word in header_words:
        assert f" {word} " in output, (word, output)


def test_on_80_columns_the_details_fold_under_the_row() -> None:
    output = render(80)
    assert " modality " not in output  # no column for it
    assert "modality: hedged" in output  # under the evidence
    assert "when: 2019" in output
    wide = render(160)
    assert " modality " in wide and "modality: hedged" not in wide


def test_the_count_of_records_is_known_for_files_directories_and_json_lines(
    tmp_path: Path,
) -> None:
    (tmp_path / "a.txt").write_text("One.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text("<p>Two.</p>", encoding="utf-8")
    (tmp_path / "sub" / "c.jsonl").write_text('{"text": "x"}\n\n{"text": "y"}\nnot json\n')
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")  # not read, not counted
    (tmp_path / ".hidden.txt").write_text("Hidden.", encoding="utf-8")
    assert count_records([str(tmp_path)]) == 5
    assert count_records([str(tmp_path / "a.txt"), str(tmp_path / "missing.txt")]) == 2
    assert len(list(iter_records([str(tmp_path)]))) == 5
    (tmp_path / "feed.rss").write_text("<rss></rss>", encoding="utf-8")
    assert count_records([str(tmp_path)]) is None  # a feed's entries are not counted
    assert count_records(["-"]) is None


def test_progress_shows_total_and_time_left_only_when_the_total_is_known() -> None:
    known = [type(column) for column in _bar(40).columns]
    assert known == [
        SpinnerColumn,
        TextColumn,
        BarColumn,
        MofNCompleteColumn,
        TextColumn,
        TimeRemainingColumn,
        TimeElapsedColumn,
    ]
    unknown = [type(column) for column in _bar(None).columns]
    assert unknown == [SpinnerColumn, TextColumn, MofNCompleteColumn, TimeElapsedColumn]
    assert _bar(None).live.auto_refresh  # the spinner turns while one article takes long


def test_the_corpus_tables_fit_80_columns_folding_what_does_not_fit() -> None:
    events = FactTable("Events", CORPUS_EVENT_COLUMNS, "actors", 80)
    events.add_row(
        id="12",
        date="2026-02-09",
        type="ASSAULT",
        actors="Harrow Liberation Front of the Northern Valleys",
        targets="Ostrel Guard, Tessin garrison",
        place="Velmora",
        casualties="killed 12 (Kelmoran Defence Ministry); killed 15 (Valley Courier)",
        reports="2",
    )
    console = Console(width=80, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    console.print(events.table)
    output = console.export_text()
    assert max(len(line) for line in output.splitlines()) <= 80
    for header in ("id", "date", "type", "actors", "targets"):
        assert f" {header} " in output
    assert " reports " not in output  # folded, lowest priority first
    assert "casualties: killed 12" in " ".join(output.replace("│", " ").split())
