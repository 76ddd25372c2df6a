"""Ingest a generated corpus of fictional articles into a fresh store and report throughput,
peak memory and the store's share of the time.

    python benchmarks/ingest_corpus.py --articles 5000 [--db PATH] [--workers 1]

The corpus comes from `newsgraph.demo.synthetic` and is streamed from a JSONL file, as
`newsgraph ingest` reads it. Peak memory is the process's maximum resident set size (for
--workers > 1, add the workers', reported by getrusage for children).
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from pathlib import Path

from newsgraph.corpus.ingest import ingest
from newsgraph.demo.synthetic import articles
from newsgraph.read import iter_records
from newsgraph.store import open_store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--db", default=None, help="store to create (default: a temp SQLite file)")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--seed", type=int, default=11)
    options = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        corpus = Path(scratch) / "corpus.jsonl"
        with corpus.open("w", encoding="utf-8") as handle:
            for record in articles(options.articles, seed=options.seed):
                handle.write(json.dumps(record) + "\n")
        db = options.db or str(Path(scratch) / "bench.db")
        store = open_store(db)
        started = time.perf_counter()
        report = ingest(store, iter_records([str(corpus)]), workers=options.workers)
        elapsed = time.perf_counter() - started
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        size = Path(db).stat().st_size / 2**20 if Path(db).exists() else float("nan")
    print(
        json.dumps(
            {
                "articles": options.articles,
                "stored": report.stored,
                "failed": report.failed,
                "workers": options.workers,
                "seconds": round(elapsed, 1),
                "articles_per_second": round(report.stored / elapsed, 1),
                "store_seconds": round(report.store_seconds, 1),
                "store_share": round(report.store_seconds / elapsed, 3),
                "peak_rss_mb": round(own, 1),
                "peak_rss_children_mb": round(children, 1),
                "db_mb": round(size, 1),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
