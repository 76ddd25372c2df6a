# ruff: noqa: E501
"""Attributions beyond speech verbs with a clause: claims, beliefs, infinitives, parenthetical
cues, partly quoted content, headlines, and the quote-mark conventions of exported news."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.model import Article, Quote

ReadText = Callable[..., Article]


def speaker_name(article: Article, quote: Quote) -> str | None:
    names = {a.id: a.name for a in article.actors}
    return names.get(quote.speaker) if quote.speaker else None


def found(article: Article) -> list[tuple[str, str, str | None, str | None]]:
    return [(q.kind, q.text, speaker_name(article, q), q.cue) for q in article.quotes]


# Reported acts with an infinitive or a gerund: indirect ------------------------------------


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        ("The Marisk Valley Front accused the army of shelling Ostrel.", "the army of shelling Ostrel", "accused"),
        ("Governor Ilse Varnova urged the militia to withdraw from the depot.", "the militia to withdraw from the depot", "urged"),
        ("Colonel Dario Rhee claimed to have destroyed four launchers.", "to have destroyed four launchers", "claimed"),
        ("The Tarn Council pledged to rebuild the bridge at Ostrel.", "to rebuild the bridge at Ostrel", "pledged"),
    ],
)  # fmt: skip
def test_a_speech_act_with_an_infinitive_or_gerund_is_indirect(
    read_text: ReadText, text: str, content: str, cue: str
) -> None:
    (quote,) = read_text(text).quotes
    assert (quote.kind, quote.text, quote.cue) == ("indirect", content, cue)
    assert quote.speaker is not None


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The Front threatened to bomb the depot unless the army leaves Tarn.", "to bomb the depot unless the army leaves Tarn"),
        ("Governor Ilse Varnova vowed to close the border if the raids go on.", "to close the border if the raids go on"),
        ("The council urged the militia to stay out of Ostrel until the vote is over.", "the militia to stay out of Ostrel until the vote is over"),
    ],
)  # fmt: skip
def test_a_condition_belongs_to_what_was_said(read_text: ReadText, text: str, content: str) -> None:
    (quote,) = read_text(text).quotes
    assert (quote.kind, quote.text) == ("indirect", content)


# Claims: a speech act whose content is a noun phrase ---------------------------------------


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        ("The Velmoran Interior Ministry denied the claims.", "the claims", "denied"),
        ("Opposition leaders called for an inquiry into the fire.", "for an inquiry into the fire", "called"),
        ("The Marisk Valley Front claimed the attack on the depot.", "the attack on the depot", "claimed"),
        ("Ilse Varnova praised the mayor's handling of the flood.", "the mayor's handling of the flood", "praised"),
    ],
)  # fmt: skip
def test_a_speech_act_with_a_noun_phrase_is_a_claim(
    read_text: ReadText, text: str, content: str, cue: str
) -> None:
    (quote,) = read_text(text).quotes
    assert (quote.kind, quote.text, quote.cue) == ("claim", content, cue)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The Tarn Council condemned the attack in a statement on Sunday.", "the attack"),
        ("Ilse Varnova denied the report in a letter to the council.", "the report"),
        ("The Marisk Valley Front rejected the truce plan in an interview with a local radio station.", "the truce plan"),
    ],
)  # fmt: skip
def test_the_medium_of_a_claim_is_not_its_content(
    read_text: ReadText, text: str, content: str
) -> None:
    (quote,) = read_text(text).quotes
    assert (quote.kind, quote.text) == ("claim", content)


def test_said_with_only_a_date_or_place_is_nothing(read_text: ReadText) -> None:
    article = read_text(
        "Ilse Varnova spoke on Friday. The envoy said nothing in Tarn. Dario Rhee warned on Monday."
    )
    assert article.quotes == []


# Beliefs: thought, intention, knowledge ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        ("Ilse Varnova believes the truce will hold until spring.", "the truce will hold until spring", "believes"),
        ("Villagers in Ostrel fear the militia will return.", "the militia will return", "fear"),
        ("Officials have learned that the convoy was diverted.", "the convoy was diverted", "learned"),
        ("The Tarn Council plans to reopen the market in May.", "to reopen the market in May", "plans"),
    ],
)  # fmt: skip
def test_thought_intention_and_knowledge_are_beliefs(
    read_text: ReadText, text: str, content: str, cue: str
) -> None:
    (quote,) = read_text(text).quotes
    assert (quote.kind, quote.text, quote.cue) == ("belief", content, cue)


def test_a_belief_needs_a_holder_that_can_hold_it(read_text: ReadText) -> None:
    article = read_text(
        "The plan seems to work. The bridge wants repair. The storm is expected to pass."
    )
    assert article.quotes == []


# Parenthetical and trailing attribution ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The truce, Ilse Varnova said, would not survive the winter.", "The truce would not survive the winter"),
        ("That plan, they said, would fail.", "That plan would fail"),
        ("In any case, Dario Rhee said, the depot was never safe.", "In any case the depot was never safe"),
    ],
)  # fmt: skip
def test_a_cue_inside_the_sentence_it_reports(read_text: ReadText, text: str, content: str) -> None:
    (quote,) = read_text(text).quotes
    assert quote.kind == "indirect" and quote.cue == "said"
    assert " ".join(text[s.start : s.end] for s in quote.spans).replace(",", "") == content
    assert all("said" not in text[s.start : s.end] for s in quote.spans)


def test_a_cue_after_the_content(read_text: ReadText) -> None:
    text = (
        "The plan would fail, the Tarn Council said on Friday. "
        "Talks will resume in May, Ilse Varnova told reporters."
    )
    article = read_text(text)
    assert [(q.kind, q.text, speaker_name(article, q)) for q in article.quotes] == [
        ("indirect", "The plan would fail", "Tarn Council"),
        ("indirect", "Talks will resume in May", "Ilse Varnova"),
    ]


def test_agentless_passive_reports_with_nobody_named(read_text: ReadText) -> None:
    article = read_text(
        "It was reported that the convoy had left Tarn. It is believed that the envoy fled "
        "north. It was announced that the market would close."
    )
    assert [(q.kind, q.text, q.speaker) for q in article.quotes] == [
        ("indirect", "the convoy had left Tarn", None),
        ("belief", "the envoy fled north", None),
        ("indirect", "the market would close", None),
    ]


# Partly quoted content --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ('The minister spoke of a "stolen vote" in the north.', 'of a "stolen vote" in the north'),
        ('Dario Rhee called the deal a "betrayal of the valley".', 'the deal a "betrayal of the valley'),
        ('The envoy accused the Front of "burning the harvest" at Ostrel.', 'the Front of "burning the harvest" at Ostrel'),
    ],
)  # fmt: skip
def test_partly_quoted_content_is_one_mixed_quote(
    read_text: ReadText, text: str, content: str
) -> None:
    (quote,) = read_text(text).quotes
    assert quote.kind == "mixed"
    assert text[quote.spans[0].start : quote.spans[-1].end].startswith(content)


# Quotation marks as exported news writes them ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "''We will hold the bridge,'' Colonel Dario Rhee said.",
        "Colonel Dario Rhee said: ''We will hold the bridge.''",
        "''We will hold the bridge at Tarn,'' said Colonel Dario Rhee, ''whatever it costs.''",
    ],
)
def test_two_apostrophes_are_a_quotation_mark(read_text: ReadText, text: str) -> None:
    article = read_text(text)
    (quote,) = article.quotes
    assert quote.kind == "direct" and quote.text.startswith("We will hold the bridge")
    assert "''" not in quote.text
    assert speaker_name(article, quote) == "Dario Rhee"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('"""We have buried enough sons,"" said Dragan Pell."', "We have buried enough sons,"),
        ('"""The valley is ours,"" Ilse Varnova said. ""Nobody will take it."""', "The valley is ours,"),
        ('Ilse Varnova said: """The depot stays closed until May."""', "The depot stays closed until May."),
    ],
)  # fmt: skip
def test_csv_exported_paragraphs_keep_their_quotes(
    read_text: ReadText, text: str, words: str
) -> None:
    article = read_text(text)
    first = article.quotes[0]
    assert first.text.startswith(words) and '"' not in first.text
    assert text[first.spans[0].start :].startswith(words)
    assert speaker_name(article, first) in {"Dragan Pell", "Ilse Varnova"}


