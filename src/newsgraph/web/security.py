"""What keeps another site out of the workbench: the host names it answers to (no DNS
rebinding), the headers every response carries (no inline script, no framing, no sniffing)
and the checks an edit must pass (a JSON body from a page of this very origin).

A page on another origin can make the browser send a form or a `no-cors` fetch to the
workbench, but it cannot give that request a JSON content type (that needs a CORS preflight,
which is never granted) nor this origin's `Origin` header; an edit requires both.
"""

from __future__ import annotations

import socket
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from fastapi import HTTPException, Request
from fastapi.responses import Response

LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")
WILDCARD_ADDRESSES = ("0.0.0.0", "::", "")

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}


def allowed_hosts(hosts: Iterable[str]) -> list[str]:
    """The Host names to answer: the local ones and those the server was started for (for a
    wildcard address, this machine's own names)."""
    names = list(LOCAL_HOSTS)
    for host in hosts:
        if host in WILDCARD_ADDRESSES:
            names += [socket.gethostname(), socket.getfqdn()]
        else:
            names.append(host.strip("[]"))
    return list(dict.fromkeys(names))


async def add_security_headers(request: Request, call_next: Any) -> Response:
    response: Response = await call_next(request)
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def edit_request(request: Request) -> None:
    """A FastAPI dependency of every route that changes the store: edits allowed, a JSON
    body, and sent by a page of this origin (when the client says where it comes from)."""
    if not request.app.state.allow_edits:
        raise HTTPException(
            status_code=403, detail="read-only: start `newsgraph serve --allow-edits` to edit"
        )
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type != "application/json":
        raise HTTPException(
            status_code=415, detail="an edit takes a JSON body (Content-Type: application/json)"
        )
    here = f"{request.url.scheme}://{request.headers.get('host', '')}".lower()
    origin = request.headers.get("origin")
    referer = request.headers.get("referer")
    if origin is not None:
        sender = origin.lower()
    elif referer:
        parts = urlsplit(referer)
        sender = f"{parts.scheme}://{parts.netloc}".lower()
    else:
        return  # not a browser (curl, a script): nothing to forge
    if sender != here:
        raise HTTPException(
            status_code=403, detail=f"edit refused: sent from {sender}, not from {here}"
        )
