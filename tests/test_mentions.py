"""Mentions: every way an article refers to an actor resolves to that actor (issue 19).

Each rule is a phenomenon of news writing, tested on fictional text in several wordings: the
speaker of a quote is read through the shared resolver (extract/resolve.py), and every
resolved phrase is recorded among the actor's mentions.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.model import Actor, Article, Quote

ReadText = Callable[..., Article]


def spoken(article: Article) -> list[Quote]:
    """The article's speech (direct, indirect, mixed): claims and beliefs left aside."""
    return [q for q in article.quotes if q.kind in ("direct", "indirect", "mixed")]


def speaker_of(article: Article, words: str) -> Actor | None:
    """The speaker actor of the one quote whose text holds `words`."""
    quotes = [q for q in article.quotes if words in q.text]
    assert len(quotes) == 1, [(q.text, q.speaker) for q in article.quotes]
    speaker = quotes[0].speaker
    return next(a for a in article.actors if a.id == speaker) if speaker else None


def mentioned_as(actor: Actor | None) -> list[str]:
    assert actor is not None
    return [m.text for m in actor.mentions]


# M1 short names: a surname or first name alone after the full name is that person ----------


@pytest.mark.parametrize(
    ("text", "full", "short"),
    [
        (
            "Tarek al-Osmani, the mayor of Dunmere, opened the new bridge on Monday.\n\n"
            '"We waited ten years for this," Tarek said.',
            "Tarek al-Osmani",
            "Tarek",
        ),
        (
            "The files were examined by Steven Marrowby of the Pellin Archive.\n\n"
            '"Nothing was ever lost," Marrowby said. "It was misfiled."',
            "Steven Marrowby",
            "Marrowby",
        ),
        (
            "Ilse Varga met the grain farmers of the valley on Tuesday.\n\n"
            "Later Varga told reporters that the harvest had failed for a third year.",
            "Ilse Varga",
            "Varga",
        ),
    ],
)
def test_a_short_name_after_the_full_name_is_the_same_person(
    read_text: ReadText, text: str, full: str, short: str
) -> None:
    article = read_text(text)
    people = [a for a in article.actors if a.name == full]
    assert len(people) == 1, [(a.name, a.type) for a in article.actors]
    assert short in mentioned_as(people[0])
    assert not [a for a in article.actors if a.name == short]  # never a new actor
    speakers = {q.speaker for q in article.quotes}
    assert speakers == {people[0].id}


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Al-Qa'ida", "Al-Qa\u2019ida"),
        ("Jabhat al-Nur'a", "Jabhat al-Nur\u2019a"),
        ("Dar'in Brigade", "Dar\u2019in Brigade"),
    ],
)
def test_names_differing_only_by_a_curly_apostrophe_are_one_actor(
    read_text: ReadText, first: str, second: str
) -> None:
    article = read_text(
        f"Fighters of {first} attacked the Dunmere checkpoint on Monday. "
        f"Villagers said {second} had held the road for a week."
    )
    holders = [a for a in article.actors if a.name in {first, second}]
    assert len(holders) == 1, [(a.name, a.aliases) for a in article.actors]


@pytest.mark.parametrize(
    "name",
    [
        "Joint Task Force \u2013 Operation Northern Shield",
        "Harrow Front \u2013 Southern Command",
        "Kestrian Guard - Coastal Division",
    ],
)
def test_a_name_with_a_dash_inside_stays_whole(read_text: ReadText, name: str) -> None:
    article = read_text(f"The {name} said its ships had left the harbour of Dunmere.")
    (quote,) = spoken(article)
    speaker = next((a for a in article.actors if a.id == quote.speaker), None)
    assert speaker is not None and speaker.name == name, [a.name for a in article.actors]


# M2 a relative pronoun that speaks is a mention of its antecedent ------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The vote was welcomed by Oskar Dunlevy, who said the council had finally listened.",
            "Oskar Dunlevy",
        ),
        (
            "Among the critics was Petra Halloran, who argued that the tax would hurt farmers.",
            "Petra Halloran",
        ),
        (
            "The plan was drafted by Ruben Castaigne, who told the committee it would cost less.",
            "Ruben Castaigne",
        ),
    ],
)
def test_a_relative_pronoun_speaking_is_recorded_as_its_antecedent(
    read_text: ReadText, text: str, name: str
) -> None:
    article = read_text(text)
    (quote,) = spoken(article)
    speaker = next(a for a in article.actors if a.id == quote.speaker)
    assert speaker.name == name
    assert "who" in mentioned_as(speaker)


