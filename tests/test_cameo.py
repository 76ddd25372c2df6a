"""The CAMEO verb lexicon: reading the PETRARCH2 format, the PLOVER mapping, the shipped data."""

from __future__ import annotations

import gzip
import json
from importlib import resources
from pathlib import Path
from typing import get_args

import pytest

from newsgraph.dictionaries.cameo import VerbLexicon, load_verbs
from newsgraph.dictionaries.compilers.cameo import (
    compile_dictionary,
    dump_compiled,
    lexicon_from_file,
)
from newsgraph.dictionaries.plover import CAMEO_TO_PLOVER, PLOVER_TYPES, plover_type
from newsgraph.model import EventType

from .conftest import SHARED, needs_shared

DICTIONARIES = SHARED / "data" / "petrarch2" / "dictionaries"

SNIPPET = """\
# a comment line
&WEAPON
+GUN
+ROCKET
+ASSAULT_RIFLE
+KNIVES_

&TREATY
+ACCORD
+AGREEMENT

####### VERB PATTERNS #######

---  FIGHT   [190]  ---
+OPEN_FIRE {+OPENED_FIRE +OPENS_FIRE +OPENING_FIRE} [193]
ATTACK
SHOOT {SHOOTS SHOOTING SHOT}  # pas 01 Jan 2015
GUNMEN_ONLY [180]
- * (WITH &WEAPON)                        [194]     # ATTACK
- * PLAN                                  [111]     # ATTACK
- * (AGAINST {PEACE PLAN})                [111:110] # ATTACK
- GUNMEN *                                [193]     # ATTACK
- * (TO PRESS) (FOR OUSTER)               [1041]    # ATTACK
- * BITTERLY                              [111]     # ATTACK
- * (IN &WEATHER)                         [---]     # ATTACK
%%% this is not a verb line
~ a (a b ATTACK) SAY = a b 015

---  SIGN   [---]  ---
SIGN
- * &TREATY                               [057:057] # SIGN
- * {PEACE &TREATY}                       [057]     # SIGN
- * (BEFORE COURT)                        [:173]    # SIGN

---  ARRANGE   [---]  ---
SET {SETS SETTING}
- * OFF &WEAPON                           [183]     # SET
- * (ASIDE RIFT)                          [030]     # SET
"""


@pytest.fixture(scope="module")
def snippet() -> tuple[VerbLexicon, dict[str, int], dict[str, int]]:
    data, report = compile_dictionary(SNIPPET, "snippet")
    return VerbLexicon(data), report.counts(), dict(report.dropped)


# --- reading the format -------------------------------------------------------------------------


def test_synset_header_and_default_codes(snippet: tuple[VerbLexicon, dict, dict]) -> None:
    lexicon, counts, _ = snippet
    assert counts["blocks"] == 3 and counts["synsets"] == 2
    assert lexicon.lookup("attack") == ("190", "ASSAULT")  # the block's code
    assert lexicon.lookup("open fire") == ("193", "ASSAULT")  # the verb's own code
    assert lexicon.lookup("ATTACK") == ("190", "ASSAULT")
    assert lexicon.lookup("sign") is None  # [---]: no event on its own
    assert lexicon.lookup("bless") is None and "bless" not in lexicon


def test_irregular_forms(snippet: tuple[VerbLexicon, dict, dict]) -> None:
    lexicon, counts, _ = snippet
    assert lexicon.lemma_of("shot") == "shoot"
    assert lexicon.lemma_of("opened fire") == "open fire"
    assert lexicon.lemma_of("shoot") == "shoot"
    assert lexicon.lemma_of("setting") == "set"
    assert lexicon.lookup("shot") == ("190", "ASSAULT")
    assert counts["forms"] == 3 + 3 + 2


def test_pattern_with_a_preposition(snippet: tuple[VerbLexicon, dict, dict]) -> None:
    lexicon, _, _ = snippet
    assert lexicon.lookup("attack", None, "with", prep_object_lemma="rockets") == ("194", "ASSAULT")
    # Without a prepositional object, the object stands for it.
    assert lexicon.lookup("shoot", "assault rifle", "with") == ("194", "ASSAULT")
    assert lexicon.lookup("attack", None, "with", prep_object_lemma="stick") == ("190", "ASSAULT")
    assert lexicon.lookup("attack", "rocket") == ("190", "ASSAULT")  # preposition required
    found = lexicon.match("attack", None, "against", prep_object_lemma="peace plan")
    assert found is not None and found.pattern
    assert (found.code, found.plover, found.passive) == ("111", "ACCUSE", "110")


