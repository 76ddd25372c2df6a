"""The workbench in a real browser: Playwright drives Debian's Chromium (no browser download)
against `newsgraph serve`'s app on a local port. Skipped, saying why, where Chromium or
Playwright is absent; `.ci/run` installs Chromium.

Set NEWSGRAPH_SCREENSHOTS=docs/screenshots to refresh the README's screenshots.
"""

from __future__ import annotations

import http.server
import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from newsgraph.model import Article, Place, Record
from newsgraph.read import iter_records
from newsgraph.web.app import create_app

from .conftest import ROOT, stored
from .test_web import SCRIPT, hostile_article

pytestmark = pytest.mark.slow
CHROMIUM = os.environ.get("NEWSGRAPH_CHROMIUM", "/usr/bin/chromium")

if not Path(CHROMIUM).exists():
    pytest.skip(
        f"Chromium not found at {CHROMIUM} (apt-get install chromium; .ci/run does)",
        allow_module_level=True,
    )
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


ANSWERED: list[tuple[str, str, int]] = []  # (method, path, status) of every request served


def _recorded(app):
    """The app, noting what it answered (a browser may hide a refused answer from the page)."""

    async def recording(scope, receive, send):
        async def noting(message):
            if message["type"] == "http.response.start":
                ANSWERED.append((scope["method"], scope["path"], message["status"]))
            await send(message)

        if scope["type"] == "http":
            return await app(scope, receive, noting)
        return await app(scope, receive, send)

    return recording


@pytest.fixture(scope="module")
def server(
    tmp_path_factory: pytest.TempPathFactory,
    analyzer,
    corpus_articles: list[tuple[Article, Record]],
) -> Iterator[str]:
    import uvicorn

    demo = ROOT / "src" / "newsgraph" / "demo" / "articles.jsonl"
    records = [r for r in iter_records([str(demo)]) if isinstance(r, Record)]
    demo_articles = list(zip(analyzer.run(records), records, strict=True))
    hostile, record = hostile_article()
    # a fictional place with coordinates, so the map has a point to draw
    hostile.events[0].place = Place(name="Drisna", country="XX", lat=34.5, lon=69.2)
    db = str(tmp_path_factory.mktemp("browser") / "browser.db")
    stored(db, [*demo_articles, *corpus_articles, (hostile, record)]).close()
    port = _free_port()
    # edits on, as `serve --allow-edits`: the forged requests below must still be refused
    app = create_app(db, allow_edits=True)
    config = uvicorn.Config(_recorded(app), host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not running.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--headless", "--no-sandbox"]
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    opened = context.new_page()
    opened.dialogs = []  # any alert() would be a script that should never have run
    opened.on("dialog", lambda dialog: (opened.dialogs.append(dialog.message), dialog.dismiss()))
    opened.csp_violations = []  # the workbench's own pages must need no inline script or style
    opened.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text and opened.csp_violations.append(message.text)
        ),
    )
    yield opened
    context.close()


def _screenshot(page, name: str, tmp_path: Path) -> None:
    folder = Path(os.environ.get("NEWSGRAPH_SCREENSHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{name}.png"), full_page=False)


def _click_node(page, label: str) -> str:
    target = page.evaluate(
        """(label) => {
            const cy = window.newsgraphCy;
            const node = cy.nodes().filter((n) => n.data('label') === label)[0];
            cy.center(node);
            const box = cy.container().getBoundingClientRect();
            const at = node.renderedPosition();
            return {x: box.left + at.x, y: box.top + at.y, label: node.data('label')};
        }""",
        label,
    )
    page.mouse.click(target["x"], target["y"])
    return str(target["label"])


def test_click_a_node_opens_its_dossier_beside_the_graph(server: str, page, tmp_path: Path) -> None:
    response = page.goto(f"{server}/graph")
    page.wait_for_selector("body[data-graph-ready=yes]", timeout=20_000)
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"
    assert page.locator("#legend .legend-key").count() >= 10
    assert "actors," in page.locator("#graph-status").inner_text()
    _screenshot(page, "graph", tmp_path)
    label = _click_node(page, "Harrow Liberation Front")
    page.wait_for_selector("#evidence h2")
    assert page.locator("#evidence h2").inner_text() == label
    assert page.url.endswith("/graph")  # the graph stays
    page.locator("#evidence a", has_text="Open the dossier").click()
    page.wait_for_url("**/actors/*")
    assert page.locator("h1").inner_text() == label
    _screenshot(page, "dossier", tmp_path)
    page.locator("a.graph-link").click()
    page.wait_for_url("**/graph?actor=*")
    page.wait_for_selector("body[data-graph-ready=yes]", timeout=20_000)
    before = page.evaluate("() => window.newsgraphCy.nodes().length")
    centre = page.evaluate("() => window.newsgraphCy.nodes('.centre').data('label')")
    assert centre == label
    # a click on a neighbour adds its own neighbours
    neighbour = page.evaluate(
        """() => window.newsgraphCy.nodes().filter((n) => !n.hasClass('centre'))
            .max((n) => n.degree()).ele.data('label')"""
    )
    _click_node(page, neighbour)
    page.wait_for_selector("body[data-expanded='2']", timeout=10_000)
    assert page.evaluate("() => window.newsgraphCy.nodes().length") >= before
    assert page.locator("#evidence h2").inner_text() == neighbour
    _screenshot(page, "graph-actor", tmp_path)
    assert page.csp_violations == []


