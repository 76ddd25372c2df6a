"""Compile the PETRARCH2 CAMEO verb dictionary into `src/newsgraph/data/cameo_verbs.json.gz`.

    python scripts/compile_cameo.py [path/to/CAMEO.2.0.txt] [--show N]

The default input is `../shared/data/petrarch2/dictionaries/CAMEO.2.0.txt` next to the
repository. The output is deterministic (sorted keys, gzip without timestamp or file name),
so recompiling an unchanged dictionary leaves the file byte-identical. Prints what was read,
kept and dropped, and the problems found, grouped by kind (`--show` examples of each).
The structure of the output is documented in `newsgraph/dictionaries/cameo.py`; the
compiler is `newsgraph/dictionaries/compilers/cameo.py`.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from collections import defaultdict
from pathlib import Path

from newsgraph.dictionaries.compilers.cameo import compile_dictionary, dump_compiled
from newsgraph.dictionaries.compilers.cameo_reading import Problem

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_INPUT = ROOT.parent / "shared/data/petrarch2/dictionaries/CAMEO.2.0.txt"
OUTPUT = ROOT / "src/newsgraph/data/cameo_verbs.json.gz"
LICENCE = ROOT / "src/newsgraph/data/PETRARCH2-LICENSE.txt"
SIZE_LIMIT = 2_000_000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dictionary", nargs="?", type=Path, default=DEFAULT_INPUT)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--show", type=int, default=5, help="examples per problem kind")
    args = parser.parse_args(argv)

    text = args.dictionary.read_text(encoding="utf-8", errors="replace")
    data, report = compile_dictionary(text, source=args.dictionary.name)
    blob = dump_compiled(data)
    if len(blob) > SIZE_LIMIT:
        print(f"error: compiled data is {len(blob):,} bytes, over {SIZE_LIMIT:,}", file=sys.stderr)
        return 1
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_bytes(blob)
    _licence(args.dictionary)

    print(f"{args.dictionary} -> {args.output} ({len(blob):,} bytes)")
    for name, count in report.counts().items():
        print(f"  {name:24} {count:6,}")
    if report.dropped:
        print("dropped patterns by reason:")
        for reason, count in report.dropped.most_common():
            print(f"  {count:5,}  {reason}")
    _print_problems(report.problems, args.show)
    return 0


def _licence(dictionary: Path) -> None:
    """Ship PETRARCH2's MIT licence beside the data, unless someone already has."""
    if LICENCE.exists():
        return
    upstream = dictionary.resolve().parents[1] / "LICENSE"
    if upstream.exists():
        shutil.copyfile(upstream, LICENCE)
        print(f"wrote {LICENCE}")
    else:
        print(f"warning: no {upstream}; add {LICENCE} by hand", file=sys.stderr)


def _print_problems(problems: list[Problem], show: int) -> None:
    by_kind: dict[str, list[Problem]] = defaultdict(list)
    for problem in problems:
        by_kind[problem.kind].append(problem)
    if not by_kind:
        return
    print(f"problems ({len(problems):,}, by kind):")
    for kind, items in sorted(by_kind.items(), key=lambda item: (-len(item[1]), item[0])):
        print(f"  {len(items):5,}  {kind}")
        for problem in items[:show]:
            print(f"         line {problem.line}: {problem.text[:90]}")


if __name__ == "__main__":
    raise SystemExit(main())
