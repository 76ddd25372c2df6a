"""The whole way from records to articles: parse, extract, in order, streaming.

`Analyzer` holds one loaded spaCy pipeline; `analyze` runs it in this process or in worker
processes (each loading the pipeline once), keeping input order and a bounded number of
records in flight so memory stays flat whatever the corpus size.
"""

from __future__ import annotations

import logging
import multiprocessing
import signal
import threading
import traceback
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice

from spacy.tokens import Doc

from newsgraph.extract import Resources, extract_article
from newsgraph.model import Article, ReadError, Record
from newsgraph.nlp import BATCH_SIZE, MODEL, load_pipeline, parse_stream
from newsgraph.segments import MAX_ARTICLE_CHARS, SEGMENT_CHARS, merge_segments, segment_record

log = logging.getLogger(__name__)

Item = Record | ReadError
Result = Article | ReadError


RECORD_TIMEOUT = 60.0  # seconds of extraction per article (or segment) before it is skipped


_WARM_UP = (
    "Fighters of the Harrow Front attacked Kabul on Monday, killing 12 people, police said. "
    '"We will fight on," said its leader, Mira Vantic.'
)


class RecordTimeout(Exception):
    pass


class Analyzer:
    """One spaCy pipeline, loaded once, and the extraction stages after it."""

    def __init__(
        self,
        model: str = MODEL,
        batch_size: int = BATCH_SIZE,
        resources: Resources | None = None,
        timeout: float = RECORD_TIMEOUT,
        max_chars: int = MAX_ARTICLE_CHARS,
        segment_chars: int = SEGMENT_CHARS,
    ):
        self.nlp = load_pipeline(model)
        self.batch_size = batch_size
        self.resources = resources or Resources()
        self.timeout = timeout
        self.max_chars = max_chars
        self.segment_chars = segment_chars
        self._warm_up()

    def _warm_up(self) -> None:
        """Load the lexicons, gazetteer and city index now, untimed: the first article's
        time limit should not be spent on them (nor cut their loading short)."""
        record = Record(id="warm-up", text=_WARM_UP, published="2025-01-01", origin="warm-up")
        for parsed in parse_stream(self.nlp, [record], 1):
            if not isinstance(parsed, ReadError):
                extract_article(parsed[0], parsed[1], False, self.resources)

    def run(self, items: Iterable[Item], include_text: bool = False) -> Iterator[Result]:
        """One article or error for each of `items`, in input order. A very long record is
        read in segments (`newsgraph.segments`), each with its own time limit, and merged
        back; a segment that fails is logged as a warning and the article keeps the rest."""
        plan: deque[_Part] = deque()  # the segments in the stream, in order

        def segmented() -> Iterator[Item]:
            for item in items:
                if isinstance(item, ReadError):
                    yield item
                elif len(item.text) > self.max_chars:
                    yield ReadError(origin=item.origin, message=self._too_long(len(item.text)))
                else:
                    pieces = segment_record(item, self.segment_chars)
                    if len(pieces) == 1:
                        yield item
                        continue
                    for index, (segment, start) in enumerate(pieces):
                        plan.append(_Part(segment, item, start, index, len(pieces)))
                        yield segment

        merged: list[tuple[Article, int]] = []
        for parsed in parse_stream(self.nlp, segmented(), self.batch_size):
            if isinstance(parsed, ReadError):
                yield parsed
                continue
            record, doc = parsed
            if not (plan and plan[0].record is record):
                yield self._extract(record, doc, include_text, record.origin)
                continue
            part = plan.popleft()
            result = self._extract(record, doc, False, part.origin)
            if isinstance(result, ReadError):  # only this part is lost; the others stand
                # Logged, not yielded: callers pair one result with each record given.
                log.warning("%s", result)
            else:
                merged.append((result, part.start))
            if part.index == part.count - 1:
                yield merge_segments(part.whole, merged, include_text)
                merged = []

    def _too_long(self, length: int) -> str:
        return (
            f"text of {length:,} characters is longer than the limit of {self.max_chars:,}; "
            "refused unread (split it into articles)"
        )

    def _extract(self, record: Record, doc: Doc, include_text: bool, origin: str) -> Result:
        try:
            with _time_limit(self.timeout):
                return extract_article(record, doc, include_text, self.resources)
        except RecordTimeout:
            return ReadError(
                origin=origin,
                message=f"extraction took longer than {self.timeout:g} s; skipped "
                "(please report the article)",
            )
        except Exception as error:  # a bug on one article must not end the run
            where = traceback.extract_tb(error.__traceback__)[-1]
            return ReadError(
                origin=origin,
                message=f"internal error in extraction ({type(error).__name__}: {error} "
                f"at {where.filename.rsplit('/', 1)[-1]}:{where.lineno}); please report it",
            )


@dataclass(frozen=True)
class _Part:
    """One segment of a long record on its way through the pipeline."""

    record: Record
    whole: Record
    start: int
    index: int
    count: int

    @property
    def origin(self) -> str:
        end = self.start + len(self.record.text)
        return (
            f"{self.whole.origin} (part {self.index + 1} of {self.count}, "
            f"characters {self.start}–{end})"
        )


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Raise `RecordTimeout` in the block after `seconds` (a real-time alarm; only in the
    main thread of a process, where signals arrive: elsewhere the block runs unbounded)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(*_: object) -> None:
        raise RecordTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def analyze(
    items: Iterable[Item],
    *,
    workers: int = 1,
    model: str = MODEL,
    batch_size: int = BATCH_SIZE,
    include_text: bool = False,
) -> Iterator[Result]:
    """Articles (and errors) for `items`, in input order."""
    if workers <= 1:
        yield from Analyzer(model, batch_size).run(items, include_text)
        return
    yield from _analyze_in_workers(items, workers, model, batch_size, include_text)


_worker: Analyzer | None = None


def _start_worker(model: str, batch_size: int) -> None:
    global _worker
    _worker = Analyzer(model, batch_size)


def _run_batch(batch: list[Item], include_text: bool) -> list[Result]:
    assert _worker is not None, "worker not initialised"
    return list(_worker.run(batch, include_text))


def _analyze_in_workers(
    items: Iterable[Item], workers: int, model: str, batch_size: int, include_text: bool
) -> Iterator[Result]:
    context = multiprocessing.get_context("spawn")
    per_batch = max(1, min(batch_size, 16))
    iterator = iter(items)
    with context.Pool(workers, _start_worker, (model, batch_size)) as pool:
        in_flight: deque = deque()
        while True:
            while len(in_flight) < workers * 2:
                batch = list(islice(iterator, per_batch))
                if not batch:
                    break
                in_flight.append(pool.apply_async(_run_batch, (batch, include_text)))
            if not in_flight:
                return
            yield from in_flight.popleft().get()
