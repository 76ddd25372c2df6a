"""Property tests on every reader: whatever bytes a file of any supported kind holds, reading
it never raises and yields only records and reported errors."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.model import ReadError, Record
from newsgraph.read import iter_records

SUFFIXES = [".txt", ".html", ".json", ".jsonl", ".rss", ".xml", ".warc", ".warc.gz"]

# bytes that look like what the readers expect, and plain noise
_markup = st.sampled_from(
    [
        b"<html>",
        b"<p>",
        b"</p>",
        b"<rss><channel><item><description>",
        b"</item>",
        b"<feed>",
        b'{"text": ',
        b'"',
        b"}",
        b"\n",
        b"\r\n",
        b"\x00",
        b"\xff\xfe",
        b"\xef\xbb\xbf",
        b"WARC/1.0\r\n",
        b"Content-Length: 5\r\n",
        b"<script>",
        b"&amp;",
        b"\xe2\x80\x9c",
    ]
)
_text = st.text(max_size=200).map(lambda s: s.encode("utf-8", "surrogatepass"))
payloads = st.lists(st.one_of(_markup, _text, st.binary(max_size=100)), max_size=20).map(b"".join)


@pytest.mark.parametrize("suffix", SUFFIXES)
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=payloads)
def test_any_bytes_in_any_reader_give_records_or_errors(suffix: str, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        items = list(iter_records([str(path)]))
    assert all(isinstance(item, Record | ReadError) for item in items)
    for item in items:
        if isinstance(item, Record):
            assert item.text.strip()


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(depth=st.integers(min_value=1, max_value=3000))
def test_deeply_nested_html_is_read_or_reported(depth: int) -> None:
    page = "<div>" * depth + "The Harrow Front met in Valdris." + "</div>" * depth
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "deep.html"
        path.write_text(f"<html><body>{page}</body></html>", encoding="utf-8")
        items = list(iter_records([str(path)]))
    assert len(items) == 1 and isinstance(items[0], Record | ReadError)
