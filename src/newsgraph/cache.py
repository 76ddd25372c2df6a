"""A cache on disk for tables that are slow to build from a package's data.

`cached(name, build)` returns what `build()` returns, keeping it in the user's cache
directory (`$XDG_CACHE_HOME/newsgraph`, else `~/.cache/newsgraph`) so that later processes
load it instead of building it again. The file is written atomically; a cache that cannot
be read or written is not an error, the table is simply built.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def cached(name: str, build: Callable[[], T]) -> T:
    """The table `name` (make the name change when its source or its building changes)."""
    path = _directory() / f"{name}.pickle"
    try:
        with path.open("rb") as handle:
            value: T = pickle.load(handle)
            return value
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        with temporary.open("wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(path)  # parallel workers never read half a file
    except OSError:
        pass
    return value


def _directory() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newsgraph"
