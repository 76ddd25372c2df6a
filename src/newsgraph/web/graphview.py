"""The graph as the workbench draws it: not every actor, but the ones a reader can use.

- Only actors with relations (under the filters) are drawn: an actor no edge reaches is
  counted, not placed.
- A generic actor (a common noun, "the army", "fighters": `named=False`, its article's own
  actor) is folded into the named actor it belongs to (its one `member_of` / `affiliate_of` /
  `leader_of` / `splinter_of` target) or else hidden; either way it is counted.
- Of the rest, the `limit` actors in most articles stay, with the edges among them, at most
  `EDGES_PER_ACTOR` per actor (the most reported first, but every actor's strongest); an
  actor left without an edge goes too.
- Positions are computed here (networkx's seeded spring layout), so the browser draws a
  preset layout and never freezes on a force simulation; the same data gives the same picture.

`neighbourhood` is the actor-centred view: one actor, its `limit` strongest neighbours
(by assertions), all its own edges and the strongest among the neighbours, the actor at
(0, 0).
"""

from __future__ import annotations

import threading
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence

import msgspec
import sqlalchemy as sa
from sqlalchemy.orm import Session

from newsgraph.store import queries as q
from newsgraph.store.tables import ArticleActor, ArticleRow, CorpusActor, Curation

OWNER_PREDICATES = ("member_of", "affiliate_of", "leader_of", "splinter_of")
SCALE = 90.0  # pixels per unit of edge length in the layout
EDGES_PER_ACTOR = 3  # the overview draws at most this many edges per actor, strongest first


class GraphView(msgspec.Struct, kw_only=True):
    """What /api/graph answers: the nodes and edges drawn, where to draw them, and how many
    actors were left out and why (so the page can say so)."""

    nodes: list[q.ActorSummary]
    edges: list[q.RelationEdge]
    positions: dict[int, tuple[float, float]]
    centre: int | None
    # "unconnected", "generic_folded", "generic_hidden", "beyond_limit", "weak_relations"
    left_out: dict[str, int]


class _Actor(msgspec.Struct):
    id: int
    type: str
    named: bool
    articles: int


_CACHE: OrderedDict[Hashable, GraphView] = OrderedDict()
_CACHE_SIZE = 64
_CACHE_LOCK = threading.Lock()


def cached(session: Session, key: Hashable, compute: Callable[[], GraphView]) -> GraphView:
    """`compute()`, remembered under `key` for as long as the store holds the same articles
    and curations (an ingest or an edit changes the fingerprint, so nothing stale is served)."""
    fingerprint = session.execute(
        sa.select(
            sa.select(sa.func.max(ArticleRow.id)).scalar_subquery(),
            sa.select(sa.func.count(ArticleRow.id)).scalar_subquery(),
            sa.select(sa.func.max(Curation.id)).scalar_subquery(),
        )
    ).one()
    full_key = (str(session.get_bind().engine.url), tuple(fingerprint), key)
    with _CACHE_LOCK:
        if full_key in _CACHE:
            _CACHE.move_to_end(full_key)
            return _CACHE[full_key]
    view = compute()
    with _CACHE_LOCK:
        _CACHE[full_key] = view
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return view


def overview(
    session: Session,
    *,
    types: Sequence[str] = (),
    predicates: Sequence[str] = (),
    since: str | None = None,
    until: str | None = None,
    source: str | None = None,
    limit: int = 150,
) -> GraphView:
    edges = list(
        q.relation_edges(session, predicates=predicates, since=since, until=until, source=source)
    )
    actors = _actors(session, {i for e in edges for i in (e.source, e.target)})
    edges, folded, hidden = _fold_generic(edges, actors)
    edges = _typed(edges, actors, types)
    connected = {i for e in edges for i in (e.source, e.target)}
    ranked = sorted(connected, key=lambda i: (-actors[i].articles, i))
    keep = set(ranked[:limit])
    edges = [e for e in edges if e.source in keep and e.target in keep]
    drawn = _strongest(edges, EDGES_PER_ACTOR * len(keep))
    shown = {i for e in drawn for i in (e.source, e.target)}
    left_out = {
        "unconnected": max(0, _named_actor_count(session, types) - len(connected) - folded),
        "generic_folded": folded,
        "generic_hidden": hidden,
        "beyond_limit": len(connected) - len(shown),
        "weak_relations": len(edges) - len(drawn),
    }
    return _view(session, shown, drawn, actors, None, left_out)


