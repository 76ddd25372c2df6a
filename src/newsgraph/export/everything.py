"""JSONL of everything: corpus actors, then articles (their contract facts, with each
article actor's corpus actor id), then corpus events. Each line has a `kind`."""

from __future__ import annotations

from typing import TextIO

import msgspec
import sqlalchemy as sa
from sqlalchemy.orm import Session

from newsgraph.export.pages import pages
from newsgraph.store.queries import actor_summaries, event_views
from newsgraph.store.tables import ArticleActor, ArticleRow, CorpusActor, CorpusEvent

_encoder = msgspec.json.Encoder()


def write_jsonl(session: Session, out: TextIO) -> int:
    written = 0
    for page in pages(session, CorpusActor):
        ids = [actor.id for actor in page]
        for summary in actor_summaries(session, ids):
            _line(out, "actor", msgspec.to_builtins(summary))
            written += 1
    for articles in pages(session, ArticleRow):
        corpus_ids = _corpus_ids(session, [a.id for a in articles])
        for article in articles:
            facts = dict(article.facts)
            facts["corpus"] = {
                "article_id": article.id,
                "origin": article.origin,
                "actors": corpus_ids.get(article.id, {}),
            }
            _line(out, "article", facts)
            written += 1
    for events in pages(session, CorpusEvent):
        for view in event_views(session, events):
            _line(out, "event", msgspec.to_builtins(view))
            written += 1
    return written


def _corpus_ids(session: Session, article_ids: list[int]) -> dict[int, dict[str, int]]:
    rows = session.execute(
        sa.select(
            ArticleActor.article_id, ArticleActor.local_id, ArticleActor.corpus_actor_id
        ).where(ArticleActor.article_id.in_(article_ids))
    )
    found: dict[int, dict[str, int]] = {}
    for article_id, local_id, corpus_id in rows:
        found.setdefault(article_id, {})[local_id] = corpus_id
    return found


def _line(out: TextIO, kind: str, value: object) -> None:
    out.write(_encoder.encode({"kind": kind, **value}).decode())  # type: ignore[dict-item]
    out.write("\n")
