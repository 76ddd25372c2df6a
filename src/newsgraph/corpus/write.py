"""One article into the store: its rows, its actors resolved, its events fused.

`write_article` runs inside the caller's transaction, so an article is stored whole or
not at all.
"""

from __future__ import annotations

import msgspec
from sqlalchemy.orm import Session

from newsgraph.corpus.actors import ActorResolver, block_of, name_keys
from newsgraph.corpus.events import Report, fuse, report_day
from newsgraph.gazetteer import Gazetteer
from newsgraph.model import Actor, Article, Event, Quote
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


def write_article(
    session: Session, article: Article, text: str, origin: str, gazetteer: Gazetteer
) -> ArticleRow:
    """Store `article` (whose facts were read from `text`) and link it into the corpus."""
    meta = article.article
    facts = msgspec.to_builtins(article)
    facts["article"].pop("text", None)
    row = ArticleRow(
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
    session.add(row)
    session.flush()
    actors, named = _write_actors(session, row.id, article.actors, gazetteer)
    _write_roles(session, article.actors, actors)
    _write_relations(session, row.id, article, actors)
    _write_quotes(session, row.id, article, actors)
    for event in article.events:
        _write_event(session, row, event, actors, named)
    return row


def _write_actors(
    session: Session, article_id: int, actors: list[Actor], gazetteer: Gazetteer
) -> tuple[dict[str, ArticleActor], set[str]]:
    """The article actor rows by local id, and the local ids of named actors."""
    resolver = ActorResolver(session, gazetteer)
    rows: dict[str, ArticleActor] = {}
    named: set[str] = set()
    for actor in actors:
        context = {normalize_name(r.organization_name) for r in actor.roles if r.organization_name}
        corpus = resolver.resolve(actor, context)
        row = ArticleActor(
            article_id=article_id,
            local_id=actor.id,
            corpus_actor_id=corpus.id,
            name=actor.name,
            type=actor.type,
            aliases=list(actor.aliases),
            cameo=list(actor.cameo),
            mentions=[[m.start, m.end] for m in actor.mentions],
        )
        session.add(row)
        session.flush()
        surfaces = dict(zip(name_keys(actor), _surfaces(actor), strict=False))
        for norm, surface in surfaces.items():
            session.add(
                ActorName(
                    article_actor_id=row.id,
                    corpus_actor_id=corpus.id,
                    surface=surface,
                    norm=norm,
                    block=block_of(norm),
                )
            )
        rows[actor.id] = row
        if corpus.named:
            named.add(actor.id)
    session.flush()
    return rows, named


def _surfaces(actor: Actor) -> list[str]:
    """The surface form of each of `name_keys(actor)`, in the same order."""
    seen: dict[str, str] = {}
    for name in (actor.name, *actor.aliases):
        key = normalize_name(name)
        if key and key not in seen:
            seen[key] = name
    return list(seen.values())


def _write_roles(session: Session, actors: list[Actor], rows: dict[str, ArticleActor]) -> None:
    for actor in actors:
        for role in actor.roles:
            organization = rows.get(role.organization) if role.organization else None
            session.add(
                RoleRow(
                    article_actor_id=rows[actor.id].id,
                    title=role.title,
                    organization_id=organization.id if organization else None,
                    organization_name=role.organization_name,
                )
            )


def _actor_id(rows: dict[str, ArticleActor], local_id: str | None) -> int | None:
    row = rows.get(local_id) if local_id else None
    return row.id if row else None


def _write_relations(
    session: Session, article_id: int, article: Article, rows: dict[str, ArticleActor]
) -> None:
    for relation in article.relations:
        subject, object_ = rows.get(relation.subject), rows.get(relation.object)
        if subject is None or object_ is None:
            continue  # the contract guarantees both ends; a foreign id is no relation
        session.add(
            RelationRow(
                article_id=article_id,
                subject_id=subject.id,
                predicate=relation.predicate,
                object_id=object_.id,
                since=relation.since,
                until=relation.until,
                asserted_by_id=_actor_id(rows, relation.asserted_by),
                modality=relation.modality,
                evidence_start=relation.evidence.start,
                evidence_end=relation.evidence.end,
                evidence_text=relation.evidence.text,
            )
        )


def _write_quotes(
    session: Session, article_id: int, article: Article, rows: dict[str, ArticleActor]
) -> None:
    for quote in article.quotes:
        row = QuoteRow(
            article_id=article_id,
            kind=quote.kind,
            text=quote.text,
            spans=[[s.start, s.end] for s in quote.spans],
            speaker_id=_actor_id(rows, quote.speaker),
            speaker_text=quote.speaker_text,
            cue=quote.cue,
        )
        session.add(row)
        session.flush()
        for actor in _mentioned_in(quote, article.actors):
            session.add(QuoteSubject(quote_id=row.id, article_actor_id=rows[actor.id].id))


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


def _write_event(
    session: Session,
    article: ArticleRow,
    event: Event,
    rows: dict[str, ArticleActor],
    named: set[str],
) -> None:
    participants = [(a, "actor") for a in event.actors] + [(t, "target") for t in event.targets]
    linked = [(rows[local], role) for local, role in participants if local in rows]
    report = Report(
        event=event,
        day=report_day(event, article.published),
        participants=frozenset(
            rows[local].corpus_actor_id for local, _ in participants if local in named
        ),
        article_id=article.id,
    )
    corpus_event = fuse(session, report)
    place = event.place
    row = EventRow(
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
    session.add(row)
    session.flush()
    for actor_row, role in dict.fromkeys(linked):
        session.add(EventParticipant(event_id=row.id, article_actor_id=actor_row.id, role=role))
    for fatality in event.fatalities:
        session.add(
            FatalityRow(
                event_id=row.id,
                count=fatality.count,
                count_max=fatality.count_max,
                who=fatality.who,
                source=fatality.source,
                kind=fatality.kind,
            )
        )
