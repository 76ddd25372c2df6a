"""Coverage-guided fuzzing (atheris, libFuzzer) of the readers and of the quote and date
extractors. Not part of CI: run by hand, e.g. for ten minutes each,

    python -m pip install 'newsgraph[fuzz]'
    python benchmarks/fuzz.py readers -max_total_time=600
    python benchmarks/fuzz.py quotes  -max_total_time=600
    python benchmarks/fuzz.py dates   -max_total_time=600

A target fails (and libFuzzer saves the input as crash-*) when the code raises; a reader may
only yield records and `ReadError`s, and extraction may only return an article.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from newsgraph.model import ReadError, Record
    from newsgraph.read import iter_records

SUFFIXES = [".txt", ".html", ".json", ".jsonl", ".rss", ".warc"]
_scratch = Path(tempfile.mkdtemp(prefix="newsgraph-fuzz-"))


def fuzz_readers(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    suffix = SUFFIXES[fdp.ConsumeIntInRange(0, len(SUFFIXES) - 1)]
    path = _scratch / f"input{suffix}"
    path.write_bytes(fdp.ConsumeBytes(fdp.remaining_bytes()))
    for item in iter_records([str(path)]):
        assert isinstance(item, Record | ReadError), item


_analyzer = None


def _article(text: str) -> None:
    global _analyzer
    if _analyzer is None:
        from newsgraph.pipeline import Analyzer

        _analyzer = Analyzer(timeout=10)
    record = Record(id="fuzz", text=text, published="2026-01-15", origin="fuzz")
    for result in _analyzer.run([record]):
        if isinstance(result, ReadError):  # an internal error is reported, never raised
            assert "internal error" not in result.message, result.message


def fuzz_quotes(data: bytes) -> None:
    """Quotation marks, attributions and paragraph breaks in any arrangement."""
    fdp = atheris.FuzzedDataProvider(data)
    pieces = [
        '"',
        "\u201c",
        "\u201d",
        "''",
        " said ",
        " told Reuters",
        ", he adds. ",
        "\n\n",
        "According to the ministry, ",
        "Mira Vantic",
        " the Harrow Front ",
        ": ",
    ]
    words = []
    for _ in range(fdp.ConsumeIntInRange(1, 40)):
        if fdp.ConsumeBool():
            words.append(pieces[fdp.ConsumeIntInRange(0, len(pieces) - 1)])
        else:
            words.append(fdp.ConsumeUnicodeNoSurrogates(12))
    text = "".join(words)
    if text.strip():
        _article(text)


def fuzz_dates(data: bytes) -> None:
    """Date expressions around an event, resolved against the publication date."""
    fdp = atheris.FuzzedDataProvider(data)
    phrases = [
        "on Thursday",
        "last week",
        "since 2018",
        "in March",
        "on 31 February",
        "yesterday",
        "9999",
        "early this year",
        "on Monday night",
        "1 January 0001",
    ]
    phrase = phrases[fdp.ConsumeIntInRange(0, len(phrases) - 1)]
    noise = fdp.ConsumeUnicodeNoSurrogates(30)
    _article(f"Gunmen attacked a police post in Drisna {phrase} {noise}, killing 12 officers.")


TARGETS = {"readers": fuzz_readers, "quotes": fuzz_quotes, "dates": fuzz_dates}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        sys.exit(f"usage: {sys.argv[0]} {{{','.join(TARGETS)}}} [libFuzzer options]")
    target = TARGETS[sys.argv.pop(1)]
    atheris.Setup(sys.argv, target)
    atheris.Fuzz()
