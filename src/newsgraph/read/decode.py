"""Bytes to text: UTF-8 first, a legacy encoding only when detection is confident.

Binary files are refused rather than decoded into noise."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

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


def decode(data: bytes) -> tuple[str, str | None]:
    """Return the text and, when it was not UTF-8, the encoding guessed (to warn about)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), None
            except UnicodeDecodeError as error:  # a BOM, then bytes that do not follow it
                raise DecodeError(
                    f"starts with a {encoding.upper()} byte-order mark but is not "
                    f"{encoding.upper()} (byte {error.start})"
                ) from error
    if b"\x00" in data[:_SNIFF]:
        raise DecodeError("binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as error:
        position = error.start
    match = from_bytes(data).best()
    if match is None or match.encoding.lower() not in _LEGACY or match.chaos > 0.2:
        raise DecodeError(f"not valid UTF-8 (byte {position}) and no confident legacy encoding")
    return str(match), match.encoding
