"""Records from JSON fields: validation with messages a person can act on."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from newsgraph.model import Record

_OPTIONAL_STRINGS = ("title", "url", "source")


class RecordError(ValueError):
    """A record that breaks the input contract; the message says which field and why."""


def text_id(text: str) -> str:
    """The stable id of a record that has none: a hash of its text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


TITLE_MAX_CHARS = 150


def plain_text_title(text: str) -> str | None:
    """The title of a plain-text article: its first non-blank line when that looks like a
    headline (short, not ending like a sentence or a clause) and body text follows, after
    a blank line or directly. The text itself is left as it is."""
    lines = text.lstrip().split("\n", 2)
    if len(lines) < 2:
        return None
    title = lines[0].strip()
    following = lines[1].strip()
    body = following or (lines[2].strip() if len(lines) > 2 else "")
    if not title or len(title) > TITLE_MAX_CHARS or title[-1] in ".,;:-–—" or not body:
        return None
    if not any(char.isalpha() for char in title):
        return None
    # Directly under it, a line of body text: a sentence, or longer than the title.
    if following and not (len(following) > len(title) or following[-1] in '.!?"”’'):
        return None
    return title


def make_record(fields: Any, origin: str, default_published: str | None = None) -> Record:
    """Validate one input record (a decoded JSON value) and return it as a `Record`."""
    if not isinstance(fields, dict):
        raise RecordError(f"a record must be a JSON object, got {_json_type(fields)}")
    if "text" not in fields:
        raise RecordError('record has no "text" field')
    text = fields["text"]
    if not isinstance(text, str):
        raise RecordError(f'"text" must be a string, got {_json_type(text)}')
    if not text.strip():
        raise RecordError('"text" is empty')
    record_id = fields.get("id")
    if record_id is None:
        record_id = text_id(text)
    elif isinstance(record_id, int) and not isinstance(record_id, bool):
        record_id = str(record_id)
    elif not isinstance(record_id, str) or not record_id:
        raise RecordError(f'"id" must be a non-empty string, got {_json_type(record_id)}')
    optional = {}
    for name in _OPTIONAL_STRINGS:
        value = fields.get(name)
        if value is not None and not isinstance(value, str):
            raise RecordError(f'"{name}" must be a string or null, got {_json_type(value)}')
        optional[name] = value or None
    published = fields.get("published")
    published = parse_published(published) if published is not None else default_published
    return Record(id=record_id, text=text, published=published, origin=origin, **optional)


def parse_published(value: Any) -> str:
    """A publication date as YYYY-MM-DD; full ISO timestamps are cut to their date."""
    if isinstance(value, str):
        candidate = value.strip()
        for parse in (dt.date.fromisoformat, lambda s: dt.datetime.fromisoformat(s).date()):
            try:
                return parse(candidate).isoformat()
            except ValueError:
                continue
    raise RecordError(f'"published" must be a date as YYYY-MM-DD, got {value!r}')


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    return names.get(type(value), type(value).__name__)
