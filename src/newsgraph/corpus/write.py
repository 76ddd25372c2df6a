"""One article into the store: its rows, its actors resolved, its events fused.

`write_article` runs inside the caller's transaction, so an article is stored whole or
not at all. Rows are written as a handful of multi-row INSERTs of plain dicts (those whose
ids later rows need with RETURNING), not one ORM object at a time, so the store's cost stays
small against the NLP.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import msgspec
import sqlalchemy as sa
from sqlalchemy.orm import Session

from newsgraph.corpus.actors import ActorResolver, block_of, name_keys
from newsgraph.corpus.events import Report, fuse_all, report_day
from newsgraph.dictionaries.gazetteer import Gazetteer
from newsgraph.dictionaries.names import normalize_name
from newsgraph.model import Actor, Article, Quote
from newsgraph.store.tables import (
    ActorName,
    ArticleActor,
    ArticleRow,
    EventParticipant,
    EventRow,
    FatalityRow,
    QuoteRow,
    QuoteSubject,
    RelationRow,
    RoleRow,
)


@dataclass
class Rows:
    """An article's actors as stored, by their id in the article ("a1")."""

    ids: dict[str, int]  # the article actor row
    corpus: dict[str, int]  # the corpus actor it resolved to
    named: set[str]  # those with a name (not "fighters")

    def id_of(self, local_id: str | None) -> int | None:
        return self.ids.get(local_id) if local_id else None


def write_article(
    session: Session, article: Article, text: str, origin: str, gazetteer: Gazetteer
) -> int:
    """Store `article` (whose facts were read from `text`), link it into the corpus and
    return its id in the store."""
    (article_id,) = _insert(session, ArticleRow, [_article_row(article, text, origin)])
    actors = _write_actors(session, article_id, article.actors, gazetteer)
    quote_ids = _insert(session, QuoteRow, _quotes(article_id, article, actors))
    event_ids = _write_events(session, article_id, article, actors)
    _bulk(session, RoleRow, _roles(article.actors, actors))
    _bulk(session, RelationRow, _relations(article_id, article, actors))
    _bulk(session, QuoteSubject, _quote_subjects(quote_ids, article, actors))
    participants, tolls = _participants_and_tolls(article, event_ids, actors)
    _bulk(session, EventParticipant, participants)
    _bulk(session, FatalityRow, tolls)
    return article_id


def _bulk(session: Session, table: type, rows: list[dict[str, Any]]) -> None:
    if rows:
        session.execute(sa.insert(table), rows)


def _insert(session: Session, table: Any, rows: list[dict[str, Any]]) -> list[int]:
    """Insert `rows` in one statement and return their new ids, in order."""
    if not rows:
        return []
    statement = sa.insert(table).returning(table.id, sort_by_parameter_order=True)
    return list(session.scalars(statement, rows))


def _article_row(article: Article, text: str, origin: str) -> dict[str, Any]:
    meta = article.article
    facts = msgspec.to_builtins(article)
    facts["article"].pop("text", None)
    return {
        "text_sha256": meta.text_sha256,
        "doc_id": meta.id,
        "title": meta.title,
        "published": meta.published,
        "url": meta.url,
        "source": meta.source,
        "origin": origin,
        "text": text,
        "facts": facts,
        "ingested_at": dt.datetime.now(dt.UTC).replace(tzinfo=None),
    }


def _write_actors(
    session: Session, article_id: int, actors: list[Actor], gazetteer: Gazetteer
) -> Rows:
    corpus = ActorResolver(session, gazetteer).resolve_all(actors)
    rows = [
        {
            "article_id": article_id,
            "local_id": actor.id,
            "corpus_actor_id": resolved.id,
            "name": actor.name,
            "type": actor.type,
            "aliases": list(actor.aliases),
            "cameo": list(actor.cameo),
            "mentions": [[m.start, m.end] for m in actor.mentions],
        }
        for actor, resolved in zip(actors, corpus, strict=True)
    ]
    ids = _insert(session, ArticleActor, rows)
    stored = Rows(
        ids={actor.id: row_id for actor, row_id in zip(actors, ids, strict=True)},
        corpus={actor.id: resolved.id for actor, resolved in zip(actors, corpus, strict=True)},
        named={actor.id for actor, resolved in zip(actors, corpus, strict=True) if resolved.named},
    )
    names = [
        {
            "article_actor_id": stored.ids[actor.id],
            "corpus_actor_id": stored.corpus[actor.id],
            "surface": surface,
            "norm": norm,
            "block": block_of(norm),
        }
        for actor in actors
        for norm, surface in _surfaces(actor).items()
    ]
    _bulk(session, ActorName, names)
    return stored


