"""Small reads the web needs beyond store/queries.py: where a merged-away actor went."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from newsgraph.store.tables import ArticleActor, CorpusActor, Curation


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
