"""An incident's toll from its reports' casualty figures: totals that add up.

Each report of an incident gives figures, each with a victim group (`who`) and a source.
What one source says in one report is one estimate of the toll: its figures for different
groups ("169 Afghans" and "13 U.S. service members") are disjoint and add up (182); its
figures for the same group ("at least 41 villagers", then "41 villagers") are alternatives,
of which the estimate keeps the range; a figure for the victims as a whole ("39 people",
`data/victim_totals.tsv`) already holds the groups beside it, so the estimate is the larger
of it and their sum. Estimates of different sources or reports are alternatives for the
same toll: the incident's toll is the range from the lowest estimate to the highest, never
a sum or an average.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from newsgraph.dictionaries.lexicons import words
from newsgraph.dictionaries.names import normalize_name


class Figure(Protocol):
    """A casualty figure as a report gives it (queries.Casualties, model.Fatality)."""

    @property
    def count(self) -> int: ...
    @property
    def count_max(self) -> int | None: ...
    @property
    def kind(self) -> str: ...
    @property
    def who(self) -> str | None: ...
    @property
    def source(self) -> str | None: ...


@dataclass(frozen=True)
class Estimate:
    """One source's toll in one report: at least `low`, at most `high`."""

    low: int
    high: int
    source: str


@dataclass(frozen=True)
class Toll:
    """An incident's toll of one kind across its reports, and the estimates it spans."""

    low: int
    high: int
    estimates: tuple[Estimate, ...]


def victim_group(who: str | None) -> str | None:
    """The group a figure counts, normalised; None for the victims as a whole."""
    key = normalize_name(who or "")
    if not key or key.split()[-1] in words("victim_totals.tsv"):
        return None
    return key


def estimates(figures: Iterable[Figure], kind: str = "killed") -> list[Estimate]:
    """Each source's estimate of one report's toll of `kind`, in the order of the sources."""
    by_source: dict[str, list[Figure]] = defaultdict(list)
    for figure in figures:
        if figure.kind == kind:
            by_source[figure.source or ""].append(figure)
    return [_estimate(source, own) for source, own in by_source.items()]


def _estimate(source: str, figures: Sequence[Figure]) -> Estimate:
    groups: dict[str | None, list[Figure]] = defaultdict(list)
    for figure in figures:
        groups[victim_group(figure.who)].append(figure)
    ranges = {
        group: (min(f.count for f in own), max(_high(f) for f in own))
        for group, own in groups.items()
    }
    parts = [span for group, span in ranges.items() if group is not None]
    low = sum(span[0] for span in parts)
    high = sum(span[1] for span in parts)
    if None in ranges:  # the whole toll, which holds the groups counted beside it
        low, high = max(low, ranges[None][0]), max(high, ranges[None][1])
    return Estimate(low=low, high=high, source=source)


def _high(figure: Figure) -> int:
    return max(figure.count, figure.count_max or figure.count)


def incident_toll(reports: Iterable[Iterable[Figure]], kind: str = "killed") -> Toll | None:
    """The toll of `kind` across an incident's reports (each an iterable of its figures);
    None when no report gives a figure of that kind."""
    found = tuple(estimate for figures in reports for estimate in estimates(figures, kind))
    if not found:
        return None
    return Toll(low=min(e.low for e in found), high=max(e.high for e in found), estimates=found)
