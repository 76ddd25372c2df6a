"""Readers: paths (files, directories, `-` for standard input) to a stream of `Record`s.

Every problem becomes a `ReadError` in the stream, in input order, so that nothing is
silently dropped and the caller decides how to report it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import msgspec

from newsgraph.model import ReadError, Record
from newsgraph.read.decode import DecodeError, decode
from newsgraph.read.feeds import FEED_SUFFIXES, feed_entries
from newsgraph.read.html import extract_page
from newsgraph.read.records import RecordError, make_record, parse_published, plain_text_title
from newsgraph.read.warc import is_warc, warc_pages
from newsgraph.segments import MAX_ARTICLE_CHARS

__all__ = ["SUFFIXES", "RecordError", "count_records", "iter_records", "make_record"]

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSON_SUFFIXES = frozenset({".json"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
WARC_SUFFIXES = frozenset({".warc", ".arc", ".gz"})  # .gz only as .warc.gz or .arc.gz
SUFFIXES = (
    TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES | WARC_SUFFIXES
)

_SHOWN_LINES = 5  # lines with replaced bytes warned about one by one

Item = Record | ReadError
Warn = Callable[[str], None]


def _ignore(_: str) -> None:
    pass


def iter_records(
    paths: Iterable[str],
    *,
    published: str | None = None,
    warn: Warn = _ignore,
) -> Iterator[Item]:
    """Yield every record of every path, in order; `published` fills in missing dates."""
    if published is not None:
        published = parse_published(published)
    for raw in paths:
        if raw == "-":
            yield from _read_text(sys.stdin.buffer.read(), "<stdin>", published, warn)
            continue
        path = Path(raw)
        if path.is_dir():
            yield from _read_directory(path, published, warn)
        elif path.exists():
            yield from read_file(path, published, warn)
        else:
            yield ReadError(origin=raw, message="no such file or directory")


def count_records(paths: Iterable[str]) -> int | None:
    """How many items `iter_records` will yield for `paths`, when that is cheap to know
    (files, directories, JSON Lines); None when it is not (standard input, feeds, archives,
    a JSON list), so that progress shows a total and an estimate of the time left only
    when they are right."""
    total = 0
    for raw in paths:
        path = Path(raw)
        if raw == "-":
            return None
        files = [path] if not path.is_dir() else list(_supported_files(path))
        for file in files:
            count = _count_file(file)
            if count is None:
                return None
            total += count
    return total


def _count_file(path: Path) -> int | None:
    suffix = path.suffix.lower()
    if not path.exists():
        return 1  # one error
    if suffix in JSONL_SUFFIXES:
        try:
            with path.open("rb") as handle:
                return sum(1 for line in handle if line.strip())
        except OSError:
            return 1
    if suffix in FEED_SUFFIXES or suffix in WARC_SUFFIXES or suffix == ".xml":
        return None
    if suffix in JSON_SUFFIXES:
        try:
            with path.open("rb") as handle:
                return None if handle.read(64).lstrip().startswith(b"[") else 1
        except OSError:
            return 1
    return 1


def _supported_files(directory: Path) -> Iterator[Path]:
    """The files `iter_records` reads in a directory, in its order."""
    for path in sorted(directory.rglob("*")):
        relative = path.relative_to(directory)
        if any(part.startswith(".") for part in relative.parts) or not path.is_file():
            continue
        if path.suffix.lower() in SUFFIXES and (path.suffix.lower() != ".gz" or is_warc(path)):
            yield path


def read_file(path: Path, published: str | None = None, warn: Warn = _ignore) -> Iterator[Item]:
    """Records of one file, chosen by its suffix; an unknown suffix is read as plain text."""
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(path, published)
        return
    if is_warc(path):
        yield from _fielded(warc_pages(path), str(path), published)
        return
    plain = suffix not in JSON_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES | {".xml"}
    try:
        size = path.stat().st_size
        if plain and size > 4 * MAX_ARTICLE_CHARS:  # more characters than the limit, surely
            yield ReadError(
                origin=str(path),
                message=f"{size:,} bytes is more text than the limit of {MAX_ARTICLE_CHARS:,} "
                "characters for one article; refused unread (split it into articles)",
            )
            return
        data = path.read_bytes()
    except OSError as error:
        yield ReadError(origin=str(path), message=f"cannot read: {error.strerror or error}")
        return
    if suffix in JSON_SUFFIXES:
        yield from _read_json(data, str(path), published)
    elif suffix in HTML_SUFFIXES:
        yield from _read_html(data, str(path), published, warn)
    elif suffix in FEED_SUFFIXES or (suffix == ".xml" and _looks_like_feed(data)):
        yield from _fielded(feed_entries(data, str(path)), str(path), published)
    else:
        yield from _read_text(data, str(path), published, warn)


def _read_directory(directory: Path, published: str | None, warn: Warn) -> Iterator[Item]:
    skipped: list[str] = []
    for path in sorted(directory.rglob("*")):
        relative = path.relative_to(directory)
        if any(part.startswith(".") for part in relative.parts) or not path.is_file():
            continue
        if path.suffix.lower() in SUFFIXES and (path.suffix.lower() != ".gz" or is_warc(path)):
            yield from read_file(path, published, warn)
        else:
            skipped.append(str(relative))
    if skipped:
        shown = ", ".join(skipped[:5]) + (
            f" and {len(skipped) - 5} more" if len(skipped) > 5 else ""
        )
        warn(f"{directory}: skipped {len(skipped)} file(s) of unsupported type: {shown}")


def _decoded(data: bytes, origin: str, warn: Warn) -> str | ReadError:
    try:
        decoded = decode(data)
    except DecodeError as error:
        return ReadError(origin=origin, message=str(error))
    if decoded.encoding:
        warn(f"{origin}: not UTF-8, read as {decoded.encoding}")
    lines = decoded.replaced_lines
    for line in lines[:_SHOWN_LINES]:
        warn(f"{origin}:{line}: invalid UTF-8 byte(s) replaced")
    if len(lines) > _SHOWN_LINES:
        warn(f"{origin}: invalid UTF-8 byte(s) replaced on {len(lines) - _SHOWN_LINES} more lines")
    return decoded.text


def _read_text(data: bytes, origin: str, published: str | None, warn: Warn) -> Iterator[Item]:
    text = _decoded(data, origin, warn)
    if isinstance(text, ReadError):
        yield text
        return
    yield _record({"text": text, "title": plain_text_title(text)}, origin, published)


def _read_html(data: bytes, origin: str, published: str | None, warn: Warn) -> Iterator[Item]:
    html = _decoded(data, origin, warn)
    if isinstance(html, ReadError):
        yield html
        return
    page = extract_page(html)
    if page is None:
        yield ReadError(origin=origin, message="no main text found in the HTML page")
        return
    fields = {"text": page.text, "title": page.title, "url": page.url}
    if page.published:
        fields["published"] = page.published
    yield _record(fields, origin, published)


def _read_json(data: bytes, origin: str, published: str | None) -> Iterator[Item]:
    try:
        value = msgspec.json.decode(data)
    except (msgspec.DecodeError, UnicodeDecodeError) as error:
        yield ReadError(origin=origin, message=f"invalid JSON: {_json_problem(error)}")
        return
    if isinstance(value, list):  # extension: a .json file may hold a list of records
        for index, fields in enumerate(value):
            yield _record(fields, f"{origin}[{index}]", published)
    else:
        yield _record(value, origin, published)


def _read_jsonl(path: Path, published: str | None) -> Iterator[Item]:
    try:
        handle = path.open("rb")
    except OSError as error:
        yield ReadError(origin=str(path), message=f"cannot read: {error.strerror or error}")
        return
    with handle:
        for number, line in enumerate(handle, start=1):
            origin = f"{path}:{number}"
            if not line.strip():
                continue
            try:
                value = msgspec.json.decode(line)
            except (msgspec.DecodeError, UnicodeDecodeError) as error:
                yield ReadError(origin=origin, message=f"invalid JSON: {_json_problem(error)}")
                continue
            yield _record(value, origin, published)


def _looks_like_feed(data: bytes) -> bool:
    head = data[:2048].lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def _fielded(
    entries: Iterable[dict[str, object] | ReadError], origin: str, published: str | None
) -> Iterator[Item]:
    """Records from the field dicts of a feed or archive; each carries its own origin."""
    for entry in entries:
        if isinstance(entry, ReadError):
            yield entry
        else:
            yield _record(entry, str(entry.pop("origin", origin)), published)


def _record(fields: object, origin: str, published: str | None) -> Item:
    try:
        return make_record(fields, origin, published)
    except RecordError as error:
        return ReadError(origin=origin, message=str(error))


def _json_problem(error: Exception) -> str:
    message = str(error)
    if isinstance(error, UnicodeDecodeError) or "invalid utf-8" in message.lower():
        return "not valid UTF-8"
    return message[:1].lower() + message[1:] if message[1:2].islower() else message
