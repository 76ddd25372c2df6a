"""The corpus store's tables (SQLAlchemy 2), the same on SQLite and PostgreSQL.

Articles keep their facts as the contract gives them; each article actor points at one
corpus actor, so cross-article resolution, merges and splits only ever move that pointer.
Relations, quotes and events point at article actors, never at corpus actors directly:
whatever an analyst merges or splits, every fact still shows the surface form it came from.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


# Full-text search objects made by migration 0002 outside the models (FTS5 on SQLite, an
# expression index on PostgreSQL); schema comparisons leave them alone.
SEARCH_OBJECTS = ("quotes_fts", "ix_quotes_text_search")


def is_search_object(name: str | None) -> bool:
    return bool(name) and str(name).startswith(SEARCH_OBJECTS)


class Base(DeclarativeBase):
    type_annotation_map: ClassVar = {dict[str, Any]: JSON, list[Any]: JSON}


class ArticleRow(Base):
    """One article as read, with its facts in the contract's JSON (`newsgraph read`)."""

    __tablename__ = "articles"
    id: Mapped[int] = mapped_column(primary_key=True)
    text_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    doc_id: Mapped[str] = mapped_column(String(512))
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(10), index=True)
    url: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(String(512))
    origin: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    facts: Mapped[dict[str, Any]]
    ingested_at: Mapped[dt.datetime] = mapped_column(default=_now)


class CorpusActor(Base):
    """One actor across the corpus: every article actor resolved to it."""

    __tablename__ = "corpus_actors"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(512), index=True)
    type: Mapped[str] = mapped_column(String(32), index=True)
    named: Mapped[bool] = mapped_column(default=True)  # False: "fighters", "the army"
    wikidata: Mapped[str | None] = mapped_column(String(32))
    cameo: Mapped[list[Any]] = mapped_column(default=list)
    gazetteer_key: Mapped[str | None] = mapped_column(String(512), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=_now)


class ArticleActor(Base):
    """An actor as one article gives it (the contract's `actors[]`)."""

    __tablename__ = "article_actors"
    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), index=True)
    local_id: Mapped[str] = mapped_column(String(64))
    corpus_actor_id: Mapped[int] = mapped_column(ForeignKey("corpus_actors.id"), index=True)
    name: Mapped[str] = mapped_column(String(512))
    type: Mapped[str] = mapped_column(String(32))
    aliases: Mapped[list[Any]] = mapped_column(default=list)
    cameo: Mapped[list[Any]] = mapped_column(default=list)
    mentions: Mapped[list[Any]] = mapped_column(default=list)  # [[start, end], ...]
    __table_args__ = (UniqueConstraint("article_id", "local_id"),)


class ActorName(Base):
    """A surface form of an article actor, normalised for lookup; resolution searches here."""

    __tablename__ = "actor_names"
    id: Mapped[int] = mapped_column(primary_key=True)
    article_actor_id: Mapped[int] = mapped_column(ForeignKey("article_actors.id"), index=True)
    corpus_actor_id: Mapped[int] = mapped_column(ForeignKey("corpus_actors.id"), index=True)
    surface: Mapped[str] = mapped_column(String(512))
    norm: Mapped[str] = mapped_column(String(512), index=True)
    block: Mapped[str] = mapped_column(String(128), index=True)  # longest word, for fuzzy matching


class RoleRow(Base):
    __tablename__ = "roles"
    id: Mapped[int] = mapped_column(primary_key=True)
    article_actor_id: Mapped[int] = mapped_column(ForeignKey("article_actors.id"), index=True)
    title: Mapped[str] = mapped_column(Text)
    organization_id: Mapped[int | None] = mapped_column(ForeignKey("article_actors.id"))
    organization_name: Mapped[str | None] = mapped_column(Text)


class EvidenceColumns:
    """Where a fact was read: the article, the sentence's offsets and text, who said it."""

    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), index=True)
    asserted_by_id: Mapped[int | None] = mapped_column(ForeignKey("article_actors.id"))
    modality: Mapped[str] = mapped_column(String(16))
    evidence_start: Mapped[int]
    evidence_end: Mapped[int]
    evidence_text: Mapped[str] = mapped_column(Text)


