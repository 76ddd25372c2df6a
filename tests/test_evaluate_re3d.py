"""re3d event gold, its scorer and the choice of sources, on a fictional re3d folder
(tests/fixtures/re3d), and, when ../shared is there, on the real one's counts."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.evaluate import events, re3d, source_names
from newsgraph.model import Actor, Article, ArticleMeta, Event, Evidence, Fatality, Mention, Place
from tests.conftest import RE3D, needs_shared

FOLDER = Path(__file__).parent / "fixtures" / "re3d"
HARBOR_TEXT = (
    "On 4 March 2031 Varden Navy ships shelled the port of Ostrel, killing 12 sailors. "
    "The Council of Quellby condemned the attack."
)


def _event(type_: str, start: int, end: int, **fields: object) -> Event:
    evidence = Evidence(start=start, end=end, text=HARBOR_TEXT[start:end])
    return Event(type=type_, evidence=evidence, **fields)  # type: ignore[arg-type]


def _harbor(*found: Event) -> Article:
    navy = Actor(
        id="a1",
        name="Varden Navy",
        type="armed_group",
        mentions=[Mention(start=16, end=27, text="Varden Navy")],
    )
    council = Actor(
        id="a2", name="Quellby Council", type="government", aliases=["Council of Quellby"]
    )
    meta = ArticleMeta(id="H1", text_sha256="")
    return Article(article=meta, actors=[navy, council], events=list(found))


def _gold() -> list[re3d.GoldEvent]:
    return re3d.load(FOLDER, ["harbor"])[0].events or []


def test_event_gold_is_read_beside_the_source_folders() -> None:
    documents = {d.record.id: d for d in re3d.load(FOLDER)}
    assert sorted(documents) == ["H1", "W1"]
    first = (documents["H1"].events or [])[0]
    assert (first.types, first.actor, first.date, first.place, first.fatalities) == (
        ["ASSAULT"],
        "Varden Navy",
        "2031-03-04",
        "Ostrel",
        [12],
    )
    assert [e.types for e in documents["W1"].events or []] == [["ASSAULT", "COERCE"], ["CONSULT"]]
    # one source folder given: the event gold is found in its parent
    assert len(re3d.load(FOLDER / "Harbor Ministry")[0].events or []) == 2


def test_matched_events_score_their_fields_and_a_repeat_costs_precision() -> None:
    article = _harbor(
        _event(
            "ASSAULT",
            16,
            60,
            actors=["a1"],
            date="2031-03-04",
            place=Place(name="Ostrel harbour", country="NO"),
            fatalities=[Fatality(count=12)],
        ),
        _event("ASSAULT", 62, 81, actors=["a1"]),  # the same attack again: no gold left
        _event("ACCUSE", 82, 126, actors=["a2"]),  # target missing
    )
    score = events.EventScore()
    events.score_re3d_article(article, _gold(), score)
    got = score.as_dict()
    assert (got["matched"], got["predicted"], got["gold"]) == (2, 3, 2)
    assert got["accuracy"] == {
        "actor": 1.0,
        "target": 0.0,
        "date": 1.0,
        "place": 1.0,
        "fatalities": 1.0,
    }
    assert got["scored"] == {"actor": 2, "target": 1, "date": 1, "place": 1, "fatalities": 1}
    assert any("target None, gold 'Varden Navy'" in m for m in got["misses"])


def test_a_type_the_gold_does_not_accept_or_another_sentence_does_not_match() -> None:
    article = _harbor(
        _event("COERCE", 16, 60, actors=["a1"]),  # ASSAULT only
        _event("ACCUSE", 16, 60, actors=["a2"]),  # the ACCUSE is in the next sentence
    )
    score = events.EventScore()
    events.score_re3d_article(article, _gold(), score)
    assert score.matched == 0
    assert score.as_dict()["recall_by_type"] == {"ACCUSE": 0.0, "ASSAULT": 0.0}


@pytest.mark.parametrize(
    ("gold_place", "predicted", "right"),
    [
        ("Ostrel", Place(name="Ostrel", country="NO"), True),
        ("Ostrel", Place(name="Bergen", country="NO"), False),  # a finer gold place: by name
        ("Norway", Place(name="Ostrel", country="NO"), True),  # only the country is known
        ("Norway", Place(name="Sweden"), False),
        ("Norway", None, False),
    ],
)
def test_place_by_containment_or_country(
    gold_place: str, predicted: Place | None, right: bool
) -> None:
    gold = re3d.GoldEvent(["ASSAULT"], 0, 81, "", place=gold_place, place_country="NO")
    score = events.EventScore()
    events.score_re3d_article(_harbor(_event("ASSAULT", 16, 60, place=predicted)), [gold], score)
    assert score.field_right["place"] == int(right) and score.field_total["place"] == 1


def test_one_to_one_is_a_maximum_matching() -> None:
    # greedy in order would give prediction 0 gold 0 and leave prediction 1 without
    assert events.one_to_one([[0, 1], [0]]) == {0: 1, 1: 0}
    assert events.one_to_one([[0], [0], []]) == {0: 0}


def test_sources_are_chosen_by_name_part_or_short_name() -> None:
    folders = re3d.source_folders(FOLDER)
    assert [f.name for f in re3d.select_sources(folders, ["encyclo"])] == ["Open Encyclopedia"]
    assert [d.record.id for d in re3d.load(FOLDER, ["Harbor Ministry"])] == ["H1"]
    with pytest.raises(re3d.GoldFormatError, match="names no source"):
        re3d.select_sources(folders, ["wire"])
    with pytest.raises(re3d.GoldFormatError, match="several sources"):
        re3d.select_sources(folders, ["o"])
    assert source_names(["uk"], "b") == [
        "uk",
        "Wikipedia",
        "Delegation of the European Union to Syria",
    ]
    with pytest.raises(re3d.GoldFormatError, match="unknown split"):
        source_names(None, "c")


def test_the_splits_share_out_all_four_sources() -> None:
    halves = [set(names) for names in re3d.SPLITS.values()]
    assert len(halves) == 2 and not halves[0] & halves[1]
    assert halves[0] | halves[1] == set(re3d.SOURCE_ALIASES.values())


def test_list_sources_prints_counts_per_source() -> None:
    result = CliRunner().invoke(
        app, ["evaluate", "events", "--gold", str(FOLDER), "--list-sources"], terminal_width=200
    )
    assert result.exit_code == 0, result.output
    rows = [line.split("│") for line in result.output.splitlines() if "Ministry" in line]
    assert [cell.strip() for cell in rows[0][1:-1]] == ["Harbor Ministry", "", "1", "1", "2"]


def test_an_unknown_source_is_one_clear_error() -> None:
    result = CliRunner().invoke(
        app, ["evaluate", "relations", "--gold", str(FOLDER), "--sources", "wire"]
    )
    assert result.exit_code == 2
    assert "'wire' names no source" in result.output
    assert "Traceback" not in result.output


@needs_shared
def test_the_real_re3d_counts_per_split() -> None:
    if not (RE3D / re3d.EVENTS_FILE).is_file():
        pytest.skip("no events_gold.json in ../shared")
    rows = re3d.source_counts(RE3D)
    per_split = {
        split: sum(r["events"] for r in rows if r["split"] == split) for split in ("a", "b")
    }
    assert per_split == {"a": 142, "b": 74}
    assert sum(r["documents"] for r in rows) == 45


def test_a_document_the_event_gold_does_not_cover_has_no_events(tmp_path: Path) -> None:
    import json
    import shutil

    shutil.copytree(FOLDER, tmp_path / "re3d")
    gold_file = tmp_path / "re3d" / re3d.EVENTS_FILE
    data = json.loads(gold_file.read_text(encoding="utf-8"))
    data["documents"] = [d for d in data["documents"] if d["doc_id"] != "W1"]
    gold_file.write_text(json.dumps(data), encoding="utf-8")
    documents = {d.record.id: d for d in re3d.load(tmp_path / "re3d")}
    assert documents["W1"].events is None and len(documents["H1"].events or []) == 2


def test_malformed_event_gold_is_one_clear_error(tmp_path: Path) -> None:
    (tmp_path / "Src").mkdir()
    (tmp_path / "Src" / "documents.json").write_text('{"_id": "D", "text": "x"}\n')
    (tmp_path / re3d.EVENTS_FILE).write_text('{"documents": [{"doc_id": "D"}]}')
    with pytest.raises(re3d.GoldFormatError, match="not event gold"):
        re3d.load(tmp_path)
