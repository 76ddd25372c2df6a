"""Time the whole `newsgraph read` process against a bare spaCy process on the same texts.

Both are separate processes, timed from start to exit: the bare one loads the same model and
runs `nlp.pipe` over the texts, nothing else; ours reads, parses, extracts and writes JSON
Lines. The target (DEVELOPERS.md) is a ratio of at most 1.5.

    python benchmarks/read_vs_spacy.py                       # demo corpus x 20
    python benchmarks/read_vs_spacy.py --corpus my.jsonl --repeat 3
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path

BARE_SPACY = """
import sys, json, spacy
nlp = spacy.load(sys.argv[1])
texts = (json.loads(line)["text"] for line in open(sys.argv[2], encoding="utf-8") if line.strip())
for doc in nlp.pipe(texts, batch_size=int(sys.argv[3])):
    pass
"""


def build_corpus(source: Path | None, copies: int, target: Path) -> tuple[int, int]:
    if source is None:
        source_file = resources.files("newsgraph.demo").joinpath("articles.jsonl")
        lines = source_file.read_text(encoding="utf-8").splitlines()
    else:
        lines = source.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    count = chars = 0
    with target.open("w", encoding="utf-8") as out:
        for copy in range(copies):
            for record in records:
                record = dict(record, id=f"{record.get('id', 'r')}-{copy}")
                out.write(json.dumps(record) + "\n")
                count += 1
                chars += len(record["text"])
    return count, chars


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, help="a .jsonl corpus (default: the demo corpus)")
    parser.add_argument("--copies", type=int, default=20, help="times to repeat the corpus")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each; median kept")
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()

    from newsgraph.nlp import BATCH_SIZE, MODEL

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        articles, chars = build_corpus(args.corpus, args.copies, corpus)
        bare = [sys.executable, "-c", BARE_SPACY, MODEL, str(corpus), str(BATCH_SIZE)]
        ours = [sys.executable, "-m", "newsgraph", "read", str(corpus), "--format", "jsonl"]
        ours += ["--workers", str(args.workers)]
        spacy_times, newsgraph_times = [], []
        for _ in range(args.repeat):
            spacy_times.append(timed(bare))
            newsgraph_times.append(timed(ours))
    spacy_s, newsgraph_s = statistics.median(spacy_times), statistics.median(newsgraph_times)
    print(f"corpus: {articles} articles, {chars:,} characters; median of {args.repeat} runs")
    print(f"bare spaCy process (load + nlp.pipe): {spacy_s:.2f} s")
    print(f"newsgraph read --format jsonl:        {newsgraph_s:.2f} s")
    print(f"ratio: {newsgraph_s / spacy_s:.2f} (target <= 1.5)")


if __name__ == "__main__":
    main()
