"""The places and conditions of data/relation_triggers.tsv, pinned on hand-built parses
(no model): each registered function reads the parse it is given, and the data file may
name only what is registered."""

from __future__ import annotations

import pytest

from newsgraph.dictionaries import lexicons
from newsgraph.extract import relation_conditions, relation_places, relations
from newsgraph.extract.facts import ActorDraft
from newsgraph.extract.relation_places import place
from tests.parses import indices, parse


def test_every_name_in_the_data_file_is_registered() -> None:
    relations.patterns.cache_clear()
    assert relations.patterns()  # loading checks every kind, place and condition
    names = {
        name
        for row in lexicons.rows("relation_triggers.tsv")
        for column in (row[3], row[4])
        for name in column.split("|")
    }
    assert {"subj", "obj", "holder", "between", "co", "prefix", "sufferer"} <= names
    for name in names:
        assert place(name).name == name


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (["verb", "fight", "fighting", "subj", "objct"], "unknown place 'objct'"),
        (["verb", "fight", "fighting", "subj", "prep:"], "unknown place 'prep:'"),
        (["verb", "fight", "fighting", "subj", "obj", "prtt=away"], "unknown condition 'prtt'"),
        (["verb ", "fight", "fighting", "subj", "obj"], "unknown kind"),
        (["adverb", "fight", "fighting", "subj", "obj"], "unknown kind 'adverb'"),
    ],
)
def test_an_unknown_name_fails_when_the_file_is_loaded(
    monkeypatch: pytest.MonkeyPatch, row: list[str], message: str
) -> None:
    monkeypatch.setattr(lexicons, "rows", lambda name: [row])
    relations.patterns.cache_clear()
    try:
        with pytest.raises(relations.TriggerTableError, match=message):
            relations.patterns()
    finally:
        relations.patterns.cache_clear()


def test_a_preposition_place_takes_any_preposition_and_is_acted_on() -> None:
    # "Velmar clashed with Osk and Tarn"
    doc = parse(
        ["Velmar", "clashed", "with", "Osk", "and", "Tarn"],
        [1, 1, 1, 2, 3, 3],
        ["nsubj", "ROOT", "prep", "pobj", "cc", "conj"],
        ["PROPN", "VERB", "ADP", "PROPN", "CCONJ", "PROPN"],
        lemmas=["Velmar", "clash", "with", "Osk", "and", "Tarn"],
    )
    assert indices(place("prep:with").tokens(doc[1])) == [3, 5]
    assert place("prep:with").acted_on and place("obj").acted_on
    assert not place("subj").acted_on
    assert indices(place("subj").tokens(doc[1])) == [0]
    assert place("prep:against").tokens(doc[1]) == []


@pytest.mark.parametrize(
    ("words", "spaces", "expected"),
    [
        (["Kestria", "-", "backed", "rebels"], [False, False, True, False], [0]),
        (["the", "Osk", "-", "led", "coalition"], [True, False, False, True, False], [1]),
        # spaced hyphen: a dash between words, not a joined name
        (["Kestria", "-", "backed", "rebels"], [True, True, True, False], []),
    ],
)
def test_prefix_is_the_name_a_hyphen_joins(
    words: list[str], spaces: list[bool], expected: list[int]
) -> None:
    participle = len(words) - 2
    heads = [len(words) - 1] * len(words)
    heads[-1] = len(words) - 1
    deps = ["amod"] * (len(words) - 1) + ["ROOT"]
    doc = parse(words, heads, deps, ["X"] * len(words), spaces=spaces)
    assert indices(place("prefix").tokens(doc[participle])) == expected


def test_holder_of_a_predicate_noun_is_the_subject_with_its_conjuncts() -> None:
    # "Velmar and Tarn are affiliates of Osk"
    doc = parse(
        ["Velmar", "and", "Tarn", "are", "affiliates", "of", "Osk"],
        [3, 0, 0, 3, 3, 4, 5],
        ["nsubj", "cc", "conj", "ROOT", "attr", "prep", "pobj"],
        ["PROPN", "CCONJ", "PROPN", "AUX", "NOUN", "ADP", "PROPN"],
        lemmas=["Velmar", "and", "Tarn", "be", "affiliate", "of", "Osk"],
    )
    assert indices(place("holder").tokens(doc[4])) == [0, 2]


def test_holder_of_an_apposition_is_the_name_alone() -> None:
    # "leader Ivo Brask and Mira Holt": the title set beside a name holds only that name
    doc = parse(
        ["Brask", ",", "leader", "of", "Osk", ",", "and", "Holt"],
        [0, 0, 0, 2, 3, 0, 0, 0],
        ["ROOT", "punct", "appos", "prep", "pobj", "punct", "cc", "conj"],
        ["PROPN", "PUNCT", "NOUN", "ADP", "PROPN", "PUNCT", "CCONJ", "PROPN"],
    )
    assert indices(place("holder").tokens(doc[2])) == [0]
    assert indices(place("prep:of").tokens(doc[2])) == [4]


def test_sufferer_is_who_suffered_at_the_hands_of() -> None:
    # "villagers suffered at the hands of the Front"
    doc = parse(
        ["villagers", "suffered", "at", "the", "hands", "of", "the", "Front"],
        [1, 1, 1, 4, 2, 4, 7, 5],
        ["nsubj", "ROOT", "prep", "det", "pobj", "prep", "det", "pobj"],
        ["NOUN", "VERB", "ADP", "DET", "NOUN", "ADP", "DET", "PROPN"],
        lemmas=["villager", "suffer", "at", "the", "hand", "of", "the", "Front"],
    )
    assert indices(place("sufferer").tokens(doc[4])) == [0]
    assert indices(place("prep:of").tokens(doc[4])) == [7]