def neighbourhood(
    session: Session,
    actor_id: int,
    *,
    types: Sequence[str] = (),
    predicates: Sequence[str] = (),
    since: str | None = None,
    until: str | None = None,
    source: str | None = None,
    limit: int = 40,
) -> GraphView:
    edges = list(
        q.relation_edges(session, predicates=predicates, since=since, until=until, source=source)
    )
    actors = _actors(session, {i for e in edges for i in (e.source, e.target)} | {actor_id})
    centre = actors[actor_id]
    if centre.named:  # a generic actor looked at on its own keeps its own edges
        edges, _, _ = _fold_generic(edges, actors)
    edges = _typed(edges, actors, types, always=actor_id)
    weight: dict[int, int] = defaultdict(int)
    for edge in edges:
        if actor_id in (edge.source, edge.target):
            other = edge.target if edge.source == actor_id else edge.source
            weight[other] += edge.assertions
    neighbours = sorted(weight, key=lambda i: (-weight[i], -actors[i].articles, i))
    keep = {actor_id, *neighbours[:limit]}
    edges = [e for e in edges if e.source in keep and e.target in keep]
    own = [e for e in edges if actor_id in (e.source, e.target)]
    among = [e for e in edges if actor_id not in (e.source, e.target)]
    drawn = own + _strongest(among, max(0, EDGES_PER_ACTOR * len(keep) - len(own)))
    left_out = {
        "beyond_limit": max(0, len(neighbours) - limit),
        "weak_relations": len(edges) - len(drawn),
    }
    edges = drawn
    return _view(session, keep, edges, actors, actor_id, left_out)


def _strongest(edges: list[q.RelationEdge], budget: int) -> list[q.RelationEdge]:
    """At most `budget` edges, the most reported first, but each actor's strongest edge in
    any case (so no actor is left hanging)."""
    if len(edges) <= budget:
        return edges
    ranked = sorted(edges, key=lambda e: (-e.articles, -e.assertions, e.source, e.target))
    chosen: dict[int, q.RelationEdge] = {}
    for edge in ranked:
        for end in (edge.source, edge.target):
            chosen.setdefault(end, edge)
    picked = {id(e): e for e in chosen.values()}
    for edge in ranked:
        if len(picked) >= budget:
            break
        picked.setdefault(id(edge), edge)
    return [e for e in edges if id(e) in picked]


def _actors(session: Session, ids: Iterable[int]) -> dict[int, _Actor]:
    """Type, namedness and article count of the corpus actors `ids`."""
    found: dict[int, _Actor] = {}
    ordered = sorted(ids)
    for start in range(0, len(ordered), 500):
        chunk = ordered[start : start + 500]
        rows = session.execute(
            sa.select(
                CorpusActor.id,
                CorpusActor.type,
                CorpusActor.named,
                sa.func.count(sa.distinct(ArticleActor.article_id)),
            )
            .outerjoin(ArticleActor, ArticleActor.corpus_actor_id == CorpusActor.id)
            .where(CorpusActor.id.in_(chunk))
            .group_by(CorpusActor.id)
        )
        for actor_id, type_, named, articles in rows:
            found[actor_id] = _Actor(actor_id, type_, bool(named), int(articles))
    return found


def _fold_generic(
    edges: list[q.RelationEdge], actors: dict[int, _Actor]
) -> tuple[list[q.RelationEdge], int, int]:
    """Edges with each generic actor replaced by its one named owner, or dropped; and how
    many generic actors were folded and how many hidden."""
    owners: dict[int, set[int]] = defaultdict(set)
    generic = {i for i, a in actors.items() if not a.named}
    for edge in edges:
        owned = edge.source in generic and edge.target not in generic
        if owned and edge.predicate in OWNER_PREDICATES:
            owners[edge.source].add(edge.target)
    owner = {g: next(iter(found)) for g, found in owners.items() if len(found) == 1}
    involved = {i for e in edges for i in (e.source, e.target)} & generic
    moved: list[q.RelationEdge] = []
    for edge in edges:
        source = owner.get(edge.source, edge.source)
        target = owner.get(edge.target, edge.target)
        if source == target or source in generic or target in generic:
            continue
        moved.append(msgspec.structs.replace(edge, source=source, target=target))
    folded = len(involved & owner.keys())
    return _combined(moved), folded, len(involved) - folded


def _combined(edges: list[q.RelationEdge]) -> list[q.RelationEdge]:
    """One edge per (source, predicate, target), adding up those folding made parallel."""
    groups: dict[tuple[int, str, int], list[q.RelationEdge]] = defaultdict(list)
    for edge in edges:
        groups[(edge.source, edge.predicate, edge.target)].append(edge)
    combined = []
    for group in groups.values():
        if len(group) == 1:
            combined.append(group[0])
            continue
        combined.append(
            msgspec.structs.replace(
                group[0],
                assertions=sum(e.assertions for e in group),
                articles=sum(e.articles for e in group),
                not_asserted=sum(e.not_asserted for e in group),
                first_reported=_extreme(min, (e.first_reported for e in group)),
                last_reported=_extreme(max, (e.last_reported for e in group)),
                since=_extreme(min, (e.since for e in group)),
                until=_extreme(max, (e.until for e in group)),
            )
        )
    return combined


