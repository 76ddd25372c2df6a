"""The PolNeAR brat reader and quote scorer on a fictional brat folder (tests/fixtures/polnear),
and, when ../shared is there, the reader on the real splits."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsgraph.evaluate import polnear, subset
from tests.conftest import SHARED, needs_shared

FOLDER = Path(__file__).parent / "fixtures" / "polnear" / "dev"
HARBOR = "gazette_2031-04-02_harbor-tax-vote"
TRAM = "courier_2031-05-09_quellby-tram"


@pytest.fixture(scope="module")
def documents() -> dict[str, polnear.PolnearDocument]:
    return {d.record.id: d for d in polnear.load(FOLDER)}


def test_the_reader_gives_every_attribution_in_order_of_its_content(
    documents: dict[str, polnear.PolnearDocument],
) -> None:
    harbor = documents[HARBOR]
    got = [(a.content, a.source_text, a.cue_text, a.kind) for a in harbor.attributions]
    assert got == [
        ([(36, 59)], "Mayor Ilsa Varden", "said", "direct"),
        ([(62, 79), (92, 112)], "she", "said", "direct"),  # an interrupted quote: two spans
        ([(135, 176)], "The council", "believes", "indirect"),
        # brat text across a line break (a continuation line starting with "T") and a
        # Content2 part folded into the content; no source; the Discuss span is no attribution
        ([(201, 225), (226, 235)], None, "have learned", "indirect"),
    ]
    assert harbor.attributions[3].content_text == "that the\nTollmark bridge is closed"
    assert [a.quoted_fraction for a in harbor.attributions] == [1.0, 1.0, 0.0, 0.0]


def test_publication_dates_come_from_metadata_then_from_the_file_stem(
    documents: dict[str, polnear.PolnearDocument],
) -> None:
    assert documents[HARBOR].record.published == "2031-04-03"  # metadata.tsv
    assert documents[TRAM].record.published == "2031-05-09"  # no row: the stem's date
    assert list(documents) == sorted(documents)


def test_a_folder_without_ann_files_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Nothing annotated here.", encoding="utf-8")
    with pytest.raises(polnear.PolnearFormatError, match=r"no brat \.ann files"):
        polnear.load(tmp_path)


def test_a_malformed_ann_line_is_named() -> None:
    with pytest.raises(polnear.PolnearFormatError, match=r"x\.ann:2"):
        polnear.parse_ann("T1\tSource 0 4\tMara\nT2\tContent zero four\tword\n", "x.ann")


def test_the_quoted_mask_follows_paragraphs_and_apostrophes() -> None:
    cases = {
        # an open quotation runs to its paragraph's end; the next paragraph starts outside
        "“Open to the end\nnot quoted": "1" * 16 + "0" * 11,
        # a straight pair, and an apostrophe that closes no single quotation
        'a "b" don’t': "00111" + "0" * 6,
        # a single pair: ’ followed by a letter stays inside
        "x ‘it’s fine’ y": "00" + "1" * 11 + "00",
    }
    for text, expected in cases.items():
        assert "".join(str(b) for b in polnear.quoted_mask(text)) == expected, text


def _actor(actor_id: str, name: str, kind: str, *mentions: tuple[int, int]) -> dict[str, Any]:
    return {
        "id": actor_id,
        "name": name,
        "type": kind,
        "aliases": [],
        "mentions": [{"start": s, "end": e, "text": ""} for s, e in mentions],
    }


def _quote(kind: str, spans: list[tuple[int, int]], speaker: str | None) -> dict[str, Any]:
    return {
        "kind": kind,
        "text": "",
        "spans": [{"start": s, "end": e} for s, e in spans],
        "speaker": speaker,
    }


def test_the_scorer_counts_as_the_held_out_polnear_scorer(
    documents: dict[str, polnear.PolnearDocument],
) -> None:
    varden = _actor("a1", "Ilsa Varden", "person", (0, 17))
    harbor = {
        "actors": [varden],
        "quotes": [
            _quote("direct", [(36, 59)], "a1"),  # right speaker: a mention on the source
            _quote("direct", [(62, 79), (92, 112)], "a1"),  # gold source "she": no mention
            _quote("indirect", [(135, 150)], None),  # under half the content: a false positive
            _quote("indirect", [(201, 235)], None),  # gold without source, null speaker
        ],
    }
    tram = {
        "actors": [_actor("b1", "Residents of Quellby", "organization")],
        "quotes": [
            _quote("indirect", [(25, 47)], "b1"),  # right by name
            _quote("direct", [(0, 10)], None),  # touches no gold content
        ],
    }
    score = polnear.PolnearScore()
    score.add(documents[HARBOR], harbor)
    score.add(documents[TRAM], tram)
    got = score.as_dict()
    assert (got["gold"], got["predicted"], got["matched"]) == (6, 6, 4)
    assert (got["precision"], got["recall"], got["f1"]) == (0.6667, 0.6667, 0.6667)
    assert got["attribution_accuracy"] == 0.6667
    assert (got["attribution_by_mention"], got["attribution_by_name"]) == (1, 1)
    assert (got["false_positives"], got["fp_no_gold_overlap"]) == (2, 1)
    assert got["recall_by_kind"] == {"direct": 1.0, "indirect": 0.5}
    assert got["recall_by_quoted_fraction"] == {"none": 0.5, "all": 1.0}
    assert (got["gold_without_source_matched"], got["gold_without_source_null_speaker"]) == (1, 1)
    examples = score.examples(5)
    assert [e["source"] for e in examples["wrong speaker (direct, 1 in all)"]] == ["she"]
    assert sorted(e["text"] for e in examples["missed (indirect, 2 in all)"]) == [
        "repairs start in May",
        "that the harbor tax will pass next spring",
    ]


def test_an_article_without_prediction_finds_nothing(
    documents: dict[str, polnear.PolnearDocument],
) -> None:
    score = polnear.PolnearScore()
    score.add(documents[TRAM], None)
    got = score.as_dict()
    assert (got["gold"], got["matched"], got["documents_without_prediction"]) == (2, 0, 1)


@pytest.mark.parametrize(
    ("source", "actor", "how"),
    [
        ("the Quellby Transit Board", _actor("x", "Quellby Transit Board", "organization"), "name"),
        ("Senator Odile Marchetti", _actor("x", "O. Marchetti", "person"), "name"),  # surname
        ("Senator Odile Marchetti", _actor("x", "Marchetti Group", "organization"), ""),
        ("he", _actor("x", "He", "person"), ""),  # a pronoun source counts only by mention
        ("Marchetti", None, ""),  # no speaker is wrong
    ],
)
def test_speaker_rules(source: str, actor: dict[str, Any] | None, how: str) -> None:
    gold = polnear.GoldAttribution([(50, 60)], "", (0, len(source)), source, None, "direct", 1.0)
    assert polnear.speaker_ok(gold, actor) == how


def test_subset_takes_the_first_or_a_fixed_sample_in_order() -> None:
    items = list(range(10))
    assert subset(items, 3) == [0, 1, 2]
    assert subset(items, None) == items
    sampled = subset(items, 4, sample=True)
    assert sampled == sorted(sampled) and len(set(sampled)) == 4
    assert sampled == subset(items, 4, sample=True)  # the same every run


@needs_shared
@pytest.mark.parametrize("split", ["dev", "train"])
def test_the_real_splits_read_whole(split: str) -> None:
    folder = SHARED / "data" / "polnear" / split
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent")
    documents = polnear.load(folder)
    assert len(documents) == {"dev": 84, "train": 840}[split]
    assert sum(len(d.attributions) for d in documents) == {"dev": 2192, "train": 19832}[split]
