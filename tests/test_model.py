"""The contract: the JSON Schema kept in the repo matches the model, and output validates."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import jsonschema

from newsgraph.model import (
    Article,
    ArticleMeta,
    Evidence,
    Relation,
    json_schema,
    to_json,
)

SCHEMA_FILE = Path(__file__).resolve().parents[1] / "schema" / "article.schema.json"


def test_schema_file_is_in_sync_with_the_model() -> None:
    kept = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert kept == json_schema(), "run: newsgraph schema -o schema/article.schema.json"


def test_fields_come_in_the_contract_order() -> None:
    article = Article(
        article=ArticleMeta(id="x", text_sha256="0" * 64),
        relations=[
            Relation(
                subject="a1",
                predicate="splinter_of",
                object="a2",
                since="2018",
                evidence=Evidence(start=0, end=3, text="abc"),
            )
        ],
    )
    data = json.loads(to_json(article))
    assert list(data) == ["schema", "article", "actors", "relations", "quotes", "events"]
    assert list(data["article"]) == ["id", "title", "published", "url", "source", "text_sha256"]
    assert list(data["relations"][0]) == [
        "subject",
        "predicate",
        "object",
        "asserted_by",
        "modality",
        "since",
        "until",
        "evidence",
    ]
    assert data["schema"] == "newsgraph/article@1"


def test_pipeline_output_validates_and_text_only_when_asked(
    read_text: Callable[..., Article],
) -> None:
    text = (
        "General Anton Varga of the Kestrian army met the Harrow Liberation Front (HLF) in "
        'Port Idris. "We will not retreat," Varga told reporters.'
    )
    validator = jsonschema.Draft202012Validator(json_schema())
    plain = json.loads(to_json(read_text(text)))
    validator.validate(plain)
    assert "text" not in plain["article"]
    with_text = json.loads(to_json(read_text(text, include_text=True)))
    validator.validate(with_text)
    assert with_text["article"]["text"] == text
