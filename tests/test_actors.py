"""Actors: NER mentions merged within an article, typed, with aliases and exact offsets."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.dictionaries.geo import country_code
from newsgraph.model import Actor, Article

ReadText = Callable[..., Article]


def actor(article: Article, name: str) -> Actor:
    matches = [a for a in article.actors if a.name == name]
    assert len(matches) == 1, [(a.name, a.aliases) for a in article.actors]
    return matches[0]


def test_surname_joins_the_full_name(read_text: ReadText) -> None:
    article = read_text(
        "Mira Castellane runs the Orsino Institute. Castellane said the talks had failed, "
        "and Castellane's deputy agreed."
    )
    mira = actor(article, "Mira Castellane")
    assert mira.type == "person"
    assert mira.aliases == ["Castellane"]
    assert len(mira.mentions) == 3


def test_acronym_in_parentheses_joins_its_expansion(read_text: ReadText) -> None:
    article = read_text(
        "Fighters of the Harrow Liberation Front (HLF) crossed the river at dawn. "
        "Villagers said the HLF had taken the bridge."
    )
    front = actor(article, "Harrow Liberation Front")
    assert front.type == "armed_group"
    assert "HLF" in front.aliases
    assert [m.text for m in front.mentions] == ["Harrow Liberation Front", "HLF", "HLF"]


def test_an_acronym_spelling_words_ner_split_joins_them_all(read_text: ReadText) -> None:
    """ "al-Harim in Kestria (AHK)": the acronym names the whole phrase, not "Kestria"."""
    article = read_text(
        "Emil Saradj fought with al-Harim in Kestria (AHK) for a decade. "
        "The AHK lost the town last year, and Kestria regained it."
    )
    group = actor(article, "al-Harim in Kestria")
    assert "AHK" in group.aliases
    assert [m.text for m in group.mentions] == ["al-Harim in Kestria", "AHK", "AHK"]
    assert "AHK" not in actor(article, "Kestria").aliases


def test_countries_get_their_wikidata_qid(read_text: ReadText) -> None:
    article = read_text(
        "Delegates of the Tessaran Union flew from Norway to Kestria. Norwegian officials "
        "hosted the talks."
    )
    assert actor(article, "Norway").wikidata == "Q20"
    assert actor(article, "Kestria").wikidata is None  # no such country
    assert actor(article, "Tessaran Union").wikidata is None


def test_mentions_point_into_the_text_as_read(read_text: ReadText) -> None:
    text = "The\u00a0Kestrian Defence Ministry said\r\nGeneral Anton\u00a0Varga had resigned."
    article = read_text(text)
    for a in article.actors:
        for m in a.mentions:
            assert text[m.start : m.end] == m.text
    assert any(a.type == "government" for a in article.actors)


def test_a_nationality_adjective_is_not_an_actor_but_its_troops_are(read_text: ReadText) -> None:
    article = read_text("Kestrian troops entered the Velmoran capital on Monday.")
    troops = actor(article, "Kestrian troops")
    assert troops.type == "government"
    assert not any(a.name in ("Kestrian", "Velmoran") for a in article.actors)


def test_group_nouns_become_actors_and_the_bare_noun_joins_them(read_text: ReadText) -> None:
    article = read_text(
        "The Velmoran army shelled the ridge. Rebels returned fire. The army said the "
        "operation would continue."
    )
    army = actor(article, "Velmoran army")
    assert army.type == "government"
    assert [m.text for m in army.mentions] == ["Velmoran army", "army"]
    assert actor(article, "Rebels").type == "armed_group"


def test_head_word_of_a_name_joins_it(read_text: ReadText) -> None:
    article = read_text(
        "The Harrow Liberation Front signed the truce. The Front said it would free prisoners."
    )
    front = actor(article, "Harrow Liberation Front")
    assert "Front" in front.aliases


def test_person_mislabelled_by_ner_is_still_a_person(read_text: ReadText) -> None:
    article = read_text(
        '"The valley is quiet for now," Magnus Orvik, a senior fellow at the Halvard Centre, '
        "tells the Meridian Post."
    )
    orvik = actor(article, "Magnus Orvik")
    assert orvik.type == "person"
    assert [(r.title, r.organization_name) for r in orvik.roles] == [
        ("senior fellow", "Halvard Centre")
    ]


def test_country_codes_from_common_names() -> None:
    assert country_code("the U.S.") == "US"
    assert country_code("Britain") == "GB"
    assert country_code("Afghanistan") == "AF"
    assert country_code("Port Idris") is None
    assert country_code("us") is None  # a lower-case word is not a country code


def test_names_headed_by_a_group_word_are_groups_whatever_ner_says(read_text: ReadText) -> None:
    # Arabic names are headed by their first word ("Jaish", army), English by their last
    article = read_text(
        "Jaish al-Nour al-Mubin claimed the attack. The Saray al-Nour Group denied it."
    )
    types = {a.name: a.type for a in article.actors}
    assert types == {"Jaish al-Nour al-Mubin": "armed_group", "Saray al-Nour Group": "armed_group"}


def test_a_military_operation_is_no_actor() -> None:
    from newsgraph.extract.actors.typing_rules import type_from_words

    assert type_from_words("Operation Iron Gate") == "other"


def test_a_tie_between_names_goes_to_the_first_mention() -> None:
    from newsgraph.extract.actors.candidates import MentionCandidate
    from newsgraph.extract.actors.typing_rules import best_name

    later, first = (
        MentionCandidate(248, 254, "Gunmen", "NORP"),
        MentionCandidate(86, 92, "gunmen", "NORP"),
    )
    assert best_name([later, first]) == "gunmen"
    assert best_name([first, later]) == "gunmen"


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Osric Vane is the president of the Tessaran Union.", ("president", "Tessaran Union")),
        ("Osric Vane became leader of the Red Ridge Front in 2019.", ("leader", "Red Ridge Front")),
        (
            "Osric Vane was appointed head of the Kestrian Defence Ministry.",
            ("head", "Kestrian Defence Ministry"),
        ),
        ("Osric Vane serves as the Red Ridge Front's envoy in Rask.", ("envoy", "Red Ridge Front")),
        ("Osric Vane is a brave man.", None),  # no title, no role
    ],
)
def test_a_title_said_of_a_name_is_a_role(
    read_text: ReadText, text: str, role: tuple | None
) -> None:
    roles = [(r.title, r.organization_name) for r in actor(read_text(text), "Osric Vane").roles]
    assert roles == ([role] if role else [])
