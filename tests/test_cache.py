"""The on-disk cache of slow tables: built once, loaded after, never an error."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.cache import cached


def test_built_once_then_loaded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    calls: list[int] = []

    def build() -> dict[str, int]:
        calls.append(1)
        return {"kabul": 1138958}

    assert cached("table-1", build) == {"kabul": 1138958}
    assert cached("table-1", build) == {"kabul": 1138958}
    assert calls == [1]
    assert (tmp_path / "newsgraph" / "table-1.pickle").is_file()


def test_an_unwritable_or_broken_cache_still_gives_the_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert cached("table-2", lambda: [1, 2]) == [1, 2]
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    (tmp_path / "newsgraph").mkdir()
    (tmp_path / "newsgraph" / "table-3.pickle").write_bytes(b"garbage")
    assert cached("table-3", lambda: "rebuilt") == "rebuilt"