def _surfaces(actor: Actor) -> dict[str, str]:
    """Each of `name_keys(actor)` with the first surface form that gave it."""
    keys = set(name_keys(actor))
    seen: dict[str, str] = {}
    for name in (actor.name, *actor.aliases):
        key = normalize_name(name)
        if key in keys and key not in seen:
            seen[key] = name
    return seen


def _roles(actors: list[Actor], rows: Rows) -> list[dict[str, Any]]:
    return [
        {
            "article_actor_id": rows.ids[actor.id],
            "title": role.title,
            "organization_id": rows.id_of(role.organization),
            "organization_name": role.organization_name,
        }
        for actor in actors
        for role in actor.roles
    ]


def _relations(article_id: int, article: Article, rows: Rows) -> list[dict[str, Any]]:
    return [
        {
            "article_id": article_id,
            "subject_id": rows.ids[relation.subject],
            "predicate": relation.predicate,
            "object_id": rows.ids[relation.object],
            "since": relation.since,
            "until": relation.until,
            "asserted_by_id": rows.id_of(relation.asserted_by),
            "modality": relation.modality,
            "evidence_start": relation.evidence.start,
            "evidence_end": relation.evidence.end,
            "evidence_text": relation.evidence.text,
        }
        for relation in article.relations
        # the contract guarantees both ends; a foreign id is no relation
        if relation.subject in rows.ids and relation.object in rows.ids
    ]


def _quotes(article_id: int, article: Article, rows: Rows) -> list[dict[str, Any]]:
    return [
        {
            "article_id": article_id,
            "kind": quote.kind,
            "text": quote.text,
            "spans": [[s.start, s.end] for s in quote.spans],
            "speaker_id": rows.id_of(quote.speaker),
            "speaker_text": quote.speaker_text,
            "cue": quote.cue,
        }
        for quote in article.quotes
    ]


def _quote_subjects(quote_ids: list[int], article: Article, rows: Rows) -> list[dict[str, Any]]:
    return [
        {"quote_id": quote_id, "article_actor_id": rows.ids[actor.id]}
        for quote_id, quote in zip(quote_ids, article.quotes, strict=True)
        for actor in _mentioned_in(quote, article.actors)
    ]


def _mentioned_in(quote: Quote, actors: list[Actor]) -> list[Actor]:
    """Actors named inside the quote's own words (not its speaker's pronouns)."""
    return [
        actor
        for actor in actors
        if actor.id != quote.speaker
        and any(
            span.start <= mention.start and mention.end <= span.end
            for mention in actor.mentions
            for span in quote.spans
        )
    ]


def _write_events(session: Session, article_id: int, facts: Article, rows: Rows) -> list[int]:
    published = facts.article.published
    reports = [
        Report(
            event=event,
            day=report_day(event, published),
            participants=frozenset(
                rows.corpus[local]
                for local in (*event.actors, *event.targets)
                if local in rows.named
            ),
        )
        for event in facts.events
    ]
    fused = fuse_all(session, reports)
    events = []
    for event, corpus_event in zip(facts.events, fused, strict=True):
        place = event.place
        events.append(
            {
                "article_id": article_id,
                "corpus_event_id": corpus_event.id,
                "type": event.type,
                "cameo": event.cameo,
                "date": event.date,
                "date_text": event.date_text,
                "place_name": place.name if place else None,
                "country": place.country if place else None,
                "lat": place.lat if place else None,
                "lon": place.lon if place else None,
                "geonames_id": place.geonames_id if place else None,
                "asserted_by_id": rows.id_of(event.asserted_by),
                "modality": event.modality,
                "evidence_start": event.evidence.start,
                "evidence_end": event.evidence.end,
                "evidence_text": event.evidence.text,
            }
        )
    return _insert(session, EventRow, events)


def _participants_and_tolls(
    article: Article, event_ids: list[int], rows: Rows
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    participants: list[dict[str, Any]] = []
    tolls: list[dict[str, Any]] = []
    for event, event_id in zip(article.events, event_ids, strict=True):
        roles = [(a, "actor") for a in event.actors] + [(t, "target") for t in event.targets]
        participants.extend(
            {"event_id": event_id, "article_actor_id": rows.ids[local], "role": role}
            for local, role in dict.fromkeys(roles)
            if local in rows.ids
        )
        tolls.extend(
            {
                "event_id": event_id,
                "count": fatality.count,
                "count_max": fatality.count_max,
                "who": fatality.who,
                "source": fatality.source,
                "kind": fatality.kind,
            }
            for fatality in event.fatalities
        )
    return participants, tolls