def test_pattern_with_an_object_word(snippet: tuple[VerbLexicon, dict, dict]) -> None:
    lexicon, _, _ = snippet
    assert lexicon.lookup("attack", "plan") == ("111", "ACCUSE")
    assert lexicon.lookup("attack", "plans") == ("111", "ACCUSE")
    assert lexicon.lookup("sign", "agreement") == ("057", "AGREE")  # through the synset
    assert lexicon.lookup("sign", "peace accord") == ("057", "AGREE")
    assert lexicon.lookup("sign", "cheque") is None
    # A subject pattern; "gunmen" in the dictionary, the lemma "gunman" from the tagger.
    assert lexicon.lookup("attack", subject_lemma="gunman") == ("193", "ASSAULT")


def test_passive_only_pattern(snippet: tuple[VerbLexicon, dict, dict]) -> None:
    lexicon, _, _ = snippet
    assert lexicon.lookup("sign", None, "before", prep_object_lemma="court") is None
    found = lexicon.match("sign", None, "before", prep_object_lemma="court")
    assert found is not None
    assert (found.code, found.passive, found.passive_plover) == ("---", "173", "COERCE")


def test_particles(snippet: tuple[VerbLexicon, dict, dict]) -> None:
    lexicon, _, _ = snippet
    assert lexicon.lookup("set off", "gun") == ("183", "ASSAULT")
    assert lexicon.lookup("set", "gun") is None  # the pattern needs the particle
    assert lexicon.lookup("set aside", "rift") == ("030", "AGREE")


def test_unparseable_lines_are_counted(snippet: tuple[VerbLexicon, dict, dict]) -> None:
    _, counts, dropped = snippet
    assert counts["unparseable_lines"] == 1
    assert counts["transformations_skipped"] == 1
    assert dropped == {
        "several prepositional phrases": 1,
        "adverb": 1,
        "undefined synset": 1,
    }
    assert counts["patterns_read"] == 12
    assert counts["patterns"] == 12 - 3


def test_bad_input_never_raises(tmp_path: Path) -> None:
    text = "- * ORPHAN [010]\nVERB BEFORE BLOCK\n--- X [19\n{ }\n- * (((( [190]\n- * A [9x]\n"
    path = tmp_path / "bad.verbs.txt"
    path.write_text(text, encoding="utf-8")
    lexicon = lexicon_from_file(path)
    assert lexicon.source == "bad.verbs.txt"
    assert lexicon.counts["patterns_dropped"] >= 2


# --- CAMEO → PLOVER ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("18", "ASSAULT"),
        ("180", "ASSAULT"),
        ("1823", "ASSAULT"),
        ("186", "ASSAULT"),
        ("190", "ASSAULT"),
        ("193", "ASSAULT"),
        ("195", "ASSAULT"),
        ("196", "ASSAULT"),
        ("200", "ASSAULT"),
        ("2042", "ASSAULT"),
        ("173", "COERCE"),
        ("057", "AGREE"),
        ("0874", "RETREAT"),
        ("0871", "AGREE"),  # a truce is reported as an agreement (our choice, see cameo.py)
        ("163", "SANCTION"),
        ("140", "PROTEST"),
        ("141", "PROTEST"),
        ("1453", "PROTEST"),
        ("040", "CONSULT"),
        ("020", "REQUEST"),
        ("100", "REQUEST"),
        ("112", "ACCUSE"),
        ("080", "CONCEDE"),
        ("0841", "CONCEDE"),  # freeing prisoners is a concession
        ("175", "ASSAULT"),
        ("191", "COERCE"),
        ("192", "COERCE"),
        ("010", "OTHER"),
    ],
)
def test_plover_type(code: str, expected: str) -> None:
    assert plover_type(code) == expected


def test_plover_table_is_complete_and_in_the_model() -> None:
    assert sorted(CAMEO_TO_PLOVER) == [f"{n:02d}" for n in range(1, 21)]
    assert set(PLOVER_TYPES) == set(get_args(EventType))
    assert set(CAMEO_TO_PLOVER.values()) <= set(PLOVER_TYPES)


