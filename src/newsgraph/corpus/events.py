"""Cross-article event fusion: reports of one incident become one corpus event.

A report joins a corpus event when all hold: the same event type; its own date within
`WINDOW_DAYS` of the event's; no conflicting place; and at least one named actor or target
in common (after actor resolution), or, when a side names nobody ("gunmen", "villagers"),
a known place on both sides.
Otherwise it starts a corpus event of its own. Among several fitting corpus events, the one
sharing most actors, then the nearest in date, wins. Reports of one article fuse the same
way (a lede and a later paragraph about one raid), since each joins the events its
article's earlier reports made. A report that gives no date of its own ("the group has
attacked villages before") fuses with nothing, and nothing fuses into it: its article's
publication date says when it was written, not when the incident happened. Its corpus
event is placed on that date for ordering only (the CSV leaves its event date empty).

Places conflict when both are known and differ, unless one is an area that may hold the
other: a province, region or district (`data/area_nouns.tsv`: "Harrow province" holds
"Dunmere"), or a country (a place named as a country, "Afghanistan", holds any place in it).
Two places with different GeoNames ids, or in different countries, always conflict. The
corpus event keeps the finer place and its first report's date.

Candidates come from the (type, date) index with the corpus actor ids of their named
participants kept on the corpus event itself (`actor_ids`), so fusion reads one small set of
rows per article whatever the corpus size. Those ids are the ones at fusion time: a later
merge or split of actors does not re-fuse events.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import Session

from newsgraph.corpus.actors import country_territory
from newsgraph.dictionaries.lexicons import words
from newsgraph.dictionaries.names import normalize_name
from newsgraph.model import Event, Place
from newsgraph.store.tables import CorpusEvent, EventRow

WINDOW_DAYS = 2


@dataclass(frozen=True)
class Report:
    """What fusion needs of an event report."""

    event: Event
    day: dt.date | None
    participants: frozenset[int]  # corpus ids of its named actors and targets


@dataclass
class _Candidate:
    """A corpus event as fusion sees it, kept up to date as the article's reports join."""

    id: int
    type: str
    day: dt.date
    place: Place | None
    actor_ids: set[int] = field(default_factory=set)


def report_day(event: Event, published: str | None) -> dt.date | None:
    """The day the report is about: its own full date, else its article's date."""
    for value in (event.date, published):
        day = _full_date(value)
        if day is not None:
            return day
    return None


def _full_date(value: str | None) -> dt.date | None:
    if value and len(value) >= 10:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def fuse_all(session: Session, reports: Sequence[Report]) -> list[CorpusEvent]:
    """The corpus event each report belongs to, in order; created when none fits. One
    query finds every candidate of the article's reports at once."""
    candidates = _candidates(session, reports)
    found: list[CorpusEvent] = []
    for report in reports:
        best = _best(report, candidates)
        if best is None:
            event = _new_event(report)
            session.add(event)
            session.flush()  # its id, for the article's later reports to join
            if _own_day(report) is not None:
                candidates.append(_candidate_of(event, report))
        else:
            event = session.get_one(CorpusEvent, best.id)
            _absorb(event, best, report)
        found.append(event)
    session.flush()
    return found