# One quote per quotation: interrupted, successive ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        '"The ceasefire," Dario Rhee said, "is already dead in the valley."',
        '"The ceasefire," says Dario Rhee, "is already dead in the valley."',
        '"The ceasefire," Dario Rhee told reporters on Monday, "is already dead in the valley."',
    ],
)
def test_an_interrupted_quote_is_one_quote(read_text: ReadText, text: str) -> None:
    article = read_text(text)
    (quote,) = article.quotes
    assert quote.text == "The ceasefire, is already dead in the valley."
    (span,) = quote.spans  # first word to last, as scoring.md annotates it
    assert (text[span.start : span.start + 4], text[span.end - 7 : span.end]) == ("The ", "valley.")
    assert speaker_name(article, quote) == "Dario Rhee"


@pytest.mark.parametrize(
    "text",
    [
        '"We tried to hold the line," Dario Rhee said. "We failed at the river," he added.',
        '"We tried to hold the line," said Dario Rhee. "We failed at the river," he told reporters.',
        '"We tried to hold the line," Dario Rhee told reporters. "But we failed," he said later.',
    ],
)
def test_successive_quotes_with_cues_of_their_own_stay_separate(
    read_text: ReadText, text: str
) -> None:
    article = read_text(text)
    assert len(article.quotes) == 2
    assert article.quotes[0].text == "We tried to hold the line,"
    assert all(speaker_name(article, q) == "Dario Rhee" for q in article.quotes)


