"""Reading the Phoenix actor dictionary format into records of names, synonyms and codes.

Dictionary format (PETRARCH2's `dictionaries.upstream.rst`, "Actor Dictionary")
--------------------------------------------------------------------------------
A record is a primary name line (words joined by `_` or blanks, usually a trailing `_`),
optional `+SYNONYM` lines, and codes: `[CODE]` inline after a name, or on tab-indented lines,
each with an optional date restriction -- `[AFGGOV 20140929-20210815]` (between, inclusive),
`[IMGMUSISI >20130408]` (from), `[HOB <950601]` (until), dates YYYYMMDD or YYMMDD (YY <= 30
is 20YY, as in PETRARCH). `#` starts a comment, so does `;` on a name line (TABARI style), and
`<!-- ... -->` blocks are skipped. As in PETRARCH's reader, a primary line that has no code
yet shares the codes of the record that follows it (several primaries, one block of codes);
every primary line becomes its own entry with those codes. `[---]` is the null code: it is
dropped, and a record with no other code ("INDIAN_OCEAN  [---]", listed so that PETRARCH does
not read it as India) gives no entry. Also handled: several `[...]` on one line, several `+`
synonyms on one line, names with blanks, trailing data after the codes (ignored), lower-case
codes, blanks inside a restriction (`[HOB < 950601]`) and indented primary lines. Lines that
cannot be read (malformed dates, stray brackets, control characters) are skipped and
reported, never raised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from newsgraph.dictionaries.gazetteer import CodeSpan, dictionary_words

_NULL_CODE = "---"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_BRACKETED = re.compile(r"\[([^\[\]]*)\]")
_CODE = re.compile(r"[A-Z0-9]+|---")


class _DateError(ValueError):
    pass


def _iso(text: str) -> str:
    """A PETRARCH date (YYYYMMDD, or YYMMDD with YY <= 30 meaning 20YY) as YYYY-MM-DD."""
    if not text.isdigit() or len(text) not in (6, 8):
        raise _DateError(text)
    if len(text) == 6:
        year = int(text[:2])
        year += 2000 if year <= 30 else 1900
        month, day = int(text[2:4]), int(text[4:6])
    else:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    try:
        return date(year, month, day).isoformat()
    except ValueError as error:
        raise _DateError(text) from error


def _code_span(inner: str) -> CodeSpan | None:
    """`AFGGOV 20140929-20210815` -> CodeSpan; None for the null code; _DateError if bad."""
    parts = inner.strip().split(None, 1)
    if not parts:
        raise _DateError("empty code")
    code = parts[0].upper()
    if not _CODE.fullmatch(code):
        raise _DateError(f"bad code {code!r}")
    rest = re.sub(r"\s+", "", parts[1]) if len(parts) > 1 else ""
    since = until = None
    if rest.startswith("<"):
        until = _iso(rest[1:])
    elif rest.startswith(">"):
        since = _iso(rest[1:])
    elif "-" in rest:
        first, _, second = rest.partition("-")
        since, until = _iso(first), _iso(second)
        if until < since:
            raise _DateError(f"range ends before it starts: {rest}")
    elif rest:
        raise _DateError(f"bad date restriction {rest!r}")
    if code == _NULL_CODE:
        return None
    return CodeSpan(code, since, until)


@dataclass
class Head:
    words: list[str]
    line: int
    comment: str
    broken: bool = False
    synonyms: list[list[str]] = field(default_factory=list)


@dataclass
class Record:
    heads: list[Head] = field(default_factory=list)
    codes: list[CodeSpan] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    coded: bool = False  # a code was written, readable or not: the next primary starts anew
    null: bool = False  # [---]: PETRARCH must not code this phrase ("INDIAN_OCEAN  [---]")


def read_records(text: str, source: str, problems: list[str]) -> list[Record]:
    records: list[Record] = []
    current: Record | None = None
    in_xml_comment = False

    def problem(lineno: int, reason: str, line: str) -> None:
        shown = line.strip()
        shown = shown if len(shown) <= 100 else shown[:97] + "..."
        problems.append(f"{source}:{lineno}: {reason}: {shown!r}")

    def read_codes(lineno: int, segment: str, line: str) -> list[CodeSpan]:
        assert current is not None
        spans = []
        for match in _BRACKETED.finditer(segment):
            try:
                span = _code_span(match.group(1))
            except _DateError as error:
                problem(lineno, f"unreadable code [{match.group(1).strip()}] ({error})", line)
                continue
            if span is None:
                current.null = True
            else:
                spans.append(span)
        leftover = _BRACKETED.sub(" ", segment)
        if "[" in leftover or "]" in leftover:
            problem(lineno, "unbalanced bracket in codes", line)
        elif leftover.strip():
            problem(lineno, "text after the codes ignored", line)
        return spans

    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw
        if in_xml_comment:
            end = line.find("-->")
            if end < 0:
                continue
            in_xml_comment = False
            line = line[end + 3 :]
        while "<!--" in line:
            start = line.index("<!--")
            end = line.find("-->", start)
            if end < 0:
                in_xml_comment = True
                line = line[:start]
            else:
                line = line[:start] + " " + line[end + 3 :]
        body, _, comment = line.partition("#")
        stripped = body.strip()
        if not stripped:
            continue
        broken = bool(_CONTROL.search(stripped.replace("\t", " ")))

        if stripped.startswith("["):
            if current is None or not current.heads:
                problem(lineno, "code before any name", raw)
                continue
            current.codes.extend(read_codes(lineno, stripped, raw))
            current.coded = True
            if comment.strip():
                current.comments.append(comment.strip())
            continue

        if stripped.startswith("+"):
            if current is None or not current.heads:
                problem(lineno, "synonym before any name", raw)
                continue
            head = current.heads[-1]
            content = stripped.split(";", 1)[0]
            names_part, bracket, code_part = content.partition("[")
            if bracket:
                current.codes.extend(read_codes(lineno, bracket + code_part, raw))
                current.coded = True
            pieces = [piece for piece in names_part.split("+") if piece.strip()]
            if len(pieces) > 1:
                problem(lineno, f"{len(pieces)} synonyms on one line, read separately", raw)
            for piece in pieces:
                words = dictionary_words(piece)
                if broken:
                    problem(lineno, "control character in name, synonym skipped", raw)
                elif "]" in piece:
                    problem(lineno, "stray bracket in name, synonym skipped", raw)
                elif words:
                    head.synonyms.append(words)
            continue

        # A primary name line, possibly with inline codes (and indented, once).
        content = stripped.split(";", 1)[0] if "[" not in stripped else stripped
        name_part, bracket, code_part = content.partition("[")
        name_part = name_part.split(";", 1)[0]
        words = dictionary_words(name_part)
        if current is None or current.coded:
            current = Record()
            records.append(current)
        head = Head(words, lineno, comment.strip(), broken=broken)
        if broken:
            problem(lineno, "control character in name, entry skipped", raw)
        elif "]" in name_part:
            head.broken = True
            problem(lineno, "stray bracket in name, entry skipped", raw)
        elif not words:
            head.broken = True
            problem(lineno, "no name", raw)
        current.heads.append(head)
        if bracket:
            current.codes.extend(read_codes(lineno, bracket + code_part, raw))
            current.coded = True
    if current is not None and not current.coded:
        for head in current.heads:
            if not head.broken:
                problems.append(f"{source}:{head.line}: no code for this name (end of file)")
    return records


# --------------------------------------------------------------------------- names
