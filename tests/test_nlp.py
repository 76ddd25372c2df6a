"""The NLP stage: same-length cleaning, chunking of long texts, order and errors in the stream."""

from __future__ import annotations

from functools import cache

import spacy
from hypothesis import given
from hypothesis import strategies as st

from newsgraph.model import Article, ReadError, Record
from newsgraph.nlp import clean_text, mark_paragraphs, parse_stream, split_chunks
from newsgraph.pipeline import Analyzer
from newsgraph.segments import MAX_ARTICLE_CHARS


def test_clean_text_neutralises_messy_characters_without_moving_offsets() -> None:
    text = 'A\u00a0B\r\nC <b>bold</b> &quot;Q&quot; said ""Varga"" \x07end'
    cleaned = clean_text(text)
    assert cleaned == 'A B \nC    bold     "     Q"      said  "Varga"   end'
    assert len(cleaned) == len(text)


def test_doubled_csv_quotes_open_and_close_on_the_word_side() -> None:
    text = 'He said ""We stay."" and left.'
    assert clean_text(text) == 'He said  "We stay."  and left.'


@given(st.text(max_size=300))
def test_clean_text_always_keeps_the_length(text: str) -> None:
    assert len(clean_text(text)) == len(text)


@given(st.text(min_size=1, max_size=2000), st.integers(min_value=10, max_value=200))
def test_chunks_concatenate_back_and_respect_the_limit(text: str, limit: int) -> None:
    chunks = split_chunks(text, limit)
    assert "".join(chunks) == text
    assert all(len(chunk) <= limit for chunk in chunks)


@cache
def _tokenizer() -> spacy.language.Language:
    return spacy.blank("en")


def _sentence_starts(text: str) -> list[str]:
    """The tokens `mark_paragraphs` opens a sentence at, on a blank pipeline (no model)."""
    doc = mark_paragraphs(_tokenizer()(text))
    return [token.text for token in doc[1:] if token.is_sent_start]


def test_each_paragraph_after_the_first_line_opens_a_sentence() -> None:
    # a headline above the body, a dateline on its own line, indented paragraphs after blanks
    assert _sentence_starts("Border Clashes in Kestria\nTroops fired at dawn.") == ["Troops"]
    assert _sentence_starts("VELMAR, May 3 --\nThe council met.") == ["The"]
    assert _sentence_starts("One said so.\n\n   Two agreed \n\tThree left") == ["Two", "Three"]


def test_white_space_before_the_first_line_opens_nothing() -> None:
    assert _sentence_starts("   Troops fired at dawn. Villagers fled.") == []


@given(st.text(alphabet="ab .\n\t", max_size=60))
def test_paragraph_starts_are_the_tokens_after_a_line_break(text: str) -> None:
    doc = _tokenizer()(text)
    after_break = [
        token.text
        for token in doc[1:]
        if "\n" in doc[token.i - 1].text_with_ws and not token.is_space
    ]
    assert _sentence_starts(text) == after_break


def test_a_line_break_ends_a_sentence(analyzer: Analyzer) -> None:
    record = Record(id="h", text="Border clashes in Kestria\nTroops fired on villagers at dawn.")
    ((_, doc),) = list(parse_stream(analyzer.nlp, [record]))
    assert [s.text.strip() for s in doc.sents] == [
        "Border clashes in Kestria",
        "Troops fired on villagers at dawn.",
    ]


def test_errors_keep_their_place_in_the_stream(analyzer: Analyzer) -> None:
    items: list[Record | ReadError] = [
        ReadError(origin="f:1", message="bad"),
        Record(id="r1", text="One."),
        ReadError(origin="f:3", message="bad"),
        ReadError(origin="f:4", message="bad"),
        Record(id="r2", text="Two."),
        ReadError(origin="f:6", message="bad"),
    ]
    results = list(analyzer.run(items))
    order = [r.origin if isinstance(r, ReadError) else r.article.id for r in results]
    assert order == ["f:1", "r1", "f:3", "f:4", "r2", "f:6"]


def test_an_article_longer_than_spacys_max_length_is_processed(analyzer: Analyzer) -> None:
    # Just under the size limit, cheap to parse: few tokens per line, each far longer than a
    # word.
    line = "Mira Castellane visited Port Idris. " + "z" * 2000 + "\n"
    text = line * (MAX_ARTICLE_CHARS // len(line))
    assert len(text) > 1_000_000  # spaCy's default max_length
    (article,) = list(analyzer.run([Record(id="long", text=text)]))
    assert isinstance(article, Article)
    (mira,) = [a for a in article.actors if a.name == "Mira Castellane"]
    assert len(mira.mentions) == text.count("Mira Castellane")
    assert all(text[m.start : m.end] == "Mira Castellane" for m in mira.mentions)
