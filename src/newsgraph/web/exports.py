"""A graph view as a download: CSV (one row per relation) or GEXF 1.2 for Gephi, with the
positions the page draws. Text from the corpus is data: quoted for CSV (and a leading
=, +, - or @ neutralised, so no spreadsheet runs it as a formula) and escaped for XML."""

from __future__ import annotations

import csv
import io
import re
from xml.sax.saxutils import quoteattr

from newsgraph.web.graphview import GraphView

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
CSV_COLUMNS = [
    "subject_id",
    "subject",
    "predicate",
    "object_id",
    "object",
    "assertions",
    "articles",
    "not_asserted",
    "first_reported",
    "last_reported",
    "since",
    "until",
    "evidence",
]


def csv_edges(view: GraphView) -> str:
    names = {node.id: node.name for node in view.nodes}
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for e in view.edges:
        row = [
            e.source,
            names[e.source],
            e.predicate,
            e.target,
            names[e.target],
            e.assertions,
            e.articles,
            e.not_asserted,
            e.first_reported or "",
            e.last_reported or "",
            e.since or "",
            e.until or "",
            e.evidence,
        ]
        writer.writerow([_cell(value) for value in row])
    return out.getvalue()


def _cell(value: object) -> object:
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def gexf(view: GraphView) -> str:
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n',
        '<gexf xmlns="http://www.gexf.net/1.2draft" '
        'xmlns:viz="http://www.gexf.net/1.2draft/viz" version="1.2">\n',
        "<meta><creator>newsgraph</creator></meta>\n",
        '<graph mode="static" defaultedgetype="directed">\n',
        '<attributes class="node"><attribute id="type" title="type" type="string"/>'
        '<attribute id="articles" title="articles" type="integer"/></attributes>\n',
        '<attributes class="edge"><attribute id="predicate" title="predicate" type="string"/>'
        '<attribute id="assertions" title="assertions" type="integer"/>'
        '<attribute id="first_reported" title="first_reported" type="string"/>'
        '<attribute id="last_reported" title="last_reported" type="string"/></attributes>\n',
        "<nodes>\n",
    ]
    for node in view.nodes:
        x, y = view.positions.get(node.id, (0.0, 0.0))
        parts.append(
            f'<node id="{node.id}" label={_attr(node.name)}><attvalues>'
            f'<attvalue for="type" value={_attr(node.type)}/>'
            f'<attvalue for="articles" value="{node.articles}"/></attvalues>'
            f'<viz:position x="{x}" y="{-y}" z="0.0"/></node>\n'
        )
    parts.append("</nodes>\n<edges>\n")
    for number, e in enumerate(view.edges, start=1):
        parts.append(
            f'<edge id="{number}" source="{e.source}" target="{e.target}" '
            f'label={_attr(e.predicate)} weight="{e.assertions}"><attvalues>'
            f'<attvalue for="predicate" value={_attr(e.predicate)}/>'
            f'<attvalue for="assertions" value="{e.assertions}"/>'
            f'<attvalue for="first_reported" value={_attr(e.first_reported or "")}/>'
            f'<attvalue for="last_reported" value={_attr(e.last_reported or "")}/>'
            "</attvalues></edge>\n"
        )
    parts.append("</edges>\n</graph>\n</gexf>\n")
    return "".join(parts)


def _attr(value: str) -> str:
    return quoteattr(_NOT_XML.sub("", value))
