"""HTML pages: the main text, title and publication date, extracted with trafilatura."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    text: str
    title: str | None
    published: str | None
    url: str | None


def extract_page(html: str) -> Page | None:
    """The page's main text and metadata, or None when it has no readable main text."""
    import trafilatura  # imported here: a plain-text run should not pay for it

    extracted = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, favor_precision=True
    )
    if extracted is None:
        return None
    fields = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    text = fields.get("text") or ""
    if not text.strip():
        return None
    return Page(
        text=text,
        title=fields.get("title") or None,
        published=fields.get("date") or None,
        url=fields.get("url") or None,
    )