def test_click_an_edge_shows_its_evidence(server: str, page) -> None:
    page.goto(f"{server}/graph?predicate=fighting")
    page.wait_for_selector("body[data-graph-ready=yes]", timeout=20_000)
    page.evaluate("() => { window.newsgraphCy.edges()[0].emit('tap'); }")  # return nothing
    page.wait_for_selector("#evidence blockquote.evidence")
    assert "fighting" in page.locator("#evidence h2").inner_text()


def test_search_a_quote(server: str, page, tmp_path: Path) -> None:
    page.goto(f"{server}/quotes")
    page.fill("input[name=search]", "courage")
    page.click("form.filters button")
    page.wait_for_url("**/quotes?search=courage*")
    hit = page.locator("li.quote").first
    assert "courage" in hit.locator("q").inner_text()
    assert hit.locator("a.actor").inner_text() == "Tomas Reuel"
    _screenshot(page, "quotes", tmp_path)


def test_timeline_map_and_article_pages(server: str, page, tmp_path: Path) -> None:
    page.goto(f"{server}/timeline?type=ASSAULT")
    assert page.locator("table.events tbody tr").count() >= 2
    assert page.locator("#time-axis rect.bar").count() >= 1
    _screenshot(page, "timeline", tmp_path)
    page.goto(f"{server}/map")
    page.wait_for_selector("body[data-map-ready=yes]", timeout=20_000)
    assert page.locator("#map circle.event").count() >= 1
    assert "located event(s) shown" in page.locator("#map-status").inner_text()
    assert page.csp_violations == []
    page.locator("#map circle.event").first.click()
    assert "ASSAULT" in page.locator("#event-detail h2").inner_text()
    _screenshot(page, "map", tmp_path)
    page.goto(f"{server}/articles")
    page.locator("ul.articles a", has_text="Dunmere raid").first.click()
    page.wait_for_selector("article.text a.hl-actor")
    _screenshot(page, "article", tmp_path)


def test_hostile_markup_never_runs(server: str, page) -> None:
    page.goto(f"{server}/actors?search=script")
    page.locator("a.actor").first.click()
    page.wait_for_url("**/actors/*")
    assert SCRIPT in page.locator("h1").inner_text()  # shown as text
    page.goto(f"{server}/articles")
    page.locator("ul.articles a", has_text="<script>").first.click()
    page.wait_for_selector("article.text")
    assert SCRIPT in page.locator("article.text").inner_text()
    for url in ("/timeline", "/map", "/quotes?search=burn"):
        page.goto(f"{server}{url}")
        page.wait_for_load_state("networkidle")
    page.goto(f"{server}/graph")
    page.wait_for_selector("body[data-graph-ready=yes]", timeout=20_000)
    page.evaluate("() => { window.newsgraphCy.edges().forEach((e) => { e.emit('tap'); }); }")
    page.wait_for_timeout(300)
    assert page.evaluate("() => window.__xss") is None
    assert page.dialogs == []


