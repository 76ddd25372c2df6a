"""Relations: one test per linguistic phenomenon, each in several wordings (fictional text).

The phenomena are the kinds of relation that held-out news states and the trigger table alone
did not read: verbs known only to the CAMEO dictionary, doers standing for their acts, lists,
co-combatants, relations inside a noun phrase, unit hierarchies and sub-unit titles.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.model import Article

ReadText = Callable[..., Article]


def triples(article: Article) -> set[tuple[str, str, str]]:
    names = {a.id: a.name for a in article.actors}
    return {(names[r.subject], r.predicate, names[r.object]) for r in article.relations}


def has(article: Article, subject: str, predicates: set[str], obj: str) -> bool:
    return any(s == subject and p in predicates and o == obj for s, p, o in triples(article))


HOSTILE = {"fighting", "opposes"}
FRIENDLY = {"allied_with", "supports"}


# ---------------------------------------------------------------- verbs from the CAMEO codes


@pytest.mark.parametrize(
    ("text", "subject", "obj"),
    [
        # taking something from an actor
        (
            "The Harrow Front seized the town of Ostrel from the Velmoran army.",
            "Harrow Front",
            "Velmoran army",
        ),
        (
            "Velmoran troops recaptured the ridge from the Harrow Front on Monday.",
            "Velmoran troops",
            "Harrow Front",
        ),
        (
            "The Kestrian Guard captured two bases from the Dunmere Militia.",
            "Kestrian Guard",
            "Dunmere Militia",
        ),
        # firing on, shooting at, striking
        (
            "Harrow Front gunmen fired on the Kestrian Guard at a checkpoint.",
            "Harrow Front",
            "Kestrian Guard",
        ),
        (
            "Fighters of the Dunmere Militia shot at the Velmoran army near the bridge.",
            "Dunmere Militia",
            "Velmoran army",
        ),
        (
            "The Tessaran Union said it would continue to strike the Harrow Front.",
            "Tessaran Union",
            "Harrow Front",
        ),
        # liberating a place from an actor
        (
            "The Velmoran army liberated Ostrel from the Harrow Front.",
            "Velmoran army",
            "Harrow Front",
        ),
        (
            "Kestrian Guard units freed the valley from the Dunmere Militia last week.",
            "Kestrian Guard",
            "Dunmere Militia",
        ),
        # pushing back, repelling, countering
        (
            "The Velmoran army pushed back the Harrow Front from the ridge.",
            "Velmoran army",
            "Harrow Front",
        ),
        (
            "The Kestrian Guard continues to counter the Dunmere Militia in the hills.",
            "Kestrian Guard",
            "Dunmere Militia",
        ),
        (
            "The Tessaran Union rebuked the Velmoran government over the arrests.",
            "Tessaran Union",
            "Velmoran government",
        ),
    ],
)
def test_hostile_verbs_known_to_cameo(
    read_text: ReadText, text: str, subject: str, obj: str
) -> None:
    assert has(read_text(text), subject, HOSTILE, obj), triples(read_text(text))


@pytest.mark.parametrize(
    ("text", "subject", "obj"),
    [
        (
            "The Kestrian Guard collaborated with the Velmoran army during the operation.",
            "Kestrian Guard",
            "Velmoran army",
        ),
        (
            "The Kestrian Guard rescued members of the Velmoran army trapped in Ostrel.",
            "Kestrian Guard",
            "Velmoran army",
        ),
        (
            "The Tessaran Union lauded the Velmoran government for the reforms.",
            "Tessaran Union",
            "Velmoran government",
        ),
    ],
)
def test_friendly_verbs_known_to_cameo(
    read_text: ReadText, text: str, subject: str, obj: str
) -> None:
    assert has(read_text(text), subject, FRIENDLY, obj), triples(read_text(text))


def test_every_cameo_line_names_a_contract_predicate_and_known_places() -> None:
    from typing import get_args

    from newsgraph.extract.relation_cameo import object_places, stance_of
    from newsgraph.extract.relation_places import place
    from newsgraph.model import Predicate

    for name in object_places():
        place(name)  # KeyError for a place nothing registered
    allowed = set(get_args(Predicate))
    for code in ("18", "190", "192", "1711", "111", "051", "064", "073"):
        stance = stance_of(code)
        assert stance is not None and stance[0] in allowed, code
    for code in ("040", "057", "170", "173", "010", "---"):  # consult, sign, arrest: no stance
        assert stance_of(code) is None, code


@pytest.mark.parametrize(
    "text",
    [
        "The Harrow Front seized weapons in Ostrel.",  # what is seized is no actor
        "Artillery hit a depot near Ostrel.",
        "The Velmoran minister met the Kestrian ambassador in Ostrel.",  # a meeting, no talks
        "The Tessaran Union visited the Velmoran government in Ostrel.",
        # a verb of no stance keeps none whatever its object (arresting read as abducting)
        "Kestrian police arrested members of the Grey Pines Company in Ostrel.",
        # a verb with a clause reports; it takes no stance on whom it tells
        "The Harrow Front warned the Velmoran army that the road was mined.",
        # a class of people is no member ("made up of Afghans and Pakistanis")
        "The Grey Pines Company is made up mainly of Kestrians and Velmorans.",
        # a bare plural described after it names a class, no one in particular
        "Fighters loyal to the Harrow Front crossed the river.",
    ],
)
def test_no_relation_without_two_actors_or_from_a_meeting(read_text: ReadText, text: str) -> None:
    assert not read_text(text).relations


# ---------------------------------------------------------------- triggers the codes miss


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Major Teodor Halm was assigned to the Kestrian Guard in 2018.",
            ("Teodor Halm", "member_of", "Kestrian Guard"),
        ),
        (
            "Captain Ilse Marr, who was assigned to the Dunmere Militia, spoke on Monday.",
            ("Ilse Marr", "member_of", "Dunmere Militia"),
        ),
        (
            "Last year the Velmoran army assigned Colonel Petra Aske to the Kestrian Guard.",
            ("Petra Aske", "member_of", "Kestrian Guard"),
        ),
    ],
)
def test_assigned_to_a_force_is_membership(
    read_text: ReadText, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(read_text(text))


@pytest.mark.parametrize(
    "text",
    [
        "The Northern Alliance is made up of the Kestrian Guard and the Dunmere Militia.",
        "The Northern Alliance consists of the Kestrian Guard and the Dunmere Militia.",
        "The Northern Alliance comprises the Kestrian Guard and the Dunmere Militia.",
        "The Northern Alliance includes the Kestrian Guard and the Dunmere Militia.",
        "The Northern Alliance's members include the Kestrian Guard and the Dunmere Militia.",
        "Members of the Northern Alliance include the Kestrian Guard and the Dunmere Militia.",
    ],
)
def test_every_listed_member_belongs(read_text: ReadText, text: str) -> None:
    found = triples(read_text(text))
    assert ("Kestrian Guard", "member_of", "Northern Alliance") in found, found
    assert ("Dunmere Militia", "member_of", "Northern Alliance") in found, found


@pytest.mark.parametrize(
    ("text", "subject", "predicates", "obj"),
    [
        (
            "The tribes of the valley united against the Harrow Front.",
            None,
            HOSTILE,
            "Harrow Front",
        ),
        (
            "The Kestrian Guard and the Dunmere Militia united against the Harrow Front.",
            "Kestrian Guard",
            HOSTILE,
            "Harrow Front",
        ),
        (
            "The Harrow Front poses a threat to the Velmoran government.",
            "Harrow Front",
            HOSTILE,
            "Velmoran government",
        ),
        (
            "The Dunmere Militia posed a grave threat to the Kestrian Guard.",
            "Dunmere Militia",
            HOSTILE,
            "Kestrian Guard",
        ),
        (
            "The Harrow Front perpetrated the massacre against the Dunmere Militia.",
            "Harrow Front",
            HOSTILE,
            "Dunmere Militia",
        ),
        (
            "The Kestrian Guard, together with the Velmoran army, cleared Ostrel.",
            "Kestrian Guard",
            FRIENDLY,
            "Velmoran army",
        ),
        (
            "Together with the Velmoran army, the Kestrian Guard retook Ostrel.",
            "Kestrian Guard",
            FRIENDLY,
            "Velmoran army",
        ),
        (
            "The Kestrian Guard cleared the valley of Dunmere Militia fighters.",
            "Kestrian Guard",
            HOSTILE,
            "Dunmere Militia",
        ),
    ],
)
def test_more_phrasal_triggers(
    read_text: ReadText, text: str, subject: str | None, predicates: set[str], obj: str
) -> None:
    found = triples(read_text(text))
    if subject is None:
        assert not any(o == obj for _, _, o in found)  # "the tribes": no actor named
    else:
        assert any(s == subject and p in predicates and o == obj for s, p, o in found) or any(
            o == subject and p in predicates and s == obj and p == "allied_with"
            for s, p, o in found
        ), found


# ---------------------------------------------------------------- relations in a noun phrase


@pytest.mark.parametrize(
    ("text", "subject", "predicates", "obj"),
    [
        (
            "Officials praised the cooperation between the Velmoran army and the Kestrian Guard.",
            "Velmoran army",
            FRIENDLY,
            "Kestrian Guard",
        ),
        (
            "The Kestrian Guard's cooperation with the Velmoran army has deepened.",
            "Kestrian Guard",
            FRIENDLY,
            "Velmoran army",
        ),
        (
            "The partnership between the Tessaran Union and the Velmoran government ended.",
            "Tessaran Union",
            FRIENDLY,
            "Velmoran government",
        ),
        (
            "The Harrow Front's war on the Velmoran government entered its third year.",
            "Harrow Front",
            HOSTILE,
            "Velmoran government",
        ),
        (
            "The Kestrian Guard's offensive against the Dunmere Militia stalled.",
            "Kestrian Guard",
            HOSTILE,
            "Dunmere Militia",
        ),
        (
            "The Dunmere Militia's attack on the Kestrian Guard killed four soldiers.",
            "Dunmere Militia",
            HOSTILE,
            "Kestrian Guard",
        ),
    ],
)
def test_relations_inside_a_noun_phrase(
    read_text: ReadText, text: str, subject: str, predicates: set[str], obj: str
) -> None:
    found = triples(read_text(text))
    symmetric = predicates & {"allied_with"}
    assert any(
        p in predicates and ((s, o) == (subject, obj) or (symmetric and (o, s) == (subject, obj)))
        for s, p, o in found
    ), found


# ---------------------------------------------------------------- doers standing for acts


@pytest.mark.parametrize(
    ("text", "subject", "obj"),
    [
        (
            "Airstrikes by the Velmoran Air Force killed Harrow Front fighters near Ostrel.",
            "Velmoran Air Force",
            "Harrow Front",
        ),
        (
            "The Kestrian Guard's shelling killed three Dunmere Militia commanders.",
            "Kestrian Guard",
            "Dunmere Militia",
        ),
        (
            "An ambush by the Harrow Front wounded soldiers of the Velmoran army.",
            "Harrow Front",
            "Velmoran army",
        ),
    ],
)
def test_an_attack_as_subject_stands_for_its_doer(
    read_text: ReadText, text: str, subject: str, obj: str
) -> None:
    assert has(read_text(text), subject, HOSTILE, obj), triples(read_text(text))


@pytest.mark.parametrize(
    ("text", "subject", "obj"),
    [
        (
            "Kestrian Guard units conducting air strikes against the Harrow Front hit a depot.",
            "Kestrian Guard",
            "Harrow Front",
        ),
        (
            "The Kestrian Guard, fighting the Dunmere Militia since May, lost the bridge.",
            "Kestrian Guard",
            "Dunmere Militia",
        ),
        (
            "The Velmoran army, carrying out raids against the Harrow Front, entered Ostrel.",
            "Velmoran army",
            "Harrow Front",
        ),
    ],
)
def test_a_participle_describing_a_noun_has_it_as_subject(
    read_text: ReadText, text: str, subject: str, obj: str
) -> None:
    assert has(read_text(text), subject, HOSTILE, obj), triples(read_text(text))


# ---------------------------------------------------------------- co-combatants


@pytest.mark.parametrize(
    "text",
    [
        "The Velmoran army, the Kestrian Guard and the Dunmere Militia advanced on Ostrel.",
        "The Velmoran army and the Kestrian Guard launched an offensive against the Harrow Front.",
        "The Velmoran army and the Kestrian Guard pushed into Ostrel on Tuesday.",
    ],
)
def test_co_combatants_in_one_offensive_are_allies(read_text: ReadText, text: str) -> None:
    found = triples(read_text(text))
    assert ("Velmoran army", "allied_with", "Kestrian Guard") in found or (
        "Kestrian Guard",
        "allied_with",
        "Velmoran army",
    ) in found, found


# ---------------------------------------------------------------- units and sub-unit titles


@pytest.mark.parametrize(
    ("text", "part", "whole"),
    [
        (
            "The 2nd Battalion, 7th Mountain Brigade, crossed the river at dawn.",
            "Battalion",
            "Brigade",
        ),
        (
            "The 7th Mountain Brigade's 2nd Battalion crossed the river at dawn.",
            "Battalion",
            "Brigade",
        ),
        (
            "The Velmoran army's 7th Mountain Brigade crossed the river at dawn.",
            "Brigade",
            "Velmoran army",
        ),
    ],
)
def test_a_unit_belongs_to_the_larger_unit_it_is_named_with(
    read_text: ReadText, text: str, part: str, whole: str
) -> None:
    found = triples(read_text(text))
    assert any(p == "member_of" and part in s and whole in o for s, p, o in found), found


def test_a_larger_unit_does_not_belong_to_a_smaller_one(read_text: ReadText) -> None:
    found = triples(read_text("The 7th Mountain Brigade, 2nd Battalion, crossed the river."))
    assert not any(p == "member_of" and "Brigade" in s for s, p, o in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Oskar Vellin, a Harrow Front gang leader, was arrested in Ostrel.",
        "Oskar Vellin, the leader of a Harrow Front cell, was arrested in Ostrel.",
        "Police arrested a Harrow Front cell commander, Oskar Vellin, in Ostrel.",
    ],
)
def test_the_leader_of_a_sub_unit_is_a_member_of_the_whole(read_text: ReadText, text: str) -> None:
    found = triples(read_text(text))
    assert ("Oskar Vellin", "leader_of", "Harrow Front") not in found, found
    assert ("Oskar Vellin", "member_of", "Harrow Front") in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Oskar Vellin, a senior Harrow Front commander, was killed in the strike.",
        "Velmoran forces killed a Harrow Front commander, Oskar Vellin, on Monday.",
        "Oskar Vellin, a commander of the Harrow Front, was killed in the strike.",
    ],
)
def test_one_of_several_commanders_is_a_member(read_text: ReadText, text: str) -> None:
    found = triples(read_text(text))
    assert ("Oskar Vellin", "leader_of", "Harrow Front") not in found, found
    assert ("Oskar Vellin", "member_of", "Harrow Front") in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Oskar Vellin, the commander of the Harrow Front, was killed in the strike.",
        "The Harrow Front's commander, Oskar Vellin, was killed in the strike.",
        "Harrow Front commander Oskar Vellin was killed in the strike.",
    ],
)
def test_the_commander_leads(read_text: ReadText, text: str) -> None:
    assert ("Oskar Vellin", "leader_of", "Harrow Front") in triples(read_text(text))


@pytest.mark.parametrize(
    "text",
    [
        "A spokesman for the Harrow Front, Oskar Vellin, denied the report.",
        "A spokeswoman for the Kestrian Guard, Ilse Marr, denied the report.",
        "An official of the Dunmere Militia, Petra Aske, denied the report.",
    ],
)
def test_a_title_and_its_holder_set_after_the_organisation(read_text: ReadText, text: str) -> None:
    found = triples(read_text(text))
    assert any(
        p == "member_of" and s in {"Oskar Vellin", "Ilse Marr", "Petra Aske"} for s, p, _ in found
    ), found


# ---------------------------------------------------------------- claims, designations, ties


@pytest.mark.parametrize(
    ("text", "subject", "predicates", "obj"),
    [
        # claiming an attack is waging it
        (
            "The Harrow Front claimed responsibility for the attack on the Kestrian Guard.",
            "Harrow Front",
            HOSTILE,
            "Kestrian Guard",
        ),
        (
            "The Dunmere Militia took credit for the strikes against the Velmoran army.",
            "Dunmere Militia",
            HOSTILE,
            "Velmoran army",
        ),
        (
            "The Harrow Front later claimed responsibility for Monday's attack on the "
            "Kestrian Guard.",
            "Harrow Front",
            HOSTILE,
            "Kestrian Guard",
        ),
        # designating an actor a terrorist
        (
            "The Tessaran Union designated the Harrow Front a terrorist organisation.",
            "Tessaran Union",
            HOSTILE,
            "Harrow Front",
        ),
        (
            "The Tessaran Union listed the Dunmere Militia as a terrorist group in 2019.",
            "Tessaran Union",
            HOSTILE,
            "Dunmere Militia",
        ),
        (
            "The Tessaran Union designated Oskar Vellin as a Specially Designated Global "
            "Terrorist.",
            "Tessaran Union",
            HOSTILE,
            "Oskar Vellin",
        ),
        # ties and loyalty described after the noun
        (
            "The Harrow Front, which is linked to the Order of the Seventh Dawn, denied it.",
            "Harrow Front",
            FRIENDLY,
            "Order of the Seventh Dawn",
        ),
        (
            "The Dunmere Militia is tied to the Kestrian Guard, officials say.",
            "Dunmere Militia",
            FRIENDLY,
            "Kestrian Guard",
        ),
        (
            "The Grey Pines Company, a group affiliated with the Harrow Front, denied it.",
            "Grey Pines Company",
            {"affiliate_of"},
            "Harrow Front",
        ),
        (
            "The 5th Brigade, loyal to the Velmoran government, retook the village.",
            "5th Brigade",
            FRIENDLY,
            "Velmoran government",
        ),
        (
            "The Dunmere Militia remains loyal to the Kestrian Guard.",
            "Dunmere Militia",
            FRIENDLY,
            "Kestrian Guard",
        ),
        # what is given "to" someone, however the parser labels the "to"
        (
            "The Tessaran Union provided training and equipment to the Kestrian Guard.",
            "Tessaran Union",
            FRIENDLY,
            "Kestrian Guard",
        ),
    ],
)
def test_claims_designations_and_ties(
    read_text: ReadText, text: str, subject: str, predicates: set[str], obj: str
) -> None:
    assert has(read_text(text), subject, predicates, obj), triples(read_text(text))


def test_designating_someone_an_envoy_is_no_hostility(read_text: ReadText) -> None:
    article = read_text("The Tessaran Union designated Oskar Vellin as its special envoy.")
    assert not any(p in HOSTILE for _, p, _ in triples(article))
