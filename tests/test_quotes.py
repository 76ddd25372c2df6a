"""Quotes: quotation-marked speech, paired across paragraphs, attributed to actors."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.extract import STAGES
from newsgraph.extract.facts import ArticleFacts
from newsgraph.model import Article, Quote, Record
from newsgraph.nlp import parse_stream
from newsgraph.pipeline import Analyzer

ReadText = Callable[..., Article]


def speaker_name(article: Article, quote: Quote) -> str | None:
    names = {a.id: a.name for a in article.actors}
    return names.get(quote.speaker) if quote.speaker else None


def only_quote(article: Article) -> Quote:
    assert len(article.quotes) == 1, article.quotes
    return article.quotes[0]


def test_speaker_after_the_quote(read_text: ReadText) -> None:
    text = '"We will not retreat from Port Idris," Anton Varga told reporters on Monday.'
    article = read_text(text)
    quote = only_quote(article)
    assert quote.text == "We will not retreat from Port Idris,"
    assert [(s.start, s.end) for s in quote.spans] == [(1, 37)]
    assert speaker_name(article, quote) == "Anton Varga"
    assert quote.cue == "told"
    assert quote.kind == "direct"


def test_speaker_before_the_quote_with_curly_marks(read_text: ReadText) -> None:
    article = read_text(
        "Mira Castellane, a senior fellow at the Orsino Institute, tells the Meridian Post: "
        "“The ceasefire exists only on paper and everyone in the valley knows it.”"
    )
    quote = only_quote(article)
    assert quote.text == "The ceasefire exists only on paper and everyone in the valley knows it."
    assert speaker_name(article, quote) == "Mira Castellane"
    assert quote.cue == "tells"


def test_quote_over_three_paragraphs_is_one_quote(read_text: ReadText) -> None:
    text = (
        "Anton Varga spoke at length after the vote.\n\n"
        '"The first thing to understand is that the front never wanted a truce.\n\n'
        '"The second is that the government knew it and signed anyway.\n\n'
        '"The third is that the villagers will pay for both," Varga said.\n\n'
        "The ministry did not respond."
    )
    article = read_text(text)
    quote = only_quote(article)
    assert len(quote.spans) == 3
    assert [text[s.start : s.end][:9] for s in quote.spans] == [
        "The first",
        "The secon",
        "The third",
    ]
    assert text[quote.spans[-1].end - 5 : quote.spans[-1].end] == "both,"
    assert speaker_name(article, quote) == "Anton Varga"


def test_quote_interrupted_by_its_attribution_is_one_quote(read_text: ReadText) -> None:
    text = '"The ceasefire," Mira Castellane said, "is already dead in the valley."'
    article = read_text(text)
    quote = only_quote(article)
    assert quote.text == "The ceasefire, is already dead in the valley."
    # One span from its first word to its last, as the scoring rules annotate it.
    assert [(s.start, s.end) for s in quote.spans] == [(1, len(text) - 1)]
    assert speaker_name(article, quote) == "Mira Castellane"


def test_he_adds_resolves_to_the_last_speaker(read_text: ReadText) -> None:
    text = (
        '"The front is running out of money," Anton Varga told the Meridian Post.\n\n'
        "Officials in Port Idris declined to comment.\n\n"
        '"It cannot pay its fighters past the summer," he adds.'
    )
    article = read_text(text)
    assert len(article.quotes) == 2
    second = article.quotes[1]
    assert speaker_name(article, second) == "Anton Varga"
    assert (second.speaker_text, second.cue) == ("he", "adds")
    varga = next(a for a in article.actors if a.name == "Anton Varga")
    assert any(m.text == "he" for m in varga.mentions)


def test_scare_quotes_nicknames_and_titles_are_not_quotes(read_text: ReadText) -> None:
    article = read_text(
        'The government opened so-called "humanitarian corridors" near the border. '
        'Jarek "the Hammer" Volny, who leads the militia, was seen in the town. '
        'Its plan, called "Operation Quiet Harbour", began on Monday.'
    )
    assert article.quotes == []


def test_quote_with_nobody_named_has_a_null_speaker(read_text: ReadText) -> None:
    article = read_text(
        "A banner was hung across the main road on Monday.\n\n"
        '"No more funerals, no more promises, no more soldiers in our streets."'
    )
    quote = only_quote(article)
    assert quote.speaker is None and quote.cue is None


def test_reported_speech_with_and_without_that(read_text: ReadText) -> None:
    text = (
        "Liesl Orvana said that both delegations would stay in Valdris. "
        "Orvana said the talks would resume on Monday."
    )
    article = read_text(text)
    assert [(q.kind, q.text, speaker_name(article, q), q.cue) for q in article.quotes] == [
        ("indirect", "both delegations would stay in Valdris", "Liesl Orvana", "said"),
        ("indirect", "the talks would resume on Monday", "Liesl Orvana", "said"),
    ]


def test_told_someone_that_warned_and_denied(read_text: ReadText) -> None:
    article = read_text(
        "Oskar Vellin told reporters that the Front had no fighters in Dunmere. "
        "Tobiah Renn warned that the offensive could spread to the coast. "
        "Liesl Orvana denied that Kestria had supplied weapons to the Front."
    )
    assert [(speaker_name(article, q), q.cue, q.kind) for q in article.quotes] == [
        ("Oskar Vellin", "told", "indirect"),
        ("Tobiah Renn", "warned", "indirect"),
        ("Liesl Orvana", "denied", "indirect"),
    ]
    assert article.quotes[0].text == "the Front had no fighters in Dunmere"


def test_according_to_a_source_and_not_to_a_casualty_count(read_text: ReadText) -> None:
    article = read_text(
        "According to the Halvard Centre, the Front has lost a third of its fighters since "
        "the spring. At least 41 villagers were killed in the raid, according to the Coastal "
        "Press Agency."
    )
    quote = only_quote(article)
    assert quote.kind == "indirect" and quote.cue == "according to"
    assert quote.text == "the Front has lost a third of its fighters since the spring"
    assert speaker_name(article, quote) == "Halvard Centre"


def test_mixed_quote_is_one_quote(read_text: ReadText) -> None:
    text = (
        "Colonel Petra Lusk said the army was treating the threat "
        '"with the seriousness it deserves".'
    )
    article = read_text(text)
    quote = only_quote(article)
    assert quote.kind == "mixed"
    assert speaker_name(article, quote) == "Petra Lusk"
    assert quote.text.startswith("the army was treating") and "seriousness" in quote.text


def test_nominal_speakers_resolve_to_the_actor(read_text: ReadText) -> None:
    article = read_text(
        "Oskar Vellin, the spokesman for the Harrow Liberation Front, met reporters in Halbrook. "
        '"Our men will guard every truck," the spokesman said.\n\n'
        "The Velmoran Interior Ministry published the names on Monday. "
        "The ministry said in a statement that nine soldiers had died."
    )
    assert [speaker_name(article, q) for q in article.quotes] == [
        "Oskar Vellin",
        "Velmoran Interior Ministry",
    ]
    assert [q.speaker_text for q in article.quotes] == ["the spokesman", "The ministry"]


def test_organisations_and_states_speak(read_text: ReadText) -> None:
    article = read_text(
        "The Velmoran National Police said in a statement that officers had arrested two men. "
        "Kestria said that the suspect had carried forged papers."
    )
    assert [speaker_name(article, q) for q in article.quotes] == [
        "Velmoran National Police",
        "Kestria",
    ]


def test_unnamed_sources_give_a_null_speaker(read_text: ReadText) -> None:
    article = read_text(
        "A Kestrian official said the government had offered to free 60 prisoners. "
        "Officials say the border will reopen next week."
    )
    # "the government had offered to free …" is a belief (an intention) inside the report.
    said = [q for q in article.quotes if q.kind != "belief"]
    assert len(said) == 2
    assert [q.speaker_text for q in said] == ["A Kestrian official", "Officials"]
    # one unnamed source is nobody in particular; a plural one is a group (issue 19)
    names = {a.id: a.name for a in article.actors}
    assert [names.get(q.speaker) if q.speaker else None for q in said] == [None, "Officials"]


def test_negated_speech_is_not_a_quote(read_text: ReadText) -> None:
    article = read_text("The ministry did not say that the border had closed.")
    assert article.quotes == []


def test_she_finds_the_woman_not_the_nearest_man(read_text: ReadText) -> None:
    article = read_text(
        "Ruta Maelis led the march past the office of Casimir Dorn.\n\n"
        '"For nine years I have set a place at the table for my son," she told the crowd.'
    )
    assert speaker_name(article, only_quote(article)) == "Ruta Maelis"


def test_a_statement_speaking_is_nobody(read_text: ReadText) -> None:
    article = read_text(
        "The Velmoran army moved two battalions to Port Anselm. A statement circulated "
        "online on Monday. The statement carried no signature.\n\n"
        '"The sea will burn before the valley is emptied," it read.'
    )
    quote = only_quote(article)
    assert quote.speaker is None and quote.cue == "read"


def test_csv_doubled_quotation_marks(read_text: ReadText) -> None:
    text = '""We have buried enough sons this spring,"" said Dragan Pell, the mayor of Halbrook.'
    article = read_text(text)
    quote = only_quote(article)
    assert (
        text[quote.spans[0].start : quote.spans[0].end] == "We have buried enough sons this spring,"
    )
    assert speaker_name(article, quote) == "Dragan Pell"


def test_facts_inside_a_quote_are_asserted_by_its_speaker(analyzer: Analyzer) -> None:
    text = 'The truce is holding. "OSD-H still receives money from the Order," Tobiah Renn said.'
    ((_, doc),) = list(parse_stream(analyzer.nlp, [Record(id="q", text=text)]))
    facts = ArticleFacts(record=Record(id="q", text=text), doc=doc)
    for _, stage in STAGES:
        stage(facts)
    inside = text.index("receives")
    quote = facts.asserted_by(inside, inside + 8)
    assert quote is not None and facts.actor(quote.speaker or "").name == "Tobiah Renn"
    assert facts.asserted_by(0, 9) is None


def test_cue_ending_the_paragraph_before_with_a_colon(read_text: ReadText) -> None:
    article = read_text(
        "Asked about the truce, Tobiah Renn said:\n\n"
        '"Neither side trusts the other, and both are rearming in the hills."'
    )
    quote = only_quote(article)
    assert speaker_name(article, quote) == "Tobiah Renn" and quote.cue == "said"


def test_unquoted_statement_after_said_colon(read_text: ReadText) -> None:
    article = read_text(
        "Interior Minister Casimir Dorn said:\n\n"
        "I condemn the attack on Dunmere and we will find those responsible.\n\n"
        "The ministry gave no further details."
    )
    quote = only_quote(article)
    assert quote.text.startswith("I condemn the attack")
    assert speaker_name(article, quote) == "Casimir Dorn"
    dorn = next(a for a in article.actors if a.name == "Casimir Dorn")
    assert any(m.text == "I" for m in dorn.mentions) or quote.speaker == dorn.id


def test_an_unnamed_spokesman_speaks_for_his_organisation(read_text: ReadText) -> None:
    article = read_text(
        '"The border stays closed," a spokesman for the Velmoran Interior Ministry said.'
    )
    assert speaker_name(article, only_quote(article)) == "Velmoran Interior Ministry"


def test_unquoted_statement_runs_on_while_the_speaker_says_we(read_text: ReadText) -> None:
    article = read_text(
        "Foreign Minister Ilse Marrow said:\n\n"
        "I condemn the shelling of Dunmere.\n\n"
        "The shelling shows the cruelty of those who ordered it.\n\n"
        "We will keep working for a ceasefire.\n\n"
        "The ministry gave no further details."
    )
    quote = only_quote(article)
    assert len(quote.spans) == 3
    assert quote.text.endswith("We will keep working for a ceasefire.")


def test_unquoted_statement_ends_where_the_article_reports_speech(read_text: ReadText) -> None:
    article = read_text(
        "Foreign Minister Ilse Marrow said:\n\n"
        "I condemn the shelling of Dunmere.\n\n"
        "Her deputy, Arvo Lenk, said later that we would all be told more.\n\n"
        "We will keep working for a ceasefire."
    )
    marrow = next(q for q in article.quotes if q.text.startswith("I condemn"))
    assert len(marrow.spans) == 1


def test_unquoted_statement_after_a_colon_in_its_paragraph(read_text: ReadText) -> None:
    article = read_text(
        "Interior Minister Casimir Dorn said: The ministry has closed the border with "
        "Velmaria. We are tracking the smugglers who supply the Harrow Front.\n\n"
        "We will not rest until they are caught."
    )
    quote = only_quote(article)
    assert quote.kind == "direct" and speaker_name(article, quote) == "Casimir Dorn"
    assert quote.text.startswith("The ministry has closed") and len(quote.spans) == 2


def test_said_with_a_colon_inside_reported_words_is_no_statement(read_text: ReadText) -> None:
    article = read_text(
        "Casimir Dorn said the army had two aims: to hold Dunmere and to open the roads."
    )
    assert only_quote(article).kind == "indirect"


def test_he_in_a_speakers_own_words_is_someone_else(read_text: ReadText) -> None:
    article = read_text(
        "Foreign Minister Ilse Marrow said:\n\n"
        "The listing shows that Aurel Vantic lied and that he funds the Harrow Front."
    )
    names = {a.id: a.name for a in article.actors}
    assert [(names[r.subject], r.predicate) for r in article.relations] == [
        ("Aurel Vantic", "supports")
    ]


def test_we_of_a_speaker_with_no_known_organisation_is_the_speaker(read_text: ReadText) -> None:
    article = read_text(
        "Foreign Minister Ilse Marrow said:\n\nWe will keep fighting the Harrow Front."
    )
    names = {a.id: a.name for a in article.actors}
    assert [(names[r.subject], r.predicate, names[r.object]) for r in article.relations] == [
        ("Ilse Marrow", "fighting", "Harrow Front")
    ]
