"""The pages: server-rendered with Jinja2 (autoescaped: article text and names are data,
never markup), each a linkable URL whose query string holds its filters. The graph and the
map draw with small scripts in static/ that read the JSON API.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from itertools import pairwise
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from sqlalchemy.orm import Session

from newsgraph.model import ActorType, EventType, Predicate
from newsgraph.store import queries as q
from newsgraph.store.tables import CorpusActor
from newsgraph.web.deps import TEXT_PATTERN, ActorName, Date, PathId, SessionDep, Text
from newsgraph.web.lookups import articles_between, event_dates, survivor

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
templates = Jinja2Templates(directory=str(resources.files("newsgraph.web").joinpath("templates")))
PAGE = 50
Page = Annotated[int, Query(ge=1, le=20_000)]
ACTOR_TYPES = list(ActorType.__args__)  # type: ignore[attr-defined]
EVENT_TYPES = list(EventType.__args__)  # type: ignore[attr-defined]
PREDICATES = list(Predicate.__args__)  # type: ignore[attr-defined]


def _page(request: Request, template: str, status: int = 200, **context: Any) -> Response:
    context.setdefault("title", "newsgraph")
    shared = {"allow_edits": request.app.state.allow_edits, "db": request.app.state.db}
    return templates.TemplateResponse(request, template, {**shared, **context}, status_code=status)


def render_error(request: Request, status: int, message: str) -> Response:
    return _page(request, "error.html", status=status, title=f"Error {status}", message=message)


def _query(request: Request, **changes: Any) -> str:
    """This page's query string with `changes` (for next/previous links)."""
    params = dict(request.query_params)
    params.update({k: str(v) for k, v in changes.items()})
    from urllib.parse import urlencode

    return "?" + urlencode(params)


def _paging(request: Request, page: int, found: list[Any]) -> dict[str, Any]:
    """What the pager under a list needs: this page, whether there is another, the links."""
    return {
        "page": page,
        "more": len(found) == PAGE,
        "next": _query(request, page=page + 1),
        "previous": _query(request, page=page - 1),
    }


@router.get("/")
def home() -> Response:
    return RedirectResponse("/graph")


@router.get("/graph")
def graph_page(request: Request, db: SessionDep, actor: ActorName = None) -> Response:
    """The graph page; its script reads the filters from the URL and /api/graph."""
    centre = q.find_actor(db, actor) if actor else None
    return _page(
        request,
        "graph.html",
        title=f"Graph around {centre.name}" if centre else "Actor graph",
        types=ACTOR_TYPES,
        predicates=PREDICATES,
        centre=centre,
        export_query=str(request.url.query),
    )


@router.get("/search")
def search_page(
    request: Request,
    db: SessionDep,
    words: Annotated[str | None, Query(alias="q", max_length=200, pattern=TEXT_PATTERN)] = None,
) -> Response:
    """One box across actors, quotes, articles and events."""
    words = (words or "").strip()
    found = q.search(db, words) if words else None
    events = []
    if found is not None:  # events happen at a place, or involve the actor found first
        events = q.list_events(db, place=words, limit=20)
        if not events and found.actors:
            events = q.list_events(db, actor_id=found.actors[0].id, limit=20)
    return _page(request, "search.html", title="Search", words=words, found=found, events=events)


@router.get("/actors")
def actors_page(
    request: Request,
    db: SessionDep,
    type: Annotated[ActorType | None, Query()] = None,
    search: Text = None,
    page: Page = 1,
) -> Response:
    found = q.list_actors(db, type=type, search=search, limit=PAGE, offset=(page - 1) * PAGE)
    return _page(
        request,
        "actors.html",
        title="Actors",
        actors=found,
        types=ACTOR_TYPES,
        type=type,
        search=search or "",
        **_paging(request, page, found),
    )


@router.get("/actors/{actor_id}")
def dossier_page(
    request: Request,
    db: SessionDep,
    actor_id: PathId,
    limit: Annotated[int, Query(ge=1, le=500)] = PAGE,
    since: Date = None,
    until: Date = None,
) -> Response:
    actor = db.get(CorpusActor, actor_id)
    if actor is None:
        raise q.NotFound(f"no actor with id {actor_id}")
    kept = survivor(db, actor_id)
    if kept is not None:  # merged into another actor: its URL leads there
        return RedirectResponse(f"/actors/{kept}", status_code=307)
    dossier = q.dossier(db, actor, limit)
    assertions = q.relations(db, actor_id=actor_id, limit=RELATIONS_READ)
    groups = relation_groups(a for a in assertions if _within(a.provenance.article, since, until))
    if since or until:
        _narrow(db, dossier, since, until, limit)
    return _page(
        request,
        "dossier.html",
        title=dossier.actor.name,
        d=dossier,
        relation_groups=groups,
        dates={"since": since, "until": until},
    )


