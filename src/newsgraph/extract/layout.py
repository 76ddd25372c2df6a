"""The layout of an article's text: its lines, paragraphs and headlines (offsets into the
text as read)."""

from __future__ import annotations

import re
from collections.abc import Iterator


def paragraph_bounds(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-blank line: news paragraphs are split by one or more newlines."""
    for line_start, line_end in line_bounds(text):
        start, end = stripped_bounds(text, line_start, line_end)
        if start < end:
            yield start, end


def stripped_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """`start` and `end` moved inwards past white space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def headline_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of the lines written in Title Case, when the text has a body besides."""
    lines = line_bounds(text)
    headlines = [
        (start, end)
        for start, end in lines
        if _is_title_case(text[start:end]) and not text[start:end].rstrip().endswith(".")
    ]
    return headlines if len(headlines) < len(lines) else []


def line_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line as written, blank-looking ones too."""
    return [m.span() for m in re.finditer(r"[^\n]+", text)]


def _is_title_case(line: str) -> bool:
    words = [w for w in line.split() if len(w) > 3 and w[0].isalpha()]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)