# M3 a definite description of a person named before -------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "description"),
    [
        (
            "Senator Maren Olofsson toured the flooded district of Eastvale on Tuesday.\n\n"
            "The senator said the levees had been neglected for years.",
            "Maren Olofsson",
            "senator",
        ),
        (
            "Rowan Petty, 43, won the council primary in Eastvale by a wide margin.\n\n"
            "The 43-year-old said his campaign would focus on rents.",
            "Rowan Petty",
            "43-year-old",
        ),
        (
            "Alma Ferrant refused the motion to delay the trial.\n\n"
            "The judge said the evidence had arrived far too late.",
            "Alma Ferrant",
            "judge",
        ),
    ],
)
def test_a_definite_description_of_a_person_is_the_person_named_before(
    read_text: ReadText, text: str, name: str, description: str
) -> None:
    article = read_text(text)
    (quote,) = spoken(article)
    speaker = next((a for a in article.actors if a.id == quote.speaker), None)
    assert speaker is not None and name in speaker.name, [a.name for a in article.actors]
    assert any(description in m for m in mentioned_as(speaker))
    assert len([a for a in article.actors if a.type == "person"]) == 1


# M4 a definite description of an organisation -----------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "actor_type"),
    [
        (
            "The Order of the Seventh Dawn claimed the attack on the Harrow depot.\n\n"
            "The terrorist group said its fighters had withdrawn before dawn.",
            "Order of the Seventh Dawn",
            "armed_group",
        ),
        (
            "The Kestrian Ministry of Water announced new limits on Monday.\n\n"
            "The ministry said the reservoirs were at a record low.",
            "Kestrian Ministry of Water",
            None,
        ),
        (
            "The Kestrel Times published the leaked budget on Sunday.\n\n"
            "The newspaper said the figures had been hidden from parliament.",
            "Kestrel Times",
            None,
        ),
    ],
)
def test_a_definite_description_of_an_organisation_is_the_one_named_before(
    read_text: ReadText, text: str, name: str, actor_type: str | None
) -> None:
    article = read_text(text)
    (quote,) = spoken(article)
    speaker = next((a for a in article.actors if a.id == quote.speaker), None)
    assert speaker is not None and speaker.name == name, [a.name for a in article.actors]
    if actor_type:
        assert speaker.type == actor_type


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The Varnova campaign said the debate had been rigged from the start.",
            "Varnova campaign",
        ),
        ("The influential Velmoran newspaper said the budget was a fraud.", "Velmoran newspaper"),
        ("The Ostrel family said they would appeal the ruling.", "Ostrel family"),
    ],
)
def test_a_definite_organisation_named_by_its_modifier_becomes_an_actor(
    read_text: ReadText, text: str, name: str
) -> None:
    article = read_text(text)
    (quote,) = spoken(article)
    speaker = next((a for a in article.actors if a.id == quote.speaker), None)
    assert speaker is not None, [a.name for a in article.actors]
    assert speaker.name == name and speaker.type != "person"


# M5 unnamed groups that speak become group actors; a lone source stays nobody -------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Kestrian tribesmen said the convoy had been ambushed near the pass.",
            "Kestrian tribesmen",
        ),
        ("Residents said the water had been cut off for three days.", "Residents"),
        ("Velmoran officials said the border would reopen on Friday.", "Velmoran officials"),
        ("Several analysts said the decision to raise rates was premature.", "analysts"),
        (
            "Democratic strategists warned that the message was not reaching voters.",
            "Democratic strategists",
        ),
    ],
)
def test_an_unnamed_group_that_speaks_is_a_group_actor(
    read_text: ReadText, text: str, name: str
) -> None:
    article = read_text(text)
    (quote,) = spoken(article)
    speaker = next((a for a in article.actors if a.id == quote.speaker), None)
    assert speaker is not None, [a.name for a in article.actors]
    assert speaker.name == name
    assert speaker.type != "person"


