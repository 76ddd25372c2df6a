"""Readers: every supported input, and every kind of bad input reported with file and line."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from newsgraph.model import ReadError, Record
from newsgraph.read import iter_records
from newsgraph.read.records import text_id


def read_all(*paths: Path | str, **options: str) -> list[Record | ReadError]:
    return list(iter_records([str(p) for p in paths], **options))


def test_plain_text_gets_a_stable_hash_id_and_no_title(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("The Harrow Front withdrew from Port Idris.\n", encoding="utf-8")
    (record,) = read_all(path, published="2025-03-14")
    assert isinstance(record, Record)
    assert record.id == text_id(record.text) == read_all(path)[0].id  # type: ignore[union-attr]
    assert record.title is None
    assert record.published == "2025-03-14"
    assert record.origin == str(path)


def test_text_is_kept_exactly_as_read(tmp_path: Path) -> None:
    text = "“Curly,” she said.\r\nA\u00a0non-breaking space and doubled marks.\n"
    path = tmp_path / "messy.txt"
    path.write_bytes(text.encode("utf-8"))
    (record,) = read_all(path)
    assert isinstance(record, Record)
    assert record.text == text


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfKestria voted.")
    (record,) = read_all(path)
    assert isinstance(record, Record) and record.text == "Kestria voted."


def test_legacy_encoding_is_read_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "cp1252.txt"
    path.write_bytes(
        "The minister’s café in Orsino — a “quiet” place, said Valérie Amsel.".encode("cp1252")
    )
    warnings: list[str] = []
    (record,) = list(iter_records([str(path)], warn=warnings.append))
    assert isinstance(record, Record)
    assert "café" in record.text and "“quiet”" in record.text
    assert warnings and "not UTF-8" in warnings[0]


def test_undecodable_file_is_an_error_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"\x81\x8d\x8f\x90\x9d\xfe\xff" * 20)
    (error,) = read_all(path)
    assert isinstance(error, ReadError)
    assert error.origin == str(path)
    assert "UTF-8" in error.message


def test_binary_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (error,) = read_all(path)
    assert isinstance(error, ReadError) and "binary" in error.message


def test_empty_text_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("  \n\n", encoding="utf-8")
    (error,) = read_all(path)
    assert isinstance(error, ReadError) and "empty" in error.message


def test_missing_path_is_an_error() -> None:
    (error,) = read_all("/nonexistent/story.txt")
    assert isinstance(error, ReadError) and error.message == "no such file or directory"


def jsonl(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_errors_name_the_line_and_the_rest_is_read(tmp_path: Path) -> None:
    good = json.dumps({"id": "g", "text": "Kestria closed its border."})
    path = jsonl(
        tmp_path,
        good,  # 1
        json.dumps({"id": "no-text"}),  # 2
        json.dumps({"text": ""}),  # 3
        json.dumps({"text": 42}),  # 4
        json.dumps(["not", "an", "object"]),  # 5
        json.dumps({"text": "ok", "published": "last Tuesday"}),  # 6
        '{"text": "broken',  # 7
        json.dumps({"text": "ok", "title": 7}),  # 8
        good,  # 9
    )
    results = read_all(path)
    errors = {r.origin.rsplit(":", 1)[1]: r.message for r in results if isinstance(r, ReadError)}
    assert [r.id for r in results if isinstance(r, Record)] == ["g", "g"]
    assert errors == {
        "2": 'record has no "text" field',
        "3": '"text" is empty',
        "4": '"text" must be a string, got a number',
        "5": "a record must be a JSON object, got an array",
        "6": "\"published\" must be a date as YYYY-MM-DD, got 'last Tuesday'",
        "7": errors["7"],
        "8": '"title" must be a string or null, got a number',
    }
    assert errors["7"].startswith("invalid JSON")


def test_jsonl_line_with_bad_bytes_is_an_error_of_that_line_only(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b'{"text": "first"}\n{"text": "\xff\xfe bad"}\n{"text": "third"}\n')
    results = read_all(path)
    assert [type(r).__name__ for r in results] == ["Record", "ReadError", "Record"]
    assert results[1].origin.endswith(":2")  # type: ignore[union-attr]


def test_jsonl_keeps_fields_and_blank_lines_are_not_records(tmp_path: Path) -> None:
    record = {
        "id": "k1",
        "text": "Talks resumed.",
        "title": "Talks",
        "published": "2025-04-02T09:30:00Z",
        "url": "https://example.invalid/k1",
        "source": "Meridian Post",
        "extra": "ignored",
    }
    path = jsonl(tmp_path, "", json.dumps(record), "   ")
    (read,) = read_all(path, published="2020-01-01")
    assert isinstance(read, Record)
    assert (read.id, read.title, read.published, read.url, read.source) == (
        "k1",
        "Talks",
        "2025-04-02",
        "https://example.invalid/k1",
        "Meridian Post",
    )
    assert read.origin.endswith(":2")


def test_json_file_holds_one_record_or_a_list(tmp_path: Path) -> None:
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"text": "A truce held."}), encoding="utf-8")
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"text": "First."}, {"nope": 1}]), encoding="utf-8")
    results = read_all(one, many)
    assert [type(r).__name__ for r in results] == ["Record", "Record", "ReadError"]
    assert results[2].origin == f"{many}[1]"  # type: ignore[union-attr]


def test_invalid_json_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text("{not json", encoding="utf-8")
    (error,) = read_all(path)
    assert isinstance(error, ReadError) and error.message.startswith("invalid JSON")


HTML = """<!doctype html><html><head><title>Port Idris talks collapse | Meridian Post</title>
<meta property="og:title" content="Port Idris talks collapse">
<meta property="article:published_time" content="2025-05-09T08:00:00Z">
</head><body><nav>Home | World | Sport</nav><article><h1>Port Idris talks collapse</h1>
<p>Negotiators from the Kestrian government and the Harrow Liberation Front left the
talks in Port Idris on Thursday without an agreement, officials said.</p>
<p>"We came to end a war, not to sign a surrender," said Mira Castellane, a senior fellow
at the Orsino Institute, who attended the talks as an observer.</p>
<p>The front's delegation accused the government of moving troops toward the coast during
the negotiations, a charge the defence ministry denied in a statement.</p>
</article><footer>© Meridian Post</footer></body></html>"""


def test_html_main_text_title_and_date(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    (record,) = read_all(path)
    assert isinstance(record, Record)
    assert record.title == "Port Idris talks collapse"
    assert record.published == "2025-05-09"
    assert "Mira Castellane" in record.text
    assert "Home | World" not in record.text and "©" not in record.text


def test_html_without_main_text_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text(
        "<html><head><script>var x = 1;</script></head><body></body></html>", encoding="utf-8"
    )
    (error,) = read_all(path)
    assert isinstance(error, ReadError) and "no main text" in error.message


def test_directory_reads_supported_files_in_order_and_warns_of_the_rest(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Second story.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First story.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.jsonl").write_text('{"text": "Third story."}\n', encoding="utf-8")
    (tmp_path / "notes.md").write_text("# not news", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("hidden", encoding="utf-8")
    warnings: list[str] = []
    results = list(iter_records([str(tmp_path)], warn=warnings.append))
    assert [r.text for r in results if isinstance(r, Record)] == [
        "First story.",
        "Second story.",
        "Third story.",
    ]
    assert len(warnings) == 1 and "notes.md" in warnings[0]


def test_standard_input_is_plain_text(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = io.TextIOWrapper(io.BytesIO(b"Kestria recalled its envoy."), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", fake)
    (record,) = read_all("-")
    assert isinstance(record, Record)
    assert record.text == "Kestria recalled its envoy." and record.origin == "<stdin>"


# ------------------------------------------------------------------ feeds and archives

RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Valdoria Post</title>
<item><title>Truce in Marnell</title><link>https://example.org/a</link>
<guid>post-1</guid><pubDate>Tue, 03 Mar 2026 10:00:00 GMT</pubDate>
<description>&lt;p&gt;The Red Ridge Front said it would honour the truce.&lt;/p&gt;&lt;p&gt;Its
commander agreed.&lt;/p&gt;</description></item>
<item><title>No body</title><link>https://example.org/b</link></item>
</channel></rss>"""


