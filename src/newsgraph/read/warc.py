"""WARC archives (plain or gzipped): one record per archived HTML response, read with warcio.

The page's own metadata comes first; the archived URL and the crawl date fill what it lacks.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsgraph.model import ReadError
from newsgraph.read.decode import DecodeError, decode
from newsgraph.read.html import extract_page


def is_warc(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith((".warc", ".warc.gz", ".arc", ".arc.gz"))


def warc_pages(path: Path) -> Iterator[dict[str, Any] | ReadError]:
    """Record fields of each HTML response in the archive; other records are skipped."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    pages = 0
    try:
        with path.open("rb") as handle:
            for number, record in enumerate(ArchiveIterator(handle), start=1):
                if record.rec_type != "response" or not _is_html(record):
                    continue
                pages += 1
                yield _page_fields(record.content_stream().read(), record, f"{path}#{number}")
    except (ArchiveLoadFailed, OSError, ValueError) as error:
        yield ReadError(origin=str(path), message=f"cannot read the WARC archive: {error}")
        return
    if not pages:
        yield ReadError(
            origin=str(path), message="cannot read the WARC archive: no HTML responses in it"
        )


def _is_html(record: Any) -> bool:
    headers = record.http_headers
    kind = headers.get_header("Content-Type", "") if headers else ""
    return "html" in kind.lower()


def _page_fields(data: bytes, record: Any, origin: str) -> dict[str, Any] | ReadError:
    try:
        html = decode(data).text
    except DecodeError as error:
        return ReadError(origin=origin, message=str(error))
    page = extract_page(html)
    if page is None:
        return ReadError(origin=origin, message="no main text found in the archived page")
    crawled = (record.rec_headers.get_header("WARC-Date") or "")[:10]
    fields: dict[str, Any] = {
        "text": page.text,
        "title": page.title,
        "url": page.url or record.rec_headers.get_header("WARC-Target-URI"),
        "origin": origin,
    }
    if page.published or crawled:
        fields["published"] = page.published or crawled
    return fields
