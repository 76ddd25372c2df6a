"""Events: CAMEO/PLOVER-coded, dated against the publication date, placed, counted, sourced."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from newsgraph.extract.casualties import parse_number
from newsgraph.extract.event_dates import resolve_date
from newsgraph.extract.event_places import geocode
from newsgraph.model import Article, Event

ReadText = Callable[..., Article]
FRIDAY = "2025-03-14"  # a Friday


def names(article: Article, ids: list[str]) -> list[str]:
    by_id = {a.id: a.name for a in article.actors}
    return [by_id[i] for i in ids]


def only_event(article: Article, event_type: str) -> Event:
    found = [e for e in article.events if e.type == event_type]
    assert len(found) == 1, article.events
    return found[0]


def test_attack_on_thursday_with_casualties_and_their_source(read_text: ReadText) -> None:
    text = (
        "Gunmen from the Order of the Seventh Dawn stormed a police post in Dunmere on "
        "Thursday; at least 41 villagers were killed, according to the Coastal Press Agency, "
        "along with 6 police officers."
    )
    event = only_event(read_text(text, published=FRIDAY), "ASSAULT")
    assert event.cameo is not None and event.cameo.startswith(("18", "19"))
    assert (event.date, event.date_text) == ("2025-03-13", "Thursday")
    assert event.place is not None and event.place.name == "Dunmere"
    assert [(f.count, f.who, f.kind, f.source) for f in event.fatalities] == [
        (41, "villagers", "killed", "Coastal Press Agency"),
        (6, "police officers", "killed", "Coastal Press Agency"),
    ]
    assert event.evidence.text == text


def test_a_pair_of_attacks_then_the_attacks_is_one_event(read_text: ReadText) -> None:
    article = read_text(
        "A pair of attacks on Thursday by the Grey Pines Company hit the market in Halbrook. "
        "At least 12 traders were killed in the attacks, hospital staff said.",
        published=FRIDAY,
    )
    event = only_event(article, "ASSAULT")
    assert names(article, event.actors) == ["Grey Pines Company"]
    assert event.date == "2025-03-13"
    assert [(f.count, f.who) for f in event.fatalities] == [(12, "traders")]
    assert event.evidence.text.startswith("A pair of attacks")


def test_ranges_words_injured_and_abducted(read_text: ReadText) -> None:
    article = read_text(
        "A car bomb exploded beside an army checkpoint in Halbrook on Tuesday, killing nine "
        "soldiers and wounding between 12 and 15 civilians.",
        published=FRIDAY,
    )
    event = only_event(article, "ASSAULT")
    assert [(f.count, f.count_max, f.who, f.kind) for f in event.fatalities] == [
        (9, None, "soldiers", "killed"),
        (12, 15, "civilians", "injured"),
    ]
    assert event.date == "2025-03-11"


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Kestrian police arrested Marek Stolle in Ostry on Monday.", "COERCE"),
        ("The Tessaran Union imposed sanctions on Idris Kaltane on Monday.", "SANCTION"),
        ("Several thousand people marched through Corvane on Sunday.", "PROTEST"),
        ("Liesl Orvana met Teodor Hadrava in Valdris on Wednesday.", "CONSULT"),
        ("The Harrow Liberation Front demanded the release of its men on Wednesday.", "REQUEST"),
        ("The Velmoran army withdrew its troops from Rask on Sunday.", "RETREAT"),
        ("The Velmoran army moved two battalions to Port Anselm on Sunday.", "MOBILIZE"),
        ("The Greyhaven Relief Trust delivered food to Halbrook on Saturday.", "AID"),
        ("The Harrow Liberation Front threatened to bomb Port Anselm on Monday.", "THREATEN"),
        ("The Velmoran government signed an agreement with the Harrow Liberation Front.", "AGREE"),
    ],
)
def test_event_kinds(read_text: ReadText, text: str, event_type: str) -> None:
    article = read_text(text, published=FRIDAY)
    assert event_type in {e.type for e in article.events}, article.events


def test_moving_without_troops_is_no_event(read_text: ReadText) -> None:
    article = read_text("The Velmoran army moved on after the ceremony in Port Anselm on Sunday.")
    assert [e for e in article.events if e.type == "MOBILIZE"] == []


def test_a_planned_attack_is_a_predicted_event(read_text: ReadText) -> None:
    article = read_text("The Grey Pines Company will attack the port of Rask next week.")
    assert [e.modality for e in article.events if e.type == "ASSAULT"] == ["predicted"]


def test_an_event_told_in_a_quote_is_asserted_by_the_speaker(read_text: ReadText) -> None:
    article = read_text(
        '"The Grey Pines Company attacked our convoy near Rask on Monday," Oskar Vellin said.',
        published=FRIDAY,
    )
    event = only_event(article, "ASSAULT")
    assert names(article, [event.asserted_by or ""]) == ["Oskar Vellin"]


PUBLISHED = dt.datetime(2021, 8, 27)  # a Friday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thursday", "2021-08-26"),
        ("on Thursday", "2021-08-26"),
        ("two days ago", "2021-08-25"),
        ("March 3", "2021-03-03"),
        ("August 26, 2021", "2021-08-26"),
        ("in 2014", "2014"),
        ("April", "2021-04"),
        ("last week", None),
    ],
)
def test_dates_resolve_against_the_publication_date(text: str, expected: str | None) -> None:
    assert resolve_date(text, PUBLISHED) == expected


def test_relative_dates_need_a_publication_date() -> None:
    assert resolve_date("Thursday", None) is None
    assert resolve_date("March 3, 2019", None) == "2019-03-03"


@pytest.mark.parametrize(
    ("text", "value"),
    [("169", 169), ("1,800", 1800), ("4\u00a0500", 4500), ("nine", 9), ("Seventeen", 17)],
)
def test_numbers_in_digits_and_words(text: str, value: int) -> None:
    assert parse_number(text) == value


def test_geocoding_offline() -> None:
    kabul = geocode("Kabul")
    assert (kabul.country, kabul.geonames_id) == ("AF", 1138958)
    assert kabul.lat is not None and abs(kabul.lat - 34.53) < 0.1
    assert geocode("Afghanistan").country == "AF"
    assert geocode("Port Idris").country is None  # fiction stays a name


def test_two_parties_and_what_a_threat_targets(read_text: ReadText) -> None:
    article = read_text(
        "The Velmoran government and the Harrow Liberation Front signed a truce in Valdris on "
        "Friday. A statement threatened to bomb Port Anselm on Monday.",
        published=FRIDAY,
    )
    agree = only_event(article, "AGREE")
    assert (names(article, agree.actors), names(article, agree.targets)) == (
        ["Velmoran government"],
        ["Harrow Liberation Front"],
    )
    assert names(article, only_event(article, "THREATEN").targets) == ["Port Anselm"]
