"""Cross-article event fusion: reports of one incident become one corpus event.

A report joins a corpus event when all hold: the same event type; dates within
`WINDOW_DAYS` of each other (the event's own date, else its article's publication date); no
conflicting place (the same GeoNames id, or the same name, or one of them has no place);
and at least one named actor or target in common (after actor resolution), or, when a side
names nobody ("gunmen", "villagers"), the same known place. Otherwise it starts a corpus
event of its own. Among several fitting corpus events, the one sharing most actors, then
the nearest in date, wins.
Candidates come from the (type, date) index with the corpus actor ids of their named
participants kept on the corpus event itself (`actor_ids`), so fusion reads one small set of
rows per article whatever the corpus size. Those ids are the ones at fusion time: a later
merge or split of actors does not re-fuse events.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from newsgraph.model import Event
from newsgraph.names import normalize_name
from newsgraph.store.tables import (
    CorpusEvent,
)

WINDOW_DAYS = 2


@dataclass(frozen=True)
class Report:
    """What fusion needs of an event report."""

    event: Event
    day: dt.date | None
    participants: frozenset[int]  # corpus ids of its named actors and targets


def report_day(event: Event, published: str | None) -> dt.date | None:
    """The day the report is about: its own full date, else its article's date."""
    for value in (event.date, published):
        if value and len(value) >= 10:
            try:
                return dt.date.fromisoformat(value[:10])
            except ValueError:
                continue
    return None


def fuse_all(session: Session, reports: Sequence[Report]) -> list[CorpusEvent]:
    """The corpus event each report belongs to, in order; created when none fits. One
    query finds every candidate of the article's reports at once."""
    candidates = _candidates(session, reports)
    found: list[CorpusEvent] = []
    created: list[CorpusEvent] = []
    for report in reports:
        best_id = _best(report, candidates)
        best = session.get(CorpusEvent, best_id) if best_id is not None else None
        if best is None:
            best = _new_event(report)
            created.append(best)
        else:
            _absorb(best, report)
        found.append(best)
    session.add_all(created)
    session.flush()
    return found


def _candidates(session: Session, reports: Sequence[Report]) -> list[Any]:
    """Corpus events in the (type, date window, place) of any report, as plain rows: most
    are only looked at. An article's events may lie years apart, so one window per report."""
    window = dt.timedelta(days=WINDOW_DAYS)
    windows = {
        (r.event.type, r.day, r.event.place.name if r.event.place else None)
        for r in reports
        if r.day is not None
    }
    if not windows:
        return []
    conditions = [
        sa.and_(
            CorpusEvent.type == type_,
            CorpusEvent.date >= (day - window).isoformat(),
            CorpusEvent.date <= (day + window).isoformat(),
            sa.or_(
                CorpusEvent.place_name.is_(None),
                sa.true()
                if place is None
                else (sa.func.lower(CorpusEvent.place_name) == place.casefold()),
            ),
        )
        for type_, day, place in sorted(windows, key=str)
    ]
    with session.no_autoflush:
        return list(
            session.execute(
                sa.select(
                    CorpusEvent.id,
                    CorpusEvent.type,
                    CorpusEvent.date,
                    CorpusEvent.place_name,
                    CorpusEvent.geonames_id,
                    CorpusEvent.actor_ids,
                ).where(sa.or_(*conditions))
            )
        )


def _best(report: Report, candidates: list[Any]) -> int | None:
    """The id of the candidate the report fuses into, if any."""
    if report.day is None:
        return None
    scored = []
    for candidate in candidates:
        if (
            candidate.type != report.event.type
            or candidate.date is None
            or not _places_agree(candidate, report.event)
        ):
            continue
        distance = abs((dt.date.fromisoformat(candidate.date) - report.day).days)
        if distance > WINDOW_DAYS:
            continue
        theirs = set(candidate.actor_ids or ())
        shared = len(theirs & report.participants)
        nobody = not theirs or not report.participants
        if shared or (nobody and _known_place(candidate, report.event)):
            scored.append((shared, -distance, -candidate.id, candidate.id))
    return max(scored)[3] if scored else None


def _new_event(report: Report) -> CorpusEvent:
    place = report.event.place
    return CorpusEvent(
        type=report.event.type,
        date=report.day.isoformat() if report.day else None,
        place_name=place.name if place else None,
        country=place.country if place else None,
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        geonames_id=place.geonames_id if place else None,
        actor_ids=sorted(report.participants),
    )


def _places_agree(candidate: Any, event: Event) -> bool:
    place = event.place
    if place is None or candidate.place_name is None:
        return True
    if place.geonames_id is not None and candidate.geonames_id is not None:
        return place.geonames_id == candidate.geonames_id
    return normalize_name(place.name) == normalize_name(candidate.place_name)


def _known_place(candidate: Any, event: Event) -> bool:
    return event.place is not None and candidate.place_name is not None


def _absorb(corpus: CorpusEvent, report: Report) -> None:
    """A later report adds its named actors, and may know the place the first did not."""
    if not report.participants <= set(corpus.actor_ids or ()):
        corpus.actor_ids = sorted(set(corpus.actor_ids or ()) | report.participants)
    place = report.event.place
    if corpus.place_name is None and place is not None:
        corpus.place_name, corpus.country = place.name, place.country
        corpus.lat, corpus.lon, corpus.geonames_id = place.lat, place.lon, place.geonames_id
