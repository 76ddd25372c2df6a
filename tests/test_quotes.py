"""Quotes: quotation-marked speech, paired across paragraphs, attributed to actors."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.model import Article, Quote

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
    article = read_text('"The ceasefire," Mira Castellane said, "is already dead in the valley."')
    quote = only_quote(article)
    assert quote.text == "The ceasefire, is already dead in the valley."
    assert len(quote.spans) == 2
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
