"""Reading the PETRARCH2 verb dictionary format: codes, names and one pattern at a time.

The format and what is kept of it are described in `newsgraph.dictionaries.cameo`; the
compiler that puts the pieces together is `newsgraph.dictionaries.compilers.cameo`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

from newsgraph.dictionaries.cameo import PARTICLES, PURE_PARTICLES, PatternData
from newsgraph.dictionaries.compilers import word_set
from newsgraph.dictionaries.plover import NULL_CODE, is_cameo_code


class Problem(NamedTuple):
    """Something in the dictionary the compiler did not take over as it stood."""

    line: int
    kind: str
    text: str


@dataclass
class CompileReport:
    """What `compile_dictionary` read, kept and dropped."""

    source: str
    blocks: int = 0
    verbs: int = 0
    compound_verbs: int = 0
    forms: int = 0
    synsets: int = 0
    patterns_read: int = 0
    patterns: int = 0
    overridden: int = 0
    transformations: int = 0
    unparseable: int = 0
    dropped: Counter[str] = field(default_factory=Counter)
    problems: list[Problem] = field(default_factory=list)

    @property
    def dropped_total(self) -> int:
        return sum(self.dropped.values())

    def counts(self) -> dict[str, int]:
        return {
            "blocks": self.blocks,
            "verbs": self.verbs,
            "compound_verbs": self.compound_verbs,
            "forms": self.forms,
            "synsets": self.synsets,
            "patterns_read": self.patterns_read,
            "patterns": self.patterns,
            "patterns_dropped": self.dropped_total,
            "patterns_overridden": self.overridden,
            "transformations_skipped": self.transformations,
            "unparseable_lines": self.unparseable,
        }

    def problem(self, line: int, kind: str, text: str) -> None:
        self.problems.append(Problem(line, kind, text.strip()))


# ---------------------------------------------------------------------------------------------
# Reading the PETRARCH2 verb dictionary format


PREPOSITIONS = word_set(
    "about above across after against along alongside amid amidst among amongst around as at "
    "before behind below beneath beside besides between beyond by despite down during except "
    "for from in inside into near of off on onto out outside over past per since through "
    "throughout to toward towards under underneath until unlike up upon via with within "
    "without"
)
# Bare words that show a pattern is about clause context, which a verb lookup cannot see.
FUNCTION_WORDS = word_set(
    "if that when whether which who whom whose what where while and or but nor neither not no "
    "never so than then will would shall should can could may might must do did does done has "
    "have had having was were been being is are am be to also even ever now only just still "
    "yet it its he she they we i you him her them us his their our"
)
DETERMINERS = word_set("a an the")
_NOUNS_IN_LY = word_set(
    "ally rally assembly supply apply reply family italy july monopoly anomaly bully early "
    "daily weekly monthly"
)
_MARKERS = frozenset("+$%^")  # target, source, compound actor, skip-a-phrase

_CODE_AT_END_RE = re.compile(r"\[(?P<code>[^\[\]]*)\]\s*(?P<rest>[^\[\]]*)$")
_PATTERN_TOKEN_RE = re.compile(r"[(){}]|[^\s(){}]+")


class PatternDropped(Exception):
    """A pattern the compiled structure cannot represent; the message is the reason."""


# A pattern element: ("w", word), ("np", words) or ("pp", elements).
_Elem = tuple[str, object]


def as_phrase(token: str) -> str:
    """A dictionary verb or word token as a lower-case, space-joined phrase."""
    return " ".join(token.replace("+", " ").replace("_", " ").lower().split())


def synset_label(token: str) -> str:
    """The canonical name of a synset: `&NAME`, upper case, without the no-plural `_`."""
    return "&" + token.lstrip("&").rstrip("_").upper()


def parse_code(raw: str) -> tuple[str, str | None, str | None]:
    """(active, passive, note) from the inside of `[...]`, e.g. "042:043", ":173", "---"."""
    note = None
    active, _, passive = raw.strip().partition(":")
    active, passive = active.strip(), passive.strip()
    if active.endswith("!") or passive.endswith("!"):
        note = f"code [{raw}]: trailing '!' removed"
        active, passive = active.rstrip("!"), passive.rstrip("!")
    for part in (active, passive):
        if part and part != NULL_CODE and not is_cameo_code(part):
            note = f"code [{raw}] is not a CAMEO code; kept as it is"
    return active or NULL_CODE, (passive if passive and passive != NULL_CODE else None), note


def parse_pattern(
    line: str, number: int, synsets: dict[str, set[str]], report: CompileReport
) -> PatternData:
    body = line[1:].split(";", 1)[0]
    code_match = _CODE_AT_END_RE.search(body)
    if code_match is None:
        raise PatternDropped("no [code]")
    if code_match.group("rest").strip():
        report.problem(number, "text after the pattern code ignored", line)
    active, passive, note = parse_code(code_match.group("code"))
    if note:
        report.problem(number, note, line)
    body = body[: code_match.start()]
    if body.count("*") != 1:
        raise PatternDropped("not exactly one verb marker '*'")
    before, _, after = body.partition("*")
    pattern: PatternData = {"code": active, "line": number}
    if passive:
        pattern["passive"] = passive
    subj = _read_pre_verb(_elements(before), synsets)
    if subj:
        pattern["subj"] = subj
    _read_post_verb(_elements(after), synsets, pattern)
    if len(pattern) == 2 + bool(passive):
        raise PatternDropped("no word to match (only role markers)")
    return pattern


def _elements(text: str) -> list[_Elem]:
    """Scan pattern text into words, {noun phrases} and (prepositional phrases)."""
    top: list[_Elem] = []
    stack: list[tuple[str, list[_Elem]]] = []
    for token in _PATTERN_TOKEN_RE.findall(text):
        if token in "({":
            kind = "pp" if token == "(" else "np"
            if any(k == kind for k, _ in stack) or (kind == "pp" and stack):
                raise PatternDropped("nested brackets")
            stack.append((kind, []))
        elif token in ")}":
            kind = "pp" if token == ")" else "np"
            if not stack or stack[-1][0] != kind:
                raise PatternDropped("unbalanced brackets")
            _, items = stack.pop()
            element = _bracketed(kind, items)
            if element is not None:
                (stack[-1][1] if stack else top).append(element)
        else:
            for element in _word(token, inside=bool(stack)):
                (stack[-1][1] if stack else top).append(element)
    if stack:
        raise PatternDropped("unbalanced brackets")
    return top


def _word(token: str, inside: bool) -> list[_Elem]:
    """A bare token; `A_B` (consecutive words) becomes a noun or prepositional phrase."""
    parts = [p for p in token.split("_") if p]
    if not parts:
        return []
    if len(parts) == 1:
        return [("w", parts[0])]
    words = [p for p in parts if p not in _MARKERS]
    if not words:
        return []
    if not inside and words[0].lower() in PREPOSITIONS and len(words) > 1:
        return [("pp", [("w", words[0]), ("np", words[1:])])]
    return [("np", words)] if len(words) > 1 else [("w", words[0])]


def _bracketed(kind: str, items: list[_Elem]) -> _Elem | None:
    if kind == "pp":
        return ("pp", items) if items else None
    words: list[str] = []
    for item_kind, value in items:
        if item_kind == "w":
            words.append(str(value))
        elif isinstance(value, list):
            words.extend(str(v) for v in value)
    words = [w for w in words if w not in _MARKERS]
    return ("np", words) if words else None


def _noun(element: _Elem, synsets: dict[str, set[str]]) -> str:
    """A noun element as the compiled noun string ("financial aid", "&MILITARY aid")."""
    kind, value = element
    if kind == "w":
        words = [str(value)]
    else:
        words = [str(v) for v in value] if isinstance(value, list) else []
    tokens: list[str] = []
    for word in words:
        if word.startswith("&"):
            label = synset_label(word)
            if label not in synsets:
                raise PatternDropped("undefined synset")
            tokens.append(label)
        elif word.lower() not in DETERMINERS or len(words) == 1:
            tokens.append(word.lower())
    if not tokens:
        raise PatternDropped("empty noun phrase")
    return " ".join(tokens)


def _check_bare_word(word: str) -> None:
    lower = word.lower()
    if lower in FUNCTION_WORDS:
        raise PatternDropped("clause context (function word)")
    if lower.endswith("ly") and len(lower) > 4 and lower not in _NOUNS_IN_LY:
        raise PatternDropped("adverb")


def _is_content_word(element: _Elem) -> bool:
    return element[0] == "w" and str(element[1]).lower() not in PREPOSITIONS


def _one_noun_phrase(elements: list[_Elem]) -> _Elem:
    """One element, or consecutive bare words as one noun phrase (head last)."""
    if len(elements) == 1:
        return elements[0]
    return ("np", [str(value) for _, value in elements])


def _without_markers(elements: list[_Elem]) -> list[_Elem]:
    return [e for e in elements if not (e[0] == "w" and str(e[1]) in _MARKERS)]


def _read_pre_verb(elements: list[_Elem], synsets: dict[str, set[str]]) -> str | None:
    elements = _without_markers(elements)
    if not elements:
        return None
    if any(kind == "pp" for kind, _ in elements):
        raise PatternDropped("pre-verb prepositional phrase")
    for kind, value in elements:
        if kind == "w":
            _check_bare_word(str(value))
    if len(elements) > 1 and not all(_is_content_word(e) for e in elements):
        raise PatternDropped("several pre-verb words")
    return _noun(_one_noun_phrase(elements), synsets)


def _read_post_verb(
    elements: list[_Elem], synsets: dict[str, set[str]], pattern: PatternData
) -> None:
    elements = _without_markers(elements)
    preps: list[tuple[str, str | None]] = []
    position = 0
    if elements and elements[0][0] == "w":
        first = str(elements[0][1]).lower()
        following = elements[1] if len(elements) > 1 else None
        if first in PARTICLES and (
            first in PURE_PARTICLES or following is None or following[0] == "pp"
        ):
            pattern["prt"] = first
            position = 1
    rest = elements[position:]
    index = 0
    while index < len(rest):
        kind, value = rest[index]
        index += 1
        if kind == "w" and str(value).lower() in PREPOSITIONS:
            prep = str(value).lower()
            if index < len(rest) and rest[index][0] != "pp":
                following = rest[index]
                index += 1
                if following[0] == "w" and str(following[1]).lower() in PREPOSITIONS:
                    raise PatternDropped("several prepositional phrases")
                preps.append((prep, _noun(following, synsets)))
            else:
                preps.append((prep, None))
        elif kind == "pp":
            assert isinstance(value, list)
            _read_prepphrase(value, synsets, pattern, preps)
        else:
            run: list[_Elem] = [(kind, value)]
            while kind == "w" and index < len(rest) and _is_content_word(rest[index]):
                run.append(rest[index])  # TABARI style "ARMS EMBARGO": one noun phrase
                index += 1
            for element in run:
                if element[0] == "w":
                    _check_bare_word(str(element[1]))
            if "obj" in pattern:
                raise PatternDropped("several nouns")
            pattern["obj"] = _noun(_one_noun_phrase(run), synsets)
    if len(preps) > 1:
        raise PatternDropped("several prepositional phrases")
    if preps:
        prep, pobj = preps[0]
        pattern["prep"] = prep
        if pobj:
            pattern["pobj"] = pobj


def _read_prepphrase(
    items: list[_Elem],
    synsets: dict[str, set[str]],
    pattern: PatternData,
    preps: list[tuple[str, str | None]],
) -> None:
    head_kind, head = items[0]
    head_word = str(head).lower() if head_kind == "w" else ""
    skip = _MARKERS | DETERMINERS
    objects = [item for item in items[1:] if not (item[0] == "w" and str(item[1]).lower() in skip)]
    if len(objects) > 1:
        if not all(_is_content_word(o) for o in objects):
            raise PatternDropped("several nouns in a prepositional phrase")
        objects = [_one_noun_phrase(objects)]
    alternatives = head_word.split("/")
    if head_word in PURE_PARTICLES and not objects and "prt" not in pattern:
        pattern["prt"] = head_word  # "(OUT) (OF COALITION)": pull out of a coalition
    elif head_word and all(p in PREPOSITIONS for p in alternatives):
        for kind, value in items[1:]:
            if kind == "w" and str(value) not in _MARKERS:
                _check_bare_word(str(value))
        noun = _noun(objects[0], synsets) if objects else None  # "(FROM ^)": any object
        preps.append(("/".join(alternatives), noun))
    elif head_word in PARTICLES and "prt" not in pattern:
        pattern["prt"] = head_word  # "(ASIDE RIFT)": set aside a rift
        if objects:
            if "obj" in pattern:
                raise PatternDropped("several nouns")
            pattern["obj"] = _noun(objects[0], synsets)
    else:
        raise PatternDropped("prepositional phrase without a preposition")
