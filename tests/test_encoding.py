"""Bytes to text: a stray invalid byte in UTF-8 is replaced and reported by line; a file in
a legacy encoding as a whole is still read in that encoding."""

from __future__ import annotations

from pathlib import Path

from newsgraph.model import Record
from newsgraph.read import iter_records
from newsgraph.read.decode import decode


def read_with_warnings(path: Path) -> tuple[Record, list[str]]:
    warnings: list[str] = []
    (record,) = list(iter_records([str(path)], warn=warnings.append))
    assert isinstance(record, Record), record
    return record, warnings


def test_a_stray_byte_in_utf8_is_replaced_and_its_line_reported(tmp_path: Path) -> None:
    path = tmp_path / "stray.txt"
    lines = [
        "Ştefan Vălcescu spoke in Brașov.".encode(),
        "The Zărnești council met on Monday.".encode(),
        b"A stray byte \x96 sits here.",
        "Ioana Mureșan left for Cluj.".encode(),
    ]
    path.write_bytes(b"\n".join(lines))
    record, warnings = read_with_warnings(path)
    assert record.text.splitlines() == [
        "Ştefan Vălcescu spoke in Brașov.",
        "The Zărnești council met on Monday.",
        "A stray byte \ufffd sits here.",
        "Ioana Mureșan left for Cluj.",
    ]
    assert warnings == [f"{path}:3: invalid UTF-8 byte(s) replaced"]


def test_each_line_with_bad_bytes_is_named_once(tmp_path: Path) -> None:
    data = "Mira Castellane, Ærøskøbing, Çorlu.\n".encode() * 3
    data += b"bad \xff\xfe twice \xc3 here\n" + "Vélmora.\n".encode() * 2 + b"end \x80\n"
    decoded = decode(data)
    assert decoded.encoding is None
    assert decoded.replaced_lines == (4, 7)
    assert decoded.text.count("\ufffd") == 4
    assert "Ærøskøbing" in decoded.text


def test_a_cp1252_file_is_still_read_as_cp1252(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    text = "Valérie Amsel’s café in Orsino — “quiet”, said the Ministère. " * 3
    path.write_bytes(text.encode("cp1252"))
    record, warnings = read_with_warnings(path)
    assert record.text == text
    assert len(warnings) == 1 and "not UTF-8, read as" in warnings[0]


def test_a_latin1_file_is_still_read_as_latin1(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    text = "Le général Hélène Duré a quitté Sérac après la réunion à Évreux. " * 3
    path.write_bytes(text.encode("latin-1"))
    record, warnings = read_with_warnings(path)
    assert record.text == text
    assert warnings and "not UTF-8" in warnings[0]


def test_a_cp1250_file_is_still_read_as_cp1250(tmp_path: Path) -> None:
    path = tmp_path / "cp1250.txt"
    text = "Łukasz Wiśniewski spotkał się z Żanetą Ćwik w Łodzi, powiedział rzecznik. " * 3
    path.write_bytes(text.encode("cp1250"))
    record, warnings = read_with_warnings(path)
    assert record.text == text
    assert warnings == [f"{path}: not UTF-8, read as cp1250"]
