"""The bundled demo corpus: its gold is consistent, and `newsgraph demo` runs it end to end."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources
from typing import Any

import pytest

from newsgraph.evaluate import gold
from newsgraph.store import open_store

PLOVER = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "OTHER",
}  # fmt: skip


@pytest.fixture(scope="module")
def demo_gold() -> list[gold.GoldArticle]:
    return gold.load(gold.Path("demo"))


def test_demo_corpus_has_eight_to_twelve_fictional_articles(
    demo_gold: list[gold.GoldArticle],
) -> None:
    assert 8 <= len(demo_gold) <= 12
    assert all(a.record.published for a in demo_gold)


def spans_of(item: dict[str, Any]) -> list[dict[str, Any]]:
    return item.get("spans", []) + ([item["evidence"]] if "evidence" in item else [])


def test_every_gold_offset_points_at_its_text(demo_gold: list[gold.GoldArticle]) -> None:
    for article in demo_gold:
        text = article.record.text
        ids = {a["id"] for a in article.gold["actors"]}
        for section in ("relations", "quotes", "events"):
            for item in article.gold[section]:
                for span in spans_of(item):
                    assert 0 <= span["start"] < span["end"] <= len(text)
                    if "text" in span:
                        assert text[span["start"] : span["end"]] == span["text"]
                refs = [item.get(k) for k in ("subject", "object", "speaker", "asserted_by")]
                refs += item.get("actors", []) + item.get("targets", [])
                assert {r for r in refs if r} <= ids, (article.record.id, section, item)
        for event in article.gold["events"]:
            assert event["type"] in PLOVER and set(event.get("accept_types", [])) <= PLOVER


def test_demo_command_runs_and_scores(tmp_path: Any) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "newsgraph", "demo", "--format", "jsonl"],
        capture_output=True,
        text=True,
        timeout=240,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    articles = [json.loads(line) for line in result.stdout.splitlines()]
    corpus = resources.files("newsgraph.demo").joinpath("articles.jsonl").read_text("utf-8")
    assert len(articles) == len(corpus.strip().splitlines())
    assert "Summary" in result.stderr and "Against the demo gold" in result.stderr
    assert f"Stored {len(articles)} articles in newsgraph-demo.db" in result.stderr
    with open_store(str(tmp_path / "newsgraph-demo.db"), create=False) as store:
        assert store.known_hashes(a["article"]["text_sha256"] for a in articles) == {
            a["article"]["text_sha256"] for a in articles
        }