@pytest.mark.parametrize(
    "text",
    [
        "A source said the talks would resume next week in Dunmere.",
        "An official said the shipment had been delayed at the port.",
        "One strategist said the race was closer than the polls suggested.",
    ],
)
def test_a_lone_unnamed_source_is_nobody_in_particular(read_text: ReadText, text: str) -> None:
    article = read_text(text)
    (quote,) = spoken(article)
    assert quote.speaker is None


# M6 documents that say things ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("A leaked ministry memo said the program had run out of money in March.", "memo"),
        ("The report said the agency had ignored repeated warnings about the dam.", "report"),
        ("The lawsuit alleges that the Pellin Company hid the defects for years.", "lawsuit"),
    ],
)
def test_a_document_that_says_something_is_the_source(
    read_text: ReadText, text: str, noun: str
) -> None:
    article = read_text(text)
    (quote,) = spoken(article)
    speaker = next((a for a in article.actors if a.id == quote.speaker), None)
    assert speaker is not None, [a.name for a in article.actors]
    assert speaker.type == "other" and noun in speaker.name


# M7 first person ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        (
            '"We will not retreat from the valley," said Lina Maro, a spokeswoman for the '
            "Harrow Liberation Front.",
            "Harrow Liberation Front",
        ),
        (
            'Ansel Drummond, a spokesman for the Kestrian Ministry of Defence, said: "Our forces '
            'are ready and we are watching the border."',
            "Kestrian Ministry of Defence",
        ),
        (
            '"We had no part in it," said Tomas Brenn, spokesman of the Pellin Company.',
            "Pellin Company",
        ),
    ],
)
def test_we_in_a_spokespersons_quote_is_the_organisation_spoken_for(
    read_text: ReadText, text: str, organisation: str
) -> None:
    article = read_text(text)
    holders = [a for a in article.actors if any(m.text.lower() == "we" for m in a.mentions)]
    assert holders and organisation in holders[0].name, [
        (a.name, [m.text for m in a.mentions]) for a in article.actors
    ]
    assert holders[0].type != "person"


@pytest.mark.parametrize(
    "text",
    [
        "We will continue to support our partners in the region against the militants.",
        "Today we condemn the attack on the Dunmere market in the strongest terms.",
        "We are sending a further two hundred engineers to rebuild the bridges.",
    ],
)
def test_we_in_release_prose_is_the_issuing_body(read_text: ReadText, text: str) -> None:
    article = read_text(text, source="Kestrian Ministry of Defence")
    holders = [a for a in article.actors if any(m.text.lower() == "we" for m in a.mentions)]
    assert [a.name for a in holders] == ["Kestrian Ministry of Defence"]


# M8 a descriptor beside a name: the name speaks ------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("One young girl, Noor, said the school had been closed since spring.", "Noor"),
        ("The group's spokesman, Oskar Vellin, said the ceasefire was over.", "Oskar Vellin"),
        ("A local farmer, Davit Orran, said the river had changed its course.", "Davit Orran"),
    ],
)
def test_a_name_beside_its_descriptor_speaks(read_text: ReadText, text: str, name: str) -> None:
    article = read_text(text)
    (quote,) = spoken(article)
    speaker = next((a for a in article.actors if a.id == quote.speaker), None)
    assert speaker is not None and speaker.name == name, [a.name for a in article.actors]
    assert speaker.type == "person"


