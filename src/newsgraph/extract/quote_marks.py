"""Quotation marks: the quoted segments of a text, paired opener to closer within a
paragraph, and chained when one quotation runs over several segments.

Marks: straight and curly double quotes, guillemets, „, and two apostrophes `''` (or two
backquotes), which some archives (the New York Times among them) print for both ends of a
quotation. A straight mark opens or closes by the characters beside it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from newsgraph.extract.layout import stripped_bounds

OPENERS = "“„«"
CLOSERS = "”»"


QUOTE_MARKS = re.compile(r"''|``|[\"“”„«»]")
_STRAIGHT = {'"', "''"}
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
    """One span per paragraph: a quotation in parts (interrupted by its attribution, or
    going on after it) runs from its first word to its last, attribution included, as
    docs/scoring.md annotates it (a span per part would cover under half of a gold span
    around a long attribution); `text` leaves the attribution out."""
    spans: list[tuple[int, int]] = []
    for number in dict.fromkeys(s.paragraph for s in segments):
        inside = [s for s in segments if s.paragraph == number]
        spans.append(stripped_bounds(text, inside[0].start, inside[-1].end))
    return spans


def quoted_segments(text: str, paragraphs: list[tuple[int, int]]) -> Iterator[Segment]:
    for number, (p_start, p_end) in enumerate(paragraphs):
        opened: int | None = None
        width = 1
        for match in QUOTE_MARKS.finditer(text, p_start, p_end):
            mark, at = match.group(), match.start()
            before = text[at - 1] if at > p_start else " "
            after = text[at + len(mark)] if at + len(mark) < p_end else " "
            can_open = (
                mark in OPENERS
                or mark == "``"
                or (
                    mark in _STRAIGHT
                    and not after.isspace()
                    and (before.isspace() or before in _OPEN_AFTER)
                )
            )
            can_close = mark in CLOSERS or (mark in _STRAIGHT and not before.isspace())
            if opened is None:
                if can_open:
                    opened, width = at, len(mark)
            elif can_close:
                yield Segment(opened + width, at, number, True, opened == p_start)
                opened = None
            elif can_open:
                opened, width = at, len(mark)
        if opened is not None:
            yield Segment(opened + width, p_end, number, False, opened == p_start)


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
