"""Throughput of `ingest` by engine and workers, and peak memory by corpus size:

    python benchmarks/scaling.py --articles 200          # local 1, 2 processes; Ray 1, 2 workers
    python benchmarks/scaling.py --memory 1000 10000     # peak RSS of a local ingest, by size

Every run ingests the same generated fictional corpus (`newsgraph.demo.synthetic`) into a
fresh SQLite store in a child process, so each starts cold and is measured alone. Peak RSS
is the child's (and its workers') maximum resident set size.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newsgraph.demo.synthetic import articles

CHILD = """
import json, sys, time, resource
from newsgraph.corpus.ingest import ingest
from newsgraph.read import iter_records
from newsgraph.store import open_store
corpus, db, engine, workers = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
store = open_store(db)
started = time.perf_counter()
report = ingest(store, iter_records([corpus]), engine=engine, workers=workers)
elapsed = time.perf_counter() - started
peak = max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
print(json.dumps({"stored": report.stored, "seconds": elapsed,
                  "store_seconds": report.store_seconds, "peak_kb": peak}))
"""  # noqa: E501


def ingest_once(corpus: Path, engine: str, workers: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "scale.db")
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(corpus), db, engine, str(workers)],
            capture_output=True,
            text=True,
            check=True,
        )
        wall = time.perf_counter() - started
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return {
        "engine": engine,
        "workers": workers,
        "articles": result["stored"],
        "ingest_seconds": round(result["seconds"], 1),
        "articles_per_second": round(result["stored"] / result["seconds"], 2),
        "store_share": round(result["store_seconds"] / result["seconds"], 3),
        "process_seconds_with_startup": round(wall, 1),
        # the ingest process's own peak, or its largest worker's (Ray's run outside it)
        "peak_rss_mb": round(result["peak_kb"] / 1024, 1),
    }


def write_corpus(folder: Path, count: int) -> Path:
    corpus = folder / f"corpus-{count}.jsonl"
    with corpus.open("w", encoding="utf-8") as handle:
        for record in articles(count, seed=21):
            handle.write(json.dumps(record) + "\n")
    return corpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=0)
    parser.add_argument("--memory", type=int, nargs="*", default=[])
    parser.add_argument("--engines", nargs="*", default=["local:1", "local:2", "ray:1", "ray:2"])
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        if options.articles:
            corpus = write_corpus(folder, options.articles)
            for spec in options.engines:
                engine, workers = spec.split(":")
                print(json.dumps(ingest_once(corpus, engine, int(workers))), flush=True)
        for count in options.memory:
            corpus = write_corpus(folder, count)
            print(json.dumps({"memory_run": count, **ingest_once(corpus, "local", 1)}), flush=True)


if __name__ == "__main__":
    main()
