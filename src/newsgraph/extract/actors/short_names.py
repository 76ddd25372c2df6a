"""Short names: a person named in full and then by surname or first name alone."""

from __future__ import annotations

import re

from newsgraph.dictionaries import lexicons
from newsgraph.dictionaries.names import first_name_gender
from newsgraph.extract.facts import ActorDraft, ArticleFacts


def find_short_names(facts: ArticleFacts) -> None:
    """ "Marrowby said" after "Steven Marrowby", "Tarek said" after "Tarek al-Osmani": the
    proper-head match of a coreference sieve. A surname, or a first name gender-guesser
    knows, standing alone as a proper noun is the person last named with it (the first one
    named, before any); never a new actor, never a place."""
    owners = _name_parts(facts)
    if not owners:
        return
    alternatives = "|".join(re.escape(p) for p in sorted(owners, key=len, reverse=True))
    pattern = re.compile(r"(?<![\w'’-])(?:" + alternatives + r")(?![\w-])")
    for match in pattern.finditer(facts.text):
        start, end = match.span()
        if facts.actor_at(start, end) is not None or not _proper_noun_at(facts, start, end):
            continue
        people = owners[match.group()]
        person = _nearest_before(facts, people, start) or people[0]
        facts.add_mention(person, start, end)


def _name_parts(facts: ArticleFacts) -> dict[str, list[ActorDraft]]:
    names = {n for a in facts.actors for n in (a.name, *a.aliases)}
    skip = lexicons.words("titles.tsv") | lexicons.words("name_suffixes.tsv")
    parts: dict[str, list[ActorDraft]] = {}
    for actor in facts.actors:
        if actor.type != "person":
            continue
        words = [w for w in actor.name.split() if not w.endswith(".") and w.casefold() not in skip]
        if len(words) < 2:
            continue
        wanted = [words[-1]]
        if first_name_gender(words[0]) is not None:
            wanted.append(words[0])
        for part in wanted:
            if len(part) >= 3 and part[:1].isupper() and part not in names:
                parts.setdefault(part, []).append(actor)
    return parts


def _proper_noun_at(facts: ArticleFacts, start: int, end: int) -> bool:
    span = facts.doc.char_span(start, end)
    return span is not None and all(t.pos_ == "PROPN" or t.ent_type_ == "PERSON" for t in span)


def _nearest_before(
    facts: ArticleFacts, people: list[ActorDraft], offset: int
) -> ActorDraft | None:
    for _, _, actor_id in facts.mentions_before(offset):
        actor = facts.actor(actor_id)
        if any(actor is p for p in people):
            return actor
    return None
