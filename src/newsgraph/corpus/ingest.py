"""Stream records through the pipeline into the store: idempotent, resumable, one
transaction per article.

An article is known by the SHA-256 of its text. Records whose text is already stored (or
repeated earlier in the same run) are skipped before any NLP, so re-ingesting changes
nothing and a run that was killed resumes where it stopped: every article it finished is
stored whole, the one it was writing is not stored at all.
"""

from __future__ import annotations

import hashlib
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from typing import TYPE_CHECKING, TypeVar

import sqlalchemy as sa

from newsgraph.corpus.write import write_article
from newsgraph.dictionaries.gazetteer import Gazetteer, default_gazetteer
from newsgraph.model import Article, ReadError, Record
from newsgraph.store import Store, StoreError
from newsgraph.store.tables import ArticleRow

if TYPE_CHECKING:  # the pipeline (spaCy) loads only when something is to be analysed
    from newsgraph.pipeline import Analyzer

Item = Record | ReadError
T = TypeVar("T")
LOOKUP_CHUNK = 256
RETRY_SECONDS = 60.0  # how long to wait for an unavailable store before giving up


@dataclass
class IngestReport:
    stored: int = 0
    skipped: int = 0  # already in the store, or a repeat within this run
    failed: int = 0
    errors: list[ReadError] = field(default_factory=list)
    store_seconds: float = 0.0  # time spent writing, against the whole run's
    seconds: float = 0.0


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def ingest(
    store: Store,
    items: Iterable[Item],
    *,
    workers: int = 1,
    gazetteer: Gazetteer | None = None,
    analyzer: Analyzer | None = None,
    engine: str = "local",
    address: str | None = None,
    on_result: Callable[[Article | ReadError | None], None] | None = None,
) -> IngestReport:
    """Analyse and store every new record of `items`; `on_result` hears of each record
    (an article stored, an error, or None for one skipped). An `analyzer` already loaded
    is used instead of loading the model again (one process only). `engine="ray"` runs the
    NLP on Ray (`ray_pipeline`; `address` as `ray.init` takes it); writing stays here."""
    report = IngestReport()
    started = time.perf_counter()
    gazetteer = gazetteer or default_gazetteer()
    notify = on_result or (lambda _: None)
    # the pipeline gives one result per item, in order: this pairs each with its record
    in_flight: deque[Item] = deque()

    def unseen() -> Iterator[Item]:
        for item in _new_records(store, items, report, notify):
            in_flight.append(item)
            yield item

    if engine == "ray":
        from newsgraph.ray_pipeline import analyze_on_ray

        results = analyze_on_ray(unseen(), address=address, workers=workers)
    elif analyzer is not None:
        results = analyzer.run(unseen(), include_text=True)
    else:
        from newsgraph.pipeline import analyze

        results = analyze(unseen(), workers=workers, include_text=True)
    for result in results:
        item = in_flight.popleft()
        if isinstance(result, ReadError):
            report.failed += 1
            report.errors.append(result)
            notify(result)
            continue
        assert isinstance(item, Record), "the pipeline returned an article for an error"
        origin, text = item.origin, item.text
        begun = time.perf_counter()
        written = store_article(store, result, text, origin, gazetteer)
        report.store_seconds += time.perf_counter() - begun
        if written:
            report.stored += 1
            notify(result)
        else:  # another run stored the same text meanwhile
            report.skipped += 1
            notify(None)
    report.seconds = time.perf_counter() - started
    return report


def _new_records(
    store: Store,
    items: Iterable[Item],
    report: IngestReport,
    notify: Callable[[Article | ReadError | None], None],
) -> Iterator[Item]:
    """The items whose text is not stored yet, looked up in chunks to keep round trips few."""
    seen: set[str] = set()
    iterator = iter(items)
    while chunk := list(islice(iterator, LOOKUP_CHUNK)):
        hashes = [text_sha256(item.text) if isinstance(item, Record) else "" for item in chunk]
        digests = [h for h in hashes if h]
        stored = with_retries(partial(store.known_hashes, digests), "looking up stored articles")
        for item, digest in zip(chunk, hashes, strict=True):
            if isinstance(item, Record) and (digest in stored or digest in seen):
                report.skipped += 1
                notify(None)
                continue
            seen.add(digest)
            yield item


def store_article(
    store: Store, article: Article, text: str, origin: str, gazetteer: Gazetteer
) -> bool:
    """Write one article in one transaction, retrying while the store is unreachable.
    False when its text is already stored, by another writer meanwhile: the check and the
    write are one transaction (on SQLite under the write lock; on PostgreSQL the unique
    text hash refuses the second), so of several runs storing one text only one says so.
    Found stored on a retry, it is taken for this run's own write whose commit went
    through as the connection broke."""
    digest = article.article.text_sha256
    attempts = 0

    def write() -> bool:
        nonlocal attempts
        attempts += 1
        try:
            with store.transaction() as session:
                column = ArticleRow.text_sha256
                if session.scalar(sa.select(column).where(column == digest)) is not None:
                    return attempts > 1
                write_article(session, article, text, origin, gazetteer)
            return True
        except sa.exc.IntegrityError:
            if digest not in store.known_hashes([digest]):
                raise
            return False

    return with_retries(write, f"writing {origin}")


def with_retries(action: Callable[[], T], doing: str) -> T:
    """`action`, tried again with backoff (0.5 s doubling up to 5 s) while the store cannot
    be reached, e.g. while PostgreSQL restarts, for `RETRY_SECONDS`; then a `StoreError`."""
    delay, waited = 0.5, 0.0
    while True:
        try:
            return action()
        except (sa.exc.OperationalError, sa.exc.InterfaceError) as error:
            if waited >= RETRY_SECONDS:
                raise StoreError(
                    f"the store stayed unavailable for {waited:.0f} s while {doing}: "
                    f"{error.orig}; what was written is kept, run the same ingest again to "
                    "finish"
                ) from error
            time.sleep(delay)
            waited += delay
            delay = min(delay * 2, 5.0)
