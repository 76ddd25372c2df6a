"""A gazetteer of real actors, compiled from the PETRARCH2 / Phoenix actor dictionaries.

The Phoenix actor dictionaries (MIT licence, Open Event Data Alliance; see
`data/PETRARCH2-LICENSE.txt`) list states, leaders with their dates in office, international
organisations and non-state armed groups, each with CAMEO actor codes.
`newsgraph.dictionaries.compilers.gazetteer` (run by `scripts/compile_gazetteer.py`) parses
them into `data/gazetteer.jsonl.gz`; `default_gazetteer()` loads that file and
`Gazetteer.lookup` finds an entry by any of its names.

Lookup keys are `newsgraph.dictionaries.names.normalize_name` of the name, of each synonym
and, for names with a parenthesised part, of the name without it and of the part if one is
the initials of the other ("Harakat ul-Mujahidin (HUM)", not "Red Flag (Venezuela)"). Keys of
one or two characters ("US", "UN"), all-digit keys and the generic words of
`data/gazetteer_stopwords.tsv` ("army", "police", "government", "rebels") are not keys.
State entries keep their synonyms, which include demonyms and cities ("Afghan", "Kabul"):
CAMEO codes a capital as its state. Where several entries share a key, `lookup` prefers the
entry's own name over a synonym, MilNonState and International over Countries, then the entry
with more synonyms; `candidates` gives them all in that order.
"""

from __future__ import annotations

import gzip
import io
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import msgspec

from newsgraph.dictionaries import lexicons
from newsgraph.dictionaries.names import is_acronym_of, normalize_name

TYPES = ("person", "organization", "armed_group", "government", "state")
COMPILED_FILE = "gazetteer.jsonl.gz"
STOPWORDS_FILE = "gazetteer_stopwords.tsv"


@dataclass(frozen=True)
class CodeSpan:
    """One CAMEO actor code and the dates (ISO, inclusive) it applies between; None is open."""

    code: str
    since: str | None = None
    until: str | None = None


@dataclass(frozen=True)
class GazetteerEntry:
    name: str
    type: str
    codes: tuple[CodeSpan, ...]
    synonyms: tuple[str, ...]
    source: str


_SOURCE_PREFERRED = ("MilNonState", "International")
_SPLIT_WORDS = re.compile(r"[_\s]+")
_PARENS = re.compile(r"\s*\(([^()]*)\)")


def dictionary_words(phrase: str) -> list[str]:
    """The words of a dictionary name, joined by `_` or blanks."""
    return [word for word in _SPLIT_WORDS.split(phrase.strip()) if word]


# --------------------------------------------------------------------------- lookup


def _source_rank(source: str) -> int:
    if any(marker in source for marker in _SOURCE_PREFERRED):
        return 0
    return 1 if "Countries" in source else 2


def lookup_keys(entry: GazetteerEntry) -> list[tuple[str, bool]]:
    """Every normalised key of an entry, each with whether it is the entry's own name."""
    keys: dict[str, bool] = {}

    def add(text: str, primary: bool) -> None:
        key = normalize_name(text)
        if key and (key not in keys or (primary and not keys[key])):
            keys[key] = primary

    for text, primary in [(entry.name, True), *((synonym, False) for synonym in entry.synonyms)]:
        add(text, primary)
        if "(" in text:  # "Harakat ul-Mujahidin (HUM)", "Epa (Ejercito del Pueblo en Armas)"
            outer = _PARENS.sub("", text)
            add(outer, primary)
            for inner in _PARENS.findall(text):
                outer_words, inner_words = dictionary_words(outer), dictionary_words(inner)
                if is_acronym_of(inner, outer_words) or is_acronym_of(outer, inner_words):
                    add(inner, False)
    return list(keys.items())


@cache
def default_stopwords() -> frozenset[str]:
    """The generic words of `data/gazetteer_stopwords.tsv`, normalised."""
    return frozenset(normalize_name(row[0]) for row in lexicons.rows(STOPWORDS_FILE) if row[0])


def is_usable_key(key: str, stopwords: frozenset[str] = frozenset()) -> bool:
    """Not too short, not only digits, not a generic word."""
    if key in stopwords:
        return False
    compact = key.replace(" ", "") if " " in key else key
    return len(compact) > 2 and not compact.isdigit()


# The compiled file: a header line; one entry a line, sorted; and a last line with the index
# from every normalised name (stop-list not applied) to its entries, the preferred first.
# Loading decodes the header and the index only; an entry is decoded when a lookup finds it.
# The header holds `normalize_name` of a probe string: if the function has changed since the
# file was written, the index is built anew from the entries.
_FORMAT = 2
_PROBE = "The U.S.'s  Al-Qa'ida_(ISIS) Ḥarakat—“Front” Bashar al-Assad’s"


class _Row(msgspec.Struct, array_like=True):
    name: str
    type: str
    codes: list[tuple[str, str | None, str | None]]
    synonyms: list[str]
    source: str


class _Header(msgspec.Struct):
    gazetteer: int
    probe: str
    entries: int


