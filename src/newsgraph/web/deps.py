"""What the API and the pages share: the session dependency, the response class and the
parameter types (validated here, so a bad date or an id out of range is a 422 with a
message wherever it is given). Neither `api` nor `pages` imports the other or `app`."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Annotated, Any

import msgspec
from fastapi import Depends, Path, Query, Request
from fastapi.responses import Response
from pydantic import AfterValidator
from sqlalchemy.orm import Session

from newsgraph.store import Store

MAX_ID = 2**31  # ids are integers in the store; a larger one names nothing


class MsgspecResponse(Response):
    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return msgspec.json.encode(content)


def session(request: Request) -> Iterator[Session]:
    """A session on the app's store for one request (a FastAPI dependency)."""
    store: Store = request.app.state.store
    with store.session() as opened:
        yield opened


def _real_date(value: str | None) -> str | None:
    """A calendar date: `2025-13-45` has the shape of one and is not."""
    if value is not None:
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{value!r} is not a date (YYYY-MM-DD)") from None
    return value


def id_in_range(value: str | None) -> str | None:
    """An actor given as `#id` names an id the store can hold (the SQL integer range)."""
    digits = re.fullmatch(r"\s*#?(\d+)\s*", value or "")
    if digits and int(digits.group(1)) > MAX_ID:
        raise ValueError(f"no actor can have the id {digits.group(1)} (ids are below 2^31)")
    return value


SessionDep = Annotated[Session, Depends(session)]
TEXT_PATTERN = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f]*$"  # no control characters (PostgreSQL refuses NUL)
Text = Annotated[str | None, Query(max_length=200, pattern=TEXT_PATTERN)]
Date = Annotated[
    str | None,
    Query(pattern=r"^\d{4}-\d{2}-\d{2}$", description="YYYY-MM-DD"),
    AfterValidator(_real_date),
]
Limit = Annotated[int, Query(ge=1, le=500)]
Offset = Annotated[int, Query(ge=0, le=1_000_000)]
PathId = Annotated[int, Path(ge=1, le=MAX_ID)]
ActorName = Annotated[
    str | None,
    Query(max_length=200, pattern=TEXT_PATTERN, description="A name, an alias, or #id."),
    AfterValidator(id_in_range),
]
