"""An analyst's corrections to actor resolution: merge two corpus actors, split one.

Both only move article actors (and their names) from one corpus actor to another, and each
is recorded in `curations` with what it moved, so it can be undone: `split A B` undoes the
latest merge of B into A; `split A --name FORM` moves one surface form out of A into an
actor of its own: the article actors known only by it move whole, and an article actor that
its article also calls by other names leaves its mentions of the form to an article actor
of their own (`merge A FORM` puts them back under A).
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.orm import Session

from newsgraph.dictionaries.names import normalize_name
from newsgraph.store.queries import NotFound
from newsgraph.store.tables import ActorName, ArticleActor, ArticleRow, CorpusActor, Curation


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
    """Move the surface form `surface` out of `actor` into a new corpus actor named by it.

    An article actor known only by that form moves whole, with its facts. One that its
    article also calls by other names ("Idris Kaltane ... Kaltane") stays, and the mentions
    of the form leave it for an article actor of their own, so the form leaves `actor`
    entirely and no other name follows it."""
    key = normalize_name(surface)
    carrying = sa.select(ActorName.article_actor_id).where(
        ActorName.corpus_actor_id == actor.id, ActorName.norm == key
    )
    carriers = list(
        session.scalars(
            sa.select(ArticleActor).where(ArticleActor.id.in_(carrying)).order_by(ArticleActor.id)
        )
    )
    if not carriers:
        raise NotFound(f"{actor.name!r} has no surface form {surface!r}")
    whole = [row for row in carriers if not _other_names(session, row, key)]
    remaining = session.scalar(
        sa.select(sa.func.count())
        .select_from(ArticleActor)
        .where(
            ArticleActor.corpus_actor_id == actor.id,
            ArticleActor.id.not_in([row.id for row in whole]),
        )
    )
    if not remaining:
        raise CurationError(f"every mention of {actor.name!r} is {surface!r}: nothing to split")
    form = _surface(session, carriers, key) or surface
    created = CorpusActor(name=form, type=actor.type, named=True)
    session.add(created)
    session.flush()
    moved = [row.id for row in whole]
    _move(session, moved, created.id)
    for row in carriers:
        if row not in whole:
            moved.append(_split_off(session, row, key, created).id)
    if normalize_name(actor.name) == key:
        actor.name = _most_used_name(session, actor.id) or actor.name
    record = Curation(action="split", kept_id=actor.id, other_id=created.id, moved=moved, note=note)
    session.add(record)
    session.flush()
    return record


def _other_names(session: Session, row: ArticleActor, key: str) -> list[ActorName]:
    return list(
        session.scalars(
            sa.select(ActorName).where(ActorName.article_actor_id == row.id, ActorName.norm != key)
        )
    )


def _surface(session: Session, rows: list[ArticleActor], key: str) -> str | None:
    """The form as the articles write it ("Kaltane", not the analyst's "kaltane")."""
    return session.scalar(
        sa.select(ActorName.surface)
        .where(ActorName.article_actor_id.in_([row.id for row in rows]), ActorName.norm == key)
        .limit(1)
    )


def _split_off(session: Session, row: ArticleActor, key: str, target: CorpusActor) -> ArticleActor:
    """A new article actor, in `row`'s article, for the mentions and the name of `row`
    that are the form `key`; `row` keeps its other names, its mentions of them and its
    facts."""
    text = session.scalar(sa.select(ArticleRow.text).where(ArticleRow.id == row.article_id))
    text = text or ""
    names = [row.name, *row.aliases]
    leaving = [name for name in names if normalize_name(name) == key]
    staying = [name for name in names if normalize_name(name) != key]
    mentions = [list(m) for m in row.mentions]
    theirs = [m for m in mentions if normalize_name(text[m[0] : m[1]]) == key]
    split = ArticleActor(
        article_id=row.article_id,
        local_id=f"{row.local_id}~{target.id}"[:64],
        corpus_actor_id=target.id,
        name=leaving[0] if leaving else target.name,
        type=row.type,
        aliases=leaving[1:],
        cameo=list(row.cameo),
        mentions=theirs,
    )
    session.add(split)
    session.flush()
    row.name, row.aliases = staying[0], staying[1:]
    row.mentions = [m for m in mentions if m not in theirs]
    session.execute(
        sa.update(ActorName)
        .where(ActorName.article_actor_id == row.id, ActorName.norm == key)
        .values(article_actor_id=split.id, corpus_actor_id=target.id)
    )
    return split


def _most_used_name(session: Session, corpus_id: int) -> str | None:
    return session.scalar(
        sa.select(ActorName.surface)
        .where(ActorName.corpus_actor_id == corpus_id)
        .group_by(ActorName.surface)
        .order_by(sa.func.count().desc(), ActorName.surface)
        .limit(1)
    )


def history(session: Session, limit: int = 100) -> list[Curation]:
    return list(session.scalars(sa.select(Curation).order_by(Curation.id.desc()).limit(limit)))


def _move(session: Session, article_actor_ids: list[int], target: int) -> None:
    for start in range(0, len(article_actor_ids), 500):
        chunk = article_actor_ids[start : start + 500]
        for table in (ArticleActor, ActorName):
            key = ArticleActor.id if table is ArticleActor else ActorName.article_actor_id
            session.execute(sa.update(table).where(key.in_(chunk)).values(corpus_actor_id=target))
