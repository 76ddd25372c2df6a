"""Very long articles, read piece by piece: split a record into segments, merge their facts.

Several extraction stages look back over every earlier mention, quote or event of an
article, so their cost grows with the square of its length; the parser's memory grows with
the length of what it sees at once. A record longer than `SEGMENT_CHARS` is therefore cut at
paragraph, sentence or word boundaries (never needing a line break) into records of at most
that length, each read on its own; `merge_segments` joins their articles into one, offsets
shifted back into the whole text and actors of the same name and type made one.
"""

from __future__ import annotations

from newsgraph.model import Actor, Article, ArticleMeta, Evidence, Mention, Record, Role, Span

# About 3,000 words: longer than nearly every news article, short enough that the stages
# whose cost grows with the square of the length stay fast (docs/scaling.md).
SEGMENT_CHARS = 20_000
# Longer texts are refused before any work: at about a minute per million characters,
# more is a dump of many articles, to be split, not one article (docs/scaling.md).
MAX_ARTICLE_CHARS = 2_000_000


def segment_record(record: Record, limit: int = SEGMENT_CHARS) -> list[tuple[Record, int]]:
    """The record itself when short enough, else its pieces, each with its start offset.
    Cuts are chosen on the text as spaCy will see it (`clean_text`), so that a cut never
    falls inside markup the cleaner would blank."""
    from newsgraph.nlp import chunk_starts, clean_text  # spaCy: only once there is text to cut

    if len(record.text) <= limit:
        return [(record, 0)]
    starts = chunk_starts(clean_text(record.text), limit)
    ends = [*starts[1:], len(record.text)]
    return [
        (
            Record(
                id=record.id,
                text=record.text[start:end],
                title=record.title,
                published=record.published,
                url=record.url,
                source=record.source,
                origin=record.origin,
            ),
            start,
        )
        for start, end in zip(starts, ends, strict=True)
    ]


def merge_segments(
    record: Record, parts: list[tuple[Article, int]], include_text: bool = False
) -> Article:
    """One article for `record` from the articles of its segments (each with its start
    offset): offsets shifted into the whole text, actors of the same name and type merged,
    every fact's actor ids renumbered to the merged actors."""
    meta = ArticleMeta.of(record, include_text)
    merged = Article(article=meta)
    by_key: dict[tuple[str, str], Actor] = {}
    for article, shift in parts:
        ids = {actor.id: _merge_actor(merged, by_key, actor, shift) for actor in article.actors}
        for actor in article.actors:  # a role's organisation may be any actor of the part
            for role in actor.roles:
                role.organization = ids.get(role.organization or "", role.organization)
        for relation in article.relations:
            relation.subject = ids.get(relation.subject, relation.subject)
            relation.object = ids.get(relation.object, relation.object)
            relation.asserted_by = ids.get(relation.asserted_by or "", relation.asserted_by)
            relation.evidence = _shifted_evidence(relation.evidence, shift)
            merged.relations.append(relation)
        for quote in article.quotes:
            quote.speaker = ids.get(quote.speaker or "", quote.speaker)
            quote.spans = [Span(start=s.start + shift, end=s.end + shift) for s in quote.spans]
            merged.quotes.append(quote)
        for event in article.events:
            event.actors = [ids.get(a, a) for a in event.actors]
            event.targets = [ids.get(a, a) for a in event.targets]
            event.asserted_by = ids.get(event.asserted_by or "", event.asserted_by)
            event.evidence = _shifted_evidence(event.evidence, shift)
            merged.events.append(event)
    for actor in merged.actors:
        actor.roles = _unique_roles(actor)
    return merged


def _merge_actor(
    merged: Article, by_key: dict[tuple[str, str], Actor], actor: Actor, shift: int
) -> str:
    mentions = [
        Mention(start=m.start + shift, end=m.end + shift, text=m.text) for m in actor.mentions
    ]
    key = (actor.name.casefold(), actor.type)
    known = by_key.get(key)
    if known is None:
        known = Actor(
            id=f"a{len(merged.actors) + 1}",
            name=actor.name,
            type=actor.type,
            wikidata=actor.wikidata,
        )
        by_key[key] = known
        merged.actors.append(known)
    for alias in actor.aliases:
        if alias.casefold() not in {a.casefold() for a in known.aliases}:
            known.aliases.append(alias)
    known.roles.extend(actor.roles)
    known.mentions.extend(mentions)
    known.cameo.extend(code for code in actor.cameo if code not in known.cameo)
    known.wikidata = known.wikidata or actor.wikidata
    return known.id


def _unique_roles(actor: Actor) -> list[Role]:
    seen: set[tuple[str, str | None, str | None]] = set()
    roles: list[Role] = []
    for role in actor.roles:
        key = (role.title, role.organization, role.organization_name)
        if key not in seen:
            seen.add(key)
            roles.append(role)
    return roles


def _shifted_evidence(evidence: Evidence, shift: int) -> Evidence:
    return Evidence(start=evidence.start + shift, end=evidence.end + shift, text=evidence.text)