def _candidates(session: Session, reports: Sequence[Report]) -> list[_Candidate]:
    """Corpus events in the (type, date window) of any report. An article's events may lie
    years apart, so one window per report."""
    window = dt.timedelta(days=WINDOW_DAYS)
    windows = {(r.event.type, day) for r in reports if (day := _own_day(r)) is not None}
    if not windows:
        return []
    conditions = [
        sa.and_(
            CorpusEvent.type == type_,
            CorpusEvent.date >= (day - window).isoformat(),
            CorpusEvent.date <= (day + window).isoformat(),
        )
        for type_, day in sorted(windows, key=str)
    ]
    # only events some report dated itself: one placed by its article's date is no candidate
    dated = (
        sa.select(EventRow.id)
        .where(EventRow.corpus_event_id == CorpusEvent.id, sa.func.length(EventRow.date) >= 10)
        .exists()
    )
    with session.no_autoflush:
        rows = session.execute(
            sa.select(
                CorpusEvent.id,
                CorpusEvent.type,
                CorpusEvent.date,
                CorpusEvent.place_name,
                CorpusEvent.country,
                CorpusEvent.geonames_id,
                CorpusEvent.actor_ids,
            ).where(sa.or_(*conditions), dated)
        ).all()
    return [
        _Candidate(
            id=row.id,
            type=row.type,
            day=dt.date.fromisoformat(row.date[:10]),
            place=Place(name=row.place_name, country=row.country, geonames_id=row.geonames_id)
            if row.place_name
            else None,
            actor_ids=set(row.actor_ids or ()),
        )
        for row in rows
        if _full_date(row.date) is not None
    ]


def _own_day(report: Report) -> dt.date | None:
    return _full_date(report.event.date)


def _candidate_of(event: CorpusEvent, report: Report) -> _Candidate:
    day = _own_day(report)
    assert day is not None
    return _Candidate(
        id=event.id,
        type=event.type,
        day=day,
        place=report.event.place,
        actor_ids=set(report.participants),
    )


def _best(report: Report, candidates: list[_Candidate]) -> _Candidate | None:
    """The candidate the report fuses into, if any."""
    day = _own_day(report)
    if day is None:
        return None
    scored = []
    for candidate in candidates:
        if candidate.type != report.event.type or not places_agree(
            candidate.place, report.event.place
        ):
            continue
        distance = abs((candidate.day - day).days)
        if distance > WINDOW_DAYS:
            continue
        shared = len(candidate.actor_ids & report.participants)
        nobody = not candidate.actor_ids or not report.participants
        known_place = candidate.place is not None and report.event.place is not None
        if shared or (nobody and known_place):
            scored.append((shared, -distance, -candidate.id, candidate))
    return max(scored, key=lambda s: s[:3])[3] if scored else None


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


def places_agree(first: Place | None, second: Place | None) -> bool:
    """Whether two reports' places may be the one place of one incident."""
    if first is None or second is None:
        return True
    if first.geonames_id is not None and second.geonames_id is not None:
        return first.geonames_id == second.geonames_id
    if first.country and second.country and first.country != second.country:
        return False
    if normalize_name(first.name) == normalize_name(second.name):
        return True
    # a country holds its provinces and towns; a province its towns, not another province
    ranks = sorted((_rank(first), _rank(second)))
    return ranks[0] < ranks[1]


def _rank(place: Place) -> int:
    """How large a place is: 2 a country, 1 an area in one, 0 a town, a village, a site."""
    if country_territory(place.name) is not None:
        return 2
    return 1 if is_area(place) else 0


def is_area(place: Place) -> bool:
    """Whether the place is an area that holds towns and villages: a province, a region
    ("Harrow province", "the Kunar valley"), or a country."""
    key = normalize_name(place.name).split()
    if key and key[-1] in words("area_nouns.tsv"):
        return True
    return country_territory(place.name) is not None


def _finer(current: Place | None, other: Place | None) -> bool:
    """Whether `other` is a finer place than `current` (a village in a province)."""
    if other is None:
        return False
    return current is None or _rank(other) < _rank(current)


def _absorb(corpus: CorpusEvent, candidate: _Candidate, report: Report) -> None:
    """A later report adds its named actors and may know the place better than the first."""
    if not report.participants <= candidate.actor_ids:
        candidate.actor_ids |= report.participants
        corpus.actor_ids = sorted(candidate.actor_ids)
    place = report.event.place
    if _finer(candidate.place, place):
        assert place is not None
        candidate.place = place
        corpus.place_name, corpus.country = place.name, place.country
        corpus.lat, corpus.lon, corpus.geonames_id = place.lat, place.lon, place.geonames_id
