"""The pipeline on a Ray cluster: the same per-article code as `pipeline.analyze`, run by
Ray Data over an actor pool in which each actor loads the spaCy pipeline once.

Records are streamed in windows of `WINDOW` (a Ray dataset each, built from their plain
fields), so the driver's memory stays flat; within a window `map_batches` sends batches to
the actors, which return each result as the contract's JSON, and the window's results come
back in input order. An actor that dies is restarted and its batch retried.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

import msgspec

from newsgraph.model import Article, ReadError, Record
from newsgraph.nlp import BATCH_SIZE, MODEL

Item = Record | ReadError
Result = Article | ReadError
WINDOW = 2000
_article = msgspec.json.Decoder(Article)
_error = msgspec.json.Decoder(ReadError)


class AnalyzerActor:
    """One Ray actor: one loaded pipeline, called with batches of records' fields."""

    def __init__(self, model: str = MODEL, batch_size: int = BATCH_SIZE, pid_dir: str = ""):
        from newsgraph.pipeline import Analyzer

        self.analyzer = Analyzer(model, batch_size)
        self.pid_dir = pid_dir
        if pid_dir:
            _touch(pid_dir, f"{os.getpid()}.pid")

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        if self.pid_dir:
            self._hold()
        items: list[Item] = []
        for fields in batch["item"]:
            decoded = msgspec.json.decode(fields)
            if "message" in decoded:
                items.append(ReadError(**decoded))
            else:
                items.append(Record(**decoded))
        results = list(self.analyzer.run(items, include_text=True))
        return {
            "kind": [type(result).__name__ for result in results],
            "json": [msgspec.json.encode(result) for result in results],
        }

    def _hold(self) -> None:
        """For the fault tests: say this actor holds a batch, then wait for their `go`, so
        that a test can kill an actor while its batch is surely in flight."""
        _touch(self.pid_dir, f"{os.getpid()}.busy")
        while not os.path.exists(os.path.join(self.pid_dir, "go")):
            time.sleep(0.05)


def _touch(directory: str, name: str) -> None:
    with open(os.path.join(directory, name), "w") as marker:
        marker.write(str(os.getpid()))


def analyze_on_ray(
    items: Iterable[Item],
    *,
    address: str | None = None,
    workers: int = 2,
    model: str = MODEL,
    batch_size: int = 16,
    pid_dir: str = "",
) -> Iterator[Result]:
    """Articles (and errors) for `items`, in input order, computed on Ray.

    `address`: None starts a local Ray with `workers` CPUs; "auto" or "ray://host:port" joins
    a running cluster. The text of each article comes back in `article.text`. `pid_dir` is
    for the fault tests: each actor leaves `<pid>.pid` there, and `<pid>.busy` when it takes
    a batch, which it then holds until a file `go` appears there.
    """
    import ray

    if not ray.is_initialized():
        if address is None:
            ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False)
        else:
            ray.init(address=address, log_to_driver=False)
    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True
    context.enable_progress_bars = False
    iterator = iter(items)
    while window := list(islice(iterator, WINDOW)):
        rows = [{"item": msgspec.json.encode(item)} for item in window]
        dataset = ray.data.from_items(rows).map_batches(
            AnalyzerActor,
            fn_constructor_kwargs={"model": model, "pid_dir": pid_dir},
            batch_size=batch_size,
            concurrency=workers,
            num_cpus=1,
            batch_format="numpy",
            # Ray Data's actor pools default to max_restarts=-1 and max_task_retries=-1:
            # a killed actor comes back and its batch is run again (test_ray checks it).
        )
        for row in dataset.iter_rows():
            yield _decode(row["kind"], row["json"])


def _decode(kind: str, payload: bytes) -> Result:
    return _error.decode(payload) if kind == "ReadError" else _article.decode(payload)