@pytest.mark.parametrize(
    "text",
    [
        '"We tried to hold the line," Dario Rhee said. "We failed at the river."',
        '"We tried to hold the line," said Dario Rhee. "We failed at the river."',
        '"We tried to hold the line," Dario Rhee told reporters. "But we failed at the river."',
    ],
)
def test_a_quote_going_on_after_its_attribution_is_one_quote(
    read_text: ReadText, text: str
) -> None:
    article = read_text(text)
    (quote,) = article.quotes
    assert quote.text.startswith("We tried to hold the line, ")
    assert quote.text.endswith("at the river.")
    assert speaker_name(article, quote) == "Dario Rhee"


# The speaker named before the quote binds first --------------------------------------------


@pytest.mark.parametrize(
    ("text", "reaction"),
    [
        ('Governor Ilse Varnova said: "We will not hand the depot to anyone before May." The Marisk Valley Front denied it.', "denied"),
        ('Governor Ilse Varnova told the council: "The depot stays closed." The Marisk Valley Front rejected the plan.', "rejected"),
        ('Governor Ilse Varnova said on Friday that "the depot stays closed until May." The Marisk Valley Front mocked the idea.', "mocked"),
    ],
)  # fmt: skip
def test_a_speaker_before_the_quote_wins_over_a_reaction_after_it(
    read_text: ReadText, text: str, reaction: str
) -> None:
    article = read_text(text)
    first, *rest = article.quotes
    assert speaker_name(article, first) == "Ilse Varnova"
    assert [(q.kind, q.cue, speaker_name(article, q)) for q in rest] == [
        ("claim", reaction, "Marisk Valley Front")
    ]


# Headlines and transcripts -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Varnova: Talks With the Front Are Over\n\nGovernor Ilse Varnova spoke in Tarn.", "Talks With the Front Are Over"),
        ("Ilse Varnova says talks with the Front are over\n\nThe governor spoke in Tarn.", "talks with the Front are over"),
        ("Dario Rhee: We Will Not Retreat From Ostrel\n\nThe colonel spoke in Tarn.", "We Will Not Retreat From Ostrel"),
    ],
)  # fmt: skip
def test_a_headline_names_its_speaker(read_text: ReadText, text: str, content: str) -> None:
    article = read_text(text)
    quote = article.quotes[0]
    assert quote.text == content
    # A surname in a headline before the full name is the resolver's to resolve (issue 19).
    assert quote.speaker_text in {"Ilse Varnova", "Varnova", "Dario Rhee"}


# Institutions ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Velmoran Interior Ministry released the following statement:\n\nThe border posts at Tarn will reopen on Monday for all traffic.",
        "The Velmoran Interior Ministry issued a statement: The border posts at Tarn will reopen on Monday for all traffic.",
        "The Velmoran Interior Ministry said in a statement that the border posts at Tarn will reopen on Monday for all traffic.",
    ],
)  # fmt: skip
def test_an_institutions_statement_is_the_institutions(read_text: ReadText, text: str) -> None:
    article = read_text(text)
    (quote,) = article.quotes
    assert quote.text.lower().startswith("the border posts at tarn will reopen")
    assert speaker_name(article, quote) == "Velmoran Interior Ministry"
