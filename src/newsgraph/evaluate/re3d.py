"""The re3d gold format (Dstl): folders of mongoexport JSON lines.

A gold path is either one source folder (holding documents.json, entities.json,
relations.json) or a folder of such folders."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

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
class GoldDocument:
    record: Record
    entities: list[GoldEntity] = field(default_factory=list)
    relations: list[GoldRelation] = field(default_factory=list)


class GoldFormatError(ValueError):
    """The gold folder is not in re3d's format."""


def source_folders(path: Path) -> list[Path]:
    if (path / "documents.json").is_file():
        return [path]
    folders = sorted(p.parent for p in path.glob("*/documents.json"))
    if not folders:
        raise GoldFormatError(f"{path}: no documents.json here or in its sub-folders")
    return folders


def load(path: Path) -> list[GoldDocument]:
    """Every document of the gold path with its entity and relation annotations."""
    documents: dict[str, GoldDocument] = {}
    for folder in source_folders(path):
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
    return list(documents.values())


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
