"""Names in the dictionaries package: the one acronym speller and the one gender guess
(no model; every actor and acronym here is fictional)."""

from __future__ import annotations

from newsgraph.dictionaries.names import (
    SMALL_WORDS,
    first_name_gender,
    is_acronym_of,
    person_gender,
    spells,
)


def test_small_words_are_data() -> None:
    assert {"of", "the", "al"} <= SMALL_WORDS
    assert "front" not in SMALL_WORDS


def test_each_word_gives_its_first_letter() -> None:
    assert spells(["Harrow", "Liberation", "Front"], "HLF")
    assert spells(["velmar", "rescue", "corps"], "vrc")
    assert not spells(["Harrow", "Liberation", "Front"], "HL")  # every word must be used


def test_a_small_word_may_spell_or_be_skipped() -> None:
    assert spells(["Order", "of", "the", "Seventh", "Dawn"], "OSD")  # "of", "the" skipped
    assert spells(["Brigades", "of", "Ashvar", "and", "Tolm"], "BOAAT")  # used
    assert spells(["al", "Nadir", "in", "Kestria"], "ANIK")
    assert spells(["al", "Nadir", "in", "Kestria"], "NK")
    assert not spells(["Order", "of", "the", "Seventh", "Dawn"], "ODS")  # in order
    assert not spells(["Order", "of", "the", "Seventh", "Dawn"], "OD")  # "Seventh" is no small word


def test_a_word_of_its_own_is_skipped_only_in_the_loose_reading() -> None:
    words = ["Red", "Ridge", "People's", "Front"]
    assert not spells(words, "RRF")
    assert spells(words, "RRF", skip_any=True)
    assert not spells(words, "FRR", skip_any=True)


def test_dictionary_acronyms_read_hyphenated_parts_and_ignore_case_and_dots() -> None:
    assert is_acronym_of("AQV", ["AL-QARN", "IN", "VELMORA"])
    assert is_acronym_of("hsf", ["HARAKAT", "SAHIL", "FRONT"])
    assert is_acronym_of("HSF.", ["HARAKAT", "SAHIL/FRONT"])
    assert not is_acronym_of("H2F", ["HARAKAT", "SAHIL", "FRONT"])  # letters only
    assert not is_acronym_of("H", ["HARAKAT"])  # two letters at least
    assert not is_acronym_of("ABCDEFGHI", list("ABCDEFGHI"))  # eight at most


def test_first_names_gender_guesser_knows() -> None:
    assert first_name_gender("Maria") == "female"
    assert first_name_gender("John") == "male"
    assert first_name_gender("Hans-Varnolt") == "male"  # the first part of a hyphenated name
    assert first_name_gender("Zzyxqor") is None


def test_titles_decide_before_the_first_name() -> None:
    assert person_gender("Maria Tolvane") == "female"
    assert person_gender("Maria Tolvane", ["spokesman"]) == "male"
    assert person_gender("Mrs Tolvane") == "female"
    assert person_gender("Maria") is None  # a single word is not read as a first name
    assert person_gender("Zzyxqor Tolvane") is None
