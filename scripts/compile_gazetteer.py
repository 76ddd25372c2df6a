"""Compile the Phoenix actor dictionaries (PETRARCH2, MIT licence) into the shipped gazetteer.

    python scripts/compile_gazetteer.py [DICTIONARIES_DIR]

DICTIONARIES_DIR defaults to ../shared/data/petrarch2/dictionaries beside the repository.
Writes src/newsgraph/data/gazetteer.jsonl.gz (sorted, gzip with mtime 0: the same input
gives the same bytes) and src/newsgraph/data/PETRARCH2-LICENSE.txt, then prints the
entries per type and source and every line that could not be read.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

from newsgraph.dictionaries.compilers.gazetteer import read_dictionaries
from newsgraph.dictionaries.gazetteer import COMPILED_FILE, TYPES

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DICTIONARIES = ROOT.parent / "shared" / "data" / "petrarch2" / "dictionaries"
DATA = ROOT / "src" / "newsgraph" / "data"
FILES = (
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
)
MAX_BYTES = 5_000_000
LICENSE_HEADER = (
    "This licence covers newsgraph/data/gazetteer.jsonl.gz, compiled from the Phoenix actor "
    "dictionaries of PETRARCH2 (Open Event Data Alliance).\n\n"
)


def find_license(dictionaries: Path) -> Path:
    for folder in (dictionaries, dictionaries.parent):
        if (folder / "LICENSE").is_file():
            return folder / "LICENSE"
    raise SystemExit(f"no LICENSE in {dictionaries} or its parent")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dictionaries", nargs="?", type=Path, default=DEFAULT_DICTIONARIES)
    parser.add_argument("--out", type=Path, default=DATA / COMPILED_FILE)
    args = parser.parse_args(argv)

    paths = [args.dictionaries / name for name in FILES]
    missing = [str(path) for path in paths if not path.is_file()]
    if missing:
        raise SystemExit(f"missing: {', '.join(missing)}")
    gazetteer, problems = read_dictionaries(paths)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    gazetteer.save(args.out)
    licence = find_license(args.dictionaries).read_text(encoding="utf-8")
    (args.out.parent / "PETRARCH2-LICENSE.txt").write_text(LICENSE_HEADER + licence, "utf-8")

    size = args.out.stat().st_size
    print(
        f"wrote {args.out} ({size:,} bytes, {len(gazetteer):,} entries, "
        f"{len(gazetteer.names()):,} lookup keys)"
    )
    by_type = Counter(entry.type for entry in gazetteer)
    by_source = Counter((entry.source, entry.type) for entry in gazetteer)
    for kind in TYPES:
        per_source = ", ".join(
            f"{source.split('.')[1]} {count}"
            for (source, entry_type), count in sorted(by_source.items())
            if entry_type == kind
        )
        print(f"  {kind:13} {by_type[kind]:6,}  ({per_source})")
    print(f"{len(problems)} problems:")
    kinds = Counter(re.sub(r"\s*[\[(].*$", "", problem.split(": ", 2)[1]) for problem in problems)
    for kind, count in kinds.most_common():
        print(f"  {count:4}  {kind}")
    for problem in problems:
        print(f"  {problem}")
    if size > MAX_BYTES:
        print(f"error: {args.out} is over {MAX_BYTES:,} bytes", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
