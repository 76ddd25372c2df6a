"""Provenance: modality and time bounds, pinned on hand-built parses (no model)."""

from __future__ import annotations

import pytest

from newsgraph.extract.provenance import modality, sentence_of, time_bounds
from tests.parses import parse


def _clause(words: list[str], lemmas: list[str], extra: list[tuple[str, str, str]]):  # type: ignore[no-untyped-def]
    """ "Osk <extra words> attacked Velmar": the extra words hang from the verb."""
    pre = [w for w, _, _ in extra]
    doc_words = ["Osk", *pre, *words, "Velmar", "."]
    verb = 1 + len(pre)
    n = len(doc_words)
    heads = [verb] * n
    deps = ["nsubj", *(d for _, d, _ in extra), "ROOT", "dobj", "punct"]
    pos = ["PROPN", *(p for _, _, p in extra), "VERB", "PROPN", "PUNCT"]
    doc = parse(
        doc_words,
        heads,
        deps,
        pos,
        lemmas=["Osk", *(w.lower() for w in pre), *lemmas, "Velmar", "."],
    )
    return doc, doc[verb]


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ([], "asserted"),
        ([("may", "aux", "AUX"), ("have", "aux", "AUX")], "hedged"),
        ([("reportedly", "advmod", "ADV")], "hedged"),
        ([("did", "aux", "AUX"), ("not", "neg", "PART")], "negated"),
        ([("never", "neg", "ADV")], "negated"),
        ([("will", "aux", "AUX")], "predicted"),
    ],
)
def test_modality_from_the_words_on_the_verb(
    extra: list[tuple[str, str, str]], expected: str
) -> None:
    _, verb = _clause(["attacked"], ["attack"], extra)
    assert modality(verb) == expected


def test_a_question_is_a_question() -> None:
    doc = parse(
        ["Did", "Osk", "attack", "Velmar", "?"],
        [2, 2, 2, 2, 2],
        ["aux", "nsubj", "ROOT", "dobj", "punct"],
        ["AUX", "PROPN", "VERB", "PROPN", "PUNCT"],
        lemmas=["do", "Osk", "attack", "Velmar", "?"],
    )
    assert modality(doc[2]) == "question"


@pytest.mark.parametrize(
    ("prep", "year", "expected"),
    [
        ("since", "2018", ("2018", None)),
        ("from", "2016", ("2016", None)),
        ("until", "2020", (None, "2020")),
        ("in", "2014", ("2014", None)),
        ("since", "May", (None, None)),  # no year, no bound
    ],
)
def test_time_bounds_from_a_preposition_with_a_year(
    prep: str, year: str, expected: tuple[str | None, str | None]
) -> None:
    # "Osk has fought Velmar since 2018"
    doc = parse(
        ["Osk", "fought", "Velmar", prep, year],
        [1, 1, 1, 1, 3],
        ["nsubj", "ROOT", "dobj", "prep", "pobj"],
        ["PROPN", "VERB", "PROPN", "ADP", "NUM"],
    )
    assert time_bounds(doc[1]) == expected


def test_sentence_of_leaves_out_surrounding_space() -> None:
    doc = parse(
        ["Osk", "fought", "Velmar", ".", "\n"],
        [1, 1, 1, 1, 1],
        ["nsubj", "ROOT", "dobj", "punct", "dep"],
        ["PROPN", "VERB", "PROPN", "PUNCT", "SPACE"],
        spaces=[True, True, False, False, False],
    )
    assert sentence_of(doc[1]).text == "Osk fought Velmar."