_ROW = msgspec.json.Decoder(_Row)
_HEADER = msgspec.json.Decoder(_Header)
_INDEX = msgspec.json.Decoder(dict[str, list[int]])


def entry_sort_key(entry: GazetteerEntry) -> tuple[str, str, str, str, str]:
    return (entry.source, entry.name, entry.type, repr(entry.codes), repr(entry.synonyms))


def _full_index(entries: Sequence[GazetteerEntry]) -> dict[str, list[int]]:
    """Every key of every entry, to the entries' positions in order of preference: the entry's
    own name before a synonym, MilNonState and International before Countries, more synonyms
    first, then position."""
    source_ranks: dict[str, int] = {}
    ranked: dict[str, list[tuple[int, int, int, int]]] = {}
    for index, entry in enumerate(entries):
        source = source_ranks.get(entry.source)
        if source is None:
            source = source_ranks[entry.source] = _source_rank(entry.source)
        for key, primary in lookup_keys(entry):
            rank = (0 if primary else 1, source, -len(entry.synonyms), index)
            ranked.setdefault(key, []).append(rank)
    return {key: [rank[3] for rank in sorted(found)] for key, found in sorted(ranked.items())}


class Gazetteer:
    """Entries and an index from normalised names to them."""

    def __init__(
        self, entries: Iterable[GazetteerEntry], stopwords: frozenset[str] | None = None
    ) -> None:
        listed = list(entries)
        self._entries: list[GazetteerEntry | None] = list(listed)
        self._rows: list[bytes] = []
        self.stopwords = default_stopwords() if stopwords is None else stopwords
        self._index = self._usable(_full_index(listed))

    def _usable(self, index: dict[str, list[int]]) -> dict[str, tuple[int, ...]]:
        return {
            key: tuple(found) for key, found in index.items() if is_usable_key(key, self.stopwords)
        }

    def _entry(self, index: int) -> GazetteerEntry:
        entry = self._entries[index]
        if entry is None:
            row = _ROW.decode(self._rows[index])
            entry = GazetteerEntry(
                row.name,
                row.type,
                tuple(CodeSpan(*code) for code in row.codes),
                tuple(row.synonyms),
                row.source,
            )
            self._entries[index] = entry
        return entry

    @property
    def entries(self) -> tuple[GazetteerEntry, ...]:
        """All entries, in order."""
        return tuple(self._entry(index) for index in range(len(self._entries)))

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[GazetteerEntry]:
        return (self._entry(index) for index in range(len(self._entries)))

    def lookup(self, name: str) -> GazetteerEntry | None:
        """The preferred entry named `name` (any of its names), or None."""
        found = self._index.get(normalize_name(name))
        return self._entry(found[0]) if found else None

    def candidates(self, name: str) -> list[GazetteerEntry]:
        """Every entry named `name`, the preferred first."""
        return [self._entry(index) for index in self._index.get(normalize_name(name), ())]

    def names(self) -> list[str]:
        """The lookup keys (normalised names), sorted."""
        return sorted(self._index)

    def save(self, path: str | Path) -> None:
        """Write the compiled form: gzip'd JSON lines, sorted, byte-for-byte reproducible."""
        entries = sorted(self, key=entry_sort_key)
        header = _Header(gazetteer=_FORMAT, probe=normalize_name(_PROBE), entries=len(entries))
        lines = [msgspec.json.encode(header)]
        for entry in entries:
            codes = [(span.code, span.since, span.until) for span in entry.codes]
            row = _Row(entry.name, entry.type, codes, list(entry.synonyms), entry.source)
            lines.append(msgspec.json.encode(row))
        lines.append(msgspec.json.encode(_full_index(entries)))
        raw = io.BytesIO()
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as out:
            out.write(b"\n".join(lines) + b"\n")
        Path(path).write_bytes(raw.getvalue())

    @classmethod
    def load(cls, path: str | Path, stopwords: frozenset[str] | None = None) -> Gazetteer:
        """Read what `save` wrote."""
        return cls._from_bytes(Path(path).read_bytes(), stopwords)

    @classmethod
    def _from_bytes(cls, data: bytes, stopwords: frozenset[str] | None = None) -> Gazetteer:
        first, _, rest = gzip.decompress(data).partition(b"\n")
        header = _HEADER.decode(first)
        if header.gazetteer != _FORMAT:
            raise ValueError(f"gazetteer file format {header.gazetteer}, expected {_FORMAT}")
        lines = rest.split(b"\n", header.entries)
        self = cls([], stopwords)
        self._rows = lines[: header.entries]
        self._entries = [None] * header.entries
        if header.probe == normalize_name(_PROBE):
            self._index = self._usable(_INDEX.decode(lines[header.entries]))
        else:  # normalize_name has changed: index the entries anew
            self._index = self._usable(_full_index(self.entries))
        return self


@cache
def default_gazetteer() -> Gazetteer:
    """The gazetteer shipped in the package; empty if the compiled file is missing."""
    try:
        data = resources.files("newsgraph.data").joinpath(COMPILED_FILE).read_bytes()
    except (FileNotFoundError, ModuleNotFoundError):
        return Gazetteer([])
    return Gazetteer._from_bytes(data)
