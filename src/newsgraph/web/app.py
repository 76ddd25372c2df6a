"""The FastAPI application: one store per app, one session per request.

`create_app` wires the JSON API (`api.py`, under /api) and the pages (`pages.py`). The
API's responses are the store's own result types (msgspec structs, `store/queries.py`),
encoded by msgspec; their JSON Schemas are published in /openapi.json as components, so the
data model stays defined once.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import resources
from typing import Any
from urllib.parse import urlencode

import msgspec
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.middleware.trustedhost import TrustedHostMiddleware

from newsgraph import __version__
from newsgraph.store import Store, open_store
from newsgraph.store import queries as q
from newsgraph.web import api, pages
from newsgraph.web.deps import MsgspecResponse
from newsgraph.web.security import add_security_headers, allowed_hosts


def create_app(
    db: str,
    *,
    allow_edits: bool = False,
    store: Store | None = None,
    hosts: Sequence[str] = (),
) -> FastAPI:
    """The workbench over the store at `db` (opened here unless `store` is given), answering
    requests for localhost, 127.0.0.1 and `hosts` (the address it listens on) only."""
    app = FastAPI(
        title="newsgraph",
        version=__version__,
        description="The corpus of actors, relations, events and quotes, read from the store "
        "that `newsgraph ingest` writes. Every list is paginated with `limit` and `offset`.",
        default_response_class=MsgspecResponse,
        docs_url=None,  # Swagger UI and ReDoc load from a CDN; /openapi.json stays
        redoc_url=None,
    )
    app.state.store = store or open_store(db, create=False)
    app.state.allow_edits = allow_edits
    app.state.db = db
    static = resources.files("newsgraph.web").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    app.include_router(api.router, prefix="/api")
    app.include_router(pages.router)
    app.middleware("http")(_drop_empty_page_filters)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts(hosts))
    app.middleware("http")(add_security_headers)  # outermost: on every answer, refusals too
    app.add_exception_handler(q.NotFound, _not_found)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app


async def _drop_empty_page_filters(request: Request, call_next: Any) -> Response:
    """A page's filter form sends its empty fields too (`?type=&since=`): for the pages, an
    empty filter is no filter. The API keeps its strict reading."""
    if not request.url.path.startswith("/api/") and request.url.query:
        kept = [(k, v) for k, v in request.query_params.multi_items() if v != ""]
        request.scope["query_string"] = urlencode(kept).encode("latin-1")
    response: Response = await call_next(request)
    return response


async def _not_found(request: Request, error: Exception) -> Response:
    assert isinstance(error, q.NotFound)
    detail = {"detail": str(error), "suggestions": error.suggestions}
    if request.url.path.startswith("/api/"):
        return JSONResponse(detail, status_code=404)
    return pages.render_error(request, 404, str(error))


async def _invalid(request: Request, error: Exception) -> Response:
    assert isinstance(error, RequestValidationError)
    problems = [
        {"loc": list(map(str, e.get("loc", ()))), "msg": str(e.get("msg", ""))}
        for e in error.errors()
    ]
    if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
        return JSONResponse({"detail": problems}, status_code=422)
    message = "; ".join(f"{'.'.join(p['loc'][1:])}: {p['msg']}" for p in problems)
    return pages.render_error(request, 422, message)


def _openapi(app: FastAPI) -> dict[str, Any]:
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(
        title=app.title, version=app.version, description=app.description, routes=app.routes
    )
    _, components = msgspec.json.schema_components(
        api.RESPONSE_TYPES, ref_template="#/components/schemas/{name}"
    )
    schema.setdefault("components", {}).setdefault("schemas", {}).update(components)
    app.openapi_schema = schema
    return schema