def _extreme(pick: object, values: Iterable[str | None]) -> str | None:
    present = [v for v in values if v]
    return pick(present) if present else None  # type: ignore[operator]


def _typed(
    edges: list[q.RelationEdge],
    actors: dict[int, _Actor],
    types: Sequence[str],
    always: int | None = None,
) -> list[q.RelationEdge]:
    if not types:
        return edges

    def allowed(i: int) -> bool:
        return i == always or actors[i].type in types

    return [e for e in edges if allowed(e.source) and allowed(e.target)]


def _named_actor_count(session: Session, types: Sequence[str]) -> int:
    query = (
        sa.select(sa.func.count(sa.distinct(ArticleActor.corpus_actor_id)))
        .join(CorpusActor, ArticleActor.corpus_actor_id == CorpusActor.id)
        .where(CorpusActor.named.is_(True))
    )
    if types:
        query = query.where(CorpusActor.type.in_(types))
    return int(session.scalar(query) or 0)


def _view(
    session: Session,
    ids: set[int],
    edges: list[q.RelationEdge],
    actors: dict[int, _Actor],
    centre: int | None,
    left_out: dict[str, int],
) -> GraphView:
    ordered = sorted(ids, key=lambda i: (i != centre, -actors[i].articles, i))
    nodes = q.actor_summaries(session, ordered)
    if centre is not None and not any(n.id == centre for n in nodes):
        raise q.NotFound(f"actor {centre} appears in no article (merged into another?)")
    drawn = {n.id for n in nodes}
    edges = [e for e in edges if e.source in drawn and e.target in drawn]
    return GraphView(
        nodes=nodes,
        edges=edges,
        positions=layout([n.id for n in nodes], edges, centre),
        centre=centre,
        left_out=left_out,
    )


def layout(
    ids: list[int], edges: list[q.RelationEdge], centre: int | None = None
) -> dict[int, tuple[float, float]]:
    """Seeded force-directed positions in pixels. With a centre, one layout with the centre
    pinned at the origin; without, each connected part laid out on its own and the parts
    packed in rows, largest first, so that small islands do not push the main one into a
    corner."""
    import networkx as nx

    if not ids:
        return {}
    graph = nx.Graph()
    graph.add_nodes_from(ids)
    for edge in edges:
        old = graph.get_edge_data(edge.source, edge.target, {"weight": 0})["weight"]
        graph.add_edge(edge.source, edge.target, weight=old + 1)
    if centre is not None:
        placed = _spring(graph, centre)
        return {i: (round(x, 1), round(y, 1)) for i, (x, y) in placed.items()}
    parts = sorted(
        (sorted(part) for part in nx.connected_components(graph)), key=lambda p: (-len(p), p[0])
    )
    laid = [_spring(graph.subgraph(part), None) for part in parts]
    boxes = [_box(positions) for positions in laid]
    row_width = max(2 * (boxes[0][2] - boxes[0][0]), SCALE * 10)
    found: dict[int, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for positions, (left, top, right, bottom) in zip(laid, boxes, strict=True):
        width, height = right - left + SCALE, bottom - top + SCALE
        if x > 0 and x + width > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for i, (px, py) in positions.items():
            found[i] = (round(x + px - left, 1), round(y + py - top, 1))
        x += width
        row_height = max(row_height, height)
    return found


def _spring(graph: object, centre: int | None) -> dict[int, tuple[float, float]]:
    import networkx as nx

    nodes = list(graph)  # type: ignore[call-overload]
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    fixed = [centre] if centre is not None else None
    start = {centre: (0.0, 0.0)} if centre is not None else None
    iterations = 50 if len(nodes) <= 300 else 30
    placed = nx.spring_layout(graph, pos=start, fixed=fixed, seed=17, iterations=iterations)
    spread = SCALE * max(1.0, len(nodes) ** 0.5)
    if centre is None:  # scaled to its size: a part of n actors spans about SCALE * sqrt(n)
        placed = nx.rescale_layout_dict(placed, scale=spread / 2)
        return {i: (float(px), float(py)) for i, (px, py) in placed.items()}
    return {i: (float(px) * spread, float(py) * spread) for i, (px, py) in placed.items()}


def _box(positions: dict[int, tuple[float, float]]) -> tuple[float, float, float, float]:
    xs = [p[0] for p in positions.values()]
    ys = [p[1] for p in positions.values()]
    return min(xs), min(ys), max(xs), max(ys)