def _within(article: q.ArticleRef, since: str | None, until: str | None) -> bool:
    published = article.published
    if since and (not published or published < since):
        return False
    return not (until and (not published or published > until))


def _narrow(
    db: Session, dossier: q.Dossier, since: str | None, until: str | None, limit: int
) -> None:
    """The dossier's events, quotes and articles of the period only (events by their date,
    the rest by the article's), read again with the dates so that none is missing."""
    actor_id = dossier.actor.id
    events = q.list_events(db, actor_id=actor_id, since=since, until=until, limit=None)
    events.sort(key=lambda e: (e.date or "", e.id), reverse=True)
    as_actor = [e for e in events if any(a.id == actor_id for a in e.actors)]
    as_target = [e for e in events if any(a.id == actor_id for a in e.targets)]
    dossier.events_as_actor, dossier.events_as_target = as_actor[:limit], as_target[:limit]
    dossier.quotes_by = q.search_quotes(
        db, speaker_id=actor_id, since=since, until=until, limit=limit
    )
    dossier.quotes_about = q.search_quotes(
        db, about_id=actor_id, since=since, until=until, limit=limit
    )
    dossier.articles = [a for a in dossier.articles if _within(a, since, until)]
    dossier.totals = {
        **dossier.totals,
        "events_as_actor": len(as_actor),
        "events_as_target": len(as_target),
        "quotes_by": len(dossier.quotes_by),
        "quotes_about": len(dossier.quotes_about),
        "articles": len(dossier.articles),
    }


RELATIONS_READ = 5000  # assertions grouped on a dossier, at most


@dataclass
class RelationGroup:
    """Every report of one (subject, predicate, object), for the dossier's relations table."""

    subject: q.ActorRef
    predicate: str
    object: q.ActorRef
    reports: list[q.RelationAssertion]
    first: str | None
    last: str | None
    hedged: int


def relation_groups(assertions: Iterable[q.RelationAssertion]) -> list[RelationGroup]:
    """Assertions grouped by subject–predicate–object, most reported first; the reports in
    each by date of the article."""
    grouped: dict[tuple[int, str, int], list[q.RelationAssertion]] = {}
    for assertion in assertions:
        key = (assertion.subject.id, assertion.predicate, assertion.object.id)
        grouped.setdefault(key, []).append(assertion)
    groups = []
    for reports in grouped.values():
        reports.sort(key=lambda r: (r.provenance.article.published or "", r.provenance.start))
        dates = [r.provenance.article.published for r in reports if r.provenance.article.published]
        groups.append(
            RelationGroup(
                subject=reports[0].subject,
                predicate=reports[0].predicate,
                object=reports[0].object,
                reports=reports,
                first=min(dates) if dates else None,
                last=max(dates) if dates else None,
                hedged=sum(r.provenance.modality != "asserted" for r in reports),
            )
        )
    groups.sort(key=lambda g: (-len(g.reports), g.last or "", g.subject.name, g.predicate))
    return groups


@router.get("/timeline")
def timeline_page(
    request: Request,
    db: SessionDep,
    actor: ActorName = None,
    type: Annotated[EventType | None, Query()] = None,
    since: Date = None,
    until: Date = None,
    place: Text = None,
    page: Page = 1,
) -> Response:
    actor_id = q.actor_filter(db, actor)  # one look-up serves the list and the time axis
    found = q.list_events(
        db,
        actor_id=actor_id,
        type=type,
        since=since,
        until=until,
        place=place,
        limit=PAGE,
        offset=(page - 1) * PAGE,
    )
    counts, undated = event_dates(
        db,
        actor_id=actor_id,
        type=type,
        since=since,
        until=until,
        place=place,
    )
    return _page(
        request,
        "timeline.html",
        title="Timeline",
        axis=time_axis(request, counts),
        undated=undated,
        events=found,
        types=EVENT_TYPES,
        filters={"actor": actor, "type": type, "since": since, "until": until, "place": place},
        **_paging(request, page, found),
    )


@dataclass
class Bar:
    """One period of the timeline's axis: its events counted, a link to them."""

    x: float
    width: float
    height: float
    count: int
    label: str
    href: str


@dataclass
class Axis:
    bars: list[Bar]
    ticks: list[tuple[float, str]]
    period: str  # "day", "week" or "month"
    width: int = 960
    height: int = 110


