"""Gold in the contract's shape: our annotated fixtures (the demo corpus and others).

A gold set is a folder holding `gold.jsonl` (one object per article, in the contract's shape,
keyed by `article.id`) and either `articles.jsonl` (the input records) or, in each gold
object, `article.path`: a text file read from where it lies (relative to the folder), checked
against `article.text_sha256`. The second form annotates texts we may not copy (the seed
article in ../shared) by offsets only. `demo` names the gold set bundled with the package.
Gold events may list `accept_types`, the other PLOVER types a prediction may have.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import msgspec

from newsgraph.model import ReadError, Record
from newsgraph.read import iter_records


class GoldError(ValueError):
    """The gold set is missing or malformed; the message says where."""


@dataclass
class GoldArticle:
    record: Record
    gold: dict[str, Any]

    def actor(self, actor_id: str | None) -> dict[str, Any] | None:
        if actor_id is None:
            return None
        return next((a for a in self.gold.get("actors", []) if a["id"] == actor_id), None)


def is_contract_gold(path: Path) -> bool:
    return str(path) == "demo" or (path / "gold.jsonl").is_file() or path.suffix == ".jsonl"


@contextmanager
def gold_folder(path: Path) -> Iterator[Path]:
    """The folder of a gold set; `demo` is the corpus shipped inside the package."""
    if str(path) == "demo":
        with resources.as_file(resources.files("newsgraph.demo")) as folder:
            yield folder
    else:
        yield path.parent if path.suffix == ".jsonl" else path


def load(path: Path) -> list[GoldArticle]:
    with gold_folder(path) as folder:
        gold_file = folder / "gold.jsonl"
        if not gold_file.is_file():
            raise GoldError(f"{gold_file}: not found (a gold set holds gold.jsonl)")
        records = _records(folder / "articles.jsonl")
        articles = []
        with gold_file.open("rb") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                where = f"{gold_file}:{number}"
                try:
                    gold = msgspec.json.decode(line)
                    meta = gold["article"]
                    record = records.get(meta["id"]) or _record_from_path(folder, meta, where)
                except (msgspec.DecodeError, KeyError, TypeError) as error:
                    raise GoldError(f"{where}: not a gold object ({error})") from error
                articles.append(GoldArticle(record, gold))
    return articles


def _records(articles_file: Path) -> dict[str, Record]:
    records: dict[str, Record] = {}
    if articles_file.is_file():
        for item in iter_records([str(articles_file)]):
            if isinstance(item, ReadError):
                raise GoldError(str(item))
            records[item.id] = item
    return records


def _record_from_path(folder: Path, meta: dict[str, Any], where: str) -> Record:
    if "path" not in meta:
        raise GoldError(f"{where}: article {meta['id']!r} is not in articles.jsonl and has no path")
    text_path = (folder / meta["path"]).resolve()
    if not text_path.is_file():
        raise GoldError(f"{where}: {text_path} not found")
    text = text_path.read_text(encoding="utf-8")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if meta.get("text_sha256") not in (None, digest):
        raise GoldError(f"{where}: {text_path} is not the annotated text (sha256 differs)")
    return Record(id=meta["id"], text=text, published=meta.get("published"), origin=str(text_path))
