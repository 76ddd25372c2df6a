"""Small reads the web needs beyond store/queries.py: where a merged-away actor went."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from newsgraph.store import queries as q
from newsgraph.store.tables import (
    ArticleActor,
    ArticleRow,
    CorpusActor,
    CorpusEvent,
    Curation,
    EventParticipant,
    EventRow,
)


def survivor(session: Session, actor_id: int) -> int | None:
    """The actor that `actor_id` was merged into (following merges of merges), when
    `actor_id` itself holds no article any more; None otherwise."""
    seen = {actor_id}
    current = actor_id
    while _is_empty(session, current):
        kept = session.scalar(
            sa.select(Curation.kept_id)
            .where(
                Curation.action == "merge",
                Curation.other_id == current,
                Curation.undone_at.is_(None),
            )
            .order_by(Curation.id.desc())
            .limit(1)
        )
        if kept is None or kept in seen:
            break
        seen.add(kept)
        current = kept
    return current if current != actor_id else None


def _is_empty(session: Session, actor_id: int) -> bool:
    return (
        session.scalar(
            sa.select(ArticleActor.id).where(ArticleActor.corpus_actor_id == actor_id).limit(1)
        )
        is None
    )


def exists(session: Session, actor_id: int) -> bool:
    return session.get(CorpusActor, actor_id) is not None


def event_dates(
    session: Session,
    *,
    actor_id: int | None = None,
    type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    place: str | None = None,
) -> tuple[dict[str, int], int]:
    """How many corpus events fall on each date under the timeline's filters (those of
    `queries.list_events`), and how many have no date."""
    query = sa.select(CorpusEvent.date, sa.func.count()).group_by(CorpusEvent.date)
    if actor_id is not None:
        involving = (
            sa.select(EventRow.corpus_event_id)
            .join(EventParticipant, EventParticipant.event_id == EventRow.id)
            .join(ArticleActor, EventParticipant.article_actor_id == ArticleActor.id)
            .where(ArticleActor.corpus_actor_id == actor_id)
        )
        query = query.where(CorpusEvent.id.in_(involving))
    if type:
        query = query.where(CorpusEvent.type == type.upper())
    if since:
        query = query.where(CorpusEvent.date >= since)
    if until:
        query = query.where(CorpusEvent.date <= until)
    if place:
        query = query.where(
            sa.or_(
                sa.func.lower(CorpusEvent.place_name) == place.casefold(),
                sa.func.lower(CorpusEvent.country) == place.casefold(),
            )
        )
    counts, undated = {}, 0
    for day, n in session.execute(query):
        if day is None:
            undated = int(n)
        else:
            counts[str(day)] = int(n)
    return counts, undated


def articles_between(
    session: Session,
    *,
    search: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[q.ArticleRef]:
    """Articles published in a period (either end open), newest first; `search` looks in
    titles as `queries.list_articles` does."""
    query = (
        sa.select(ArticleRow.id)
        .order_by(ArticleRow.published.desc(), ArticleRow.id)
        .limit(limit)
        .offset(offset)
    )
    if search:
        escaped = search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        query = query.where(ArticleRow.title.ilike(f"%{escaped}%", escape="\\"))
    if since:
        query = query.where(ArticleRow.published >= since)
    if until:
        query = query.where(ArticleRow.published <= until)
    ids = list(session.scalars(query))
    rows = {
        row.id: row for row in session.scalars(sa.select(ArticleRow).where(ArticleRow.id.in_(ids)))
    }
    return [
        q.ArticleRef(
            id=i,
            title=rows[i].title,
            published=rows[i].published,
            source=rows[i].source,
            url=rows[i].url,
        )
        for i in ids
    ]
