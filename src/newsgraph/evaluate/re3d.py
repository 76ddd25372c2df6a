"""The re3d gold format (Dstl): folders of mongoexport JSON lines.

A gold path is either one source folder (holding documents.json, entities.json,
relations.json) or a folder of such folders. Beside the source folders, `events_gold.json`
holds event gold for the same documents (annotated by scoring.md's event rules).

A subset of the sources can be chosen by name (`select_sources`), and two fixed halves,
split `a` and split `b`, let one develop on some sources and measure on the others.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import msgspec

from newsgraph.model import Record


@dataclass
class GoldEntity:
    begin: int
    end: int
    type: str
    value: str
    confidence: float


@dataclass
class GoldRelation:
    type: str
    source: tuple[int, int]
    target: tuple[int, int]
    source_text: str
    target_text: str
    confidence: float


@dataclass
class GoldEvent:
    """One event of events_gold.json: the sentence reporting it and what the gold gives."""

    types: list[str]  # accepted PLOVER types, the best first
    start: int  # the sentence's span
    end: int
    sentence: str
    actor: str | None = None
    target: str | None = None
    date: str | None = None
    place: str | None = None
    place_country: str | None = None
    fatalities: list[int] = field(default_factory=list)
    modality: str = "asserted"


@dataclass
class GoldDocument:
    record: Record
    entities: list[GoldEntity] = field(default_factory=list)
    relations: list[GoldRelation] = field(default_factory=list)
    events: list[GoldEvent] | None = None  # None: no event gold for this document


class GoldFormatError(ValueError):
    """The gold folder is not in re3d's format."""


EVENTS_FILE = "events_gold.json"
# The fixed halves of the four re3d dev sources: develop on one, measure on the other. Each
# holds one of the two big sources (UK Government: strike reports and statements; Wikipedia:
# encyclopaedic history) and one of the two small diplomatic ones.
SPLITS: dict[str, tuple[str, ...]] = {
    "a": ("UK Government", "Australian Department of Foreign Affairs"),
    "b": ("Wikipedia", "Delegation of the European Union to Syria"),
}
# Short names for the sources on the command line.
SOURCE_ALIASES = {
    "uk": "UK Government",
    "dfat": "Australian Department of Foreign Affairs",
    "eu": "Delegation of the European Union to Syria",
    "wikipedia": "Wikipedia",
}


def source_folders(path: Path) -> list[Path]:
    if (path / "documents.json").is_file():
        return [path]
    folders = sorted(p.parent for p in path.glob("*/documents.json"))
    if not folders:
        raise GoldFormatError(f"{path}: no documents.json here or in its sub-folders")
    return folders


def select_sources(folders: Sequence[Path], names: Sequence[str]) -> list[Path]:
    """The source folders named: a folder name, a short name (uk, dfat, eu, wikipedia) or a
    part of one folder's name, case-insensitive."""
    chosen: list[Path] = []
    for name in names:
        wanted = SOURCE_ALIASES.get(name.strip().casefold(), name.strip()).casefold()
        exact = [f for f in folders if f.name.casefold() == wanted]
        found = exact or [f for f in folders if wanted and wanted in f.name.casefold()]
        if len(found) != 1:
            known = ", ".join(f.name for f in folders)
            how = "no source" if not found else "several sources"
            raise GoldFormatError(f"{name!r} names {how} (the sources: {known})")
        if found[0] not in chosen:
            chosen.append(found[0])
    return sorted(chosen)


def split_sources(split: str) -> list[str]:
    try:
        return list(SPLITS[split.strip().casefold()])
    except KeyError:
        raise GoldFormatError(f"unknown split {split!r} (the splits: a, b)") from None


def events_file(path: Path) -> Path:
    """Where the event gold for a gold path lies: beside the source folders."""
    return (
        path / EVENTS_FILE if not (path / "documents.json").is_file() else path.parent / EVENTS_FILE
    )


def load(path: Path, sources: Sequence[str] | None = None) -> list[GoldDocument]:
    """Every document of the gold path (of the named sources only, when given) with its
    entity, relation and, where events_gold.json gives them, event annotations."""
    folders = source_folders(path)
    if sources:
        folders = select_sources(folders, sources)
    documents: dict[str, GoldDocument] = {}
    for folder in folders:
        for line, row in _lines(folder / "documents.json"):
            record = Record(
                id=row["_id"],
                text=row["text"],
                title=row.get("title"),
                url=row.get("sourceUrl"),
                source=row.get("sourceName"),
                origin=f"{folder / 'documents.json'}:{line}",
            )
            documents[record.id] = GoldDocument(record)
        for _, row in _lines(folder / "entities.json"):
            doc = documents.get(row["documentId"])
            if doc is not None:
                doc.entities.append(
                    GoldEntity(
                        row["begin"],
                        row["end"],
                        row["type"],
                        row["value"],
                        row.get("confidence", 1),
                    )
                )
        for _, row in _lines(folder / "relations.json"):
            doc = documents.get(row["documentId"])
            if doc is not None:
                doc.relations.append(
                    GoldRelation(
                        type=row["type"],
                        source=(row["sourceBegin"], row["sourceEnd"]),
                        target=(row["targetBegin"], row["targetEnd"]),
                        source_text=row["source"],
                        target_text=row["target"],
                        confidence=row.get("confidence", 1),
                    )
                )
    for doc_id, events in load_events(events_file(path)).items():
        if doc_id in documents:
            documents[doc_id].events = events
    return list(documents.values())


def load_events(path: Path) -> dict[str, list[GoldEvent]]:
    """Gold events by document id; nothing when the file is absent."""
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {doc["doc_id"]: [_gold_event(e) for e in doc["events"]] for doc in data["documents"]}
    except (ValueError, KeyError, TypeError) as error:
        raise GoldFormatError(f"{path}: not event gold ({error!r})") from error


def _gold_event(row: dict[str, Any]) -> GoldEvent:
    return GoldEvent(
        types=list(row["types"]),
        start=row["sentence_start"],
        end=row["sentence_end"],
        sentence=row.get("sentence") or "",
        actor=row.get("actor"),
        target=row.get("target"),
        date=row.get("date"),
        place=row.get("place"),
        place_country=row.get("place_country"),
        fatalities=[int(f["count"]) for f in row.get("fatalities") or []],
        modality=row.get("modality") or "asserted",
    )


def source_counts(path: Path) -> list[dict[str, Any]]:
    """Per source folder: documents, relations of the scored types, gold events, its split."""
    from newsgraph.evaluate.relations import gold_from_re3d

    splits = {name: split for split, names in SPLITS.items() for name in names}
    rows = []
    for folder in source_folders(path):
        documents = load(path, [folder.name]) if folder != path else load(path)
        rows.append(
            {
                "source": folder.name,
                "split": splits.get(folder.name),
                "documents": len(documents),
                "relations": sum(not r.neutral for d in documents for r in gold_from_re3d(d)),
                "events": sum(len(d.events or []) for d in documents),
            }
        )
    return rows


def _lines(path: Path) -> Iterator[tuple[int, dict]]:
    if not path.is_file():
        return
    with path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                try:
                    yield number, msgspec.json.decode(line)
                except msgspec.DecodeError as error:
                    raise GoldFormatError(f"{path}:{number}: invalid JSON ({error})") from error
