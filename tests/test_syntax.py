"""Readings of the dependency parse shared by the stages, pinned on hand-built parses
(no model)."""

from __future__ import annotations

from newsgraph.extract.syntax import (
    is_passive,
    noun_phrase,
    object_heads,
    phrase_text,
    prep_objects,
    previous_sentence,
    root_subjects,
    subject_heads,
    word_kind,
)
from tests.parses import indices, parse


def _passive():  # type: ignore[no-untyped-def]
    # "Velmar was attacked by Osk and Tarn"
    return parse(
        ["Velmar", "was", "attacked", "by", "Osk", "and", "Tarn"],
        [2, 2, 2, 2, 3, 4, 4],
        ["nsubjpass", "auxpass", "ROOT", "agent", "pobj", "cc", "conj"],
        ["PROPN", "AUX", "VERB", "ADP", "PROPN", "CCONJ", "PROPN"],
        lemmas=["Velmar", "be", "attack", "by", "Osk", "and", "Tarn"],
        tags=["NNP", "VBD", "VBN", "IN", "NNP", "CC", "NNP"],
    )


def test_a_passive_subject_is_its_agent_and_its_object_the_passive_subject() -> None:
    doc = _passive()
    assert is_passive(doc[2])
    assert indices(subject_heads(doc[2])) == [4]  # conjuncts are the caller's to add
    assert indices(object_heads(doc[2])) == [0]


def test_an_active_verb_reads_subject_and_object() -> None:
    doc = parse(
        ["Osk", "attacked", "Velmar"],
        [1, 1, 1],
        ["nsubj", "ROOT", "dobj"],
        ["PROPN", "VERB", "PROPN"],
        lemmas=["Osk", "attack", "Velmar"],
    )
    assert not is_passive(doc[1])
    assert indices(subject_heads(doc[1])) == [0]
    assert indices(object_heads(doc[1])) == [2]


def test_a_conjoined_verb_shares_the_subject() -> None:
    # "Osk broke away from Velmar and formed a front"
    doc = parse(
        ["Osk", "broke", "away", "from", "Velmar", "and", "formed", "a", "front"],
        [1, 1, 1, 2, 3, 1, 1, 8, 6],
        ["nsubj", "ROOT", "advmod", "prep", "pobj", "cc", "conj", "det", "dobj"],
        ["PROPN", "VERB", "ADV", "ADP", "PROPN", "CCONJ", "VERB", "DET", "NOUN"],
        lemmas=["Osk", "break", "away", "from", "Velmar", "and", "form", "a", "front"],
    )
    assert indices(subject_heads(doc[6])) == [0]
    # the preposition hangs from the particle, and still counts as the verb's
    assert indices(prep_objects(doc[1], "from")) == [4]


def test_a_preposition_on_the_object_counts_as_the_verbs() -> None:
    # "Osk pledged allegiance to Velmar"
    doc = parse(
        ["Osk", "pledged", "allegiance", "to", "Velmar"],
        [1, 1, 1, 2, 3],
        ["nsubj", "ROOT", "dobj", "prep", "pobj"],
        ["PROPN", "VERB", "NOUN", "ADP", "PROPN"],
    )
    assert indices(prep_objects(doc[1], "to")) == [4]
    assert prep_objects(doc[1], "with") == []


def test_word_kind_takes_a_noun_with_subject_and_object_for_a_verb() -> None:
    # "Does the Order fund the Company?": "fund" tagged a noun
    doc = parse(
        ["Does", "the", "Order", "fund", "the", "Company", "?"],
        [3, 2, 3, 3, 5, 3, 3],
        ["aux", "det", "nsubj", "ROOT", "det", "dobj", "punct"],
        ["AUX", "DET", "PROPN", "NOUN", "DET", "PROPN", "PUNCT"],
    )
    assert word_kind(doc[3]) == "verb"
    assert word_kind(doc[2]) == "noun"
    assert word_kind(doc[0]) == "verb"  # an auxiliary is a verb
    assert word_kind(doc[1]) is None


def test_noun_phrase_and_speaker_phrase() -> None:
    # "the Kestrian foreign minister Ivo Brask , who ..."
    doc = parse(
        ["the", "Kestrian", "foreign", "minister", "Ivo", "Brask"],
        [5, 3, 3, 5, 5, 5],
        ["det", "amod", "amod", "compound", "compound", "ROOT"],
        ["DET", "ADJ", "ADJ", "NOUN", "PROPN", "PROPN"],
    )
    assert noun_phrase(doc[5]).text == "the Kestrian foreign minister Ivo Brask"
    assert phrase_text(doc[5]) == "the Kestrian foreign minister Ivo Brask"
    assert noun_phrase(doc[3]).text == "Kestrian foreign minister"


def test_root_subjects_of_the_previous_sentence() -> None:
    # "Osk and Tarn met . It was founded by Velmar ."
    doc = parse(
        ["Osk", "and", "Tarn", "met", ".", "It", "was", "founded", "by", "Velmar", "."],
        [3, 0, 0, 3, 3, 7, 7, 7, 7, 8, 7],
        [
            "nsubj",
            "cc",
            "conj",
            "ROOT",
            "punct",
            "nsubjpass",
            "auxpass",
            "ROOT",
            "agent",
            "pobj",
            "punct",
        ],
        [
            "PROPN",
            "CCONJ",
            "PROPN",
            "VERB",
            "PUNCT",
            "PRON",
            "AUX",
            "VERB",
            "ADP",
            "PROPN",
            "PUNCT",
        ],
    )
    previous = previous_sentence(doc[5])
    assert previous is not None and (previous.start, previous.end) == (0, 5)
    assert indices(root_subjects(previous)) == [0]  # the conjunct is not the root's child
    assert indices(root_subjects(doc[5:11])) == [5]
    assert previous_sentence(doc[2]) is None
