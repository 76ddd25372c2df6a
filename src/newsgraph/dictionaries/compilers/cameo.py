"""Compile the PETRARCH2 CAMEO verb dictionary into `newsgraph/data/cameo_verbs.json.gz`.

Run by `scripts/compile_cameo.py`; the structure of the output, and which patterns are kept
and dropped, are described in `newsgraph.dictionaries.cameo`. The output is deterministic
(sorted keys, gzip without timestamp or file name).
"""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.dictionaries.cameo import (
    FORMAT,
    BlockData,
    LexiconData,
    PatternData,
    VerbData,
    VerbLexicon,
)
from newsgraph.dictionaries.compilers.cameo_reading import (
    CompileReport,
    PatternDropped,
    as_phrase,
    parse_code,
    parse_pattern,
    synset_label,
)
from newsgraph.dictionaries.plover import NULL_CODE

_HEADER_RE = re.compile(r"^---\s*(?P<name>[^\[]*?)\s*(?:\[(?P<code>[^\]]*)\](?P<rest>.*))?$")
_VERB_RE = re.compile(
    r"^(?P<verb>[^\s{\[]+)\s*(?:\{(?P<forms>[^}]*)\})?\s*(?:\[(?P<code>[^\]]*)\])?\s*(?P<rest>.*)$"
)
_VERB_TOKEN_RE = re.compile(r"[A-Za-z][A-Za-z+_'.\-]*|\+[A-Za-z][A-Za-z+_'.\-]*")
_XML_COMMENT_RE = re.compile(r"<!--.*?-->", re.S)


