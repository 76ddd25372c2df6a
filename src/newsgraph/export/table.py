"""The ACLED-like event table: one row per corpus event, every report's figures kept."""

from __future__ import annotations

import csv
from typing import TextIO

from sqlalchemy.orm import Session

from newsgraph.export.pages import pages
from newsgraph.store.queries import CorpusEventView, event_views
from newsgraph.store.tables import CorpusEvent

COLUMNS = (
    "event_id",
    "event_date",
    "event_type",
    "cameo",
    "actor1",
    "actor2",
    "location",
    "country",
    "latitude",
    "longitude",
    "fatalities",
    "fatalities_by_source",
    "sources",
    "reports",
    "notes",
)


def write_events_csv(session: Session, out: TextIO) -> int:
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    written = 0
    for page in pages(session, CorpusEvent):
        for view in event_views(session, page):
            writer.writerow(event_row(view))
            written += 1
    return written


def event_row(view: CorpusEventView) -> list[object]:
    """ACLED keeps one fatality figure; we give the highest killed count any source reported
    and, beside it, every source's own figures, never an average."""
    killed = [
        c.count_max or c.count for r in view.reports for c in r.fatalities if c.kind == "killed"
    ]
    by_source = [
        f"{c.kind} {_count(c.count, c.count_max)}{' ' + c.who if c.who else ''} ({c.source})"
        for r in view.reports
        for c in r.fatalities
    ]
    sources = dict.fromkeys(
        r.provenance.article.source or r.provenance.article.title or "" for r in view.reports
    )
    return [
        view.id,
        view.date or "",
        view.type,
        "; ".join(dict.fromkeys(r.cameo for r in view.reports if r.cameo)),
        "; ".join(a.name for a in view.actors),
        "; ".join(t.name for t in view.targets),
        view.place or "",
        view.country or "",
        "" if view.lat is None else view.lat,
        "" if view.lon is None else view.lon,
        max(killed) if killed else 0,
        "; ".join(dict.fromkeys(by_source)),
        "; ".join(s for s in sources if s),
        len(view.reports),
        view.reports[0].provenance.sentence if view.reports else "",
    ]


def _count(low: int, high: int | None) -> str:
    return f"{low}-{high}" if high and high != low else str(low)
