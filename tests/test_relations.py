"""Relations: trigger words over the parse, with time bounds, modality and who asserts them."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.extract.relations import patterns, role_predicate
from newsgraph.model import Article, Role

ReadText = Callable[..., Article]


def triples(article: Article) -> set[tuple[str, str, str]]:
    names = {a.id: a.name for a in article.actors}
    return {(names[r.subject], r.predicate, names[r.object]) for r in article.relations}


def relation(article: Article, predicate: str):  # type: ignore[no-untyped-def]
    found = [r for r in article.relations if r.predicate == predicate]
    assert len(found) == 1, article.relations
    return found[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Harrow Liberation Front has been fighting the Order of the Seventh Dawn "
            "since 2018.",
            ("Harrow Liberation Front", "fighting", "Order of the Seventh Dawn"),
        ),
        (
            "The Dunmere Martyrs Brigade has allied with the Harrow Liberation Front.",
            ("Dunmere Martyrs Brigade", "allied_with", "Harrow Liberation Front"),
        ),
        (
            "Fighters of the Grey Pines Company, an affiliate of the Order of the Seventh "
            "Dawn, crossed the border.",
            ("Grey Pines Company", "affiliate_of", "Order of the Seventh Dawn"),
        ),
        (
            "The Dunmere Martyrs Brigade, a faction within the Harrow Liberation Front, "
            "rejected the truce.",
            ("Dunmere Martyrs Brigade", "member_of", "Harrow Liberation Front"),
        ),
        (
            "In 2015 the Grey Pines Company pledged allegiance to the Order of the Seventh Dawn.",
            ("Grey Pines Company", "pledged_allegiance_to", "Order of the Seventh Dawn"),
        ),
        (  # a group's leadership pledging is the group's pledge (its members' would not be)
            "The Grey Pines Company leadership has sworn personal loyalty to the Order of the "
            "Seventh Dawn.",
            ("Grey Pines Company", "pledged_allegiance_to", "Order of the Seventh Dawn"),
        ),
        (
            "The Grey Pines Company is led by Emil Saradj.",
            ("Emil Saradj", "leader_of", "Grey Pines Company"),
        ),
        (
            "Aurel Vantic founded the Harrow Liberation Front in 2011.",
            ("Aurel Vantic", "founder_of", "Harrow Liberation Front"),
        ),
        (
            "The Tessaran Union supports the Harrow Liberation Front.",
            ("Tessaran Union", "supports", "Harrow Liberation Front"),
        ),
        (
            "The Dunmere Martyrs Brigade broke away from the Order of the Seventh Dawn in April.",
            ("Dunmere Martyrs Brigade", "splinter_of", "Order of the Seventh Dawn"),
        ),
        (
            "Oskar Vellin, a spokesman for the Harrow Liberation Front, spoke on Monday.",
            ("Oskar Vellin", "member_of", "Harrow Liberation Front"),
        ),
    ],
)
def test_trigger_patterns(read_text: ReadText, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(read_text(text))


def test_splinter_group_formed_by_a_groups_commanders(read_text: ReadText) -> None:
    article = read_text(
        "The Order of the Seventh Dawn – Harrow Province (OSD-H) recruits in the hills. "
        "Its commanders broke away from the Harrow Liberation Front in 2014 and formed their "
        "own splinter group."
    )
    splinter = relation(article, "splinter_of")
    names = {a.id: a.name for a in article.actors}
    assert names[splinter.subject] == "Order of the Seventh Dawn – Harrow Province"
    assert names[splinter.object] == "Harrow Liberation Front"
    assert splinter.since == "2014"
    assert splinter.evidence.text.startswith("Its commanders broke away")


def test_since_and_evidence(read_text: ReadText) -> None:
    text = "Kestria is calm. The Harrow Liberation Front has been fighting the army since 2018."
    fighting = relation(read_text(text), "fighting")
    assert fighting.since == "2018" and fighting.until is None
    assert text[fighting.evidence.start : fighting.evidence.end] == fighting.evidence.text
    assert fighting.evidence.text.startswith("The Harrow Liberation Front has been fighting")


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("The Order of the Seventh Dawn may be funding the Grey Pines Company.", "hedged"),
        ("The Order of the Seventh Dawn reportedly funds the Grey Pines Company.", "hedged"),
        ("The Order of the Seventh Dawn will fund the Grey Pines Company.", "predicted"),
        ("The Order of the Seventh Dawn is likely to fund the Grey Pines Company.", "predicted"),
        ("The Order of the Seventh Dawn did not fund the Grey Pines Company.", "negated"),
        ("Does the Order of the Seventh Dawn fund the Grey Pines Company?", "question"),
        ("The Order of the Seventh Dawn funds the Grey Pines Company.", "asserted"),
    ],
)
def test_modality(read_text: ReadText, text: str, modality: str) -> None:
    assert relation(read_text(text), "supports").modality == modality


def test_a_relation_inside_a_quote_is_asserted_by_the_speaker(read_text: ReadText) -> None:
    article = read_text(
        '"The Order of the Seventh Dawn still funds the Grey Pines Company," Tobiah Renn said.'
    )
    supports = relation(article, "supports")
    names = {a.id: a.name for a in article.actors}
    assert names[supports.asserted_by or ""] == "Tobiah Renn"


def test_a_denied_relation_is_negated(read_text: ReadText) -> None:
    article = read_text("Liesl Orvana denied that Kestria had supplied weapons to the Front.")
    assert relation(article, "supports").modality == "negated"


def test_role_titles_choose_the_predicate() -> None:
    assert role_predicate(Role(title="managing director")) == "leader_of"
    assert role_predicate(Role(title="senior director")) == "member_of"
    assert role_predicate(Role(title="founder")) == "founder_of"
    assert role_predicate(Role(title="spokesman")) == "member_of"


def test_every_lexicon_line_names_a_contract_predicate() -> None:
    from typing import get_args

    from newsgraph.model import Predicate

    allowed = set(get_args(Predicate))
    for found in patterns().values():
        for pattern in found:
            assert pattern.predicate in allowed, pattern
            assert pattern.kind in {"verb", "noun"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a participle with its agent: the noun it describes is the passive subject
            "The Harrow Liberation Front, led by Emil Saradj, rejected the truce.",
            ("Emil Saradj", "leader_of", "Harrow Liberation Front"),
        ),
        (  # a conjoined passive shares the subject of the verb before it
            "The Grey Pines Company was founded by Aurel Vantic in 2009 and was later "
            "headed by Emil Saradj.",
            ("Emil Saradj", "leader_of", "Grey Pines Company"),
        ),
        (  # "committed to defeating": whoever is committed does the defeating
            "The Tessaran Union is committed to defeating the Order of the Seventh Dawn.",
            ("Tessaran Union", "fighting", "Order of the Seventh Dawn"),
        ),
        (  # a participle's noun does what the participle governs
            "The Tessaran Union backs the Harrow Liberation Front, a militia focused on "
            "defeating the Order of the Seventh Dawn.",
            ("Harrow Liberation Front", "fighting", "Order of the Seventh Dawn"),
        ),
        (  # a participle set off after a party to "between" describes that party
            "Emil Saradj welcomed the accord signed on Monday between the Tessaran Union, led "
            "by President Ilse Marrow, and the Kestrian government.",
            ("Ilse Marrow", "leader_of", "Tessaran Union"),
        ),
        (  # a passive's doer named by the attack: "killed in a raid by X"
            "Osric Vane was killed in a 2019 raid by the Tessaran Union near Dunmere.",
            ("Tessaran Union", "fighting", "Osric Vane"),
        ),
        (  # ... "carried out by X", the verb conjoined to a passive being passive too
            "Osric Vane was targeted and killed in an airstrike carried out by the Tessaran Union.",
            ("Tessaran Union", "fighting", "Osric Vane"),
        ),
    ],
)
def test_passives_and_controlled_verbs(
    read_text: ReadText, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(read_text(text))


def test_a_passive_after_an_active_verb_takes_its_subject(read_text: ReadText) -> None:
    found = triples(
        read_text("The Grey Pines Company attacked Velmar and was defeated by the Tessaran Union.")
    )
    assert ("Tessaran Union", "fighting", "Grey Pines Company") in found


@pytest.mark.parametrize(
    ("text", "expected", "unexpected"),
    [
        (  # a clause's conjoined subjects all hold the support
            "Emil Saradj and Aurel Vantic provided vital support for the Harrow Liberation Front.",
            {
                ("Emil Saradj", "supports", "Harrow Liberation Front"),
                ("Aurel Vantic", "supports", "Harrow Liberation Front"),
            },
            set(),
        ),
        (  # the fight is the helped party's, not the helper's
            "The Tessaran Union reiterated its support for the Harrow Liberation Front in the "
            "fight against the Order of the Seventh Dawn.",
            {
                ("Tessaran Union", "supports", "Harrow Liberation Front"),
                ("Harrow Liberation Front", "fighting", "Order of the Seventh Dawn"),
            },
            {("Tessaran Union", "fighting", "Order of the Seventh Dawn")},
        ),
        (  # "its support of X and Y in their fight": both X and Y fight
            "Aurel Vantic remains firm in his support of the Harrow Liberation Front and "
            "Emil Saradj in their fight against the Order of the Seventh Dawn.",
            {
                ("Aurel Vantic", "supports", "Harrow Liberation Front"),
                ("Harrow Liberation Front", "fighting", "Order of the Seventh Dawn"),
                ("Emil Saradj", "fighting", "Order of the Seventh Dawn"),
            },
            set(),
        ),
        (
            "The Dunmere Martyrs Brigade, as part of the Harrow Liberation Front, is "
            "committed to holding the hills.",
            {("Dunmere Martyrs Brigade", "member_of", "Harrow Liberation Front")},
            set(),
        ),
        (  # "with the help of Y": Y helps the clause's subject
            "The Grey Pines Company took Velmar with the help of the Dunmere Martyrs Brigade.",
            {("Dunmere Martyrs Brigade", "supports", "Grey Pines Company")},
            {("Grey Pines Company", "supports", "Dunmere Martyrs Brigade")},
        ),
        (  # an act named by its doer stands for the doer
            "Emil Saradj condemned the Harrow Liberation Front's treatment of prisoners.",
            {("Emil Saradj", "opposes", "Harrow Liberation Front")},
            set(),
        ),
        (  # "the scourge of X" is X
            "The Tessaran Union is committed to destroying the terrorist scourge of the Red "
            "Ridge Front.",
            {("Tessaran Union", "fighting", "Red Ridge Front")},
            set(),
        ),
        (
            "The Tessaran Union is united in its condemnation of the Harrow Liberation "
            "Front's brutal policies.",
            {("Tessaran Union", "opposes", "Harrow Liberation Front")},
            set(),
        ),
        (  # the parse puts the founder's name after "of" with the group compounded into it
            "Many of them left after the death of the founder of the Dawn Front Sheikh "
            "Osric Vane in 2013.",
            {("Osric Vane", "founder_of", "Dawn Front")},
            set(),
        ),
        (  # killing in one's own war: the victims are not the one fighting
            "The Order of the Seventh Dawn killed dozens of villagers in its war against the "
            "Tessaran Union.",
            {("Order of the Seventh Dawn", "fighting", "Tessaran Union")},
            set(),
        ),
    ],
)
def test_noun_phrase_relations(
    read_text: ReadText,
    text: str,
    expected: set[tuple[str, str, str]],
    unexpected: set[tuple[str, str, str]],
) -> None:
    found = triples(read_text(text))
    assert expected <= found
    assert not unexpected & found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Global Coalition has launched almost 800 strikes against the Harrow "
            "Liberation Front.",
            ("Global Coalition", "fighting", "Harrow Liberation Front"),
        ),
        (
            "The Harrow Liberation Front has used chemical weapons against the Grey Pines Company.",
            ("Harrow Liberation Front", "fighting", "Grey Pines Company"),
        ),
        (
            "Emil Saradj was captured by the Harrow Liberation Front in May.",
            ("Harrow Liberation Front", "fighting", "Emil Saradj"),
        ),
        (
            "The Tessaran Union will continue applying pressure to the Order of the Seventh Dawn.",
            ("Tessaran Union", "opposes", "Order of the Seventh Dawn"),
        ),
        (
            "The Grey Pines Company works closely with the Dunmere Martyrs Brigade.",
            ("Grey Pines Company", "allied_with", "Dunmere Martyrs Brigade"),
        ),
        (  # "the X-Y war": both ends from the hyphenated pair
            "The Harrow Liberation Front (HLF) rejected the offer of the Order of the Seventh "
            "Dawn (OSD). Thousands died in the HLF-OSD war.",
            ("Harrow Liberation Front", "fighting", "Order of the Seventh Dawn"),
        ),
        (  # "the coalition, including X": X is a member
            "The Tessaran Union – including Kestria and Velmaria – must now work to support a "
            "ceasefire.",
            ("Velmaria", "member_of", "Tessaran Union"),
        ),
        (
            "The Grey Pines Company was seized by the Harrow Liberation Front, with the aid of "
            "the Tessaran Union.",
            ("Tessaran Union", "supports", "Harrow Liberation Front"),
        ),
        (  # who is appalled by an act opposes whoever did it
            "Aurel Vantic said he was appalled by the latest attack by the Harrow Liberation "
            "Front.",
            ("Aurel Vantic", "opposes", "Harrow Liberation Front"),
        ),
        (  # an act "by X" stands for X
            "The Tessaran Union condemned the shelling of Dunmere by the Grey Pines Company.",
            ("Tessaran Union", "opposes", "Grey Pines Company"),
        ),
        (  # "kill and injure X": the first verb shares the second's object
            "The Grey Pines Company used rockets to kill and injure members of the Dunmere "
            "Martyrs Brigade.",
            ("Grey Pines Company", "fighting", "Dunmere Martyrs Brigade"),
        ),
        (  # "Vantic's regime" is the actor named "the Vantic regime"
            "The Vantic regime shelled Dunmere. The Tessaran Union is outraged by the "
            "latest bombing by Vantic's regime.",
            ("Tessaran Union", "opposes", "Vantic regime"),
        ),
        (  # "it" opening a sentence takes up the previous sentence's subject
            "The Harrow Liberation Front is a militia in Velmaria. It was founded by Aurel "
            "Vantic in 2011.",
            ("Aurel Vantic", "founder_of", "Harrow Liberation Front"),
        ),
        (  # a participle after the object of a preposition describes that object
            "The Tessaran Union provided air support for the Grey Pines Company, focused on "
            "defeating the Harrow Liberation Front.",
            ("Grey Pines Company", "fighting", "Harrow Liberation Front"),
        ),
        (  # "provided X with Y": X is helped
            "The Tessaran Union provided the Velmari Army with rifles.",
            ("Tessaran Union", "supports", "Velmari Army"),
        ),
        (  # "as part of Y" after an act on those who are no actors: the doers are part of Y
            "The Velmari Army will protect those persecuted by the Harrow Liberation Front as "
            "part of the Tessaran Union.",
            ("Velmari Army", "member_of", "Tessaran Union"),
        ),
        (  # ... after a named object, that object is described
            "The Tessaran Union recognised the Grey Pines Company as part of the Harrow "
            "Liberation Front.",
            ("Grey Pines Company", "member_of", "Harrow Liberation Front"),
        ),
        (  # an envoy "for" a place is sent there; he works for the one named before
            "Aurel Vantic, the Tessaran Union's Special Envoy for Velmaria, arrived in Rask.",
            ("Aurel Vantic", "member_of", "Tessaran Union"),
        ),
        (  # "a commander in the navy" serves in it
            "Aurel Vantic was a commander in the Velmari Navy during the war.",
            ("Aurel Vantic", "member_of", "Velmari Navy"),
        ),
        (  # who is encouraged by an actor's decision backs the actor
            "The Tessaran Union is encouraged by the decision of Velmari President Arvo Lenk "
            "to call elections.",
            ("Tessaran Union", "supports", "Arvo Lenk"),
        ),
        (
            "The Tessaran Union continues to stand shoulder to shoulder with the Velmari Army.",
            ("Tessaran Union", "allied_with", "Velmari Army"),
        ),
        (  # a victim may be a class of people
            "The Harrow Liberation Front targeted families out shopping in Dunmere.",
            ("Harrow Liberation Front", "fighting", "families"),
        ),
        (  # backing others against an actor is opposing it; its brutality stands for it
            "The Tessaran Union is committed to supporting the Velmari Army against the "
            "brutality of the Harrow Liberation Front.",
            ("Tessaran Union", "opposes", "Harrow Liberation Front"),
        ),
        (  # "the group" opening a sentence takes up the group the last one was about
            "The Harrow Liberation Front is a militant group in Velmaria. The group was "
            "founded by Aurel Vantic.",
            ("Aurel Vantic", "founder_of", "Harrow Liberation Front"),
        ),
        (
            "The Tessaran Union stands by the Kestrian government in this crisis.",
            ("Tessaran Union", "supports", "Kestrian government"),
        ),
        (  # a backer hyphened to the participle
            "Kestria-backed Dunmere rebels seized the bridge.",
            ("Kestria", "supports", "Dunmere rebels"),
        ),
        (
            "The Harrow Liberation Front joined forces with the Red Ridge Front last year.",
            ("Harrow Liberation Front", "allied_with", "Red Ridge Front"),
        ),
        (
            "The Kestrian army fought alongside the Dunmere Martyrs Brigade.",
            ("Kestrian army", "allied_with", "Dunmere Martyrs Brigade"),
        ),
        (
            "The Harrow Liberation Front vowed to crush the Red Ridge Front.",
            ("Harrow Liberation Front", "fighting", "Red Ridge Front"),
        ),
        (  # what a force holds stands for it
            "Gunmen of the Red Ridge Front shelled Harrow Liberation Front bases overnight.",
            ("Red Ridge Front", "fighting", "Harrow Liberation Front"),
        ),
        (  # both parties in the subject
            "The Kestrian government and the Red Ridge Front signed a ceasefire on Sunday.",
            ("Kestrian government", "negotiates_with", "Red Ridge Front"),
        ),
        (
            "Osric Vane and Emil Saradj held talks in Rask on Friday.",
            ("Osric Vane", "negotiates_with", "Emil Saradj"),
        ),
        (
            "The Tessaran Union imposed sanctions on the Red Ridge Front.",
            ("Tessaran Union", "opposes", "Red Ridge Front"),
        ),
        (  # an object predicate: "appointed head of Y"
            "Osric Vane was appointed head of the Kestrian Defence Ministry in 2020.",
            ("Osric Vane", "leader_of", "Kestrian Defence Ministry"),
        ),
        (
            "Osric Vane, who fought for the Red Ridge Front, was arrested.",
            ("Osric Vane", "member_of", "Red Ridge Front"),
        ),
        (
            "The Tessaran Union praised the Kestrian government for its restraint.",
            ("Tessaran Union", "supports", "Kestrian government"),
        ),
        (
            "Osric Vane blamed the Red Ridge Front for the bombing.",
            ("Osric Vane", "opposes", "Red Ridge Front"),
        ),
        (  # the doer "at the hands of" whom someone suffered
            "Osric Vane was killed at the hands of the Red Ridge Front.",
            ("Red Ridge Front", "fighting", "Osric Vane"),
        ),
        (
            "Many Kestrians died at the hands of Red Ridge Front gunmen.",
            ("Red Ridge Front", "fighting", "Kestrians"),
        ),
    ],
)
def test_more_triggers(read_text: ReadText, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(read_text(text))


@pytest.mark.parametrize(
    "text",
    [
        # condemning an attack is not fighting its target
        "Emil Saradj condemned the attack on the Harrow Liberation Front.",
        # "gunmen" is a bare plural: nobody in particular
        "Three staff of the Greyhaven Relief Trust were abducted by gunmen.",
        # "including" lists parts of a place, not members
        "Shells hit towns in Kestria, including Velmar.",
        # "the killing of X" names the victim, not the doer
        "Emil Saradj was encouraged by the killing of Aurel Vantic.",
        # a barrage is a place, taken, not fought
        "In April the Dunmere Barrage was captured by the Harrow Liberation Front.",
        # what is provided is not helped
        "The Tessaran Union is providing an additional 125 soldiers to guard the border.",
        # joining a person (and others) is meeting them, not becoming a member
        "Foreign Minister Ilse Marrow joined Kestrian President Arvo Lenk and international "
        "partners in Rask.",
        # members who defect or pledge do so as people, not as their group
        "Officials fear that Harrow Liberation Front members may defect to the Order of the "
        "Seventh Dawn.",
        "Some of its fighters pledged allegiance to the Order of the Seventh Dawn.",
        # in someone's hands is held, not fought
        "The town of Velmar is in the hands of the Red Ridge Front.",
        # signing a statement together is no negotiation
        "The Kestrian government and the Red Ridge Front signed the statement.",
    ],
)
def test_no_relation(read_text: ReadText, text: str) -> None:
    assert triples(read_text(text)) == set()


def test_those_who_fight_a_common_enemy_together_are_allies(read_text: ReadText) -> None:
    found = triples(
        read_text(
            "The Tessaran Union, the Grey Pines Company and Aurel Vantic are committed to "
            "defeating the Harrow Liberation Front."
        )
    )
    fighters = ["Tessaran Union", "Grey Pines Company", "Aurel Vantic"]
    assert {(f, "fighting", "Harrow Liberation Front") for f in fighters} <= found
    assert {
        ("Tessaran Union", "allied_with", "Grey Pines Company"),
        ("Tessaran Union", "allied_with", "Aurel Vantic"),
        ("Grey Pines Company", "allied_with", "Aurel Vantic"),
    } <= found


def test_fighting_each_other_makes_no_allies(read_text: ReadText) -> None:
    found = triples(read_text("Emil Saradj and Aurel Vantic attacked each other in Velmar."))
    assert not {t for t in found if t[1] == "allied_with"}


def test_a_place_before_a_title_is_where_the_person_was(read_text: ReadText) -> None:
    found = triples(
        read_text("In Velmaria Minister Saradj met the leaders of the Grey Pines Company.")
    )
    assert not {t for t in found if t[1] == "member_of"}


def test_shielding_people_from_two_actors_opposes_both(read_text: ReadText) -> None:
    found = triples(
        read_text(
            "The Tessaran Union will defend civilians from the Grey Pines "
            "Company's raids and the Harrow Liberation Front's savagery."
        )
    )
    assert {
        ("Tessaran Union", "opposes", "Grey Pines Company"),
        ("Tessaran Union", "opposes", "Harrow Liberation Front"),
    } <= found


def test_its_opening_a_sentence_is_the_previous_subjects(read_text: ReadText) -> None:
    found = triples(
        read_text(
            "The Harrow Liberation Front has been fighting the Velmari government since 2019. "
            "Its commander, Ilse Marrow, said the group would keep up the pressure."
        )
    )
    assert ("Ilse Marrow", "leader_of", "Harrow Liberation Front") in found
    assert ("Ilse Marrow", "leader_of", "Velmari government") not in found


def test_soldiers_killed_name_no_one_in_particular(read_text: ReadText) -> None:
    found = triples(
        read_text("The Harrow Liberation Front attacked a checkpoint, killing 12 soldiers.")
    )
    assert not {t for t in found if t[2] == "soldiers"}


def test_a_possessive_in_a_clause_is_its_subjects(read_text: ReadText) -> None:
    """ "its" is the clause subject's, though the previous sentence was about a thing."""
    article = read_text(
        "This listing is yet another sign that the regime of Osric Vane is a sham.\n\n"
        "These sanctions show that the Tessaran Union is united in its condemnation of "
        "Osric Vane's brutal policies."
    )
    assert ("Tessaran Union", "opposes", "Osric Vane") in triples(article)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the title's holder, not the country in the title
            "Emil Saradj condemned the Kestria Foreign Minister, Halina Roske, in Rask.",
            ("Emil Saradj", "opposes", "Halina Roske"),
        ),
        (  # a group noun as possessor; the infinitive's object the parser took for a subject
            "The Coalition's campaign to defeat the Red Ridge Front continues.",
            ("Coalition", "fighting", "Red Ridge Front"),
        ),
        (  # "the Members of X" act for X, capitalised or not
            "The Members of the Tessaran Council reiterate their support for the Kestrian "
            "government.",
            ("Tessaran Council", "supports", "Kestrian government"),
        ),
    ],
)
def test_who_a_noun_phrase_is(
    read_text: ReadText, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(read_text(text))


def test_a_possessive_in_a_verbless_fragment_is_resolved_at_once(read_text: ReadText) -> None:
    """ "Its" whose clause has no verb: the search for the clause's subject ends at the root
    (it once looped there until the per-article timeout)."""
    article = read_text("The Red Ridge Front held Velmar. Its commanders and their fighters.")
    assert isinstance(article, Article)
