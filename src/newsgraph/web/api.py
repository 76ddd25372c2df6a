"""The JSON API: the CLI's queries over HTTP, with the same filter names.

Actors in filters (`actor`, `speaker`, `about`) are given as the CLI takes them: a name, an
alias or `#id`. Every list takes `limit` and `offset`. Bad parameters answer 422 with a
message, unknown actors or articles 404; nothing here changes the store unless the app
was started with --allow-edits (merge and split answer 403 otherwise).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from itertools import islice
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Response
from sqlalchemy.orm import Session

from newsgraph.model import ActorType, EventType, Predicate
from newsgraph.store import queries as q
from newsgraph.store.tables import CorpusActor
from newsgraph.web.app import MsgspecResponse, session

router = APIRouter(tags=["corpus"])
SessionDep = Annotated[Session, Depends(session)]

_TEXT = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f]*$"  # no control characters (PostgreSQL refuses NUL)
Text = Annotated[str | None, Query(max_length=200, pattern=_TEXT)]
Date = Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$", description="YYYY-MM-DD")]
Limit = Annotated[int, Query(ge=1, le=500)]
Offset = Annotated[int, Query(ge=0, le=1_000_000)]
PathId = Annotated[int, Path(ge=1, le=2**31)]
ActorName = Annotated[
    str | None,
    Query(max_length=200, pattern=_TEXT, description="A name, an alias, or #id."),
]

RESPONSE_TYPES: list[Any] = [
    list[q.ActorSummary],
    q.Dossier,
    list[q.RelationAssertion],
    q.Graph,
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


@router.get("/actors/{actor_id}", response_model=None, responses=_returns("Dossier"))
@_encoded
def dossier(db: SessionDep, actor_id: PathId, limit: Limit = q.PAGE) -> Any:
    """One actor's dossier: every name and role, the newest `limit` of its relations,
    events, quotes and articles, and `totals` counting them all."""
    actor = db.get(CorpusActor, actor_id)
    if actor is None:
        raise q.NotFound(f"no actor with id {actor_id}")
    return q.dossier(db, actor, limit)


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


@router.get("/graph", response_model=None, responses=_returns("Graph"))
@_encoded
def graph(
    db: SessionDep,
    type: Annotated[list[ActorType], Query()] = [],  # noqa: B006 (FastAPI copies it)
    predicate: Annotated[list[Predicate], Query()] = [],  # noqa: B006
    since: Date = None,
    until: Date = None,
    source: Text = None,
    limit: Annotated[int, Query(ge=1, le=2000)] = 300,
) -> Any:
    """The actor graph: the actors in most articles and the relations among them."""
    return q.graph(
        db, types=type, predicates=predicate, since=since, until=until, source=source, limit=limit
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
    words: Annotated[str, Query(alias="q", min_length=1, max_length=200, pattern=_TEXT)],
) -> Any:
    """Actors whose names contain the words, and quotes that hold them."""
    return q.search(db, words)


@router.post(
    "/actors/{actor_id}/merge", response_model=None, responses=_returns("ActorSummary", many=True)
)
@_encoded
def merge(
    request: Request,
    db: SessionDep,
    actor_id: PathId,
    other: Annotated[str, Query(max_length=200, pattern=_TEXT, description="name or #id")],
    note: Text = None,
) -> Any:
    """Merge `other` into this actor (needs --allow-edits); recorded and reversible."""
    from newsgraph.store.curation import CurationError
    from newsgraph.store.curation import merge as run_merge

    keep = _editable(request, db, actor_id)
    try:
        run_merge(db, keep, q.find_actor(db, other), note)
    except CurationError as error:
        raise HTTPException(status_code=409, detail=str(error)) from error
    db.commit()
    return q.actor_summaries(db, [keep.id])


@router.post(
    "/actors/{actor_id}/split", response_model=None, responses=_returns("ActorSummary", many=True)
)
@_encoded
def split(
    request: Request,
    db: SessionDep,
    actor_id: PathId,
    other: ActorName = None,
    name: Text = None,
) -> Any:
    """Undo the merge of `other` into this actor, or move the surface form `name` out into
    an actor of its own (needs --allow-edits)."""
    from newsgraph.store.curation import CurationError, merged_into, split_name, unmerge

    actor = _editable(request, db, actor_id)
    if (other is None) == (name is None):
        raise HTTPException(status_code=422, detail="give either other or name")
    try:
        if other is not None:
            record = unmerge(db, actor, merged_into(db, actor, other))
        else:
            assert name is not None
            record = split_name(db, actor, name)
    except CurationError as error:
        raise HTTPException(status_code=409, detail=str(error)) from error
    db.commit()
    return q.actor_summaries(db, [record.kept_id, record.other_id])


def _editable(request: Request, db: Session, actor_id: int) -> CorpusActor:
    if not request.app.state.allow_edits:
        raise HTTPException(
            status_code=403, detail="read-only: start `newsgraph serve --allow-edits` to edit"
        )
    actor = db.get(CorpusActor, actor_id)
    if actor is None:
        raise q.NotFound(f"no actor with id {actor_id}")
    return actor
