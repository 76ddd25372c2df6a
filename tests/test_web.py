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
    with TestClient(create_app(web_db)) as opened:
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
    people = client.get("/api/graph", params={"type": "person"}).json()
    assert {n["type"] for n in people["nodes"]} == {"person"}


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
    refused = client.post(f"/api/actors/{front}/merge", params={"other": "Ilse Varga"})
    assert refused.status_code == 403 and "--allow-edits" in refused.json()["detail"]
    copy = tmp_path / "editable.db"
    copy.write_bytes(Path(web_db).read_bytes())
    with TestClient(create_app(str(copy), allow_edits=True)) as editor:
        government = _id(editor, "Kelmoran government")
        merged = editor.post(
            f"/api/actors/{government}/merge", params={"other": "Kelmoran Defence Ministry"}
        )
        assert merged.status_code == 200
        undone = editor.post(
            f"/api/actors/{government}/split", params={"other": "Kelmoran Defence Ministry"}
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
    assert {"Dossier", "ActorSummary", "Graph", "QuoteView"} <= set(schema["components"]["schemas"])


def test_schemathesis_finds_no_server_error(web_db: str) -> None:
    import schemathesis
    from hypothesis import HealthCheck, given, settings

    app = create_app(web_db)
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
    with TestClient(create_app(web_db, allow_edits=True)) as editor:
        assert 'id="edit"' in editor.get(f"/actors/{front}").text