@pytest.fixture(scope="module")
def hostile_site() -> Iterator[tuple[str, dict[str, str]]]:
    """A second local web server, another origin, serving whatever page a test puts in it."""
    pages: dict[str, str] = {}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = pages.get(self.path, "").encode()
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    site = http.server.ThreadingHTTPServer(("127.0.0.1", _free_port()), Handler)
    thread = threading.Thread(target=site.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{site.server_address[1]}", pages
    site.shutdown()
    thread.join(timeout=10)


def _actor_id(page, server: str, name: str) -> int:
    found = page.request.get(f"{server}/api/actors/find", params={"name": name}).json()
    return int(found["id"])


def test_a_foreign_page_cannot_edit(server: str, hostile_site, page) -> None:
    origin, pages = hostile_site
    keep = _actor_id(page, server, "Harrow Liberation Front")
    other = _actor_id(page, server, "Red Ridge Front")
    merge = f"{server}/api/actors/{keep}/merge?other={quote(f'#{other}')}"
    split = f"{server}/api/actors/{other}/split?name=RRF"
    pages["/attack.html"] = f"""<!doctype html><title>cute cats</title>
<iframe name="sink"></iframe>
<form id="f" method="post" action="{merge}" target="sink">
  <input name="other" value="#{other}"></form>
<script>
  document.getElementById("f").submit();
  const tries = [
    fetch("{split}", {{method: "POST", mode: "no-cors"}}),
    fetch("{split}", {{method: "POST", mode: "no-cors", body: '{{"name": "RRF"}}',
      headers: {{"Content-Type": "text/plain"}}}}),
    fetch("{server}/api/actors/{keep}/merge", {{method: "POST",
      headers: {{"Content-Type": "application/json"}}, body: '{{"other": "#{other}"}}'}}),
  ];
  Promise.allSettled(tries).then(() => {{ document.body.dataset.done = "yes"; }});
</script>"""
    ANSWERED.clear()
    page.goto(f"{origin}/attack.html")
    page.wait_for_selector("body[data-done=yes]", timeout=10_000)
    page.wait_for_timeout(500)  # the form's answer lands in the frame
    # the form and both no-cors fetches reached the server and were refused; the JSON fetch
    # never left the browser (its CORS preflight is not granted)
    posted = [(path, status) for method, path, status in ANSWERED if method == "POST"]
    assert sorted(posted) == [
        (f"/api/actors/{keep}/merge", 415),
        (f"/api/actors/{other}/split", 415),
        (f"/api/actors/{other}/split", 415),
    ]
    assert ("OPTIONS", f"/api/actors/{keep}/merge", 405) in ANSWERED
    # nothing changed: both actors still stand apart, RRF still a name of the Front
    assert _actor_id(page, server, "Red Ridge Front") == other
    assert _actor_id(page, server, "RRF") == other
    dossier = page.request.get(f"{server}/api/actors/{keep}").json()
    assert "Red Ridge Front" not in dossier["surface_forms"]


def test_a_foreign_host_name_is_refused(server: str, page) -> None:
    port = server.rsplit(":", 1)[1]
    answer = page.request.get(f"{server}/api/actors", headers={"Host": f"evil.example:{port}"})
    assert answer.status == 400
    assert page.request.get(f"{server}/api/actors").status == 200


def test_the_search_box(server: str, page, tmp_path: Path) -> None:
    page.goto(f"{server}/timeline")
    page.fill("header input[name=q]", "Varga")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url("**/search?q=Varga")
    assert "Ilse Varga" in page.locator("#found-actors").inner_text()
    assert page.locator("#found-events table.events tbody tr").count() >= 1
    _screenshot(page, "search", tmp_path)
    page.goto(f"{server}/search?q=courage")
    assert "Tomas Reuel" in page.locator("#found-quotes").inner_text()
    assert page.csp_violations == []


def test_a_merge_is_asked_and_warns_on_types(server: str, page) -> None:
    front = _actor_id(page, server, "Red Ridge Front")
    page.goto(f"{server}/actors/{front}")
    page.fill("#edit input[name=other]", "Ilse Varga")
    page.click("button[data-action=merge]")
    page.wait_for_selector("#edit-confirm:not(.hidden)")
    assert "Ilse Varga" in page.locator("#edit-question").inner_text()
    assert "types differ" in page.locator("#edit-warning").inner_text().lower()
    page.click("#edit-no")
    assert page.locator("#edit-status").inner_text() == "Not merged."
    assert _actor_id(page, server, "Ilse Varga") != front
    assert page.csp_violations == []


def test_a_merge_from_the_dossier_goes_through_and_is_undone(server: str, page) -> None:
    """The workbench's own page passes the checks a forged request fails (last in the
    module: it edits the store, and undoes it)."""
    keep = _actor_id(page, server, "Red Ridge Front")
    other = _actor_id(page, server, "Harrow Liberation Front")
    page.goto(f"{server}/actors/{keep}")
    page.fill("#edit input[name=other]", f"#{other}")
    page.click("button[data-action=merge]")
    page.wait_for_selector("#edit-confirm:not(.hidden)")
    assert page.locator("#edit-warning").inner_text() == ""  # both armed groups
    with page.expect_navigation():
        page.click("#edit-yes")
    assert "Harrow Liberation Front" in page.locator("section", has_text="Names").inner_text()
    page.goto(f"{server}/actors/{other}")  # the merged-away actor's page leads to the survivor
    assert page.url.endswith(f"/actors/{keep}")
    page.fill("#edit input[name=other]", f"#{other}")
    with page.expect_navigation():
        page.click("button[data-action=split]")
    assert _actor_id(page, server, "Harrow Liberation Front") == other
    assert page.csp_violations == []
