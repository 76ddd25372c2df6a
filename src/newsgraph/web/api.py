"""The JSON API: the CLI's queries over HTTP, with the same filter names.

Actors in filters (`actor`, `speaker`, `about`) are given as the CLI takes them: a name, an
alias or `#id`. Every list takes `limit` and `offset`. Bad parameters answer 422 with a
message, unknown actors or articles 404. Nothing here changes the store unless the app
was started with --allow-edits (merge and split answer 403 otherwise), and then only
through a JSON body sent from a page of this origin (see security.py).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from itertools import islice
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Response
from fastapi.responses import RedirectResponse
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from newsgraph.model import ActorType, EventType, Predicate
from newsgraph.store import queries as q
from newsgraph.store.tables import CorpusActor
from newsgraph.web import graphview
from newsgraph.web.deps import (
    TEXT_PATTERN,
    ActorName,
    Date,
    Limit,
    MsgspecResponse,
    Offset,
    PathId,
    SessionDep,
    Text,
    id_in_range,
)
from newsgraph.web.lookups import survivor
from newsgraph.web.security import edit_request

router = APIRouter(tags=["corpus"])

RESPONSE_TYPES: list[Any] = [
    list[q.ActorSummary],
    q.Dossier,
    list[q.RelationAssertion],
    graphview.GraphView,
    list[q.CorpusEventView],
    list[q.QuoteView],
    list[q.ArticleRef],
    q.ArticleView,
    q.SearchResults,
]


def _returns(type_name: str, many: bool = False) -> dict[int | str, dict[str, Any]]:
    ref: dict[str, Any] = {"$ref": f"#/components/schemas/{type_name}"}
    schema = {"type": "array", "items": ref} if many else ref
    return {200: {"content": {"application/json": {"schema": schema}}}}


def _encoded(route: Callable[..., Any]) -> Callable[..., Any]:
    """Answer with msgspec's encoding of what the route returns (the store's structs),
    rather than FastAPI's encoder, which does not know them."""

    @functools.wraps(route)
    def wrapper(*args: Any, **kwargs: Any) -> Response:
        return MsgspecResponse(route(*args, **kwargs))

    return wrapper


@router.get("/actors", response_model=None, responses=_returns("ActorSummary", many=True))
@_encoded
def actors(
    db: SessionDep,
    type: Annotated[ActorType | None, Query()] = None,
    search: Text = None,
    include_unnamed: bool = False,
    limit: Limit = q.PAGE,
    offset: Offset = 0,
) -> Any:
    """Corpus actors, those in most articles first."""
    return q.list_actors(
        db, type=type, search=search, include_unnamed=include_unnamed, limit=limit, offset=offset
    )


@router.get("/actors/find", response_model=None, responses=_returns("ActorSummary"))
@_encoded
def find(
    db: SessionDep,
    name: Annotated[
        str,
        Query(min_length=1, max_length=200, pattern=TEXT_PATTERN, description="name or #id"),
    ],
) -> Any:
    """The actor a name, an alias or `#id` means (as every actor filter reads it)."""
    _check_id(name)
    found = q.actor_summaries(db, [q.find_actor(db, name).id])
    if not found:
        raise q.NotFound(f"{name!r} appears in no article (merged into another actor?)")
    return found[0]


@router.get("/actors/{actor_id}", response_model=None, responses=_returns("Dossier"))
def dossier(db: SessionDep, actor_id: PathId, limit: Limit = q.PAGE) -> Response:
    """One actor's dossier: every name and role, the newest `limit` of its relations,
    events, quotes and articles, and `totals` counting them all. An actor merged into
    another redirects (307) to the one it was merged into."""
    actor = db.get(CorpusActor, actor_id)
    if actor is None:
        raise q.NotFound(f"no actor with id {actor_id}")
    kept = survivor(db, actor_id)
    if kept is not None:
        return RedirectResponse(f"/api/actors/{kept}?limit={limit}", status_code=307)
    return MsgspecResponse(q.dossier(db, actor, limit))