def _strip_comment(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


@dataclass
class _RawBlock:
    name: str
    code: str
    passive: str | None
    line: int
    patterns: list[tuple[int, str]] = field(default_factory=list)


def compile_dictionary(text: str, source: str = "<text>") -> tuple[LexiconData, CompileReport]:
    """Compile a PETRARCH2 verb dictionary (the text of e.g. `CAMEO.2.0.txt`).

    Never raises on bad input: what cannot be read is counted in the report's `dropped`,
    `unparseable` and `problems`.
    """
    report = CompileReport(source=source)
    # XML-style comments may span lines; blank them but keep the line numbering.
    text = _XML_COMMENT_RE.sub(lambda m: "\n" * m.group(0).count("\n"), text)

    raw_synsets: dict[str, list[tuple[int, str]]] = {}
    blocks: dict[str, _RawBlock] = {}
    verbs: dict[str, VerbData] = {}
    forms: dict[str, str] = {}
    block: _RawBlock | None = None
    synset: str | None = None

    for number, raw_line in enumerate(text.splitlines(), start=1):
        line = _strip_comment(raw_line).strip()
        if not line:
            continue  # blank and comment lines do not end a synset
        if synset is not None and line.startswith("+"):
            raw_synsets[synset].append((number, line[1:].strip()))
            continue
        synset = None
        if line.startswith("---"):
            block = _read_header(line, number, blocks, report)
        elif line.startswith("&"):
            synset = synset_label(line.split()[0])
            if synset in raw_synsets:
                report.problem(number, "synset defined twice; members merged", line)
            raw_synsets.setdefault(synset, [])
        elif line.startswith("~"):
            report.transformations += 1
        elif line.startswith("-"):
            report.patterns_read += 1
            if block is None:
                report.dropped["pattern outside a verb block"] += 1
                report.problem(number, "pattern outside a verb block", line)
            else:
                block.patterns.append((number, line))
        elif block is None or line.startswith("<"):
            report.unparseable += 1
            report.problem(number, "unparseable line", line)
        else:
            _read_verb(line, number, block, verbs, forms, report)

    synsets = _resolve_synsets(raw_synsets, report)
    data_blocks: dict[str, BlockData] = {}
    for raw_block in blocks.values():
        patterns = _compile_patterns(raw_block, synsets, report)
        entry: BlockData = {"code": raw_block.code, "patterns": patterns}
        if raw_block.passive:
            entry["passive"] = raw_block.passive
        data_blocks[raw_block.name] = entry

    report.blocks = len(data_blocks)
    report.verbs = len(verbs)
    report.compound_verbs = sum(" " in lemma for lemma in verbs)
    report.forms = len(forms)
    report.synsets = len(synsets)
    report.patterns = sum(len(b["patterns"]) for b in data_blocks.values())
    data: LexiconData = {
        "format": FORMAT,
        "source": source,
        "counts": report.counts(),
        "synsets": {name: sorted(members) for name, members in synsets.items()},
        "blocks": data_blocks,
        "verbs": verbs,
        "forms": forms,
    }
    return data, report


def _read_header(
    line: str, number: int, blocks: dict[str, _RawBlock], report: CompileReport
) -> _RawBlock:
    match = _HEADER_RE.match(line)
    name = (match.group("name") if match else line).strip(" -") or f"BLOCK@{number}"
    name = "_".join(name.split()).upper()
    raw_code = match.group("code") if match else None
    if match and match.group("rest") is not None and match.group("rest").strip(" -"):
        report.problem(number, "text after the block code ignored", line)
    active, passive, note = (NULL_CODE, None, None) if raw_code is None else parse_code(raw_code)
    if note:
        report.problem(number, note, line)
    unique = name
    suffix = 2
    while unique in blocks:
        unique = f"{name}~{suffix}"
        suffix += 1
    if unique != name:
        report.problem(number, f"block name repeated; renamed {unique}", line)
    blocks[unique] = _RawBlock(unique, active, passive, number)
    return blocks[unique]


def _read_verb(
    line: str,
    number: int,
    block: _RawBlock,
    verbs: dict[str, VerbData],
    forms: dict[str, str],
    report: CompileReport,
) -> None:
    text = line.split(";", 1)[0].strip()  # TABARI-era ';' comments
    if text != line:
        report.problem(number, "';' comment removed", line)
    match = _VERB_RE.match(text)
    if match is None or not _VERB_TOKEN_RE.fullmatch(match.group("verb")):
        report.unparseable += 1
        report.problem(number, "unparseable verb line", line)
        return
    if match.group("rest"):
        report.problem(number, "text after the verb ignored", line)
    lemma = as_phrase(match.group("verb"))
    if match.group("code") is not None:
        active, passive, note = parse_code(match.group("code"))
        if note:
            report.problem(number, note, line)
    else:
        active, passive = block.code, block.passive
    if lemma not in verbs:
        entry: VerbData = {"block": block.name, "code": active, "line": number}
        if passive:
            entry["passive"] = passive
        verbs[lemma] = entry
    elif verbs[lemma]["block"] != block.name:
        also = verbs[lemma].setdefault("also", [])
        if block.name not in also:
            also.append(block.name)
        first = f"{verbs[lemma]['block']}, line {verbs[lemma]['line']}"
        report.problem(number, "verb repeated in another block; first kept", f"{line} ({first})")
    for form_token in re.split(r"[\s,]+", match.group("forms") or ""):
        form = as_phrase(form_token)
        if not form or form == lemma:
            continue
        known = forms.get(form)
        if known is None:
            forms[form] = lemma
        elif known != lemma:
            report.problem(number, "form of two verbs; first kept", f"{line} ({form}: {known})")


def _resolve_synsets(
    raw: dict[str, list[tuple[int, str]]], report: CompileReport
) -> dict[str, set[str]]:
    """Synset members as lower-case phrases, with synsets inside synsets expanded."""

    def expand(name: str, seen: tuple[str, ...]) -> set[str]:
        members: set[str] = set()
        for number, member in raw[name]:
            if member.startswith("&"):
                inner = synset_label(member.split()[0])
                if inner in seen:
                    report.problem(number, f"synset {inner} includes itself", member)
                elif inner not in raw:
                    report.problem(number, f"undefined synset {inner} in {name}", member)
                else:
                    members |= expand(inner, (*seen, inner))
            elif phrase := as_phrase(member.rstrip("_")):
                members.add(phrase)
        return members

    return {name: expand(name, (name,)) for name in raw}


def _compile_patterns(
    block: _RawBlock, synsets: dict[str, set[str]], report: CompileReport
) -> list[PatternData]:
    by_signature: dict[tuple[str, ...], PatternData] = {}
    for number, line in block.patterns:
        try:
            pattern = parse_pattern(line, number, synsets, report)
        except PatternDropped as reason:
            report.dropped[str(reason)] += 1
            report.problem(number, f"pattern dropped: {reason}", line)
            continue
        signature = tuple(
            str(pattern.get(key, "")) for key in ("subj", "obj", "prt", "prep", "pobj")
        )
        if signature in by_signature:
            report.overridden += 1
            del by_signature[signature]  # the later pattern wins, at its own place
        by_signature[signature] = pattern
    return list(by_signature.values())


def dump_compiled(data: LexiconData) -> bytes:
    """The compiled data as deterministic gzip'd JSON (sorted keys, no timestamp)."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=True, separators=(",", ":"))
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def lexicon_from_text(text: str, source: str = "<text>") -> VerbLexicon:
    """A verb lexicon compiled now from a dictionary's text."""
    data, _ = compile_dictionary(text, source)
    return VerbLexicon(data)


def lexicon_from_file(path: str | Path) -> VerbLexicon:
    """Compile a PETRARCH2 verb dictionary file now (e.g. `PETR.Validate.verbs.txt`)."""
    path = Path(path)
    text = path.read_text(encoding="utf-8", errors="replace")
    return lexicon_from_text(text, source=path.name)
