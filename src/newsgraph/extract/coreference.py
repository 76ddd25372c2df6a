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
    for token in facts.tokens():
        if token.pos_ != "PRON" or token.lower_ not in wanted:
            continue
        if token.lower_ not in FIRST_PERSON and token.dep_ not in _SUBJECTS:
            continue  # "he said", "they argue": the pronouns that speak and act
        if facts.actor_at(token.idx, token.idx + len(token)) is not None:
            continue
        actor_for_token(facts, token, context)
