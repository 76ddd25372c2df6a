"""Extraction: a parsed article to the contract's facts, one small stage per kind of fact.

Each stage reads the `Doc` and the facts found so far and adds its own; the order matters
(quotes need actors, relations and events need quotes for their provenance).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from newsgraph.extract.actors import extract_actors
from newsgraph.extract.coreference import extract_coreference
from newsgraph.extract.events import extract_events
from newsgraph.extract.facts import ArticleFacts, Resources
from newsgraph.extract.quotes import extract_quotes
from newsgraph.extract.relations import extract_relations
from newsgraph.extract.roles import extract_roles
from newsgraph.model import Article, Record

__all__ = ["STAGES", "Resources", "extract_article"]

Stage = Callable[[ArticleFacts], None]

STAGES: tuple[tuple[str, Stage], ...] = (
    ("actors", extract_actors),
    ("roles", extract_roles),
    ("quotes", extract_quotes),
    ("coreference", extract_coreference),
    ("relations", extract_relations),
    ("events", extract_events),
)


def extract_article(
    record: Record, doc: Doc, include_text: bool = False, resources: Resources | None = None
) -> Article:
    """Run every stage over one parsed record and return its contract object."""
    facts = ArticleFacts(record=record, doc=doc, resources=resources or Resources())
    for _, stage in STAGES:
        stage(facts)
    return facts.to_article(include_text=include_text)
