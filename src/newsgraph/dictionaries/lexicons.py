"""Data files shipped in `newsgraph/data`, loaded once per process.

Lexicons are tab-separated text: `#` starts a comment, blank lines are ignored, the first
column is the key. Keeping them as data means adding a pattern is adding a line.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


def rows(name: str) -> list[list[str]]:
    """The non-comment rows of data file `name`, split on tabs."""
    return list(_rows(name))


@cache
def _rows(name: str) -> tuple[list[str], ...]:
    text = resources.files("newsgraph.data").joinpath(name).read_text(encoding="utf-8")
    parsed = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parsed.append([cell.strip() for cell in line.split("\t")])
    return tuple(parsed)


@cache
def words(name: str) -> frozenset[str]:
    """The first column of data file `name`, case-folded."""
    return frozenset(row[0].casefold() for row in _rows(name))


@cache
def mapping(name: str) -> dict[str, str]:
    """First column to second column of data file `name` (first column case-folded)."""
    return {row[0].casefold(): row[1] for row in _rows(name) if len(row) > 1}
