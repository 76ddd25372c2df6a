"""Time and peak memory of one very long generated fictional article (docs/scaling.md).

    python benchmarks/huge_article.py                    # 1 MB, 2 MB on one line, 10 MB
    python benchmarks/huge_article.py --sizes 0.2 --single-line

Each article runs in a fresh process (so its peak RSS is its own, model included) through
`Analyzer.run`, the path of `newsgraph read` and `ingest`. Texts are generated fictional
news (`newsgraph.demo.synthetic`) joined into one article: paragraphs, or one single line.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time


def fictional_text(megabytes: float, single_line: bool) -> str:
    from newsgraph.demo.synthetic import articles

    size = int(megabytes * 1_000_000)
    parts: list[str] = []
    length = 0
    for article in articles(1_000_000, seed=11):
        parts.append(article["text"])
        length += len(article["text"]) + 2
        if length > size:
            break
    text = "\n\n".join(parts)[:size]
    return " ".join(text.split("\n")) if single_line else text


def measure(megabytes: float, single_line: bool) -> dict[str, object]:
    """Run in the child process: read one article, report time, memory and what it found."""
    from newsgraph.model import Article, Record
    from newsgraph.pipeline import Analyzer

    text = fictional_text(megabytes, single_line)
    analyzer = Analyzer()
    started = time.perf_counter()
    results = list(analyzer.run([Record(id="huge", text=text, origin="huge")]))
    seconds = time.perf_counter() - started
    articles = [r for r in results if isinstance(r, Article)]
    errors = [str(r) for r in results if not isinstance(r, Article)]
    facts = {
        section: sum(len(getattr(a, section)) for a in articles)
        for section in ("actors", "relations", "quotes", "events")
    }
    return {
        "MB": megabytes,
        "single_line": single_line,
        "characters": len(text),
        "seconds": round(seconds, 1),
        "peak_rss_MB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
        **facts,
        "errors": errors,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="*", help="megabytes of text")
    parser.add_argument("--single-line", action="store_true", help="no line breaks at all")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.sizes[0], args.single_line)))
        return
    runs = [(size, args.single_line) for size in args.sizes] if args.sizes else []
    runs = runs or [(1.0, False), (2.0, True), (10.0, False)]
    for size, single_line in runs:
        command = [sys.executable, __file__, "--child", "--sizes", str(size)]
        command += ["--single-line"] if single_line else []
        output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        row = json.loads(output.strip().splitlines()[-1])
        print(
            f"{row['MB']:g} MB{' (one line)' if row['single_line'] else ''}: "
            f"{row['seconds']} s, peak RSS {row['peak_rss_MB']} MB, "
            f"{row['actors']} actors, {row['relations']} relations, {row['quotes']} quotes, "
            f"{row['events']} events"
            + (f"; {len(row['errors'])} error(s): {row['errors'][:2]}" if row["errors"] else ""),
            flush=True,
        )


if __name__ == "__main__":
    main()
