"""Events on news never seen: the whole CAMEO dictionary with argument checks, nouns coded as
their verbs, urged and planned events, doers from context, habits, counts (issue 18).

Every text here is fiction; each phenomenon is tested in several wordings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from newsgraph.extract.event_dates import resolve_date
from newsgraph.model import Article, Event

ReadText = Callable[..., Article]
FRIDAY = "2025-03-14"  # a Friday


def names(article: Article, ids: list[str]) -> list[str]:
    by_id = {a.id: a.name for a in article.actors}
    return [by_id[i] for i in ids]


def of_type(article: Article, event_type: str) -> list[Event]:
    return [e for e in article.events if e.type == event_type]


def only_event(article: Article, event_type: str) -> Event:
    found = of_type(article, event_type)
    assert len(found) == 1, article.events
    return found[0]


# The dictionary's verbs: an event when a political actor stands at one end ------------------


@pytest.mark.parametrize(
    ("text", "actor", "target"),
    [
        (
            "Foreign Minister Aldo Renn welcomed the ceasefire agreement between Kestria "
            "and Orvana.",
            "Aldo Renn",
            "Kestria",
        ),
        (
            "The Orvanian government congratulated President Mira Tessel on her re-election.",
            "Orvanian government",
            "Mira Tessel",
        ),
        (
            "Kestria thanked the Valdrian Red Crescent for its help in Port Anselm.",
            "Kestria",
            "Red Crescent",
        ),
    ],
)
def test_dictionary_verbs_of_praise_are_support(
    read_text: ReadText, text: str, actor: str, target: str
) -> None:
    article = read_text(text, published=FRIDAY)
    event = only_event(article, "SUPPORT")
    assert names(article, event.actors) == [actor]
    assert names(article, event.targets)[:1] == [target]


@pytest.mark.parametrize(
    "text",
    [
        "She welcomed guests to her home on the hill.",
        "The council provided a statement to reporters.",
        "The old man offered advice to the hikers.",
    ],
)
def test_dictionary_verbs_in_their_ordinary_sense_are_no_events(
    read_text: ReadText, text: str
) -> None:
    assert read_text(text, published=FRIDAY).events == []


# Nouns coded as their verbs -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "actor", "place"),
    [
        (
            "Aldo Renn welcomed the liberation of the town of Ostrel by the Kestrian army.",
            "Kestrian army",
            "Ostrel",
        ),
        (
            "The siege of the city of Dunmere by the Harrow Front entered its third month.",
            "Harrow Front",
            "Dunmere",
        ),
        (
            "The Kestrian army's liberation of the village of Calvera ended a long occupation.",
            "Kestrian army",
            None,
        ),
    ],
)
def test_taking_a_place_told_by_a_noun_is_an_assault(
    read_text: ReadText, text: str, actor: str, place: str | None
) -> None:
    article = read_text(text, published=FRIDAY)
    event = only_event(article, "ASSAULT")
    assert names(article, event.actors) == [actor]
    if place is not None:
        assert event.place is not None and event.place.name == place


@pytest.mark.parametrize(
    "text",
    [
        "The Kestrian government remains steadfast in its support in the fight against the "
        "Harrow Front.",
        "Any cooperation between Kestria and Orvana would take years.",
        "Their resolve to defeat the Harrow Front has stiffened.",
    ],
)
def test_general_event_nouns_are_no_events(read_text: ReadText, text: str) -> None:
    article = read_text(text, published=FRIDAY)
    assert of_type(article, "ASSAULT") == [] and of_type(article, "COOPERATE") == []


# What is urged, alleged or refused is not done ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker", "target", "not_done"),
    [
        (
            'Aldo Renn said: "The Harrow Front must release the hostages."',
            "Aldo Renn",
            "Harrow Front",
            "CONCEDE",
        ),
        (
            '"It is vital that Orvana allows aid convoys into Dunmere," Mira Tessel said.',
            "Mira Tessel",
            "Orvana",
            "CONCEDE",
        ),
        (
            '"The Harrow Front should withdraw from Ostrel at once," said Aldo Renn.',
            "Aldo Renn",
            "Harrow Front",
            "RETREAT",
        ),
    ],
)
def test_what_a_speaker_says_must_happen_is_a_request(
    read_text: ReadText, text: str, speaker: str, target: str, not_done: str
) -> None:
    article = read_text(text, published=FRIDAY)
    event = only_event(article, "REQUEST")
    assert names(article, event.actors) == [speaker]
    assert names(article, event.targets) == [target]
    assert of_type(article, not_done) == []


@pytest.mark.parametrize(
    ("text", "told", "not_done"),
    [
        ("Kestria urged the Harrow Front to withdraw from Ostrel.", "REQUEST", "RETREAT"),
        ("Orvana accused the Harrow Front of shelling Dunmere.", "ACCUSE", "ASSAULT"),
        ("The Harrow Front refused to release the hostages.", "REJECT", "CONCEDE"),
    ],
)
def test_what_is_urged_alleged_or_refused_is_no_event_of_its_own(
    read_text: ReadText, text: str, told: str, not_done: str
) -> None:
    article = read_text(text, published=FRIDAY)
    assert len(of_type(article, told)) == 1
    assert of_type(article, not_done) == []


# Planned events are events, with their modality --------------------------------------------


@pytest.mark.parametrize(
    ("text", "event_type", "date"),
    [
        (
            "The foreign ministers of Kestria and Orvana will meet in Valdris on Monday.",
            "CONSULT",
            "2025-03-17",
        ),
        ("President Mira Tessel is due to visit Port Anselm next week.", "CONSULT", None),
        ("The Grey Pines Company will attack the port of Rask on Sunday.", "ASSAULT", "2025-03-16"),
    ],
)
def test_planned_events_are_predicted(
    read_text: ReadText, text: str, event_type: str, date: str | None
) -> None:
    event = only_event(read_text(text, published=FRIDAY), event_type)
    assert event.modality == "predicted"
    assert event.date == date


@pytest.mark.parametrize(
    "text",
    [
        "I expect that Kestria will attack Ostrel.",
        "If Orvana attacks Dunmere, Kestria will respond.",
        "Kestria hopes that the Harrow Front will sign the truce.",
    ],
)
def test_guesses_and_conditions_are_no_planned_events(read_text: ReadText, text: str) -> None:
    article = read_text(text, published=FRIDAY)
    assert of_type(article, "ASSAULT") == [] and of_type(article, "AGREE") == []


# Who is condemned, who did it --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Aldo Renn condemned the Harrow Front's attack on Ostrel.",
        "Mira Tessel condemned the attack in Calvera, for which the Harrow Front claimed "
        "responsibility.",
        "Orvana condemned the Harrow Front's shelling of the town of Ostrel.",
    ],
)
def test_condemning_an_attack_targets_its_perpetrator(read_text: ReadText, text: str) -> None:
    article = read_text(text, published=FRIDAY)
    event = only_event(article, "ACCUSE")
    assert names(article, event.targets) == ["Harrow Front"]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Coalition forces conducted 12 airstrikes in Kestria on Monday.", "Coalition forces"),
        ("The Kestrian army carried out an attack on Ostrel.", "Kestrian army"),
        ("The Harrow Front launched an offensive against Calvera on Sunday.", "Harrow Front"),
    ],
)
def test_the_doer_of_a_carried_event_is_the_carrying_verbs_subject(
    read_text: ReadText, text: str, actor: str
) -> None:
    article = read_text(text, published=FRIDAY)
    event = only_event(article, "ASSAULT")
    assert names(article, event.actors) == [actor]
    assert len(article.events) == 1  # "conducted" is no event of its own


# Habits and states are no events ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Harrow Front meets regularly in Calvera.",
        "The Harrow Front keeps close ties with Orvana.",
        "The Harrow Front is led by Tomas Vell.",
    ],
)
def test_habits_and_standing_states_are_no_events(read_text: ReadText, text: str) -> None:
    assert read_text(text, published=FRIDAY).events == []


@pytest.mark.parametrize(
    "text",
    [
        "No soldiers were harmed in the attack on Ostrel, the Kestrian army said.",
        "No civilians were killed in Calvera, the Harrow Front said.",
        "Nobody was wounded when the Kestrian army shelled the hills.",
    ],
)
def test_a_negated_victim_makes_no_casualty_event(read_text: ReadText, text: str) -> None:
    article = read_text(text, published=FRIDAY)
    assert all(not e.fatalities for e in article.events)
    assert [e for e in article.events if e.modality == "asserted" and e.cameo == "180"] == []


# Speech acts are each their own event ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Kestria urged the Harrow Front to free the hostages. Kestria also urged Orvana to "
        "open the border.",
        "Aldo Renn condemned the Harrow Front. He also condemned Orvana for its silence.",
        "Mira Tessel praised the Kestrian army. She also praised the Valdrian Red Crescent.",
    ],
)
def test_two_speech_acts_in_a_row_are_two_events(read_text: ReadText, text: str) -> None:
    article = read_text(text, published=FRIDAY)
    assert len(article.events) == 2, article.events


# Counts -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Three women and three children were killed in the shelling of Ostrel.", 6),
        ("Four soldiers and two police officers were killed in Calvera on Monday.", 6),
        (
            "The Harrow Front attacked Dunmere on Monday, killing five villagers and two teachers.",
            7,
        ),
    ],
)
def test_conjoined_counts_of_dead_add_up(read_text: ReadText, text: str, count: int) -> None:
    article = read_text(text, published=FRIDAY)
    counts = [f.count for e in article.events for f in e.fatalities if f.kind == "killed"]
    assert counts == [count]


# Weekdays (issue 16) ------------------------------------------------------------------------

PUBLISHED = dt.datetime(2021, 8, 27)  # a Friday


@pytest.mark.parametrize(
    ("text", "future", "expected"),
    [
        ("Friday", False, "2021-08-27"),
        ("on Friday", False, "2021-08-27"),
        ("last Friday", False, "2021-08-20"),
        ("Thursday", False, "2021-08-26"),
        ("on Monday", True, "2021-08-30"),
        ("Friday", True, "2021-08-27"),
        ("next Friday", True, "2021-09-03"),
    ],
)
def test_a_weekday_is_the_nearest_such_day(text: str, future: bool, expected: str) -> None:
    assert resolve_date(text, PUBLISHED, future=future) == expected


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("The ministers of Kestria and Orvana met in Valdris on Friday.", "2025-03-14"),
        ("The ministers of Kestria and Orvana met in Valdris last Friday.", "2025-03-07"),
        ("The ministers of Kestria and Orvana will meet in Valdris on Monday.", "2025-03-17"),
    ],
)
def test_a_weekday_in_an_article_of_that_weekday(read_text: ReadText, text: str, date: str) -> None:
    event = only_event(read_text(text, published=FRIDAY), "CONSULT")
    assert event.date == date


@pytest.mark.parametrize(
    "text",
    [
        "The Harrow Front has refused to sign the truce, nor has it released the hostages.",
        "Orvana did not sign the accord, nor did it free the prisoners.",
        "Kestria has not withdrawn its troops, nor has it released the detainees.",
    ],
)
def test_the_second_half_of_a_nor_pair_is_negated(read_text: ReadText, text: str) -> None:
    article = read_text(text, published=FRIDAY)
    assert [e for e in article.events if e.type == "CONCEDE" and e.modality == "asserted"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Orvana offered to free 60 prisoners as a goodwill gesture.",
        "The Harrow Front offered to release the hostages.",
        "Kestria promised to free the detained fishermen.",
    ],
)
def test_what_is_offered_is_not_yet_done(read_text: ReadText, text: str) -> None:
    article = read_text(text, published=FRIDAY)
    assert [e for e in article.events if e.type == "CONCEDE" and e.modality == "asserted"] == []


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        (
            "Kestria imposed sanctions on the Harrow Front on Monday, freezing the assets of "
            "its leaders.",
            "SANCTION",
        ),
        (
            "The Harrow Front shelled Ostrel on Sunday, striking the market and the school.",
            "ASSAULT",
        ),
        (
            "Orvana sanctioned three Harrow Front commanders, banning their travel to Valdris.",
            "SANCTION",
        ),
    ],
)
def test_a_participle_on_the_trigger_tells_more_of_the_same_event(
    read_text: ReadText, text: str, event_type: str
) -> None:
    assert len(of_type(read_text(text, published=FRIDAY), event_type)) == 1


@pytest.mark.parametrize(
    ("text", "force", "lines"),
    [
        (
            "Coalition forces conducted 34 strikes in Kestria on Monday. Near Ostrel, four "
            "strikes destroyed two fighting positions. Near Dunmere, two strikes struck a "
            "Harrow Front tactical unit.",
            "Coalition forces",
            3,
        ),
        (
            "The Kestrian army conducted 20 strikes against the Harrow Front on Monday. Near "
            "Ostrel, six strikes destroyed a depot.",
            "Kestrian army",
            2,
        ),
        (
            "The Kestrian army shelled Harrow Front positions on Monday. Near Calvera, three "
            "strikes hit a command post.",
            "Kestrian army",
            2,
        ),
    ],
)
def test_each_line_of_a_strike_report_is_a_strike_by_the_reports_force(
    read_text: ReadText, text: str, force: str, lines: int
) -> None:
    article = read_text(text, published=FRIDAY)
    strikes = of_type(article, "ASSAULT")
    assert len(strikes) == lines, strikes
    assert all(names(article, e.actors) == [force] for e in strikes)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Harrow Front commander Tomas Vell was killed in Ostrel on Monday.", 1),
        ("Gunmen killed Aldo Renn and Mira Tessel near Calvera on Sunday.", 2),
        ("Kestrian police said 12 soldiers, including 3 officers, were killed in Ostrel.", 12),
    ],
)
def test_named_dead_count_one_each_and_a_part_is_not_added(
    read_text: ReadText, text: str, count: int
) -> None:
    article = read_text(text, published=FRIDAY)
    counts = [f.count for e in article.events for f in e.fatalities if f.kind == "killed"]
    assert counts == [count]
