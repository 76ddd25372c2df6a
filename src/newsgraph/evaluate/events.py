"""Event scoring, by the rules of docs/scoring.md, and event coding on PETRARCH2's records.

Against contract-shaped gold: a predicted event matches a gold event when its evidence span
overlaps the gold event's sentence and its type is one the gold accepts; one-to-one. On
matched events, where the gold gives the field: the first actor and first target
(containment), the date (exact), the place (containment, or the same country when only a
country is known) and the fatalities (every gold count present).

On PETRARCH2's validation records: for every gold coding, whether newsgraph coded an event
in that sentence with the same CAMEO root / the same full code, and whether its source and
target actors carry the gold's actor codes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph.evaluate.metrics import prf
from newsgraph.model import Article, Event
from newsgraph.names import contains

FIELDS = ("actor", "target", "date", "place", "fatalities")


@dataclass
class EventScore:
    predicted: int = 0
    gold: int = 0
    matched: int = 0
    field_right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    field_total: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    misses: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            **prf(self.matched, self.predicted, self.gold),
            "predicted": self.predicted,
            "gold": self.gold,
            "matched": self.matched,
            "accuracy": {
                name: round(self.field_right[name] / total, 4) if total else None
                for name, total in self.field_total.items()
            },
            "misses": self.misses,
        }


def score_article(article: Article, gold: dict[str, Any], into: EventScore) -> None:
    """Match the article's events to the gold article's and count what they get right."""
    actors = {a.id: {a.name, *a.aliases, *(m.text for m in a.mentions)} for a in article.actors}
    gold_actors = {a["id"]: {a["name"], *a.get("aliases", [])} for a in gold["actors"]}
    wanted = gold["events"]
    into.predicted += len(article.events)
    into.gold += len(wanted)
    used: set[int] = set()
    for event in article.events:
        j = next((j for j, g in enumerate(wanted) if j not in used and _matches(event, g)), None)
        if j is None:
            where = gold["article"]["id"]
            into.misses.append(f"{where}: predicted {event.type} {_first_words(event)!r} not gold")
            continue
        used.add(j)
        into.matched += 1
        _score_fields(event, wanted[j], actors, gold_actors, into)
    for j, g in enumerate(wanted):
        if j not in used:
            into.misses.append(
                f"{gold['article']['id']}: gold {g['type']} {_gold_words(g)!r} not found"
            )


def _matches(event: Event, gold: dict[str, Any]) -> bool:
    types = {gold["type"], *gold.get("accept_types", [])}
    span = gold["evidence"]
    overlaps = event.evidence.start < span["end"] and span["start"] < event.evidence.end
    return overlaps and event.type in types


def _score_fields(
    event: Event,
    gold: dict[str, Any],
    actors: dict[str, set[str]],
    gold_actors: dict[str, set[str]],
    into: EventScore,
) -> None:
    checks: dict[str, bool | None] = {
        "actor": _first_end(event.actors, gold.get("actors", []), actors, gold_actors),
        "target": _first_end(event.targets, gold.get("targets", []), actors, gold_actors),
        "date": (event.date == gold["date"]) if gold.get("date") else None,
        "place": _place(event, gold.get("place")),
        "fatalities": _fatalities(event, gold.get("fatalities", [])),
    }
    for name, right in checks.items():
        if right is not None:
            into.field_total[name] += 1
            into.field_right[name] += int(right)


def _first_end(
    ours: list[str],
    theirs: list[str],
    actors: dict[str, set[str]],
    gold_actors: dict[str, set[str]],
) -> bool | None:
    if not theirs:
        return None
    if not ours:
        return False
    return any(contains(p, g) for p in actors[ours[0]] for g in gold_actors[theirs[0]])


def _place(event: Event, gold: dict[str, Any] | None) -> bool | None:
    if not gold:
        return None
    if event.place is None:
        return False
    if gold.get("name") and contains(event.place.name, gold["name"]):
        return True
    return bool(gold.get("country")) and event.place.country == gold.get("country")


def _fatalities(event: Event, gold: list[dict[str, Any]]) -> bool | None:
    if not gold:
        return None
    counts = {f.count for f in event.fatalities}
    return all(f["count"] in counts for f in gold)


def _first_words(event: Event) -> str:
    return " ".join(event.evidence.text.split()[:6])


def _gold_words(gold: dict[str, Any]) -> str:
    evidence = gold["evidence"]
    text = evidence.get("text") or evidence.get("first_words") or ""
    return " ".join(text.split()[:6])


# PETRARCH2 validation records -------------------------------------------------------------


@dataclass
class Coding:
    source: str
    target: str
    code: str


@dataclass
class ValidationRecord:
    id: str
    category: str
    date: str | None
    text: str
    codings: list[Coding]


def load_records(path: Path) -> list[ValidationRecord]:
    """The records of a PETRARCH2 validation file (<Sentence> with <Text> and codings)."""
    text = path.read_text(encoding="utf-8", errors="replace")
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    records: list[ValidationRecord] = []
    for attributes, body in re.findall(r"<Sentence\b([^>]*)>(.*?)</Sentence>", text, re.S):
        found = re.search(r"<Text>(.*?)</Text>", body, re.S)
        if not found:
            continue
        attrs = dict(re.findall(r'(\w+)="([^"]*)"', attributes))
        codings = [
            Coding(c.get("sourcecode", ""), c.get("targetcode", ""), c.get("eventcode", ""))
            for c in (
                dict(re.findall(r'(\w+)="([^"]*)"', raw))
                for raw in re.findall(r"<EventCoding\b([^>]*)>", body)
            )
        ]
        date = attrs.get("date")
        records.append(
            ValidationRecord(
                id=attrs.get("id", str(len(records))),
                category=attrs.get("category", "?"),
                date=f"{date[:4]}-{date[4:6]}-{date[6:8]}" if date and len(date) == 8 else None,
                text=" ".join(found.group(1).split()),
                codings=codings,
            )
        )
    return records


@dataclass
class CodingScore:
    gold: int = 0
    predicted: int = 0
    root: int = 0
    full: int = 0
    source: int = 0
    target: int = 0

    def as_dict(self) -> dict[str, Any]:
        def share(n: int) -> float:
            return round(n / self.gold, 4) if self.gold else 0.0

        return {
            "gold_codings": self.gold,
            "predicted_events": self.predicted,
            "root_accuracy": share(self.root),
            "full_accuracy": share(self.full),
            "source_agreement": share(self.source),
            "target_agreement": share(self.target),
        }


def score_record(
    record: ValidationRecord,
    events: Iterable[Event],
    codes_of: dict[str, set[str]],
    into: CodingScore,
) -> None:
    """Count, for each gold coding, what newsgraph's events of the sentence get right."""
    events = list(events)
    into.predicted += len(events)
    for coding in record.codings:
        into.gold += 1
        same_root = [e for e in events if e.cameo and e.cameo[:2] == coding.code[:2]]
        exact = [e for e in same_root if e.cameo == coding.code]
        into.root += bool(same_root)
        into.full += bool(exact)
        for event in exact or same_root[:1]:
            into.source += any(
                _code_agrees(codes_of.get(a, set()), coding.source) for a in event.actors[:1]
            )
            into.target += any(
                _code_agrees(codes_of.get(a, set()), coding.target) for a in event.targets[:1]
            )
            break


def _code_agrees(ours: set[str], gold: str) -> bool:
    return any(code and (gold.startswith(code) or code.startswith(gold)) for code in ours)