def time_axis(request: Request, counts: dict[str, int]) -> Axis | None:
    """Events on a time axis: one bar per day, week or month (whichever keeps the bars
    countable), each linking to the timeline of its period."""
    days = sorted(dt.date.fromisoformat(d) for d in counts if _is_date(d))
    if not days:
        return None
    span = (days[-1] - days[0]).days + 1
    period = "day" if span <= 62 else "week" if span <= 730 else "month"

    def start_of(day: dt.date) -> dt.date:
        if period == "week":
            return day - dt.timedelta(days=day.weekday())
        return day.replace(day=1) if period == "month" else day

    def after(day: dt.date) -> dt.date:
        if period == "month":
            return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return day + dt.timedelta(days=7 if period == "week" else 1)

    buckets: dict[dt.date, int] = {}
    for day_text, n in counts.items():
        if _is_date(day_text):
            key = start_of(dt.date.fromisoformat(day_text))
            buckets[key] = buckets.get(key, 0) + n
    first, periods = start_of(days[0]), []
    current = first
    while current <= days[-1]:
        periods.append(current)
        current = after(current)
    axis = Axis(bars=[], ticks=[], period=period)
    step = axis.width / len(periods)
    most = max(buckets.values())
    for index, begins in enumerate(periods):
        n = buckets.get(begins, 0)
        ends = after(begins) - dt.timedelta(days=1)
        if n:
            axis.bars.append(
                Bar(
                    x=round(index * step, 1),
                    width=round(max(step - 1, 1), 1),
                    height=round(90 * n / most, 1) or 1,
                    count=n,
                    label=f"{begins.isoformat()}"
                    + (f" to {ends.isoformat()}" if ends != begins else ""),
                    href=_query(request, since=begins.isoformat(), until=ends.isoformat(), page=1),
                )
            )
    every = max(1, len(periods) // 8)
    axis.ticks = [
        (round(i * step, 1), periods[i].isoformat())
        for i in range(0, len(periods), every)
        if i * step < axis.width - 70  # a label must fit before the edge
    ]
    return axis


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


@router.get("/map")
def map_page(
    request: Request,
    type: Annotated[EventType | None, Query()] = None,
    since: Date = None,
    until: Date = None,
) -> Response:
    return _page(
        request,
        "map.html",
        title="Map",
        types=EVENT_TYPES,
        filters={"type": type, "since": since, "until": until},
    )


@router.get("/quotes")
def quotes_page(
    request: Request,
    db: SessionDep,
    search: Text = None,
    speaker: ActorName = None,
    since: Date = None,
    until: Date = None,
    page: Page = 1,
) -> Response:
    found = q.search_quotes(
        db,
        search=search,
        speaker_id=q.actor_filter(db, speaker),
        since=since,
        until=until,
        limit=PAGE,
        offset=(page - 1) * PAGE,
    )
    return _page(
        request,
        "quotes.html",
        title="Quotes",
        quotes=found,
        filters={"search": search, "speaker": speaker, "since": since, "until": until},
        **_paging(request, page, found),
    )


@router.get("/articles")
def articles_page(
    request: Request,
    db: SessionDep,
    search: Text = None,
    since: Date = None,
    until: Date = None,
    page: Page = 1,
) -> Response:
    found = articles_between(
        db, search=search, since=since, until=until, limit=PAGE, offset=(page - 1) * PAGE
    )
    return _page(
        request,
        "articles.html",
        title="Articles",
        articles=found,
        search=search or "",
        dates={"since": since, "until": until},
        **_paging(request, page, found),
    )


@router.get("/articles/{article_id}")
def article_page(request: Request, db: SessionDep, article_id: PathId) -> Response:
    view = q.article_view(db, article_id)
    return _page(
        request,
        "article.html",
        title=view.article.title or f"Article {article_id}",
        view=view,
        segments=segments(view.text, view.highlights),
    )


@dataclass
class Segment:
    """A run of article text under the same highlights."""

    text: str
    classes: str
    actor: q.ActorRef | None  # the innermost actor mention covering the run, linked
    quote_by: q.ActorRef | None
    event: str | None


def segments(text: str, highlights: list[q.Highlight]) -> list[Segment]:
    """The text cut at every highlight boundary, each piece with what covers it, so that
    overlapping highlights (a mention inside a quote inside an event sentence) all show."""
    bounds = sorted({0, len(text), *(h.start for h in highlights), *(h.end for h in highlights)})
    bounds = [b for b in bounds if 0 <= b <= len(text)]
    pieces = []
    for start, end in pairwise(bounds):
        covering = [h for h in highlights if h.start <= start and end <= h.end]
        kinds = sorted({h.kind for h in covering})
        actors = [h for h in covering if h.kind == "actor"]
        quotes = [h for h in covering if h.kind == "quote"]
        events = [h for h in covering if h.kind == "event"]
        pieces.append(
            Segment(
                text=text[start:end],
                classes=" ".join(f"hl-{kind}" for kind in kinds),
                actor=min(actors, key=lambda h: h.end - h.start).actor if actors else None,
                quote_by=quotes[0].actor if quotes else None,
                event=events[0].label if events else None,
            )
        )
    return pieces


__all__ = ["render_error", "router"]
