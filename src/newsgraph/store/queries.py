"""What the CLI, the exports and the web read from the store, as plain result types.

Every query takes a session and returns msgspec structs (`to_builtins` gives their JSON), so
`newsgraph actors --json`, the exports and the web API print the same shapes. Names given
by a user are looked up the way resolution matches them (`names.normalize_name`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TypeVar

import msgspec
import sqlalchemy as sa
from sqlalchemy.orm import Session, aliased

from newsgraph.dictionaries.names import normalize_name
from newsgraph.store import PAGE as PAGE
from newsgraph.store.tables import (
    ActorName,
    ArticleActor,
    ArticleRow,
    CorpusActor,
    CorpusEvent,
    EventParticipant,
    EventRow,
    FatalityRow,
    QuoteRow,
    QuoteSubject,
    RelationRow,
    RoleRow,
)

T = TypeVar("T")
MAX_ID = 2**63 - 1  # the largest integer key SQLite and PostgreSQL hold; beyond it, no row


class NotFound(LookupError):
    """Nothing matches; `suggestions` holds close names, if any."""

    def __init__(self, message: str, suggestions: Sequence[str] = ()):
        super().__init__(message)
        self.suggestions = list(suggestions)


class ActorRef(msgspec.Struct, kw_only=True):
    id: int
    name: str
    type: str


class ActorSummary(ActorRef, kw_only=True):
    aliases: list[str]
    articles: int
    cameo: list[str]
    wikidata: str | None = None


class ArticleRef(msgspec.Struct, kw_only=True):
    id: int
    title: str | None
    published: str | None
    source: str | None
    url: str | None


class Provenance(msgspec.Struct, kw_only=True):
    article: ArticleRef
    sentence: str
    start: int
    end: int
    asserted_by: str | None  # the quoted source's name; None is the article's own voice
    modality: str


class RoleHeld(msgspec.Struct, kw_only=True):
    title: str
    organization: ActorRef | None
    organization_name: str | None
    article: ArticleRef


class RelationAssertion(msgspec.Struct, kw_only=True):
    subject: ActorRef
    predicate: str
    object: ActorRef
    since: str | None
    until: str | None
    provenance: Provenance


class Casualties(msgspec.Struct, kw_only=True):
    count: int
    count_max: int | None
    kind: str
    who: str | None
    source: str  # who gave the figure: the named source, else the article's publisher


class EventReport(msgspec.Struct, kw_only=True):
    type: str
    cameo: str | None
    date: str | None
    date_text: str | None
    place: str | None
    actors: list[ActorRef]
    targets: list[ActorRef]
    fatalities: list[Casualties]
    provenance: Provenance


class CorpusEventView(msgspec.Struct, kw_only=True):
    id: int
    type: str
    date: str | None
    place: str | None
    country: str | None
    lat: float | None
    lon: float | None
    actors: list[ActorRef]
    targets: list[ActorRef]
    reports: list[EventReport]


class QuoteView(msgspec.Struct, kw_only=True):
    id: int
    kind: str
    text: str
    speaker: ActorRef | None
    speaker_text: str | None
    cue: str | None
    article: ArticleRef
    start: int
    end: int


class Dossier(msgspec.Struct, kw_only=True):
    actor: ActorSummary
    surface_forms: dict[str, int]
    roles: list[RoleHeld]
    relations: list[RelationAssertion]
    events_as_actor: list[CorpusEventView]
    events_as_target: list[CorpusEventView]
    quotes_by: list[QuoteView]
    quotes_about: list[QuoteView]
    articles: list[ArticleRef]
    # how many of each there are in all; a section holds the newest `limit` of them
    totals: dict[str, int]


# ------------------------------------------------------------------------------- actors


def list_actors(
    session: Session,
    *,
    type: str | None = None,
    search: str | None = None,
    include_unnamed: bool = False,
    limit: int = PAGE,
    offset: int = 0,
) -> list[ActorSummary]:
    """Corpus actors, those in most articles first."""
    articles = sa.func.count(sa.distinct(ArticleActor.article_id)).label("articles")
    query = (
        sa.select(CorpusActor, articles)
        .join(ArticleActor, ArticleActor.corpus_actor_id == CorpusActor.id)
        .group_by(CorpusActor.id)
        .order_by(articles.desc(), CorpusActor.name)
        .limit(limit)
        .offset(offset)
    )
    if type:
        query = query.where(CorpusActor.type == type)
    if not include_unnamed:
        query = query.where(CorpusActor.named.is_(True))
    if search:
        key = normalize_name(search)
        if not key:  # punctuation or symbols only: nothing is named so, not everything
            return []
        matching = sa.select(ActorName.corpus_actor_id).where(
            ActorName.norm.contains(key, autoescape=True)
        )
        query = query.where(CorpusActor.id.in_(matching))
    rows = session.execute(query).all()
    aliases = _surface_forms(session, [actor.id for actor, _ in rows])
    return [_summary(actor, count, aliases[actor.id]) for actor, count in rows]


def actor_summaries(session: Session, ids: list[int]) -> list[ActorSummary]:
    """Summaries of the corpus actors `ids`, in that order (those with no article left,
    emptied by a merge, are left out)."""
    counts = dict(
        session.execute(
            sa.select(
                ArticleActor.corpus_actor_id, sa.func.count(sa.distinct(ArticleActor.article_id))
            )
            .where(ArticleActor.corpus_actor_id.in_(ids))
            .group_by(ArticleActor.corpus_actor_id)
        ).all()
    )
    actors = {
        a.id: a for a in session.scalars(sa.select(CorpusActor).where(CorpusActor.id.in_(ids)))
    }
    aliases = _surface_forms(session, ids)
    return [_summary(actors[i], counts[i], aliases[i]) for i in ids if counts.get(i)]


def actor_filter(session: Session, name: str | None) -> int | None:
    """The id of the actor a filter names, or None when the filter is not given."""
    return find_actor(session, name).id if name else None


def find_actor(session: Session, name: str) -> CorpusActor:
    """The corpus actor a user means by `name` (a name, an alias, or an id as #12)."""
    digits = name.strip().lstrip("#")
    if digits.isascii() and digits.isdecimal():
        actor = _get(session, CorpusActor, int(digits))
        if actor is None:
            raise NotFound(f"no actor with id {name}")
        return actor
    key = normalize_name(name)
    if not key:  # "#", "%", an emoji: a filter that names nobody matches nobody
        raise NotFound(f"no actor named {name!r}")
    for condition in (ActorName.norm == key, ActorName.norm.contains(key, autoescape=True)):
        articles = sa.func.count(sa.distinct(ArticleActor.article_id))
        best = session.execute(
            sa.select(CorpusActor)
            .join(ActorName, ActorName.corpus_actor_id == CorpusActor.id)
            .join(ArticleActor, ArticleActor.corpus_actor_id == CorpusActor.id)
            .where(condition)
            .group_by(CorpusActor.id)
            .order_by(CorpusActor.named.desc(), articles.desc(), CorpusActor.id)
            .limit(1)
        ).scalar()
        if best is not None:
            return best
    raise NotFound(f"no actor named {name!r}", _close_names(session, key))


def _get(session: Session, table: type[T], key: int) -> T | None:
    """The row of `table` with primary key `key`; None also for keys no row can have
    (the driver would overflow on them)."""
    return session.get(table, key) if 0 < key <= MAX_ID else None


def dossier(session: Session, actor: CorpusActor, limit: int = PAGE) -> Dossier:
    """What the corpus holds on one actor, each fact with its sources: every name and role,
    and the newest `limit` relations, events, quotes and articles (`totals` counts all)."""
    own = sa.select(ArticleActor.id).where(ArticleActor.corpus_actor_id == actor.id)
    in_articles = sa.select(ArticleActor.article_id).where(ArticleActor.id.in_(own))
    newest = (
        sa.select(ArticleRow)
        .where(ArticleRow.id.in_(in_articles))
        .order_by(ArticleRow.published.desc(), ArticleRow.id.desc())
        .limit(limit)
    )
    forms = _surface_counts(session, actor.id)
    totals = _dossier_totals(session, actor.id, own, in_articles)
    return Dossier(
        actor=_summary(actor, totals["articles"], list(forms)),
        surface_forms=forms,
        roles=_roles(session, own),
        relations=list(relations(session, actor_id=actor.id, limit=limit, newest_first=True)),
        events_as_actor=_events(session, actor.id, "actor", limit),
        events_as_target=_events(session, actor.id, "target", limit),
        quotes_by=search_quotes(session, speaker_id=actor.id, limit=limit),
        quotes_about=search_quotes(session, about_id=actor.id, limit=limit),
        articles=[_article_ref(row) for row in session.scalars(newest)],
        totals=totals,
    )


def _dossier_totals(session: Session, actor_id: int, own: Any, in_articles: Any) -> dict[str, int]:
    def count(query: Any) -> int:
        return int(session.scalar(sa.select(sa.func.count()).select_from(query.subquery())) or 0)

    subject_or_object = sa.or_(RelationRow.subject_id.in_(own), RelationRow.object_id.in_(own))
    about = sa.select(QuoteSubject.quote_id).where(QuoteSubject.article_actor_id.in_(own))
    return {
        "articles": count(sa.select(ArticleRow.id).where(ArticleRow.id.in_(in_articles))),
        "relations": count(sa.select(RelationRow.id).where(subject_or_object)),
        "events_as_actor": count(_events_of(actor_id, "actor").distinct()),
        "events_as_target": count(_events_of(actor_id, "target").distinct()),
        "quotes_by": count(sa.select(QuoteRow.id).where(QuoteRow.speaker_id.in_(own))),
        "quotes_about": count(about.distinct()),
    }


def _summary(actor: CorpusActor, articles: int, aliases: Sequence[str]) -> ActorSummary:
    return ActorSummary(
        id=actor.id,
        name=actor.name,
        type=actor.type,
        aliases=[alias for alias in aliases if alias != actor.name],
        articles=articles,
        cameo=list(actor.cameo or []),
        wikidata=actor.wikidata,
    )


def _surface_forms(session: Session, ids: list[int]) -> dict[int, list[str]]:
    forms: dict[int, dict[str, int]] = defaultdict(dict)
    if ids:
        rows = session.execute(
            sa.select(ActorName.corpus_actor_id, ActorName.surface, sa.func.count())
            .where(ActorName.corpus_actor_id.in_(ids))
            .group_by(ActorName.corpus_actor_id, ActorName.surface)
        )
        for corpus_id, surface, count in rows:
            forms[corpus_id][surface] = count
    return {i: sorted(forms[i], key=lambda s: (-forms[i][s], s)) for i in ids}


def _surface_counts(session: Session, corpus_id: int) -> dict[str, int]:
    rows = session.execute(
        sa.select(ActorName.surface, sa.func.count())
        .where(ActorName.corpus_actor_id == corpus_id)
        .group_by(ActorName.surface)
        .order_by(sa.func.count().desc(), ActorName.surface)
    )
    return {surface: count for surface, count in rows}


def _close_names(session: Session, key: str) -> list[str]:
    from rapidfuzz import fuzz, process

    if not key:
        return []
    block = key.split()[-1][:3]
    names = session.scalars(
        sa.select(ActorName.surface).where(ActorName.norm.contains(block)).distinct().limit(2000)
    ).all()
    found = process.extract(key, names, scorer=fuzz.WRatio, processor=normalize_name, limit=5)
    return [name for name, score, _ in found if score >= 60]


def _roles(session: Session, own: Any) -> list[RoleHeld]:
    organization = aliased(ArticleActor)
    rows = session.execute(
        sa.select(RoleRow, ArticleRow, CorpusActor)
        .join(ArticleActor, RoleRow.article_actor_id == ArticleActor.id)
        .join(ArticleRow, ArticleActor.article_id == ArticleRow.id)
        .outerjoin(organization, RoleRow.organization_id == organization.id)
        .outerjoin(CorpusActor, organization.corpus_actor_id == CorpusActor.id)
        .where(RoleRow.article_actor_id.in_(own))
        .order_by(ArticleRow.published, RoleRow.id)
    ).all()
    return [
        RoleHeld(
            title=role.title,
            organization=_ref(org) if org is not None else None,
            organization_name=role.organization_name,
            article=_article_ref(article),
        )
        for role, article, org in rows
    ]


# ---------------------------------------------------------------------------- relations


def relations(
    session: Session,
    *,
    actor_id: int | None = None,
    predicate: str | None = None,
    subject_id: int | None = None,
    object_id: int | None = None,
    limit: int | None = None,
    offset: int = 0,
    newest_first: bool = False,
) -> Iterator[RelationAssertion]:
    """Every assertion of a relation (of one actor, either end; or between a subject and an
    object), oldest first: a corpus relation over time is the assertions of one (subject,
    predicate, object)."""
    subject, object_ = aliased(ArticleActor), aliased(ArticleActor)
    subject_actor, object_actor = aliased(CorpusActor), aliased(CorpusActor)
    asserter = aliased(ArticleActor)
    query = (
        sa.select(RelationRow, ArticleRow, subject_actor, object_actor, asserter.name)
        .join(ArticleRow, RelationRow.article_id == ArticleRow.id)
        .join(subject, RelationRow.subject_id == subject.id)
        .join(subject_actor, subject.corpus_actor_id == subject_actor.id)
        .join(object_, RelationRow.object_id == object_.id)
        .join(object_actor, object_.corpus_actor_id == object_actor.id)
        .outerjoin(asserter, RelationRow.asserted_by_id == asserter.id)
        .order_by(
            subject_actor.id,
            RelationRow.predicate,
            object_actor.id,
            sa.func.coalesce(RelationRow.since, ArticleRow.published),
            RelationRow.id,
        )
    )
    if actor_id is not None:
        query = query.where(sa.or_(subject_actor.id == actor_id, object_actor.id == actor_id))
    if predicate:
        query = query.where(RelationRow.predicate == predicate)
    if subject_id is not None:
        query = query.where(subject_actor.id == subject_id)
    if object_id is not None:
        query = query.where(object_actor.id == object_id)
    if newest_first:
        query = query.order_by(None).order_by(ArticleRow.published.desc(), RelationRow.id.desc())
    query = query.offset(offset)
    if limit is not None:
        query = query.limit(limit)
    for relation, article, subject_row, object_row, asserted_by in session.execute(query):
        yield RelationAssertion(
            subject=_ref(subject_row),
            predicate=relation.predicate,
            object=_ref(object_row),
            since=relation.since,
            until=relation.until,
            provenance=_provenance(relation, article, asserted_by),
        )


class RelationEdge(msgspec.Struct, kw_only=True):
    """All assertions of one (subject, predicate, object), counted: an edge of the graph."""

    source: int
    predicate: str
    target: int
    assertions: int
    articles: int
    not_asserted: int  # hedged, predicted, negated or questioned
    first_reported: str | None
    last_reported: str | None
    since: str | None
    until: str | None
    evidence: str


def relation_edges(
    session: Session,
    *,
    predicates: Sequence[str] = (),
    since: str | None = None,
    until: str | None = None,
    source: str | None = None,
) -> Iterator[RelationEdge]:
    """The graph's edges, streamed in (subject, predicate, object) order; filtered by
    predicate, by the reporting articles' dates and by their source (publisher)."""
    subject, object_ = aliased(ArticleActor), aliased(ArticleActor)
    reported = ArticleRow.published
    query = (
        sa.select(
            subject.corpus_actor_id,
            RelationRow.predicate,
            object_.corpus_actor_id,
            sa.func.count(),
            sa.func.count(sa.distinct(RelationRow.article_id)),
            sa.func.sum(sa.case((RelationRow.modality == "asserted", 0), else_=1)),
            sa.func.min(reported),
            sa.func.max(reported),
            sa.func.min(RelationRow.since),
            sa.func.max(RelationRow.until),
            sa.func.min(RelationRow.evidence_text),
        )
        .join(subject, RelationRow.subject_id == subject.id)
        .join(object_, RelationRow.object_id == object_.id)
        .join(ArticleRow, RelationRow.article_id == ArticleRow.id)
        .group_by(subject.corpus_actor_id, RelationRow.predicate, object_.corpus_actor_id)
        .order_by(subject.corpus_actor_id, RelationRow.predicate, object_.corpus_actor_id)
    )
    if predicates:
        query = query.where(RelationRow.predicate.in_(predicates))
    if since:
        query = query.where(reported >= since)
    if until:
        query = query.where(reported <= until)
    if source:
        query = query.where(ArticleRow.source == source)
    for row in session.execute(query.execution_options(yield_per=500)):
        (subject_id, predicate, object_id, count, articles, hedged, first, last) = row[:8]
        yield RelationEdge(
            source=subject_id,
            predicate=predicate,
            target=object_id,
            assertions=count,
            articles=articles,
            not_asserted=hedged or 0,
            first_reported=first,
            last_reported=last,
            since=row[8],
            until=row[9],
            evidence=row[10] or "",
        )


# ------------------------------------------------------------------------------ articles


class Highlight(msgspec.Struct, kw_only=True):
    start: int
    end: int
    kind: str  # "actor", "quote" or "event"
    actor: ActorRef | None = None  # the corpus actor of an actor mention or a quote's speaker
    label: str | None = None  # an event's type


class ArticleView(msgspec.Struct, kw_only=True):
    article: ArticleRef
    text: str
    highlights: list[Highlight]


def list_articles(
    session: Session, *, search: str | None = None, limit: int = PAGE, offset: int = 0
) -> list[ArticleRef]:
    query = (
        sa.select(ArticleRow)
        .order_by(ArticleRow.published.desc(), ArticleRow.id)
        .limit(limit)
        .offset(offset)
    )
    if search:
        query = query.where(ArticleRow.title.ilike(f"%{_escape_like(search)}%", escape="\\"))
    return [_article_ref(row) for row in session.scalars(query)]


def article_view(session: Session, article_id: int) -> ArticleView:
    """An article's text with its actor mentions, quotes and event evidence as offsets."""
    article = _get(session, ArticleRow, article_id)
    if article is None:
        raise NotFound(f"no article with id {article_id}")
    highlights: list[Highlight] = []
    actors = session.execute(
        sa.select(ArticleActor, CorpusActor)
        .join(CorpusActor, ArticleActor.corpus_actor_id == CorpusActor.id)
        .where(ArticleActor.article_id == article_id)
    ).all()
    refs = {row.id: _ref(corpus) for row, corpus in actors}
    for row, _ in actors:
        highlights.extend(
            Highlight(start=start, end=end, kind="actor", actor=refs[row.id])
            for start, end in row.mentions
        )
    for quote in session.scalars(sa.select(QuoteRow).where(QuoteRow.article_id == article_id)):
        speaker = refs.get(quote.speaker_id) if quote.speaker_id else None
        highlights.extend(
            Highlight(start=start, end=end, kind="quote", actor=speaker)
            for start, end in quote.spans
        )
    for event in session.scalars(sa.select(EventRow).where(EventRow.article_id == article_id)):
        highlights.append(
            Highlight(
                start=event.evidence_start, end=event.evidence_end, kind="event", label=event.type
            )
        )
    highlights.sort(key=lambda h: (h.start, -h.end))
    return ArticleView(article=_article_ref(article), text=article.text, highlights=highlights)


class SearchResults(msgspec.Struct, kw_only=True):
    actors: list[ActorSummary]
    quotes: list[QuoteView]
    articles: list[ArticleRef]


def search(session: Session, words: str, limit: int = 20) -> SearchResults:
    """Everything a few words find: actors named so, quotes and article titles holding them."""
    return SearchResults(
        actors=list_actors(session, search=words, limit=limit),
        quotes=search_quotes(session, search=words, limit=limit),
        articles=list_articles(session, search=words, limit=limit),
    )


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _provenance(fact: Any, article: ArticleRow, asserted_by: str | None) -> Provenance:
    return Provenance(
        article=_article_ref(article),
        sentence=fact.evidence_text,
        start=fact.evidence_start,
        end=fact.evidence_end,
        asserted_by=asserted_by,
        modality=fact.modality,
    )


# ------------------------------------------------------------------------------- quotes


def search_quotes(
    session: Session,
    *,
    speaker_id: int | None = None,
    about_id: int | None = None,
    search: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int | None = PAGE,
    offset: int = 0,
) -> list[QuoteView]:
    """Quotes, newest article first, filtered by speaker, by an actor named inside them,
    by words they contain and by publication date."""
    speaker, speaker_actor = aliased(ArticleActor), aliased(CorpusActor)
    query = (
        sa.select(QuoteRow, ArticleRow, speaker_actor)
        .join(ArticleRow, QuoteRow.article_id == ArticleRow.id)
        .outerjoin(speaker, QuoteRow.speaker_id == speaker.id)
        .outerjoin(speaker_actor, speaker.corpus_actor_id == speaker_actor.id)
        .order_by(ArticleRow.published.desc(), QuoteRow.id)
        .offset(offset)
    )
    if limit is not None:
        query = query.limit(limit)
    if speaker_id is not None:
        query = query.where(speaker_actor.id == speaker_id)
    if about_id is not None:
        subject = aliased(ArticleActor)
        about = (
            sa.select(QuoteSubject.quote_id)
            .join(subject, QuoteSubject.article_actor_id == subject.id)
            .where(subject.corpus_actor_id == about_id)
        )
        query = query.where(QuoteRow.id.in_(about))
    if search:  # words that are all punctuation match no quote (see _matches)
        query = query.where(_matches(session, search))
    if since:
        query = query.where(ArticleRow.published >= since)
    if until:
        query = query.where(ArticleRow.published <= until)
    return [
        QuoteView(
            id=quote.id,
            kind=quote.kind,
            text=quote.text,
            speaker=_ref(actor) if actor is not None else None,
            speaker_text=quote.speaker_text,
            cue=quote.cue,
            article=_article_ref(article),
            start=quote.spans[0][0],
            end=quote.spans[-1][1],
        )
        for quote, article, actor in session.execute(query)
    ]


def _matches(session: Session, search: str) -> Any:
    """Quotes holding every word of `search` (stemmed), through the store's full-text index:
    FTS5 on SQLite, a tsvector index on PostgreSQL (migration 0002)."""
    words = re.findall(r"\w+", search)
    if not words:
        return sa.false()
    if session.get_bind().dialect.name == "postgresql":
        vector = sa.func.to_tsvector("english", QuoteRow.text)
        return vector.op("@@")(sa.func.plainto_tsquery("english", " ".join(words)))
    phrase = " ".join(f'"{word}"' for word in words)  # each word quoted: no query syntax
    matching = sa.text("SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH :phrase")
    return QuoteRow.id.in_(matching.bindparams(phrase=phrase))


# ------------------------------------------------------------------------------- events


def list_events(
    session: Session,
    *,
    actor_id: int | None = None,
    type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    place: str | None = None,
    located: bool = False,
    limit: int | None = PAGE,
    offset: int = 0,
) -> list[CorpusEventView]:
    """Corpus events, oldest first, each with every report of it; `located`: only those
    with coordinates (for a map)."""
    query = sa.select(CorpusEvent).order_by(CorpusEvent.date, CorpusEvent.id).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    if actor_id is not None:
        query = query.where(CorpusEvent.id.in_(_events_of(actor_id, None)))
    if type:
        query = query.where(CorpusEvent.type == type.upper())
    if since:
        query = query.where(CorpusEvent.date >= since)
    if until:
        query = query.where(CorpusEvent.date <= until)
    if located:
        query = query.where(CorpusEvent.lat.is_not(None), CorpusEvent.lon.is_not(None))
    if place:
        query = query.where(
            sa.or_(
                sa.func.lower(CorpusEvent.place_name) == place.casefold(),
                sa.func.lower(CorpusEvent.country) == place.casefold(),
            )
        )
    return event_views(session, session.scalars(query).all())


def _events_of(actor_id: int, role: str | None) -> Any:
    query = (
        sa.select(EventRow.corpus_event_id)
        .join(EventParticipant, EventParticipant.event_id == EventRow.id)
        .join(ArticleActor, EventParticipant.article_actor_id == ArticleActor.id)
        .where(ArticleActor.corpus_actor_id == actor_id)
    )
    return query.where(EventParticipant.role == role) if role else query


def _events(session: Session, actor_id: int, role: str, limit: int) -> list[CorpusEventView]:
    """The newest `limit` events with the actor in `role`."""
    query = (
        sa.select(CorpusEvent)
        .where(CorpusEvent.id.in_(_events_of(actor_id, role)))
        .order_by(CorpusEvent.date.desc(), CorpusEvent.id.desc())
        .limit(limit)
    )
    return event_views(session, session.scalars(query).all())


def event_views(session: Session, events: Sequence[CorpusEvent]) -> list[CorpusEventView]:
    """Corpus events with their reports, participants and casualty figures, in bulk."""
    ids = [event.id for event in events]
    reports = _reports(session, ids)
    views = []
    for event in events:
        own = reports.get(event.id, [])
        views.append(
            CorpusEventView(
                id=event.id,
                type=event.type,
                date=event.date,
                place=event.place_name,
                country=event.country,
                lat=event.lat,
                lon=event.lon,
                actors=_union(report.actors for report in own),
                targets=_union(report.targets for report in own),
                reports=own,
            )
        )
    return views


def _reports(session: Session, corpus_ids: list[int]) -> dict[int, list[EventReport]]:
    if not corpus_ids:
        return {}
    asserter = aliased(ArticleActor)
    rows = session.execute(
        sa.select(EventRow, ArticleRow, asserter.name)
        .join(ArticleRow, EventRow.article_id == ArticleRow.id)
        .outerjoin(asserter, EventRow.asserted_by_id == asserter.id)
        .where(EventRow.corpus_event_id.in_(corpus_ids))
        .order_by(ArticleRow.published, EventRow.id)
    ).all()
    event_ids = [event.id for event, _, _ in rows]
    people = _participants(session, event_ids)
    casualties = _casualties(session, event_ids)
    reports: dict[int, list[EventReport]] = defaultdict(list)
    for event, article, asserted_by in rows:
        publisher = article.source or article.title or f"article {article.id}"
        reports[event.corpus_event_id].append(
            EventReport(
                type=event.type,
                cameo=event.cameo,
                date=event.date,
                date_text=event.date_text,
                place=event.place_name,
                actors=people[(event.id, "actor")],
                targets=people[(event.id, "target")],
                fatalities=[
                    msgspec.structs.replace(c, source=c.source or publisher)
                    for c in casualties[event.id]
                ],
                provenance=_provenance(event, article, asserted_by),
            )
        )
    return reports


def _participants(session: Session, event_ids: list[int]) -> dict[tuple[int, str], list[ActorRef]]:
    found: dict[tuple[int, str], list[ActorRef]] = defaultdict(list)
    for chunk in _chunks(event_ids):
        rows = session.execute(
            sa.select(EventParticipant.event_id, EventParticipant.role, CorpusActor)
            .join(ArticleActor, EventParticipant.article_actor_id == ArticleActor.id)
            .join(CorpusActor, ArticleActor.corpus_actor_id == CorpusActor.id)
            .where(EventParticipant.event_id.in_(chunk))
            .order_by(EventParticipant.event_id, CorpusActor.id)
        )
        for event_id, role, actor in rows:
            found[(event_id, role)].append(_ref(actor))
    return found


def _casualties(session: Session, event_ids: list[int]) -> dict[int, list[Casualties]]:
    found: dict[int, list[Casualties]] = defaultdict(list)
    for chunk in _chunks(event_ids):
        rows = session.scalars(
            sa.select(FatalityRow).where(FatalityRow.event_id.in_(chunk)).order_by(FatalityRow.id)
        )
        for row in rows:
            found[row.event_id].append(
                Casualties(
                    count=row.count,
                    count_max=row.count_max,
                    kind=row.kind,
                    who=row.who,
                    source=row.source or "",
                )
            )
    return found


def _chunks(ids: list[int], size: int = 500) -> Iterator[list[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def _union(groups: Iterable[list[ActorRef]]) -> list[ActorRef]:
    seen: dict[int, ActorRef] = {}
    for group in groups:
        for ref in group:
            seen.setdefault(ref.id, ref)
    return list(seen.values())


# ------------------------------------------------------------------------------- shared


def _ref(actor: CorpusActor) -> ActorRef:
    return ActorRef(id=actor.id, name=actor.name, type=actor.type)


def _article_ref(article: ArticleRow) -> ArticleRef:
    return ArticleRef(
        id=article.id,
        title=article.title,
        published=article.published,
        source=article.source,
        url=article.url,
    )
