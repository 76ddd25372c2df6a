"""When an event happened: the date phrase on its trigger, resolved against the
publication date with dateparser; a weekday is the nearest such day (on or before the
publication day; on or after it for what is planned)."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache, lru_cache
from typing import Any

from spacy.tokens import Span, Token


def published_date(published: str | None) -> dt.datetime | None:
    if published is None:
        return None
    try:
        return dt.datetime.fromisoformat(published)
    except ValueError:
        return None


def attached(phrase: Span, trigger: Token) -> bool:
    """The date phrase hangs from the trigger (directly or through its preposition)."""
    root = phrase.root
    return root.head == trigger or root.head.head == trigger or trigger in root.ancestors


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"^(?:on\s+)?(last\s+|next\s+|this\s+)?(" + "|".join(_WEEKDAYS) + r")$", re.I)


@lru_cache(maxsize=4096)
def resolve_date(text: str, published: dt.datetime | None, future: bool = False) -> str | None:
    """An ISO date at the precision the text gives ("2021-08-26", "2021-08", "2014"), or None
    ("last week", or a relative date with no publication date to resolve it against). A
    weekday is the nearest such day on or before the publication day ("Friday" in a Friday
    article is that day; "last Friday" the one before), or on or after it for what is
    planned ("will meet on Monday")."""
    has_year = re.search(r"\b(1[89]|20)\d\d\b", text) is not None
    if published is None and not has_year:
        return None
    weekday = _WEEKDAY.match(text.strip())
    if weekday is not None and published is not None:
        return _weekday_date(weekday.group(2), weekday.group(1), published, future)
    data = _date_parser(published).get_date_data(text)
    if data.date_obj is None:
        return None
    period = data.period or "day"
    if period == "day":
        return str(data.date_obj.date().isoformat())
    if period == "month":
        return f"{data.date_obj.year:04d}-{data.date_obj.month:02d}"
    if period == "year":
        return f"{data.date_obj.year:04d}"
    return None


def _weekday_date(name: str, which: str | None, published: dt.datetime, future: bool) -> str:
    wanted = _WEEKDAYS.index(name.lower())
    which = (which or "").strip().lower()
    if which == "next" or (future and which != "last"):
        ahead = (wanted - published.weekday()) % 7 or (7 if which == "next" else 0)
        return (published.date() + dt.timedelta(days=ahead)).isoformat()
    back = (published.weekday() - wanted) % 7 or (7 if which == "last" else 0)
    return (published.date() - dt.timedelta(days=back)).isoformat()


@cache
def _date_parser(published: dt.datetime | None) -> Any:
    from dateparser.date import DateDataParser

    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if published is not None:
        settings["RELATIVE_BASE"] = published
    return DateDataParser(languages=["en"], settings=settings)