class RelationRow(EvidenceColumns, Base):
    """One dated, sourced assertion of a relation; a corpus relation is all of them."""

    __tablename__ = "relations"
    id: Mapped[int] = mapped_column(primary_key=True)
    subject_id: Mapped[int] = mapped_column(ForeignKey("article_actors.id"), index=True)
    predicate: Mapped[str] = mapped_column(String(32), index=True)
    object_id: Mapped[int] = mapped_column(ForeignKey("article_actors.id"), index=True)
    since: Mapped[str | None] = mapped_column(String(10))
    until: Mapped[str | None] = mapped_column(String(10))


class QuoteRow(Base):
    __tablename__ = "quotes"
    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    spans: Mapped[list[Any]]
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("article_actors.id"), index=True)
    speaker_text: Mapped[str | None] = mapped_column(Text)
    cue: Mapped[str | None] = mapped_column(String(128))


class QuoteSubject(Base):
    """An actor mentioned inside a quote's spans: what the quote is about."""

    __tablename__ = "quote_subjects"
    quote_id: Mapped[int] = mapped_column(ForeignKey("quotes.id"), primary_key=True)
    article_actor_id: Mapped[int] = mapped_column(
        ForeignKey("article_actors.id"), primary_key=True, index=True
    )


class CorpusEvent(Base):
    """One incident across the corpus: the reports of it fused (see corpus/events.py)."""

    __tablename__ = "corpus_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    type: Mapped[str] = mapped_column(String(16))
    date: Mapped[str | None] = mapped_column(String(10))
    place_name: Mapped[str | None] = mapped_column(String(512))
    country: Mapped[str | None] = mapped_column(String(8))
    lat: Mapped[float | None]
    lon: Mapped[float | None]
    geonames_id: Mapped[int | None]
    # the corpus actor ids of its reports' named actors and targets, for fusion to read
    actor_ids: Mapped[list[Any]] = mapped_column(default=list)
    __table_args__ = (Index("ix_corpus_events_type_date", "type", "date"),)


class EventRow(EvidenceColumns, Base):
    """One article's report of an event."""

    __tablename__ = "events"
    id: Mapped[int] = mapped_column(primary_key=True)
    corpus_event_id: Mapped[int] = mapped_column(ForeignKey("corpus_events.id"), index=True)
    type: Mapped[str] = mapped_column(String(16), index=True)
    cameo: Mapped[str | None] = mapped_column(String(8))
    date: Mapped[str | None] = mapped_column(String(10), index=True)
    date_text: Mapped[str | None] = mapped_column(Text)
    place_name: Mapped[str | None] = mapped_column(String(512))
    country: Mapped[str | None] = mapped_column(String(8))
    lat: Mapped[float | None]
    lon: Mapped[float | None]
    geonames_id: Mapped[int | None]


class EventParticipant(Base):
    __tablename__ = "event_participants"
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id"), primary_key=True)
    article_actor_id: Mapped[int] = mapped_column(
        ForeignKey("article_actors.id"), primary_key=True, index=True
    )
    role: Mapped[str] = mapped_column(String(8), primary_key=True)  # "actor" or "target"


class FatalityRow(Base):
    """A casualty figure as one report gives it, with its source: never averaged."""

    __tablename__ = "fatalities"
    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id"), index=True)
    count: Mapped[int]
    count_max: Mapped[int | None]
    who: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16))


class Curation(Base):
    """An analyst's merge or split, with the article actors it moved, so it can be undone."""

    __tablename__ = "curations"
    id: Mapped[int] = mapped_column(primary_key=True)
    action: Mapped[str] = mapped_column(String(8))  # "merge" or "split"
    kept_id: Mapped[int] = mapped_column(ForeignKey("corpus_actors.id"))
    other_id: Mapped[int] = mapped_column(ForeignKey("corpus_actors.id"))
    moved: Mapped[list[Any]]  # article actor ids moved from other to kept (merge) or back
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(default=_now)
    undone_at: Mapped[dt.datetime | None]