@router.get("/relations", response_model=None, responses=_returns("RelationAssertion", many=True))
@_encoded
def relations(
    db: SessionDep,
    actor: ActorName = None,
    subject: ActorName = None,
    object: ActorName = None,
    predicate: Annotated[Predicate | None, Query()] = None,
    limit: Limit = q.PAGE,
    offset: Offset = 0,
) -> Any:
    """Assertions of relations, each with its evidence and who asserted it."""
    found = q.relations(
        db,
        actor_id=q.actor_filter(db, actor),
        subject_id=q.actor_filter(db, subject),
        object_id=q.actor_filter(db, object),
        predicate=predicate,
        limit=limit,
        offset=offset,
    )
    return list(islice(found, limit))


def graph_view(
    db: SessionDep,
    actor: Annotated[
        str | None,
        Query(
            max_length=200,
            pattern=TEXT_PATTERN,
            description="Centre the graph on this actor (name, alias or #id): it and its "
            "strongest neighbours.",
        ),
    ] = None,
    type: Annotated[list[ActorType], Query()] = [],  # noqa: B006 (FastAPI copies it)
    predicate: Annotated[list[Predicate], Query()] = [],  # noqa: B006
    since: Date = None,
    until: Date = None,
    source: Text = None,
    limit: Annotated[
        int | None,
        Query(ge=1, le=1000, description="Actors drawn, at most (150; with `actor`, 40)."),
    ] = None,
) -> graphview.GraphView:
    """The graph a view's parameters ask for (a dependency of the graph and its export)."""
    filters: dict[str, Any] = {
        "types": type,
        "predicates": predicate,
        "since": since,
        "until": until,
        "source": source,
    }
    key = (actor, tuple(type), tuple(predicate), since, until, source, limit)
    if actor:
        _check_id(actor)
        centre = q.find_actor(db, actor).id
        return graphview.cached(
            db, key, lambda: graphview.neighbourhood(db, centre, limit=limit or 40, **filters)
        )
    return graphview.cached(db, key, lambda: graphview.overview(db, limit=limit or 150, **filters))


GraphViewDep = Annotated[graphview.GraphView, Depends(graph_view)]


@router.get("/graph", response_model=None, responses=_returns("GraphView"))
@_encoded
def graph(view: GraphViewDep) -> Any:
    """The actor graph as the workbench draws it: actors with relations only, generic ones
    ("the army") folded into their named owner or left out, the `limit` in most articles,
    with positions; `left_out` counts what is not drawn and why. With `actor`: that actor
    and its `limit` strongest neighbours."""
    return view


@router.get(
    "/graph/export",
    response_model=None,
    responses={200: {"content": {"text/csv": {}, "application/gexf+xml": {}}}},
)
def graph_export(
    view: GraphViewDep, format: Annotated[Literal["csv", "gexf"], Query()] = "csv"
) -> Response:
    """The graph view the same parameters give, as a download: CSV (one row per relation,
    with its counts and dates) or GEXF for Gephi (with the view's positions)."""
    from newsgraph.web import exports

    if format == "gexf":
        body, media = exports.gexf(view), "application/gexf+xml"
    else:
        body, media = exports.csv_edges(view), "text/csv; charset=utf-8"
    return Response(
        body,
        media_type=media,
        headers={"Content-Disposition": f'attachment; filename="newsgraph-graph.{format}"'},
    )


@router.get("/events", response_model=None, responses=_returns("CorpusEventView", many=True))
@_encoded
def events(
    db: SessionDep,
    actor: ActorName = None,
    type: Annotated[EventType | None, Query()] = None,
    since: Date = None,
    until: Date = None,
    place: Text = None,
    located: Annotated[bool, Query(description="Only events with coordinates.")] = False,
    limit: Limit = q.PAGE,
    offset: Offset = 0,
) -> Any:
    """Corpus events, oldest first, each with every report of it."""
    return q.list_events(
        db,
        actor_id=q.actor_filter(db, actor),
        type=type,
        since=since,
        until=until,
        place=place,
        located=located,
        limit=limit,
        offset=offset,
    )


@router.get("/quotes", response_model=None, responses=_returns("QuoteView", many=True))
@_encoded
def quotes(
    db: SessionDep,
    speaker: ActorName = None,
    about: ActorName = None,
    search: Text = None,
    since: Date = None,
    until: Date = None,
    limit: Limit = q.PAGE,
    offset: Offset = 0,
) -> Any:
    """Quotes, newest first; `search` is full-text (every word, stemmed)."""
    return q.search_quotes(
        db,
        speaker_id=q.actor_filter(db, speaker),
        about_id=q.actor_filter(db, about),
        search=search,
        since=since,
        until=until,
        limit=limit,
        offset=offset,
    )


