"""FollowTheMoney entities for Aleph, one JSON entity per line.

Actors become Person, Organization (armed groups too), PublicBody (governments) or Territory
(states and places); a relation becomes a Membership (member_of, affiliate_of,
pledged_allegiance_to), a Directorship (leader_of, founder_of) or, for the rest or when the
ends do not fit those schemata, an UnknownLink whose role is the predicate; corpus events
become Events with everyone involved; articles become Articles.
"""

from __future__ import annotations

from typing import Any, TextIO

import msgspec
from sqlalchemy.orm import Session

from newsgraph.export.graph import edges, nodes
from newsgraph.export.pages import pages
from newsgraph.store.queries import event_views
from newsgraph.store.tables import ArticleRow, CorpusEvent

ACTOR_SCHEMATA = {
    "person": "Person",
    "organization": "Organization",
    "armed_group": "Organization",
    "government": "PublicBody",
    "state": "Territory",
    "location": "Territory",
    "other": "LegalEntity",
}
LINK_SCHEMATA = {
    "member_of": ("Membership", "member", "organization"),
    "affiliate_of": ("Membership", "member", "organization"),
    "pledged_allegiance_to": ("Membership", "member", "organization"),
    "leader_of": ("Directorship", "director", "organization"),
    "founder_of": ("Directorship", "director", "organization"),
}
_encoder = msgspec.json.Encoder()


def write_ftm(session: Session, out: TextIO) -> int:
    from followthemoney import model

    def emit(entity: Any) -> None:
        out.write(_encoder.encode(entity.to_dict()).decode())
        out.write("\n")

    written = 0
    schemata: dict[int, str] = {}
    for node in nodes(session):
        schema = ACTOR_SCHEMATA.get(str(node.values["type"]), "LegalEntity")
        schemata[node.id] = schema
        entity = model.make_entity(schema)
        entity.id = actor_entity_id(node.id)
        entity.add("name", node.label)
        entity.add("alias", [a for a in str(node.values["aliases"]).split("; ") if a])
        entity.add("wikidataId", str(node.values["wikidata"]) or None)
        emit(entity)
        written += 1
    for edge in edges(session):
        emit(_link(model, edge, schemata))
        written += 1
    for page in pages(session, CorpusEvent):
        for view in event_views(session, page):
            entity = model.make_entity("Event")
            entity.id = f"newsgraph-event-{view.id}"
            place = f" in {view.place}" if view.place else ""
            entity.add("name", f"{view.type}{place}, {view.date or 'undated'}")
            entity.add("date", view.date)
            entity.add("country", view.country)
            entity.add("involved", [actor_entity_id(a.id) for a in [*view.actors, *view.targets]])
            entity.add("summary", [r.provenance.sentence for r in view.reports][:5])
            entity.add(
                "publisher",
                {r.provenance.article.source for r in view.reports if r.provenance.article.source},
            )
            emit(entity)
            written += 1
    for page in pages(session, ArticleRow):
        for article in page:
            entity = model.make_entity("Article")
            entity.id = f"newsgraph-article-{article.id}"
            entity.add("title", article.title or article.doc_id)
            entity.add("publishedAt", article.published)
            entity.add("sourceUrl", article.url)
            entity.add("publisher", article.source)
            entity.add("bodyText", article.text)
            emit(entity)
            written += 1
    return written


def actor_entity_id(corpus_actor_id: int) -> str:
    return f"newsgraph-actor-{corpus_actor_id}"


def _link(model: Any, edge: Any, schemata: dict[int, str]) -> Any:
    schema, source_property, target_property = LINK_SCHEMATA.get(
        edge.label, ("UnknownLink", "subject", "object")
    )
    fits = _fits(model, schema, source_property, schemata.get(edge.source)) and _fits(
        model, schema, target_property, schemata.get(edge.target)
    )
    if not fits:
        schema, source_property, target_property = "UnknownLink", "subject", "object"
    entity = model.make_entity(schema)
    entity.id = f"newsgraph-relation-{edge.source}-{edge.label}-{edge.target}"
    entity.add(source_property, actor_entity_id(edge.source))
    entity.add(target_property, actor_entity_id(edge.target))
    entity.add("role", edge.label)
    entity.add("startDate", edge.values["since"] or None)
    entity.add("endDate", edge.values["until"] or None)
    entity.add("description", edge.values["evidence"] or None)
    entity.add("summary", f"{edge.weight} assertion(s) in {edge.values['articles']} article(s)")
    return entity


def _fits(model: Any, schema: str, property_name: str, actor_schema: str | None) -> bool:
    expected = model.get(schema).get(property_name).range
    return actor_schema is not None and model.get(actor_schema).is_a(expected)
