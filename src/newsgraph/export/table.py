"""The ACLED-like event table: one row per incident (corpus event), every report's figures
kept.

Dates: `event_date` is the date the reports give the incident (empty when none gives one,
never the publication date in its place); `report_date` is the earliest publication date of
its reports, as ACLED keeps the event's and its sources' dates apart.

Fatalities: each source's figures in each report make one estimate of the toll, summing
disjoint victim groups (corpus/tolls.py); `fatalities_min` and `fatalities_max` are the range
of those estimates, and `fatalities` is the lowest, ACLED's conservative figure, so that a
column of them sums to a total no report contradicts. `fatalities_by_source` keeps every
figure as reported, injured and abducted included.
"""

from __future__ import annotations

import csv
from typing import TextIO

from sqlalchemy.orm import Session

from newsgraph.corpus.tolls import incident_toll
from newsgraph.export.pages import pages
from newsgraph.store.queries import CorpusEventView, EventReport, event_views
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
    "fatalities_min",
    "fatalities_max",
    "fatalities_by_source",
    "sources",
    "report_date",
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
    """One incident's row: its reports' own date, their range of fatality estimates and
    every figure with its source."""
    toll = incident_toll(r.fatalities for r in view.reports)
    by_source = [
        f"{c.kind} {_count(c.count, c.count_max)}{' ' + c.who if c.who else ''} ({c.source})"
        for r in view.reports
        for c in r.fatalities
    ]
    sources = dict.fromkeys(
        r.provenance.article.source or r.provenance.article.title or "" for r in view.reports
    )
    published = [r.provenance.article.published for r in view.reports]
    return [
        view.id,
        event_date(view),
        view.type,
        "; ".join(dict.fromkeys(r.cameo for r in view.reports if r.cameo)),
        "; ".join(dict.fromkeys(a.name for a in view.actors)),
        "; ".join(dict.fromkeys(t.name for t in view.targets)),
        view.place or "",
        view.country or "",
        "" if view.lat is None else view.lat,
        "" if view.lon is None else view.lon,
        toll.low if toll else 0,
        toll.low if toll else "",
        toll.high if toll else "",
        "; ".join(dict.fromkeys(by_source)),
        "; ".join(s for s in sources if s),
        min((day for day in published if day), default=""),
        len(view.reports),
        view.reports[0].provenance.sentence if view.reports else "",
    ]


def event_date(view: CorpusEventView) -> str:
    """The date the reports give the incident: the corpus event's own when a report gave
    it, else the earliest any report gives, the most precise first; "" when none does."""
    return own_date(view.date, view.reports)


def own_date(day: str | None, reports: list[EventReport]) -> str:
    given = sorted({r.date for r in reports if r.date}, key=lambda d: (-len(d), d))
    if day and day in given:
        return day
    return given[0] if given else ""


def _count(low: int, high: int | None) -> str:
    return f"{low}-{high}" if high and high != low else str(low)