@pytest.mark.parametrize("code", ["---", "", "21", "7", "00", "abc", "042:043", "19000"])
def test_plover_type_rejects_non_cameo(code: str) -> None:
    with pytest.raises(ValueError):
        plover_type(code)


# --- the shipped compiled file ------------------------------------------------------------------


def test_shipped_file_is_small_and_readable() -> None:
    blob = resources.files("newsgraph.data").joinpath("cameo_verbs.json.gz").read_bytes()
    assert len(blob) < 2_000_000
    data = json.loads(gzip.decompress(blob))
    assert data["source"] == "CAMEO.2.0.txt"
    assert data["counts"]["verbs"] > 1500 and data["counts"]["patterns"] > 4000
    assert load_verbs() is load_verbs()


@pytest.mark.parametrize(
    ("args", "codes", "plover"),
    [
        (("attack",), ("18", "19"), "ASSAULT"),
        (("arrest",), ("173",), "COERCE"),
        (("detain",), ("173",), "COERCE"),
        (("kill",), ("18", "19", "20"), "ASSAULT"),
        (("bomb",), ("18", "19"), "ASSAULT"),
        (("protest",), ("14",), "PROTEST"),
        (("sign", "agreement"), ("057",), "AGREE"),
        (("sign", "peace agreement"), ("057",), "AGREE"),
        (("meet",), ("04",), "CONSULT"),
        (("meet with",), ("04",), "CONSULT"),
        (("accuse",), ("112",), "ACCUSE"),
        (("threaten",), ("13",), "THREATEN"),
        (("demand",), ("10",), "REQUEST"),
        (("withdraw", "troops"), ("087",), "RETREAT"),
        (("withdraw", None, "from"), ("0874",), "RETREAT"),
        (("pull out", "troops"), ("087",), "RETREAT"),
        (("impose", "sanctions"), ("163",), "SANCTION"),
        (("declare", "ceasefire"), ("0871",), "AGREE"),
        (("release", "prisoner"), ("0841",), "CONCEDE"),
    ],
)
def test_shipped_lookups(args: tuple[str | None, ...], codes: tuple[str, ...], plover: str) -> None:
    lemma, *rest = args
    assert lemma is not None
    found = load_verbs().lookup(lemma, *rest)
    assert found is not None, args
    code, kind = found
    assert code.startswith(codes) and kind == plover, (args, found)


def test_shipped_ambiguities_stay_visible() -> None:
    lexicon = load_verbs()
    # CAMEO's first block for "pull out" is GO_SOMEWHERE (travel, 040); RETREAT comes second.
    found = lexicon.match("pull out")
    assert found is not None and (found.code, found.block) == ("040", "GO_SOMEWHERE")
    assert lexicon.lookup("withdraw") == ("080", "CONCEDE")  # the RETREAT block's default
    assert lexicon.lookup("attack", "plan") == ("111", "ACCUSE")  # verbal attack
    assert lexicon.lookup("sign") is None
    assert lexicon.lookup("withdrew", "troops") == lexicon.lookup("withdraw", "troops")


@needs_shared
def test_shipped_file_matches_its_source() -> None:
    source = DICTIONARIES / "CAMEO.2.0.txt"
    if not source.is_file():
        pytest.skip("CAMEO.2.0.txt is not in ../shared")
    data, _ = compile_dictionary(source.read_text(encoding="utf-8"), "CAMEO.2.0.txt")
    shipped = resources.files("newsgraph.data").joinpath("cameo_verbs.json.gz").read_bytes()
    assert dump_compiled(data) == shipped, "run scripts/compile_cameo.py"


@needs_shared
def test_validation_dictionary_compiles() -> None:
    source = DICTIONARIES / "PETR.Validate.verbs.txt"
    if not source.is_file():
        pytest.skip("PETR.Validate.verbs.txt is not in ../shared")
    lexicon = lexicon_from_file(source)
    assert lexicon.lookup("arrest") == ("212", "OTHER")  # test codes, not CAMEO
    assert lexicon.lookup("abandon", "diplomatic ties") == ("901", "OTHER")
    assert lexicon.lookup("contribute", "dollars") == ("903", "OTHER")