# M9 pronouns agree in number and animacy -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Harrow Liberation Front seized the dam on Friday. Mira Castellane condemned the "
        "seizure.\n\nShe said the dam must be returned to the villages.",
        "Mira Castellane visited Dunmere after the Harrow Liberation Front had left it.\n\n"
        "She said the town would need a year to recover.",
        "Mira Castellane wrote to the Pellin Company about the spill. The company did not "
        "answer.\n\nShe said the silence was telling.",
    ],
)
def test_she_is_a_person_never_an_organisation_or_a_place(read_text: ReadText, text: str) -> None:
    article = read_text(text)
    (quote,) = [q for q in article.quotes if q.speaker_text == "She"]
    speaker = next((a for a in article.actors if a.id == quote.speaker), None)
    assert speaker is not None and speaker.name == "Mira Castellane"
    assert "She" in mentioned_as(speaker)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Fifty-two percent of Kestrian voters said the tax was unfair.", "Kestrian voters"),
        ("Half of the residents said they had not been warned about the flood.", "residents"),
        ("A majority of the farmers said the subsidy had come too late.", "farmers"),
    ],
)
def test_a_share_of_a_group_speaks_for_the_group(read_text: ReadText, text: str, name: str) -> None:
    article = read_text(text)
    (quote,) = spoken(article)
    speaker = next((a for a in article.actors if a.id == quote.speaker), None)
    assert speaker is not None, [a.name for a in article.actors]
    assert speaker.name.lower() == name.lower()


@pytest.mark.parametrize(
    "text",
    [
        "Police in Dunmere seized documents from the offices of the Pellin Company.",
        "The Harrow Liberation Front burned the report before the inspectors arrived.",
        "Kestrian troops searched the archive and took the letters to Velmora.",
    ],
)
def test_a_document_acted_on_is_no_actor(read_text: ReadText, text: str) -> None:
    article = read_text(text)
    assert not [a for a in article.actors if a.type == "other"], [a.name for a in article.actors]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Lena Varnova's campaign said the debate had been rigged.", "Lena Varnova campaign"),
        (
            "Lena Varnova toured Dunmere on Monday.\n\nHer campaign said the rally drew thousands.",
            "Lena Varnova campaign",
        ),
        (
            "Oskar Dunlevy won the primary.\n\nHis party said the result was a mandate.",
            "Oskar Dunlevy party",
        ),
    ],
)
def test_a_persons_organisation_is_an_actor_named_after_its_owner(
    read_text: ReadText, text: str, name: str
) -> None:
    article = read_text(text)
    (quote,) = spoken(article)
    speaker = next((a for a in article.actors if a.id == quote.speaker), None)
    assert speaker is not None and speaker.name == name, [a.name for a in article.actors]
    assert speaker.type == "organization"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "A Harrow Liberation Front statement said the convoy had been spared.",
            "Harrow Liberation Front",
        ),
        ("The Pellin Company memo said the mine would close in May.", "Pellin Company"),
        (
            "A Kestrian Ministry of Defence report said the border was calm.",
            "Kestrian Ministry of Defence",
        ),
    ],
)
def test_a_document_named_after_its_author_speaks_for_the_author(
    read_text: ReadText, text: str, name: str
) -> None:
    article = read_text(text)
    (quote,) = spoken(article)
    speaker = next((a for a in article.actors if a.id == quote.speaker), None)
    assert speaker is not None and speaker.name == name, [a.name for a in article.actors]


@pytest.mark.parametrize(
    "text",
    [
        'Crowds gathered in Dunmere. "We will not leave," a banner read.',
        'The slogan "We are all Harrow" was painted on the walls of the market.',
        'The words "our land, our water" were stencilled on the Pellin Company gates.',
    ],
)
def test_we_in_quotation_marks_no_quote_holds_is_not_the_issuer(
    read_text: ReadText, text: str
) -> None:
    article = read_text(text, source="Kestrian Ministry of Defence")
    holders = [
        a.name for a in article.actors if any(m.text.lower() in {"we", "our"} for m in a.mentions)
    ]
    assert holders == []


@pytest.mark.parametrize(
    "text",
    [
        "Kestrian officials say the mine in Ostry will close.\n\n"
        "It said on Monday that the talks had failed.",
        "Velmoran farmers said the dam had cut their water.\n\n"
        "It added that every petition had been ignored.",
        "Residents said the water board had raised prices twice.\n\n"
        "It claimed that the pipes were older than the town.",
    ],
)
def test_it_never_takes_up_a_plural_group(read_text: ReadText, text: str) -> None:
    article = read_text(text)
    (quote,) = [q for q in article.quotes if q.speaker_text == "It"]
    speaker = next((a for a in article.actors if a.id == quote.speaker), None)
    assert speaker is None or not speaker.name.lower().endswith(
        ("officials", "farmers", "residents")
    ), speaker.name
