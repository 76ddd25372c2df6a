"""Events (who did what to whom, when, where): filled in by the events work.

The stage exists so the pipeline, the contract and the report already carry the section."""

from __future__ import annotations

from newsgraph.extract.facts import ArticleFacts


def extract_events(facts: ArticleFacts) -> None:
    del facts  # no event rules yet: the section stays empty, never invented
