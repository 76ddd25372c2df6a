"""The actor graph: corpus actors as nodes, relations as typed edges, for Gephi (GEXF 1.2)
and networkx/yEd (GraphML). Written as XML while the store is read, never built in memory.

One edge per (subject, predicate, object) with its evidence counted: how many assertions and
articles, the first and last publication dates, the earliest since and latest until, how
many assertions were not plain statements (hedged, predicted, negated), and one evidence
sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TextIO
from xml.sax.saxutils import escape, quoteattr

from sqlalchemy.orm import Session

from newsgraph.export.pages import pages
from newsgraph.model import SYMMETRIC_PREDICATES
from newsgraph.store.queries import actor_summaries, relation_edges
from newsgraph.store.tables import CorpusActor

NODE_ATTRIBUTES = (
    ("type", "string"),
    ("articles", "integer"),
    ("aliases", "string"),
    ("cameo", "string"),
    ("wikidata", "string"),
)
EDGE_ATTRIBUTES = (
    ("predicate", "string"),
    ("assertions", "integer"),
    ("articles", "integer"),
    ("not_asserted", "integer"),
    ("first_reported", "string"),
    ("last_reported", "string"),
    ("since", "string"),
    ("until", "string"),
    ("symmetric", "boolean"),
    ("evidence", "string"),
)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class Node:
    id: int
    label: str
    values: dict[str, object]


@dataclass(frozen=True)
class Edge:
    id: int
    source: int
    target: int
    label: str
    weight: int
    values: dict[str, object]


def nodes(session: Session) -> Iterator[Node]:
    for page in pages(session, CorpusActor):
        for actor in actor_summaries(session, [a.id for a in page]):
            yield Node(
                actor.id,
                actor.name,
                {
                    "type": actor.type,
                    "articles": actor.articles,
                    "aliases": "; ".join(actor.aliases),
                    "cameo": " ".join(actor.cameo),
                    "wikidata": actor.wikidata or "",
                },
            )


def edges(session: Session) -> Iterator[Edge]:
    for number, edge in enumerate(relation_edges(session), start=1):
        yield Edge(
            number,
            edge.source,
            edge.target,
            edge.predicate,
            edge.assertions,
            {
                "predicate": edge.predicate,
                "assertions": edge.assertions,
                "articles": edge.articles,
                "not_asserted": edge.not_asserted,
                "first_reported": edge.first_reported or "",
                "last_reported": edge.last_reported or "",
                "since": edge.since or "",
                "until": edge.until or "",
                "symmetric": edge.predicate in SYMMETRIC_PREDICATES,
                "evidence": edge.evidence,
            },
        )


def write_gexf(session: Session, out: TextIO) -> int:
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write('<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">\n')
    out.write("<meta><creator>newsgraph</creator></meta>\n")
    out.write('<graph mode="static" defaultedgetype="directed">\n')
    for kind, attributes in (("node", NODE_ATTRIBUTES), ("edge", EDGE_ATTRIBUTES)):
        out.write(f'<attributes class="{kind}">\n')
        for name, type_ in attributes:
            out.write(f'<attribute id="{name}" title="{name}" type="{type_}"/>\n')
        out.write("</attributes>\n")
    written = 0
    out.write("<nodes>\n")
    for node in nodes(session):
        out.write(
            f'<node id="{node.id}" label={_attr(node.label)}>{_gexf_values(node.values)}</node>\n'
        )
        written += 1
    out.write("</nodes>\n<edges>\n")
    for edge in edges(session):
        out.write(
            f'<edge id="{edge.id}" source="{edge.source}" target="{edge.target}" '
            f'label={_attr(edge.label)} weight="{edge.weight}">{_gexf_values(edge.values)}</edge>\n'
        )
        written += 1
    out.write("</edges>\n</graph>\n</gexf>\n")
    return written


def write_graphml(session: Session, out: TextIO) -> int:
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write('<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n')
    for kind, attributes in (
        ("node", (("label", "string"), *NODE_ATTRIBUTES)),
        ("edge", EDGE_ATTRIBUTES),
    ):
        for name, type_ in attributes:
            graphml_type = {"integer": "int"}.get(type_, type_)
            key = f'id="{kind}_{name}" for="{kind}" attr.name="{name}"'
            out.write(f'<key {key} attr.type="{graphml_type}"/>\n')
    out.write('<graph id="newsgraph" edgedefault="directed">\n')
    written = 0
    for node in nodes(session):
        values = {"label": node.label, **node.values}
        out.write(f'<node id="n{node.id}">{_graphml_values("node", values)}</node>\n')
        written += 1
    for edge in edges(session):
        out.write(
            f'<edge id="e{edge.id}" source="n{edge.source}" target="n{edge.target}">'
            f"{_graphml_values('edge', edge.values)}</edge>\n"
        )
        written += 1
    out.write("</graph>\n</graphml>\n")
    return written


def _text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return _NOT_XML.sub("", str(value))


def _attr(value: object) -> str:
    return quoteattr(_text(value))


def _gexf_values(values: dict[str, object]) -> str:
    inner = "".join(f'<attvalue for="{name}" value={_attr(v)}/>' for name, v in values.items())
    return f"<attvalues>{inner}</attvalues>"


def _graphml_values(kind: str, values: dict[str, object]) -> str:
    return "".join(
        f'<data key="{kind}_{name}">{escape(_text(v))}</data>' for name, v in values.items()
    )
