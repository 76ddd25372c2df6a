"""An analyst's corrections to actor resolution: merge two corpus actors, split one.

Both only move article actors (and their names) from one corpus actor to another, and each
is recorded in `curations` with what it moved, so it can be undone: `split A B` undoes the
latest merge of B into A; `split A --name FORM` moves the article actors that carry a
surface form out of A into an actor of their own.
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.orm import Session

from newsgraph.names import normalize_name
from newsgraph.store.queries import NotFound
from newsgraph.store.tables import ActorName, ArticleActor, CorpusActor, Curation


class CurationError(ValueError):
    """A merge or split that cannot be done; the message says why."""


def merge(
    session: Session, keep: CorpusActor, other: CorpusActor, note: str | None = None
) -> Curation:
    """Make `other` part of `keep`: every article actor of `other` now resolves to `keep`."""
    if keep.id == other.id:
        raise CurationError(f"{keep.name!r} and {other.name!r} are already one actor")
    moved = list(
        session.scalars(sa.select(ArticleActor.id).where(ArticleActor.corpus_actor_id == other.id))
    )
    _move(session, moved, keep.id)
    record = Curation(action="merge", kept_id=keep.id, other_id=other.id, moved=moved, note=note)
    session.add(record)
    session.flush()
    return record


def merged_into(session: Session, actor: CorpusActor, name: str) -> CorpusActor:
    """The actor once merged into `actor` that `name` (its name or #id) means: after a
    merge, the name itself resolves to `actor`, so the record of merges is searched."""
    key = normalize_name(name)
    merged = session.scalars(
        sa.select(CorpusActor)
        .join(Curation, Curation.other_id == CorpusActor.id)
        .where(Curation.action == "merge", Curation.kept_id == actor.id)
        .where(Curation.undone_at.is_(None))
        .order_by(Curation.id.desc())
    )
    for candidate in merged:
        if f"#{candidate.id}" == name.strip() or normalize_name(candidate.name) == key:
            return candidate
    raise NotFound(f"no actor named {name!r} was merged into {actor.name!r}")


def unmerge(session: Session, actor: CorpusActor, other: CorpusActor) -> Curation:
    """Undo the latest merge of `other` into `actor`."""
    record = session.scalars(
        sa.select(Curation)
        .where(
            Curation.action == "merge",
            Curation.kept_id == actor.id,
            Curation.other_id == other.id,
            Curation.undone_at.is_(None),
        )
        .order_by(Curation.id.desc())
        .limit(1)
    ).first()
    if record is None:
        raise CurationError(f"{other.name!r} was never merged into {actor.name!r}")
    _move(session, list(record.moved), other.id)
    record.undone_at = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    undo = Curation(action="split", kept_id=actor.id, other_id=other.id, moved=record.moved)
    session.add(undo)
    session.flush()
    return undo


def split_name(
    session: Session, actor: CorpusActor, surface: str, note: str | None = None
) -> Curation:
    """Move the article actors of `actor` that carry the surface form `surface` into a new
    corpus actor named by it."""
    key = normalize_name(surface)
    moved = list(
        session.scalars(
            sa.select(ActorName.article_actor_id)
            .where(ActorName.corpus_actor_id == actor.id, ActorName.norm == key)
            .distinct()
        )
    )
    if not moved:
        raise NotFound(f"{actor.name!r} has no surface form {surface!r}")
    remaining = session.scalar(
        sa.select(sa.func.count())
        .select_from(ArticleActor)
        .where(ArticleActor.corpus_actor_id == actor.id, ArticleActor.id.not_in(moved))
    )
    if not remaining:
        raise CurationError(
            f"every mention of {actor.name!r} carries {surface!r}: nothing to split"
        )
    created = CorpusActor(name=surface, type=actor.type, named=True)
    session.add(created)
    session.flush()
    _move(session, moved, created.id)
    record = Curation(action="split", kept_id=actor.id, other_id=created.id, moved=moved, note=note)
    session.add(record)
    session.flush()
    return record


def history(session: Session, limit: int = 100) -> list[Curation]:
    return list(session.scalars(sa.select(Curation).order_by(Curation.id.desc()).limit(limit)))


def _move(session: Session, article_actor_ids: list[int], target: int) -> None:
    for start in range(0, len(article_actor_ids), 500):
        chunk = article_actor_ids[start : start + 500]
        for table in (ArticleActor, ActorName):
            key = ArticleActor.id if table is ArticleActor else ActorName.article_actor_id
            session.execute(sa.update(table).where(key.in_(chunk)).values(corpus_actor_id=target))
