"""Very long articles: cut without line breaks, read in segments, facts merged with offsets
that index the whole text; texts past the size limit refused unread. (Speed: benchmarks.)"""

from __future__ import annotations

import logging
import time
from pathlib import Path

import pytest

from newsgraph import pipeline, read
from newsgraph.model import Article, ReadError, Record
from newsgraph.nlp import chunk_starts, split_chunks
from newsgraph.pipeline import Analyzer
from newsgraph.read import iter_records
from newsgraph.segments import segment_record

PARAGRAPHS = [
    "Fighters of the Harrow Front attacked the town of Velmora on Monday, killing 12 people, "
    'police said. Mira Castellane, the Front\'s commander, said: "We will hold Velmora."',
    "The Ostrel Guard accused the Harrow Front of shelling the market of Tessin. Governor "
    "Anton Belik said the Ostrel Guard would defend the valley whatever it cost.",
    "Mira Castellane met envoys of the Ostrel Guard in Dunmarsh on Thursday. The talks ended "
    "without agreement, according to a spokesman for the Harrow Front.",
]


def single_line_article(repeats: int) -> str:
    return " ".join(PARAGRAPHS * repeats)


def test_a_single_line_is_cut_after_sentences_within_the_limit() -> None:
    text = single_line_article(4)
    assert "\n" not in text
    chunks = split_chunks(text, 300)
    assert "".join(chunks) == text
    assert len(chunks) > 1
    assert all(len(chunk) <= 300 for chunk in chunks)
    # every cut but the last falls after a sentence: each piece ends in ". " or '." '
    assert all(chunk.endswith((". ", '." ')) for chunk in chunks[:-1])


def test_a_paragraph_break_is_preferred_to_a_sentence_end() -> None:
    text = "A short one. Then more words here.\n\nNext paragraph. And another sentence here."
    starts = chunk_starts(text, 60)
    assert starts == [0, text.index("Next")]


def test_text_without_spaces_is_cut_at_the_limit() -> None:
    assert split_chunks("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]


def test_a_short_record_is_one_segment_and_a_long_one_several_covering_it() -> None:
    short = Record(id="s", text="One sentence.")
    assert segment_record(short, 100) == [(short, 0)]
    long = Record(id="l", text=single_line_article(3), origin="f.txt", title="T")
    pieces = segment_record(long, 400)
    assert len(pieces) > 2
    assert "".join(piece.text for piece, _ in pieces) == long.text
    for piece, start in pieces:
        assert long.text[start : start + len(piece.text)] == piece.text
        assert (piece.id, piece.title, piece.origin) == ("l", "T", "f.txt")


def test_a_multi_segment_single_line_article_has_exact_offsets_and_merged_actors(
    analyzer: Analyzer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(analyzer, "segment_chars", 400)
    text = single_line_article(3)
    assert len(text) > 3 * 400
    (article,) = analyzer.run([Record(id="one-line", text=text, published="2026-02-02")])
    assert isinstance(article, Article)
    assert article.article.id == "one-line"
    # one actor per name, its mentions gathered from every segment
    names = [actor.name for actor in article.actors]
    assert len(names) == len(set(names))
    (mira,) = [a for a in article.actors if a.name == "Mira Castellane"]
    assert len(mira.mentions) == text.count("Mira Castellane")
    ids = {actor.id for actor in article.actors}
    for actor in article.actors:
        for mention in actor.mentions:
            assert text[mention.start : mention.end] == mention.text
        assert all(role.organization in ids | {None} for role in actor.roles)
    for fact in (*article.relations, *article.events):
        assert text[fact.evidence.start : fact.evidence.end] == fact.evidence.text
    assert article.events and article.quotes
    for event in article.events:
        assert set(event.actors) | set(event.targets) <= ids
    for quote in article.quotes:
        assert quote.speaker in ids | {None}
        assert all(text[span.start : span.end] in quote.text for span in quote.spans)
    # facts of the last segment are there, shifted: the last quote sits in the last copy
    last = text.rindex("We will hold Velmora.")
    assert any(span.start <= last < span.end for quote in article.quotes for span in quote.spans)


def test_an_article_over_the_size_limit_is_refused_at_once(
    analyzer: Analyzer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(analyzer, "max_chars", 1_000)
    record = Record(id="big", text="Ostrel Guard. " * 100, origin="big.txt")
    (error,) = analyzer.run([record])
    assert isinstance(error, ReadError)
    assert str(error) == (
        "big.txt: text of 1,400 characters is longer than the limit of 1,000; "
        "refused unread (split it into articles)"
    )


def test_a_segment_that_times_out_loses_only_its_own_facts(
    analyzer: Analyzer, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    extract = pipeline.extract_article

    def stuck_on_the_second(record: Record, *args: object) -> Article:
        if "Second part" in record.text:
            time.sleep(5)
        return extract(record, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "extract_article", stuck_on_the_second)
    monkeypatch.setattr(analyzer, "segment_chars", 400)
    monkeypatch.setattr(analyzer, "timeout", 0.5)
    first = "Mira Castellane visited Velmora on Monday. " * 10
    text = first + "Second part. " + "Anton Belik visited Tessin on Friday. " * 5
    with caplog.at_level(logging.WARNING, logger="newsgraph.pipeline"):
        (article,) = analyzer.run([Record(id="t", text=text, origin="t.txt")])
    assert isinstance(article, Article)  # one result per record, as callers pair them
    (warning,) = caplog.messages
    assert warning.startswith("t.txt (part 2 of 2, characters ")
    assert "longer than 0.5 s" in warning
    names = {actor.name for actor in article.actors}
    assert "Mira Castellane" in names
    assert "Anton Belik" not in names


def test_a_text_file_too_big_to_be_one_article_is_refused_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(read, "MAX_ARTICLE_CHARS", 100)
    path = tmp_path / "dump.txt"
    path.write_text("Ostrel Guard. " * 30, encoding="utf-8")  # 420 bytes > 4 × 100
    (error,) = iter_records([str(path)])
    assert isinstance(error, ReadError)
    assert error.message == (
        "420 bytes is more text than the limit of 100 characters for one article; "
        "refused unread (split it into articles)"
    )
    path.write_text("Ostrel Guard. " * 20, encoding="utf-8")  # 280 bytes: read, for the
    (record,) = iter_records([str(path)])  # pipeline to count its characters
    assert isinstance(record, Record)
