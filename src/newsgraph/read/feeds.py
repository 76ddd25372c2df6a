"""RSS and Atom feeds: one record per entry, read with feedparser.

An entry's text is its full content when the feed carries it, else its summary; either is
an HTML fragment, turned into plain text with a paragraph per block element.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

from newsgraph.model import ReadError

FEED_SUFFIXES = frozenset({".rss", ".atom"})

_BREAK = "\u2029"  # marks the end of a block element while the text is joined
_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr")


def feed_entries(data: bytes, origin: str) -> Iterator[dict[str, Any] | ReadError]:
    """Record fields of each entry of a feed, or a `ReadError` when it is not a feed."""
    import feedparser  # imported here: most runs read no feed

    feed = feedparser.parse(data)
    if not feed.entries:
        problem = f": {feed.bozo_exception}" if feed.get("bozo") else ""
        yield ReadError(origin=origin, message=f"not an RSS or Atom feed with entries{problem}")
        return
    source = feed.feed.get("title") or None
    for index, entry in enumerate(feed.entries):
        html = _entry_html(entry)
        fields: dict[str, Any] = {
            "text": fragment_text(html) if html else "",
            "title": entry.get("title") or None,
            "url": entry.get("link") or None,
            "source": source,
        }
        if entry.get("id"):
            fields["id"] = entry["id"]
        date = entry.get("published_parsed") or entry.get("updated_parsed")
        if date:
            fields["published"] = time.strftime("%Y-%m-%d", date)
        fields["origin"] = f"{origin}#{index + 1}"
        yield fields


def _entry_html(entry: Any) -> str:
    contents = entry.get("content") or []
    values = [c.get("value", "") for c in contents if c.get("value")]
    return "\n".join(values) if values else entry.get("summary", "")


def fragment_text(html: str) -> str:
    """Plain text of an HTML fragment, block elements separated by blank lines."""
    import lxml.html

    try:
        root = lxml.html.fromstring(f"<div>{html}</div>")
    except Exception:  # lxml raises several types on hostile markup; the text is then as given
        return html
    for element in root.iter("script", "style"):
        element.drop_tree()
    for element in root.iter(*_BLOCKS):
        element.tail = _BREAK + (element.tail or "")
    paragraphs = (" ".join(part.split()) for part in root.text_content().split(_BREAK))
    return "\n\n".join(p for p in paragraphs if p)
