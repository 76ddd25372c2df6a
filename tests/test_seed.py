"""The seed article (../shared/seed, read from there, never copied): every quote found with
the right speaker. Our annotation of it, tests/gold/seed_article, holds offsets and first
words only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.evaluate import gold, quotes, score_quotes
from newsgraph.pipeline import Analyzer

from .conftest import SEED, needs_shared

SEED_GOLD = Path(__file__).parent / "gold" / "seed_article"


def test_seed_gold_keeps_no_article_text() -> None:
    (line,) = (SEED_GOLD / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    annotation = json.loads(line)

    def strings(value: object) -> list[str]:
        if isinstance(value, str):
            return [value]
        if isinstance(value, dict):
            return [s for v in value.values() for s in strings(v)]
        if isinstance(value, list):
            return [s for v in value for s in strings(v)]
        return []

    assert all(len(s.split()) <= 8 for s in strings(annotation)), "no sentences in the gold"


@pytest.fixture(scope="module")
def seed_gold() -> list[gold.GoldArticle]:
    if not SEED.is_file():
        pytest.skip("../shared/seed is not beside the repo")
    return gold.load(SEED_GOLD)


@needs_shared
def test_every_seed_quote_is_found_with_its_speaker(
    seed_gold: list[gold.GoldArticle], analyzer: Analyzer
) -> None:
    articles = list(analyzer.run([a.record for a in seed_gold]))
    score: quotes.QuoteScore = score_quotes(articles, seed_gold)  # type: ignore[arg-type]
    assert score.misses == []
    assert score.matched == score.gold == 16
    assert score.attributed == score.matched