@router.get("/articles", response_model=None, responses=_returns("ArticleRef", many=True))
@_encoded
def articles(db: SessionDep, search: Text = None, limit: Limit = q.PAGE, offset: Offset = 0) -> Any:
    """Articles, newest first; `search` looks in titles."""
    return q.list_articles(db, search=search, limit=limit, offset=offset)


@router.get("/articles/{article_id}", response_model=None, responses=_returns("ArticleView"))
@_encoded
def article(db: SessionDep, article_id: PathId) -> Any:
    """An article's text with its actors, quotes and events as offsets."""
    return q.article_view(db, article_id)


@router.get("/search", response_model=None, responses=_returns("SearchResults"))
@_encoded
def search(
    db: SessionDep,
    words: Annotated[str, Query(alias="q", min_length=1, max_length=200, pattern=TEXT_PATTERN)],
) -> Any:
    """Actors whose names contain the words, and quotes that hold them."""
    return q.search(db, words)


class MergeRequest(BaseModel):
    other: str = Field(
        min_length=1, max_length=200, pattern=TEXT_PATTERN, description="name or #id"
    )
    note: str | None = Field(default=None, max_length=2000)
    different_types: bool = Field(
        default=False, description="Merge even though the two actors' types differ."
    )


class SplitRequest(BaseModel):
    other: str | None = Field(
        default=None, max_length=200, pattern=TEXT_PATTERN, description="undo its merge"
    )
    name: str | None = Field(
        default=None, max_length=200, pattern=TEXT_PATTERN, description="a surface form"
    )


Editing = Depends(edit_request)


@router.post(
    "/actors/{actor_id}/merge",
    response_model=None,
    responses=_returns("ActorSummary", many=True),
    dependencies=[Editing],
)
@_encoded
def merge(db: SessionDep, actor_id: PathId, body: MergeRequest) -> Any:
    """Merge `other` into this actor (needs --allow-edits and a JSON body from a page of
    this origin); recorded and reversible. Refused (409) when the types differ, unless
    `different_types` is true."""
    from newsgraph.store.curation import CurationError
    from newsgraph.store.curation import merge as run_merge

    keep = _actor(db, actor_id)
    _check_id(body.other)
    other = q.find_actor(db, body.other)
    if other.type != keep.type and not body.different_types:
        raise HTTPException(
            status_code=409,
            detail=f"{other.name!r} is {other.type} but {keep.name!r} is {keep.type}: "
            "send different_types: true to merge them anyway",
        )
    try:
        run_merge(db, keep, other, body.note)
    except CurationError as error:
        raise HTTPException(status_code=409, detail=str(error)) from error
    db.commit()
    return q.actor_summaries(db, [keep.id])


@router.post(
    "/actors/{actor_id}/split",
    response_model=None,
    responses=_returns("ActorSummary", many=True),
    dependencies=[Editing],
)
@_encoded
def split(db: SessionDep, actor_id: PathId, body: SplitRequest) -> Any:
    """Undo the merge of `other` into this actor, or move the surface form `name` out into
    an actor of its own (needs --allow-edits and a JSON body from a page of this origin)."""
    from newsgraph.store.curation import CurationError, merged_into, split_name, unmerge

    actor = _actor(db, actor_id)
    if (body.other is None) == (body.name is None):
        raise HTTPException(status_code=422, detail="give either other or name")
    try:
        if body.other is not None:
            record = unmerge(db, actor, merged_into(db, actor, body.other))
        else:
            assert body.name is not None
            record = split_name(db, actor, body.name)
    except CurationError as error:
        raise HTTPException(status_code=409, detail=str(error)) from error
    db.commit()
    return q.actor_summaries(db, [record.kept_id, record.other_id])


def _actor(db: Session, actor_id: int) -> CorpusActor:
    actor = db.get(CorpusActor, actor_id)
    if actor is None:
        raise q.NotFound(f"no actor with id {actor_id}")
    return actor


def _check_id(name: str) -> None:
    """A `#id` beyond what the store holds is a bad request, not a lookup."""
    try:
        id_in_range(name)
    except ValueError as problem:
        raise HTTPException(status_code=422, detail=str(problem)) from problem
