"""The workbench in a real browser: Playwright drives Debian's Chromium (no browser download)
against `newsgraph serve`'s app on a local port. Skipped, saying why, where Chromium or
Playwright is absent; `.ci/run` installs Chromium.

Set NEWSGRAPH_SCREENSHOTS=docs/screenshots to refresh the README's screenshots.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

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
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
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
    yield opened
    context.close()


def _screenshot(page, name: str, tmp_path: Path) -> None:
    folder = Path(os.environ.get("NEWSGRAPH_SCREENSHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{name}.png"), full_page=False)


def test_click_a_node_lands_on_its_dossier(server: str, page, tmp_path: Path) -> None:
    page.goto(f"{server}/graph")
    page.wait_for_selector("body[data-graph-ready=yes]", timeout=20_000)
    _screenshot(page, "graph", tmp_path)
    target = page.evaluate(
        """() => {
            const cy = window.newsgraphCy;
            const node = cy.nodes().filter((n) => n.data('label') === 'Harrow Liberation Front')[0];
            const box = cy.container().getBoundingClientRect();
            const at = node.renderedPosition();
            return {x: box.left + at.x, y: box.top + at.y, label: node.data('label')};
        }"""
    )
    page.mouse.click(target["x"], target["y"])
    page.wait_for_url("**/actors/*")
    assert page.locator("h1").inner_text() == target["label"]
    _screenshot(page, "dossier", tmp_path)


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
    _screenshot(page, "timeline", tmp_path)
    page.goto(f"{server}/map")
    page.wait_for_selector("body[data-map-ready=yes]", timeout=20_000)
    assert page.locator("#map circle.event").count() >= 1
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
