"""The whole way from records to articles: parse, extract, in order, streaming.

`Analyzer` holds one loaded spaCy pipeline; `analyze` runs it in this process or in worker
processes (each loading the pipeline once), keeping input order and a bounded number of
records in flight so memory stays flat whatever the corpus size.
"""

from __future__ import annotations

import multiprocessing
import signal
import threading
import traceback
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import islice

from newsgraph.extract import Resources, extract_article
from newsgraph.model import Article, ReadError, Record
from newsgraph.nlp import BATCH_SIZE, MODEL, load_pipeline, parse_stream

Item = Record | ReadError
Result = Article | ReadError


RECORD_TIMEOUT = 60.0  # seconds of extraction per article before it is reported and skipped


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
    ):
        self.nlp = load_pipeline(model)
        self.batch_size = batch_size
        self.resources = resources or Resources()
        self.timeout = timeout
        self._warm_up()

    def _warm_up(self) -> None:
        """Load the lexicons, gazetteer and city index now, untimed: the first article's
        time limit should not be spent on them (nor cut their loading short)."""
        record = Record(id="warm-up", text=_WARM_UP, published="2025-01-01", origin="warm-up")
        for parsed in parse_stream(self.nlp, [record], 1):
            if not isinstance(parsed, ReadError):
                extract_article(parsed[0], parsed[1], False, self.resources)

    def run(self, items: Iterable[Item], include_text: bool = False) -> Iterator[Result]:
        for parsed in parse_stream(self.nlp, items, self.batch_size):
            if isinstance(parsed, ReadError):
                yield parsed
                continue
            record, doc = parsed
            try:
                with _time_limit(self.timeout):
                    article = extract_article(record, doc, include_text, self.resources)
                yield article
            except RecordTimeout:
                yield ReadError(
                    origin=record.origin,
                    message=f"extraction took longer than {self.timeout:g} s; skipped "
                    "(please report the article)",
                )
            except Exception as error:  # a bug on one article must not end the run
                where = traceback.extract_tb(error.__traceback__)[-1]
                yield ReadError(
                    origin=record.origin,
                    message=f"internal error in extraction ({type(error).__name__}: {error} "
                    f"at {where.filename.rsplit('/', 1)[-1]}:{where.lineno}); please report it",
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
