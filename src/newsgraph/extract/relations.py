"""Relations between actors (splinter_of, fighting, ...): filled in by the relations work.

The stage exists so the pipeline, the contract and the report already carry the section."""

from __future__ import annotations

from newsgraph.extract.facts import ArticleFacts


def extract_relations(facts: ArticleFacts) -> None:
    del facts  # no relation rules yet: the section stays empty, never invented
