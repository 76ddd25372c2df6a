"""Event scoring, by the rules of docs/scoring.md, and event coding on PETRARCH2's records.

Against contract-shaped gold and re3d's event gold (events_gold.json): a predicted event
matches a gold event when its evidence span overlaps the gold event's sentence and its type is
one the gold accepts; one-to-one, a maximum matching (no prediction takes a gold event another
prediction needed). On matched events, where the gold gives the field: the first actor and
first target (containment), the date (exact), the place (containment, or the same country
when the gold's place is a country) and the fatalities (every gold count present).

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

from newsgraph.dictionaries.lexicons import mapping
from newsgraph.dictionaries.names import contains
from newsgraph.evaluate.metrics import prf
from newsgraph.evaluate.re3d import GoldEvent
from newsgraph.model import Actor, Article, Event

FIELDS = ("actor", "target", "date", "place", "fatalities")


@dataclass
class EventScore:
    predicted: int = 0
    gold: int = 0
    matched: int = 0
    field_right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    field_total: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    gold_by_type: dict[str, int] = field(default_factory=dict)  # by the gold's best type
    found_by_type: dict[str, int] = field(default_factory=dict)
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
            "scored": dict(self.field_total),
            "recall_by_type": {
                t: round(self.found_by_type.get(t, 0) / n, 4)
                for t, n in sorted(self.gold_by_type.items())
            },
            "gold_by_type": dict(sorted(self.gold_by_type.items())),
            "misses": self.misses,
        }

    def count(self, name: str, right: bool | None) -> None:
        """A field checked on a matched event (None: the gold does not give it)."""
        if right is not None:
            self.field_total[name] += 1
            self.field_right[name] += int(right)


def one_to_one(candidates: list[list[int]]) -> dict[int, int]:
    """A maximum matching {predicted index: gold index}, given for each prediction the gold
    events it may match, best first (augmenting paths; the inputs are small)."""
    owner: dict[int, int] = {}  # gold index -> predicted index

    def place(i: int, seen: set[int]) -> bool:
        for j in candidates[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or place(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(candidates)):
        place(i, set())
    return {i: j for j, i in owner.items()}


def score_re3d_article(article: Article, gold: list[GoldEvent], into: EventScore) -> None:
    """Match the article's events to re3d event gold and count what they get right."""
    actors = {a.id: a for a in article.actors}
    doc_id = article.article.id
    into.predicted += len(article.events)
    into.gold += len(gold)
    candidates = [
        sorted(
            (
                j
                for j, g in enumerate(gold)
                if _overlaps_sentence(event, g) and event.type in g.types
            ),
            key=lambda j: gold[j].types.index(event.type),
        )
        for event in article.events
    ]
    matched = one_to_one(candidates)
    for i, event in enumerate(article.events):
        if i not in matched:
            into.misses.append(f"{doc_id}: predicted {event.type} {_first_words(event)!r} not gold")
            continue
        g = gold[matched[i]]
        into.matched += 1
        checks = {
            "actor": _names_contain(event.actors, g.actor, actors),
            "target": _names_contain(event.targets, g.target, actors),
            "date": (event.date == g.date) if g.date else None,
            "place": _re3d_place(event, g),
            "fatalities": _fatality_counts(event, g.fatalities),
        }
        for name, right in checks.items():
            into.count(name, right)
            if right is False:
                into.misses.append(
                    f"{doc_id}: {event.type} {_first_words(event)!r} {name} "
                    f"{_field_text(event, name, actors)!r}, gold {_gold_field(g, name)!r}"
                )
    found = set(matched.values())
    for j, g in enumerate(gold):
        best = g.types[0] if g.types else "?"
        into.gold_by_type[best] = into.gold_by_type.get(best, 0) + 1
        if j in found:
            into.found_by_type[best] = into.found_by_type.get(best, 0) + 1
        else:
            words = " ".join(g.sentence.split()[:8])
            into.misses.append(f"{doc_id}: gold {'/'.join(g.types)} {words!r} not found")


def _overlaps_sentence(event: Event, gold: GoldEvent) -> bool:
    return event.evidence.start < gold.end and gold.start < event.evidence.end


def _actor_names(actor: Actor) -> set[str]:
    return {actor.name, *actor.aliases, *(m.text for m in actor.mentions)}


def _names_contain(ours: list[str], wanted: str | None, actors: dict[str, Actor]) -> bool | None:
    """The first actor (or target) against the gold's, by containment of any of its names."""
    if not wanted:
        return None
    first = actors.get(ours[0]) if ours else None
    return first is not None and any(contains(n, wanted) for n in _actor_names(first))


def _re3d_place(event: Event, gold: GoldEvent) -> bool | None:
    """Containment, or the same country when the gold knows only the country."""
    if not gold.place:
        return None
    if event.place is None:
        return False
    if contains(event.place.name, gold.place):
        return True
    country = gold.place_country
    if not country or _country_code(gold.place) != country:
        return False  # the gold names a place finer than its country: the name must match
    ours = event.place.country or _country_code(event.place.name)
    return ours == country


def _country_code(name: str) -> str | None:
    """The ISO alpha-2 code of a country's name ("Syria" -> "SY"), None for other places."""
    import pycountry

    key = name.strip().casefold()
    alias = mapping("country_aliases.tsv").get(key)
    if alias:
        return alias
    try:
        code: str = pycountry.countries.lookup(name.strip()).alpha_2
    except LookupError:
        return None
    return code


def _fatality_counts(event: Event, wanted: list[int]) -> bool | None:
    if not wanted:
        return None
    counts = {f.count for f in event.fatalities}
    return all(count in counts for count in wanted)


def _field_text(event: Event, name: str, actors: dict[str, Actor]) -> Any:
    if name in ("actor", "target"):
        ids = event.actors if name == "actor" else event.targets
        return actors[ids[0]].name if ids and ids[0] in actors else None
    if name == "place":
        return event.place.name if event.place else None
    if name == "fatalities":
        return sorted(f.count for f in event.fatalities)
    return event.date


def _gold_field(gold: GoldEvent, name: str) -> Any:
    return getattr(gold, name)


def score_article(article: Article, gold: dict[str, Any], into: EventScore) -> None:
    """Match the article's events to the gold article's and count what they get right."""
    actors = {a.id: {a.name, *a.aliases, *(m.text for m in a.mentions)} for a in article.actors}
    gold_actors = {a["id"]: {a["name"], *a.get("aliases", [])} for a in gold["actors"]}
    wanted = gold["events"]
    into.predicted += len(article.events)
    into.gold += len(wanted)
    candidates = [[j for j, g in enumerate(wanted) if _matches(e, g)] for e in article.events]
    matched = one_to_one(candidates)
    used = set(matched.values())
    for i, event in enumerate(article.events):
        if i not in matched:
            where = gold["article"]["id"]
            into.misses.append(f"{where}: predicted {event.type} {_first_words(event)!r} not gold")
            continue
        into.matched += 1
        _score_fields(event, wanted[matched[i]], actors, gold_actors, into)
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
