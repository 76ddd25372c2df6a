"""Quotation marks: the quoted segments of a text, paired opener to closer within a
paragraph, and chained when one quotation runs over several segments."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from newsgraph.extract.layout import stripped_bounds

OPENERS = "“„«"
CLOSERS = "”»"


QUOTE_MARKS = re.compile(r'["“”„«»]')
_OPEN_AFTER = set("([{—–-:/") | {"‘"}


@dataclass
class Segment:
    """Text between a pair of quotation marks (or an opening mark and the paragraph's end)."""

    start: int
    end: int
    paragraph: int
    closed: bool
    opens_paragraph: bool


def paragraph_spans(text: str, segments: list[Segment]) -> list[tuple[int, int]]:
    """One span per paragraph: an interrupted quote runs from its first word to its last,
    attribution included, as docs/scoring.md has it; `text` leaves the attribution out."""
    spans: list[tuple[int, int]] = []
    for number in dict.fromkeys(s.paragraph for s in segments):
        inside = [s for s in segments if s.paragraph == number]
        spans.append(stripped_bounds(text, inside[0].start, inside[-1].end))
    return spans


def quoted_segments(text: str, paragraphs: list[tuple[int, int]]) -> Iterator[Segment]:
    for number, (p_start, p_end) in enumerate(paragraphs):
        opened: int | None = None
        for match in QUOTE_MARKS.finditer(text, p_start, p_end):
            mark, at = match.group(), match.start()
            before = text[at - 1] if at > p_start else " "
            after = text[at + 1] if at + 1 < p_end else " "
            can_open = mark in OPENERS or (
                mark == '"' and not after.isspace() and (before.isspace() or before in _OPEN_AFTER)
            )
            can_close = mark in CLOSERS or (mark == '"' and not before.isspace())
            if opened is None:
                if can_open:
                    opened = at
            elif can_close:
                yield Segment(opened + 1, at, number, True, opened == p_start)
                opened = None
            elif can_open:
                opened = at
        if opened is not None:
            yield Segment(opened + 1, p_end, number, False, opened == p_start)


def chained_segments(segments: Iterator[Segment]) -> list[list[Segment]]:
    """Join an unclosed paragraph to the next paragraph when that one opens with a mark."""
    chains: list[list[Segment]] = []
    for segment in segments:
        last = chains[-1][-1] if chains else None
        if (
            last is not None
            and not last.closed
            and segment.opens_paragraph
            and segment.paragraph == last.paragraph + 1
        ):
            chains[-1].append(segment)
        else:
            chains.append([segment])
    return chains
