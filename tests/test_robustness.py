"""Whatever the text, extraction gives an article: no internal error, offsets inside the text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.model import Article, Record
from newsgraph.pipeline import Analyzer

NEWSY = st.sampled_from(
    [
        "The Harrow Liberation Front (HLF) said",
        '"We will not retreat,"',
        "“Curly” quotes",
        "he adds.",
        "On Thursday at least 41 villagers were killed",
        ", according to the Coastal Press Agency.",
        "\n\n",
        "\n",
        '""',
        "Kestria",
        "Mira Castellane, senior fellow at the Orsino Institute,",
        "between 12 and 15",
        "<b>",
        "\u00a0",
        "'",
        "(",
    ]
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.one_of(NEWSY, st.text(max_size=30)), min_size=1, max_size=25))
def test_any_text_gives_an_article(analyzer: Analyzer, parts: list[str]) -> None:
    text = " ".join(parts)
    if not text.strip():
        return
    (result,) = list(analyzer.run([Record(id="h", text=text, published="2025-03-14")]))
    assert isinstance(result, Article), result
    for actor in result.actors:
        for mention in actor.mentions:
            assert text[mention.start : mention.end] == mention.text
    for quote in result.quotes:
        assert all(0 <= s.start <= s.end <= len(text) for s in quote.spans)
    for fact in (*result.relations, *result.events):
        assert text[fact.evidence.start : fact.evidence.end] == fact.evidence.text


def test_an_article_whose_extraction_hangs_is_reported_and_skipped(monkeypatch) -> None:
    import time

    from newsgraph import pipeline

    analyzer = pipeline.Analyzer(timeout=0.5)
    warm = Record(id="warm", text="Kestria recalled its envoy from Velmora on Monday.")
    list(analyzer.run([warm]))  # the first article loads the lexicons: not what is timed here
    real = pipeline.extract_article

    def slow_on_the_second(record, *args, **kwargs):
        if record.id == "slow":
            time.sleep(5)
        return real(record, *args, **kwargs)

    monkeypatch.setattr(pipeline, "extract_article", slow_on_the_second)
    records = [
        Record(id=name, text="The Harrow Front met in Valdris.", origin=name)
        for name in ("one", "slow", "three")
    ]
    started = time.monotonic()
    results = list(analyzer.run(records))
    assert time.monotonic() - started < 4
    assert [type(r).__name__ for r in results] == ["Article", "ReadError", "Article"], results
    assert "longer than 0.5 s" in results[1].message