def test_recipient_is_who_is_given_not_what() -> None:
    # "Kestria provided the rebels weapons" / "Kestria provided the rebels with weapons"
    dative = parse(
        ["Kestria", "provided", "the", "rebels", "weapons"],
        [1, 1, 3, 1, 1],
        ["nsubj", "ROOT", "det", "dative", "dobj"],
        ["PROPN", "VERB", "DET", "NOUN", "NOUN"],
    )
    assert indices(place("recipient").tokens(dative[1])) == [3]
    with_ = parse(
        ["Kestria", "provided", "the", "rebels", "with", "weapons"],
        [1, 1, 3, 1, 1, 4],
        ["nsubj", "ROOT", "det", "dobj", "prep", "pobj"],
        ["PROPN", "VERB", "DET", "NOUN", "ADP", "NOUN"],
    )
    assert indices(place("recipient").tokens(with_[1])) == [3]
    given = parse(
        ["Kestria", "provided", "125", "soldiers"],
        [1, 1, 3, 1],
        ["nsubj", "ROOT", "nummod", "dobj"],
        ["PROPN", "VERB", "NUM", "NOUN"],
    )
    assert place("recipient").tokens(given[1]) == []


def test_pair_places_hold_nobody_alone() -> None:
    # "talks between Velmar and Osk": the pair is read by relations._ends
    doc = parse(
        ["talks", "between", "Velmar", "and", "Osk"],
        [0, 0, 1, 2, 2],
        ["ROOT", "prep", "pobj", "cc", "conj"],
        ["NOUN", "ADP", "PROPN", "CCONJ", "PROPN"],
    )
    assert place("between").tokens(doc[0]) == place("co").tokens(doc[0]) == []
    assert indices(relation_places.between(doc[0])) == [2, 4]


@pytest.mark.parametrize(
    ("particle", "values", "holds"),
    [("away", {"away"}, True), ("off", {"away", "off"}, True), ("up", {"away"}, False)],
)
def test_particle_condition(particle: str, values: set[str], holds: bool) -> None:
    # "the Front broke away", parsed with the particle as prt
    doc = parse(
        ["the", "Front", "broke", particle],
        [1, 2, 2, 2],
        ["det", "nsubj", "ROOT", "prt"],
        ["DET", "PROPN", "VERB", "ADP"],
    )
    check = relation_conditions.TRIGGER_CONDITIONS["prt"]
    assert check(doc[2], frozenset(values)) is holds


def test_object_noun_condition_reads_lemma_or_word() -> None:
    doc = parse(
        ["Osk", "pledged", "allegiance"],
        [1, 1, 1],
        ["nsubj", "ROOT", "dobj"],
        ["PROPN", "VERB", "NOUN"],
        lemmas=["Osk", "pledge", "allegiance"],
    )
    check = relation_conditions.TRIGGER_CONDITIONS["dobj"]
    assert check(doc[1], frozenset({"allegiance", "loyalty"}))
    assert not check(doc[1], frozenset({"truce"}))


def _actor(name: str, type_: str) -> ActorDraft:
    return ActorDraft(id=name.lower(), name=name, type=type_)  # type: ignore[arg-type]


def test_end_conditions_filter_resolved_ends() -> None:
    person, group, state = (
        _actor("Ivo Brask", "person"),
        _actor("the Front", "armed_group"),
        _actor("Kestria", "state"),
    )
    subj = relation_conditions.END_CONDITIONS["subj"]
    assert subj([person, group], [state], frozenset({"person"})) == ([person], [state])
    obj = relation_conditions.END_CONDITIONS["obj"]
    assert obj([person], [group, person], frozenset({"armed_group"})) == ([person], [group])
    every = relation_conditions.END_CONDITIONS["objs"]
    types = frozenset({"armed_group", "state"})
    assert every([person], [group, state], types) == ([person], [group, state])
    assert every([person], [group, person], types) == ([person], [])


def test_a_new_place_is_one_registered_function_and_one_data_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the way a phenomenon is added: register a function under a name, name it in a line
    monkeypatch.setattr(relation_places, "PLACES", dict(relation_places.PLACES))

    @relation_places.register("escort")
    def _escorted(verb):  # type: ignore[no-untyped-def]
        return [c for c in verb.children if c.dep_ == "dobj"]

    row = ["verb", "escort", "supports", "subj", "escort"]
    monkeypatch.setattr(lexicons, "rows", lambda name: [row])
    relations.patterns.cache_clear()
    try:
        (pattern,) = relations.patterns()[("verb", "escort")]
    finally:
        relations.patterns.cache_clear()
    assert pattern.object == ("escort",)
    doc = parse(
        ["Osk", "escorted", "Velmar", "and", "Tarn"],
        [1, 1, 1, 2, 2],
        ["nsubj", "ROOT", "dobj", "cc", "conj"],
        ["PROPN", "VERB", "PROPN", "CCONJ", "PROPN"],
    )
    assert indices(place("escort").tokens(doc[1])) == [2, 4]  # conjuncts come with it