def test_rss_entries_become_records(tmp_path: Path) -> None:
    path = tmp_path / "feed.rss"
    path.write_text(RSS, encoding="utf-8")
    first, second = iter_records([str(path)])
    assert isinstance(first, Record)
    assert first.id == "post-1"
    assert (
        first.text == "The Red Ridge Front said it would honour the truce.\n\nIts commander agreed."
    )
    assert (first.title, first.url, first.published, first.source) == (
        "Truce in Marnell",
        "https://example.org/a",
        "2026-03-03",
        "Valdoria Post",
    )
    assert first.origin == f"{path}#1"
    assert isinstance(second, ReadError) and second.message == '"text" is empty'


def test_an_xml_file_that_is_no_feed_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "notes.xml"
    path.write_text("<notes>The Harrow Front met in Valdris.</notes>", encoding="utf-8")
    (record,) = iter_records([str(path)])
    assert isinstance(record, Record) and "Harrow Front" in record.text


def _warc(path: Path, pages: list[tuple[str, bytes, str]]) -> None:
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for url, body, kind in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.0")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers
            )
            writer.write_record(record)


def test_warc_html_responses_become_records(tmp_path: Path) -> None:
    page = (
        b"<html><head><title>Marnell truce</title></head><body><article><h1>Marnell truce</h1>"
        b"<p>The Red Ridge Front said on Monday it would honour the truce agreed with the "
        b"Valdorian army, a spokesman told reporters in the town of Marnell.</p>"
        b"<p>Commander Ilse Varga said the fighters would withdraw by Friday.</p>"
        b"</article></body></html>"
    )
    path = tmp_path / "crawl.warc.gz"
    _warc(
        path,
        [
            ("https://example.org/m", page, "text/html"),
            ("https://x/i.png", b"\x89PNG", "image/png"),
        ],
    )
    (record,) = iter_records([str(path)])
    assert isinstance(record, Record)
    assert "Commander Ilse Varga said" in record.text
    assert record.url == "https://example.org/m"
    assert record.origin == f"{path}#1"


def test_a_broken_warc_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.warc"
    path.write_bytes(b"this is not an archive")
    (error,) = iter_records([str(path)])
    assert isinstance(error, ReadError) and "cannot read the WARC archive" in error.message


def test_a_byte_order_mark_followed_by_other_bytes_is_an_error(tmp_path: Path) -> None:
    # found by benchmarks/fuzz.py: a UTF-16 BOM, then an odd number of bytes
    path = tmp_path / "page.html"
    path.write_bytes(b"\xfe\xff\x07\x85\x15\x07\x41")
    (error,) = iter_records([str(path)])
    assert isinstance(error, ReadError)
    assert "byte-order mark but is not UTF-16" in error.message
