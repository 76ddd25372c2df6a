"""Keyset pagination over the store: rows in id order, one page in memory at a time."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

PAGE_SIZE = 500


def pages(session: Session, table: Any, where: Any = None) -> Iterator[list[Any]]:
    """Lists of at most PAGE_SIZE rows of `table`, by ascending id."""
    last = 0
    while True:
        query = sa.select(table).where(table.id > last).order_by(table.id).limit(PAGE_SIZE)
        if where is not None:
            query = query.where(where)
        page = list(session.scalars(query))
        if not page:
            return
        yield page
        last = page[-1].id
        session.expunge_all()  # what was written out is not kept
