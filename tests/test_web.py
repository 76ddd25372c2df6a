"""The web workbench through FastAPI's TestClient: the JSON API and every page on a small
fictional corpus, hostile text escaped everywhere, bad parameters answered 422, the store
read-only unless edits are allowed, and schemathesis finding no 500 in /openapi.json."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsgraph.model import (
    Actor,
    Article,
    ArticleMeta,
    Event,
    Evidence,
    Mention,
    Quote,
    Record,
    Relation,
    Span,
)
from newsgraph.web.app import create_app

from .conftest import stored

pytestmark = pytest.mark.slow

SCRIPT = "<script>window.__xss = 1</script>"
IMAGE = '<img src=x onerror="window.__xss = 2">'
HOSTILE_URL = "javascript:window.__xss = 3"
LOCAL = "http://localhost"  # the workbench answers only the host names it serves


def hostile_article() -> tuple[Article, Record]:
    """An article whose text, actor names, quote, evidence and URL are all markup."""
    text = (
        f"The {SCRIPT} Front attacked {IMAGE} Brigade in Drisna on Monday.\n\n"
        f'"We will burn {IMAGE}," said the {SCRIPT} Front.'
    )
    first = text.index(SCRIPT)
    front_name = f"{SCRIPT} Front"
    brigade_name = f"{IMAGE} Brigade"
    brigade = text.index(brigade_name)
    sentence_end = text.index("Monday.") + len("Monday.")
    quote_start = text.index("We will")
    quote_end = text.index(',"')
    second = text.rindex(SCRIPT)
    actors = [
        Actor(
            id="a1",
            name=front_name,
            type="armed_group",
            mentions=[
                Mention(start=first, end=first + len(front_name), text=front_name),
                Mention(start=second, end=second + len(front_name), text=front_name),
            ],
        ),
        Actor(
            id="a2",
            name=brigade_name,
            type="armed_group",
            mentions=[Mention(start=brigade, end=brigade + len(brigade_name), text=brigade_name)],
        ),
    ]
    evidence = Evidence(start=0, end=sentence_end, text=text[:sentence_end])
    article = Article(
        article=ArticleMeta(
            id="hostile",
            title=f"{SCRIPT} headline",
            published="2026-02-10",
            url=HOSTILE_URL,
            source=IMAGE,
            text_sha256=hashlib.sha256(text.encode()).hexdigest(),
        ),
        actors=actors,
        relations=[Relation(subject="a1", predicate="fighting", object="a2", evidence=evidence)],
        quotes=[
            Quote(
                kind="direct",
                text=text[quote_start:quote_end],
                spans=[Span(start=quote_start, end=quote_end)],
                speaker="a1",
                speaker_text=front_name,
                cue="said",
            )
        ],
        events=[
            Event(
                type="ASSAULT",
                actors=["a1"],
                targets=["a2"],
                date="2026-02-09",
                evidence=evidence,
            )
        ],
    )
    return article, Record(id="hostile", text=text, origin="hostile")


@pytest.fixture(scope="module")
def web_db(
    tmp_path_factory: pytest.TempPathFactory, corpus_articles: list[tuple[Article, Record]]
) -> str:
    db = str(tmp_path_factory.mktemp("web") / "web.db")
    stored(db, [*corpus_articles, hostile_article()]).close()
    return db


@pytest.fixture
def client(web_db: str) -> Iterator[TestClient]:
    with TestClient(create_app(web_db), base_url=LOCAL) as opened:
        yield opened


def _id(client: TestClient, name: str) -> int:
    (found,) = [
        a for a in client.get("/api/actors", params={"limit": 500}).json() if a["name"] == name
    ]
    return int(found["id"])


def test_actors_filter_like_the_cli(client: TestClient) -> None:
    groups = client.get("/api/actors", params={"type": "armed_group"}).json()
    assert "Red Ridge Front" in [a["name"] for a in groups]
    assert all(a["type"] == "armed_group" for a in groups)
    found = client.get("/api/actors", params={"search": "varg"}).json()
    assert [a["name"] for a in found] == ["Ilse Varga"]


def test_dossier_and_relations_with_evidence(client: TestClient) -> None:
    front = _id(client, "Red Ridge Front")
    dossier = client.get(f"/api/actors/{front}").json()
    assert dossier["actor"]["name"] == "Red Ridge Front"
    fighting = client.get(
        "/api/relations", params={"subject": "RRF", "predicate": "fighting"}
    ).json()
    assert [r["provenance"]["asserted_by"] for r in fighting] == [None, "Tomas Reuel"]


def test_graph_has_typed_nodes_and_edges(client: TestClient) -> None:
    graph = client.get("/api/graph", params={"predicate": "fighting"}).json()
    names = {n["id"]: n["name"] for n in graph["nodes"]}
    assert {(names[e["source"]], names[e["target"]]) for e in graph["edges"]} >= {
        ("Red Ridge Front", "Kelmoran government")
    }
    assert all(e["predicate"] == "fighting" for e in graph["edges"])
    typed = client.get("/api/graph", params={"type": ["armed_group", "government"]}).json()
    assert {n["type"] for n in typed["nodes"]} == {"armed_group", "government"}
    people = client.get("/api/graph", params={"type": "person"}).json()
    assert people["nodes"] == []  # no relation between two people: nothing to draw


def test_events_quotes_articles_and_search(client: TestClient) -> None:
    (attack,) = client.get("/api/events", params={"type": "ASSAULT", "actor": "RRF"}).json()
    assert len(attack["reports"]) == 2
    quotes = client.get("/api/quotes", params={"search": "courage"}).json()
    assert [q["speaker"]["name"] for q in quotes] == ["Tomas Reuel"]
    articles = client.get("/api/articles", params={"limit": 2}).json()
    assert len(articles) == 2
    view = client.get(f"/api/articles/{articles[0]['id']}").json()
    assert {h["kind"] for h in view["highlights"]} >= {"actor"}
    found = client.get("/api/search", params={"q": "Varga"}).json()
    assert found["actors"][0]["name"] == "Ilse Varga"


@pytest.mark.parametrize(
    ("url", "params"),
    [
        ("/api/events", {"since": "last week"}),
        ("/api/events", {"since": "2025-13-45"}),
        ("/api/quotes", {"until": "2025-02-30"}),
        ("/api/graph", {"since": "2025-00-10"}),
        ("/api/actors/9223372036854775808", {}),
        ("/api/relations", {"actor": "#9223372036854775808"}),
        ("/api/events", {"actor": "#18446744073709551616"}),
        ("/api/actors", {"limit": "0"}),
        ("/api/actors", {"limit": "10000000000000000000000"}),
        ("/api/actors", {"type": "wizard"}),
        ("/api/quotes", {"search": "a\x00b"}),
        ("/api/graph", {"predicate": "loves"}),
        ("/api/actors/0", {}),
        ("/api/search", {}),
    ],
)
def test_bad_parameters_are_422_with_a_message(client: TestClient, url: str, params: dict) -> None:
    response = client.get(url, params=params)
    assert response.status_code == 422
    assert response.json()["detail"][0]["msg"]


def test_unknown_things_are_404(client: TestClient) -> None:
    assert client.get("/api/actors/999999").status_code == 404
    response = client.get("/api/events", params={"actor": "Ilse Vargo"})
    assert response.status_code == 404
    assert response.json()["suggestions"][0] == "Ilse Varga"
    assert client.get("/actors/999999").status_code == 404


def test_read_only_unless_edits_are_allowed(
    client: TestClient, web_db: str, tmp_path: Path
) -> None:
    front = _id(client, "Red Ridge Front")
    refused = client.post(f"/api/actors/{front}/merge", json={"other": "Ilse Varga"})
    assert refused.status_code == 403 and "--allow-edits" in refused.json()["detail"]
    copy = tmp_path / "editable.db"
    copy.write_bytes(Path(web_db).read_bytes())
    with TestClient(create_app(str(copy), allow_edits=True), base_url=LOCAL) as editor:
        government = _id(editor, "Kelmoran government")
        ministry = _id(editor, "Kelmoran Defence Ministry")
        merged = editor.post(
            f"/api/actors/{government}/merge",
            json={"other": "Kelmoran Defence Ministry", "different_types": True},
        )
        assert merged.status_code == 200
        # the merged-away actor's URLs lead to the survivor
        page = editor.get(f"/actors/{ministry}", follow_redirects=False)
        assert page.status_code == 307 and page.headers["location"] == f"/actors/{government}"
        api = editor.get(f"/api/actors/{ministry}")
        assert api.json()["actor"]["name"] == "Kelmoran government"
        undone = editor.post(
            f"/api/actors/{government}/split", json={"other": "Kelmoran Defence Ministry"}
        )
        assert undone.status_code == 200
        assert [a["name"] for a in undone.json()] == [
            "Kelmoran government",
            "Kelmoran Defence Ministry",
        ]


PAGES = ["/graph", "/actors", "/timeline", "/map", "/quotes?search=burn", "/articles"]


@pytest.mark.parametrize("url", PAGES)
def test_every_page_renders(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")


def _assert_escaped(html: str) -> None:
    assert SCRIPT not in html
    assert "<img" not in html
    assert 'href="javascript:' not in html
    assert not re.search(r"<script>window", html)


def test_hostile_text_is_escaped_on_every_page(client: TestClient) -> None:
    front = _id(client, f"{SCRIPT} Front")
    article = [
        a
        for a in client.get("/api/articles", params={"limit": 100}).json()
        if a["title"].startswith("<script>")
    ]
    pages = [*PAGES, f"/actors/{front}", f"/articles/{article[0]['id']}", "/actors?search=script"]
    for url in pages:
        html = client.get(url).text
        _assert_escaped(html)
    dossier = client.get(f"/actors/{front}").text
    assert "&lt;script&gt;window.__xss = 1&lt;/script&gt; Front" in dossier
    text = client.get(f"/articles/{article[0]['id']}").text
    assert "&lt;img src=x onerror=" in text


def test_the_openapi_schema_describes_the_responses(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert {"/api/actors", "/api/actors/{actor_id}", "/api/graph", "/api/quotes"} <= set(
        schema["paths"]
    )
    schemas = set(schema["components"]["schemas"])
    assert {"Dossier", "ActorSummary", "GraphView", "QuoteView"} <= schemas


def test_schemathesis_finds_no_server_error(web_db: str) -> None:
    import schemathesis
    from hypothesis import HealthCheck, given, settings

    app = create_app(web_db, hosts=["testserver"])  # the host name schemathesis sends
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    failures, calls = [], []
    for operation in schema.get_all_operations():
        operation = operation.ok()

        @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy())
        def check(case: object) -> None:
            response = case.call()  # type: ignore[attr-defined]
            calls.append(response.status_code)
            if response.status_code >= 500:
                failures.append((case.method, case.formatted_path, case.query, response.text))  # type: ignore[attr-defined]

        check()
    assert failures == []
    assert len(calls) > 100 and 200 in calls


def test_the_dossier_offers_edits_only_when_allowed(client: TestClient, web_db: str) -> None:
    front = _id(client, "Red Ridge Front")
    assert 'id="edit"' not in client.get(f"/actors/{front}").text
    with TestClient(create_app(web_db, allow_edits=True), base_url=LOCAL) as editor:
        assert 'id="edit"' in editor.get(f"/actors/{front}").text


# ------------------------------------------------------------------------------ security


@pytest.mark.parametrize("url", ["/graph", "/api/actors", "/static/graph.js", "/actors/999999"])
def test_every_response_carries_the_security_headers(client: TestClient, url: str) -> None:
    headers = client.get(url).headers
    policy = headers["content-security-policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "same-origin"


def test_no_page_holds_inline_script_or_style(client: TestClient) -> None:
    front = _id(client, "Red Ridge Front")
    for url in [*PAGES, f"/actors/{front}", "/search?q=front"]:
        html = client.get(url).text
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), url
        assert not re.search(r"<[a-z][^>]*\s(style|on[a-z]+)=", html), url
        assert "<style" not in html, url


def test_only_the_served_host_names_are_answered(web_db: str) -> None:
    app = create_app(web_db, hosts=["atlas.lan"])
    with TestClient(app, base_url="http://evil.example") as foreign:
        refused = foreign.get("/api/actors")
        assert refused.status_code == 400
        assert "frame-ancestors 'none'" in refused.headers["content-security-policy"]
    for host in ("localhost", "127.0.0.1", "atlas.lan"):
        with TestClient(app, base_url=f"http://{host}:8000") as local:
            assert local.get("/api/actors").status_code == 200


def test_edits_need_a_json_body_from_this_origin(web_db: str, tmp_path: Path) -> None:
    copy = tmp_path / "editable.db"
    copy.write_bytes(Path(web_db).read_bytes())
    with TestClient(create_app(str(copy), allow_edits=True), base_url=LOCAL) as editor:
        front, varga = _id(editor, "Red Ridge Front"), _id(editor, "Ilse Varga")
        url = f"/api/actors/{front}/merge"
        form = editor.post(url, params={"other": f"#{varga}"}, data={"other": f"#{varga}"})
        assert form.status_code == 415
        plain = editor.post(
            url, content=f'{{"other": "#{varga}"}}', headers={"Content-Type": "text/plain"}
        )
        assert plain.status_code == 415
        for foreign in ({"Origin": "http://127.0.0.1:9999"}, {"Referer": "http://evil.example/x"}):
            forged = editor.post(url, json={"other": f"#{varga}"}, headers=foreign)
            assert forged.status_code == 403 and "edit refused" in forged.json()["detail"]
        assert _id(editor, "Ilse Varga") == varga  # nothing was merged


def test_a_merge_across_types_must_be_asked_for(web_db: str, tmp_path: Path) -> None:
    copy = tmp_path / "editable.db"
    copy.write_bytes(Path(web_db).read_bytes())
    with TestClient(create_app(str(copy), allow_edits=True), base_url=LOCAL) as editor:
        front = _id(editor, "Red Ridge Front")
        url = f"/api/actors/{front}/merge"
        refused = editor.post(url, json={"other": "Ilse Varga"}, headers={"Origin": LOCAL})
        assert refused.status_code == 409
        assert "is person but 'Red Ridge Front' is armed_group" in refused.json()["detail"]
        found = editor.get("/api/actors/find", params={"name": "Ilse Varga"}).json()
        assert found["type"] == "person"
        done = editor.post(
            url,
            json={"other": f"#{found['id']}", "different_types": True},
            headers={"Origin": LOCAL},
        )
        assert done.status_code == 200


def test_swagger_ui_is_not_served_but_the_schema_is(client: TestClient) -> None:
    assert client.get("/docs").status_code == 404
    assert client.get("/openapi.json").status_code == 200


# ---------------------------------------------------------------------------- the graph


def test_the_graph_draws_connected_actors_with_positions(client: TestClient) -> None:
    graph = client.get("/api/graph").json()
    ids = {n["id"] for n in graph["nodes"]}
    ends = {i for e in graph["edges"] for i in (e["source"], e["target"])}
    assert ids == ends  # no actor without an edge
    assert set(graph["positions"]) == {str(i) for i in ids}
    assert graph["centre"] is None
    assert graph["left_out"]["unconnected"] > 0
    top = client.get("/api/graph", params={"limit": 2}).json()
    assert 0 < len(top["nodes"]) <= 2 and top["left_out"]["beyond_limit"] > 0
    fighting = client.get("/api/graph", params={"predicate": "fighting"}).json()
    assert {e["predicate"] for e in fighting["edges"]} == {"fighting"}
    assert {n["id"] for n in fighting["nodes"]} == {
        i for e in fighting["edges"] for i in (e["source"], e["target"])
    }


def test_the_actor_centred_graph(client: TestClient) -> None:
    front = _id(client, "Red Ridge Front")
    graph = client.get("/api/graph", params={"actor": "RRF"}).json()
    assert graph["centre"] == front
    assert graph["positions"][str(front)] == [0.0, 0.0]
    assert all(front in (e["source"], e["target"]) or True for e in graph["edges"])
    neighbours = {
        i
        for e in graph["edges"]
        if front in (e["source"], e["target"])
        for i in (e["source"], e["target"])
    } - {front}
    assert {n["id"] for n in graph["nodes"]} == neighbours | {front}
    names = {n["name"] for n in graph["nodes"]}
    assert "Kelmoran government" in names
    page = client.get("/graph", params={"actor": f"#{front}"})
    assert page.status_code == 200 and f'data-centre="{front}"' in page.text
    assert f'href="/graph?actor=%23{front}"' in client.get(f"/actors/{front}").text


def test_the_dossier_groups_relations(client: TestClient) -> None:
    front = _id(client, "Red Ridge Front")
    html = client.get(f"/actors/{front}").text
    row = re.search(r"<tr>.*?p-fighting.*?</tr>", html, re.S)
    assert row is not None and "Kelmoran government" in row.group(0)
    assert re.search(r"<summary>2 report\(s\)</summary>", row.group(0))


def test_one_search_box_across_everything(client: TestClient) -> None:
    assert 'action="/search"' in client.get("/actors").text  # in every page's header
    html = client.get("/search", params={"q": "Varga"}).text
    found = html[html.index('id="found-actors"') : html.index('id="found-quotes"')]
    assert "Ilse Varga" in found
    assert "No events" not in html[html.index('id="found-events"') :]
    html = client.get("/search", params={"q": "courage"}).text
    assert (
        "Tomas Reuel" in html[html.index('id="found-quotes"') : html.index('id="found-articles"')]
    )


def test_the_timeline_has_a_time_axis(client: TestClient) -> None:
    html = client.get("/timeline").text
    bars = re.findall(r"<title>([\d-]+)(?: to [\d-]+)?: (\d+) event\(s\)</title>", html)
    events = client.get("/api/events", params={"limit": 500}).json()
    dated = [e for e in events if e["date"]]
    assert bars and sum(int(n) for _, n in bars) == len(dated)
    first = min(e["date"] for e in dated)
    assert bars[0][0] <= first
    assert "events per day" in html.lower() or "events per week" in html.lower()
    assert re.search(r'<a href="\?[^"]*since=\d{4}-\d{2}-\d{2}&amp;until=', html)


def test_export_this_graph_view(client: TestClient) -> None:
    import csv
    import io
    import xml.etree.ElementTree as ET

    view = client.get("/api/graph", params={"predicate": "fighting"}).json()
    answer = client.get("/api/graph/export", params={"format": "csv", "predicate": "fighting"})
    assert answer.headers["content-type"].startswith("text/csv")
    assert "attachment" in answer.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(answer.text)))
    assert len(rows) == len(view["edges"]) and {r["predicate"] for r in rows} == {"fighting"}
    assert ("Red Ridge Front", "Kelmoran government") in {(r["subject"], r["object"]) for r in rows}
    gexf = client.get("/api/graph/export", params={"format": "gexf", "predicate": "fighting"})
    root = ET.fromstring(gexf.content)
    ns = {"g": "http://www.gexf.net/1.2draft"}
    assert len(root.findall(".//g:node", ns)) == len(view["nodes"])
    assert len(root.findall(".//g:edge", ns)) == len(view["edges"])
    page = client.get("/graph", params={"predicate": "fighting"}).text
    assert 'href="/api/graph/export?format=gexf&amp;predicate=fighting"' in page


def test_a_csv_cell_never_starts_a_formula() -> None:
    from newsgraph.web.exports import _cell

    assert [_cell(v) for v in ("=SUM(A1)", "+1", "-x", "@me", "Front", 3)] == [
        "'=SUM(A1)",
        "'+1",
        "'-x",
        "'@me",
        "Front",
        3,
    ]


def test_a_dossier_of_a_period(client: TestClient) -> None:
    front = _id(client, "Red Ridge Front")
    whole = client.get(f"/actors/{front}").text
    assert "p-fighting" in whole and "Quotes by" in whole
    later = client.get(f"/actors/{front}", params={"since": "2030-01-01"}).text
    assert "p-fighting" not in later and "Quotes by" not in later
    assert 'value="2030-01-01"' in later
    early = client.get(f"/actors/{front}", params={"until": "2026-02-10"}).text
    row = re.search(r"<tr>.*?p-fighting.*?</tr>", early, re.S)
    assert row is not None and re.search(r"<summary>1 report\(s\)</summary>", row.group(0))
    assert client.get(f"/actors/{front}", params={"since": "2026-02-31"}).status_code == 422


def test_the_articles_of_a_period(client: TestClient) -> None:
    every = client.get("/api/articles", params={"limit": 100}).json()
    day = sorted(a["published"] for a in every if a["published"])[1]
    html = client.get("/articles", params={"since": day, "until": day}).text
    titles = [a["title"] for a in every if a["published"] == day]
    listed = re.findall(r'<li><a href="/articles/\d+">', html)
    assert len(listed) == len(titles) and titles
    assert client.get("/articles", params={"until": "2026-04-31"}).status_code == 422
