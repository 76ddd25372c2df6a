"""Bytes to text: UTF-8 first (stray invalid bytes replaced and reported), a legacy
encoding only when most non-ASCII bytes are not UTF-8 and detection is confident.

Binary files are refused rather than decoded into noise."""

from __future__ import annotations

import codecs
import re
import threading
import unicodedata
from typing import NamedTuple

from charset_normalizer import CharsetMatch, from_bytes

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Single-byte encodings common in news archives; anything else a detector proposes for
# non-UTF-8 bytes is more often wrong than right.
_LEGACY = {"cp1252", "windows-1252", "latin_1", "iso8859_1", "iso8859_15", "cp1250", "cp1251"}
_SNIFF = 8192


class DecodeError(ValueError):
    """The bytes are not text we can read."""


class Decoded(NamedTuple):
    """Text, the legacy encoding it was read in (None for UTF-8), and the lines (1-based)
    where invalid UTF-8 bytes were replaced by U+FFFD."""

    text: str
    encoding: str | None = None
    replaced_lines: tuple[int, ...] = ()


def decode(data: bytes) -> Decoded:
    """Bytes to text: by byte-order mark; else UTF-8, stray invalid bytes replaced; else, when
    most non-ASCII bytes are not UTF-8, the legacy encoding a detector is confident of."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding))
            except UnicodeDecodeError as error:  # a BOM, then bytes that do not follow it
                raise DecodeError(
                    f"starts with a {encoding.upper()} byte-order mark but is not "
                    f"{encoding.upper()} (byte {error.start})"
                ) from error
    if b"\x00" in data[:_SNIFF]:
        raise DecodeError("binary file (NUL bytes), not text")
    try:
        return Decoded(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        position = error.start
    text, invalid = _decode_replacing(data)
    invalid_bytes = sum(end - start for start, end in invalid)
    if invalid_bytes * 2 <= len(data.translate(None, _ASCII)):
        # Mostly valid UTF-8: a few stray bytes, not another encoding.
        return Decoded(text, None, _lines(data, invalid))
    match = _legacy_match(data)
    if match is None:
        raise DecodeError(f"not valid UTF-8 (byte {position}) and no confident legacy encoding")
    return Decoded(str(match), match.encoding)


def _legacy_match(data: bytes) -> CharsetMatch | None:
    """The detector's legacy encoding. Among those it finds equally plausible (latin-1
    French scores the same as cp1250, which turns "è" into "č"), the one whose text has
    fewest symbols or digits stuck to letters ("spotka³", "£odzi"), then Windows-1252, by
    far the most common in Western news."""
    matches = [m for m in from_bytes(data) if m.encoding.lower() in _LEGACY and m.chaos <= 0.2]
    if not matches:
        return None
    tied = [m for m in matches if m.chaos <= matches[0].chaos]
    return min(tied, key=lambda m: (_symbols_in_words(str(m)), m.encoding != "cp1252"))


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _symbols_in_words(text: str) -> int:
    """Non-ASCII symbols and digits beside a letter: the mark of a wrong code page."""
    count = 0
    for match in _NON_ASCII.finditer(text):
        char, at = match.group(), match.start()
        if unicodedata.category(char)[0] in "SN" and (
            (at > 0 and text[at - 1].isalpha()) or text[at + 1 : at + 2].isalpha()
        ):
            count += 1
    return count


_ASCII = bytes(range(128))
_invalid_spans: list[tuple[int, int]] = []
_invalid_lock = threading.Lock()


def _record_invalid(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeDecodeError)
    _invalid_spans.append((error.start, error.end))
    return "\ufffd", error.end


codecs.register_error("newsgraph-record-invalid", _record_invalid)


def _decode_replacing(data: bytes) -> tuple[str, list[tuple[int, int]]]:
    """UTF-8 with each invalid byte sequence replaced by U+FFFD, and where they were."""
    with _invalid_lock:
        _invalid_spans.clear()
        text = data.decode("utf-8", errors="newsgraph-record-invalid")
        spans = _invalid_spans.copy()
    return text, spans


def _lines(data: bytes, spans: list[tuple[int, int]]) -> tuple[int, ...]:
    lines: list[int] = []
    line, counted = 1, 0
    for start, _ in spans:
        line += data.count(b"\n", counted, start)
        counted = start
        if not lines or lines[-1] != line:
            lines.append(line)
    return tuple(lines)
