"""Coreference: the pronouns of the article resolved to actors and recorded as their mentions.

Runs after quotes (whose speakers it needs: "we" in a quote is the organisation its speaker
speaks for, "he adds" the speaker before): every pronoun that speaks or acts ("he", "she",
"they" as subjects; the first person in any form) and refers to an actor becomes one of the
actor's mentions, so an analyst can click through every reference and a scorer can check a
pronoun source against the speaker. Resolution is the shared resolver's (extract/resolve.py);
relations and events, which run after, find these mentions already resolved.
"""

from __future__ import annotations

from newsgraph.extract.facts import ArticleFacts
from newsgraph.extract.layout import paragraph_bounds
from newsgraph.extract.quote_marks import quoted_segments
from newsgraph.extract.resolve import (
    FIRST_PERSON,
    PERSON_PRONOUNS,
    Context,
    actor_for_token,
)

_PLURAL_PRONOUNS = {"they"}
_SUBJECTS = {"nsubj", "nsubjpass"}


def extract_coreference(facts: ArticleFacts) -> None:
    context = Context.after_quotes(facts)
    wanted = FIRST_PERSON.keys() | PERSON_PRONOUNS.keys() | _PLURAL_PRONOUNS
    marked: list[tuple[int, int]] | None = None
    for token in facts.tokens():
        if token.pos_ != "PRON" or token.lower_ not in wanted:
            continue
        if token.lower_ not in FIRST_PERSON and token.dep_ not in _SUBJECTS:
            continue  # "he said", "they argue": the pronouns that speak and act
        if facts.actor_at(token.idx, token.idx + len(token)) is not None:
            continue
        if token.lower_ in FIRST_PERSON and facts.asserted_by(token.idx, token.idx + 1) is None:
            marked = marked if marked is not None else _marked(facts.text)
            if any(start <= token.idx < end for start, end in marked):
                continue  # "we" in quotation marks no quote holds: whose, nobody knows
        actor_for_token(facts, token, context)


def _marked(text: str) -> list[tuple[int, int]]:
    """The stretches between quotation marks."""
    segments = quoted_segments(text, list(paragraph_bounds(text)))
    return [(segment.start, segment.end) for segment in segments]
