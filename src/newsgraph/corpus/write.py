"""One article into the store: its rows, its actors resolved, its events fused.

`write_article` runs inside the caller's transaction, so an article is stored whole or
not at all. Rows are written in a handful of batches: the rows whose ids later rows need
(article actors, quotes, events) through the ORM, one flush each; the rest as bulk INSERTs of
plain dicts. So the store's cost stays small against the NLP.
"""

from __future__ import annotations

from typing import Any

import msgspec
import sqlalchemy as sa
from sqlalchemy.orm import Session

from newsgraph.corpus.actors import ActorResolver, block_of, name_keys
from newsgraph.corpus.events import Report, fuse_all, report_day
from newsgraph.gazetteer import Gazetteer
from newsgraph.model import Actor, Article, Quote
from newsgraph.names import normalize_name
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

Rows = dict[str, ArticleActor]  # article actors by their id in the article ("a1")


def write_article(
    session: Session, article: Article, text: str, origin: str, gazetteer: Gazetteer
) -> ArticleRow:
    """Store `article` (whose facts were read from `text`) and link it into the corpus."""
    row = _article_row(article, text, origin)
    session.add(row)
    session.flush()
    actors, named = _write_actors(session, row.id, article.actors, gazetteer)
    quotes = _quotes(row.id, article, actors)
    session.add_all(quotes)
    events = _write_events(session, row, article, actors, named)
    session.flush()
    _bulk(session, RoleRow, _roles(article.actors, actors))
    _bulk(session, RelationRow, _relations(row.id, article, actors))
    _bulk(session, QuoteSubject, _quote_subjects(quotes, article, actors))
    participants, tolls = _participants_and_tolls(article, events, actors)
    _bulk(session, EventParticipant, participants)
    _bulk(session, FatalityRow, tolls)
    return row


def _bulk(session: Session, table: type, rows: list[dict[str, Any]]) -> None:
    if rows:
        session.execute(sa.insert(table), rows)


def _article_row(article: Article, text: str, origin: str) -> ArticleRow:
    meta = article.article
    facts = msgspec.to_builtins(article)
    facts["article"].pop("text", None)
    return ArticleRow(
        text_sha256=meta.text_sha256,
        doc_id=meta.id,
        title=meta.title,
        published=meta.published,
        url=meta.url,
        source=meta.source,
        origin=origin,
        text=text,
        facts=facts,
    )


def _write_actors(
    session: Session, article_id: int, actors: list[Actor], gazetteer: Gazetteer
) -> tuple[Rows, set[str]]:
    """The article actor rows by local id, and the local ids of named actors."""
    corpus = ActorResolver(session, gazetteer).resolve_all(actors)
    rows: Rows = {
        actor.id: ArticleActor(
            article_id=article_id,
            local_id=actor.id,
            corpus_actor_id=resolved.id,
            name=actor.name,
            type=actor.type,
            aliases=list(actor.aliases),
            cameo=list(actor.cameo),
            mentions=[[m.start, m.end] for m in actor.mentions],
        )
        for actor, resolved in zip(actors, corpus, strict=True)
    }
    session.add_all(rows.values())
    session.flush()
    names = [
        {
            "article_actor_id": rows[actor.id].id,
            "corpus_actor_id": resolved.id,
            "surface": surface,
            "norm": norm,
            "block": block_of(norm),
        }
        for actor, resolved in zip(actors, corpus, strict=True)
        for norm, surface in _surfaces(actor).items()
    ]
    _bulk(session, ActorName, names)
    named = {actor.id for actor, resolved in zip(actors, corpus, strict=True) if resolved.named}
    return rows, named


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
            "article_actor_id": rows[actor.id].id,
            "title": role.title,
            "organization_id": _actor_id(rows, role.organization),
            "organization_name": role.organization_name,
        }
        for actor in actors
        for role in actor.roles
    ]


def _actor_id(rows: Rows, local_id: str | None) -> int | None:
    row = rows.get(local_id) if local_id else None
    return row.id if row else None


def _relations(article_id: int, article: Article, rows: Rows) -> list[dict[str, Any]]:
    return [
        {
            "article_id": article_id,
            "subject_id": rows[relation.subject].id,
            "predicate": relation.predicate,
            "object_id": rows[relation.object].id,
            "since": relation.since,
            "until": relation.until,
            "asserted_by_id": _actor_id(rows, relation.asserted_by),
            "modality": relation.modality,
            "evidence_start": relation.evidence.start,
            "evidence_end": relation.evidence.end,
            "evidence_text": relation.evidence.text,
        }
        for relation in article.relations
        # the contract guarantees both ends; a foreign id is no relation
        if relation.subject in rows and relation.object in rows
    ]


def _quotes(article_id: int, article: Article, rows: Rows) -> list[QuoteRow]:
    return [
        QuoteRow(
            article_id=article_id,
            kind=quote.kind,
            text=quote.text,
            spans=[[s.start, s.end] for s in quote.spans],
            speaker_id=_actor_id(rows, quote.speaker),
            speaker_text=quote.speaker_text,
            cue=quote.cue,
        )
        for quote in article.quotes
    ]


def _quote_subjects(quotes: list[QuoteRow], article: Article, rows: Rows) -> list[dict[str, Any]]:
    return [
        {"quote_id": row.id, "article_actor_id": rows[actor.id].id}
        for row, quote in zip(quotes, article.quotes, strict=True)
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


def _write_events(
    session: Session, article: ArticleRow, facts: Article, rows: Rows, named: set[str]
) -> list[EventRow]:
    reports = [
        Report(
            event=event,
            day=report_day(event, article.published),
            participants=frozenset(
                rows[local].corpus_actor_id
                for local in (*event.actors, *event.targets)
                if local in named
            ),
            article_id=article.id,
        )
        for event in facts.events
    ]
    fused = fuse_all(session, reports)
    events = []
    for event, corpus_event in zip(facts.events, fused, strict=True):
        place = event.place
        events.append(
            EventRow(
                article_id=article.id,
                corpus_event_id=corpus_event.id,
                type=event.type,
                cameo=event.cameo,
                date=event.date,
                date_text=event.date_text,
                place_name=place.name if place else None,
                country=place.country if place else None,
                lat=place.lat if place else None,
                lon=place.lon if place else None,
                geonames_id=place.geonames_id if place else None,
                asserted_by_id=_actor_id(rows, event.asserted_by),
                modality=event.modality,
                evidence_start=event.evidence.start,
                evidence_end=event.evidence.end,
                evidence_text=event.evidence.text,
            )
        )
    session.add_all(events)
    return events


def _participants_and_tolls(
    article: Article, events: list[EventRow], rows: Rows
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    participants: list[dict[str, Any]] = []
    tolls: list[dict[str, Any]] = []
    for event, row in zip(article.events, events, strict=True):
        roles = [(a, "actor") for a in event.actors] + [(t, "target") for t in event.targets]
        participants.extend(
            {"event_id": row.id, "article_actor_id": rows[local].id, "role": role}
            for local, role in dict.fromkeys(roles)
            if local in rows
        )
        tolls.extend(
            {
                "event_id": row.id,
                "count": fatality.count,
                "count_max": fatality.count_max,
                "who": fatality.who,
                "source": fatality.source,
                "kind": fatality.kind,
            }
            for fatality in event.fatalities
        )
    return participants, tolls
