"""PolNeAR attribution gold (brat standoff) and its quote scorer.

A PolNeAR folder holds `STEM.txt` (the article) and `STEM.ann` (brat standoff) per article, and
its parent `metadata.tsv` the publication dates. Every brat event of type `Attribution` or
`Attribution-no-source` is one gold attribution: its Content spans (a discontinuous span or a
second `Content2` part folded in), its Source span (the first, when given) and its Cue.

The rules are those the held-out PolNeAR split is scored by (../shared/tools/polnear/score.py),
written again here so that `newsgraph evaluate quotes` gives the same figures:

- a predicted quote matches a gold attribution when its spans, merged, cover at least half of
  the gold content's characters; one-to-one, largest overlaps first;
- attribution, on matched pairs whose gold has a source: right when the speaker actor has a
  mention overlapping the gold source span, or (gold source not a pronoun) its name or an alias
  equals or contains the gold source text, or, for a person, its surname equals the source's
  last word; a null speaker is wrong;
- a gold attribution's kind is a guess: `direct` when at least half of the content's non-space
  characters lie inside quotation marks, else `indirect`.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph.model import Record

ATTRIBUTION_EVENTS = ("Attribution", "Attribution-no-source")
# Pronoun sources count only through a mention overlapping them, never by name.
PRONOUNS = frozenset(
    """i me my mine myself we us our ours ourselves you your yours yourself yourselves
    he him his himself she her hers herself it its itself they them their theirs themselves
    who whom whose which that this these those here there""".split()  # noqa: SIM905
)
FRACTION_BUCKETS = ("none", "partly", "mostly", "all")
_ANNOTATION_ID = re.compile(r"[A-Z]\d+\t")

Segments = list[tuple[int, int]]


class PolnearFormatError(ValueError):
    """The folder is not a PolNeAR brat folder, or a file in it is malformed."""


@dataclass
class GoldAttribution:
    content: Segments
    content_text: str
    source: tuple[int, int] | None
    source_text: str | None
    cue_text: str | None
    kind: str  # "direct" or "indirect" (a guess from quotation marks)
    quoted_fraction: float

    @property
    def length(self) -> int:
        return sum(end - start for start, end in self.content)


@dataclass
class PolnearDocument:
    record: Record
    attributions: list[GoldAttribution]


# Reading -----------------------------------------------------------------------------------


def is_polnear(path: Path) -> bool:
    return path.is_dir() and any(path.glob("*.ann"))


def load(folder: Path) -> list[PolnearDocument]:
    """Every article of the folder (sorted by file stem) with its gold attributions."""
    if not is_polnear(folder):
        raise PolnearFormatError(f"{folder}: no brat .ann files here")
    published = _publication_dates(folder.parent / "metadata.tsv")
    documents = []
    for text_file in sorted(folder.glob("*.txt")):
        stem = text_file.stem
        text = text_file.read_text(encoding="utf-8")
        date = published.get(stem) or _date_in_stem(stem)
        record = Record(id=stem, text=text, published=date, origin=str(text_file))
        ann_file = text_file.with_suffix(".ann")
        attributions = []
        if ann_file.is_file():
            attributions = read_attributions(ann_file.read_text(encoding="utf-8"), text, ann_file)
        documents.append(PolnearDocument(record, attributions))
    return documents


def _publication_dates(metadata: Path) -> dict[str, str]:
    if not metadata.is_file():
        return {}
    dates = {}
    for row in metadata.read_text(encoding="utf-8").splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) > 5:
            dates[cells[1]] = cells[5]
    return dates


def _date_in_stem(stem: str) -> str | None:
    found = re.search(r"_(\d{4}-\d\d-\d\d)_", stem)
    return found.group(1) if found else None


def parse_ann(
    ann: str, where: Path | str = "<ann>"
) -> tuple[dict[str, tuple[str, Segments]], list[tuple[str, dict[str, list[str]]]]]:
    """brat standoff -> (text-bound annotations {id: (type, segments)}, events [(type, roles)]).
    A role's trailing digits are dropped (`Content2` is more `Content`). Lines that start with
    no annotation id are the rest of a span's text that held a line break: not annotations."""
    spans: dict[str, tuple[str, Segments]] = {}
    events: list[tuple[str, dict[str, list[str]]]] = []
    for number, line in enumerate(ann.splitlines(), start=1):
        if not _ANNOTATION_ID.match(line):
            continue
        fields = line.split("\t")
        try:
            if line.startswith("T"):
                type_, _, offsets = fields[1].partition(" ")
                segments = [_segment(part) for part in offsets.split(";")]
                spans[fields[0]] = (type_, segments)
            elif line.startswith("E"):
                head, *arguments = fields[1].split()
                roles: dict[str, list[str]] = {}
                for argument in arguments:
                    role, annotation = argument.split(":")
                    roles.setdefault(re.sub(r"\d+$", "", role), []).append(annotation)
                events.append((head.split(":")[0], roles))
        except (IndexError, ValueError) as error:
            raise PolnearFormatError(f"{where}:{number}: not brat standoff ({error})") from error
    return spans, events


def _segment(part: str) -> tuple[int, int]:
    start, end = part.split()
    return int(start), int(end)


def read_attributions(ann: str, text: str, where: Path | str = "<ann>") -> list[GoldAttribution]:
    """The gold attributions of one article, in order of their content's start."""
    spans, events = parse_ann(ann, where)
    mask = quoted_mask(text)

    def segments(ids: list[str]) -> list[Segments]:
        try:
            return [spans[i][1] for i in ids]
        except KeyError as error:
            raise PolnearFormatError(f"{where}: event names unknown span {error}") from error

    attributions = []
    for type_, roles in events:
        if type_ not in ATTRIBUTION_EVENTS or not roles.get("Content"):
            continue
        content = sorted(seg for segs in segments(roles["Content"]) for seg in segs)
        sources = segments(roles.get("Source", []))
        cues = segments(roles.get("Cue", []))
        source = (sources[0][0][0], sources[0][-1][1]) if sources else None
        fraction = quoted_fraction(text, mask, content)
        attributions.append(
            GoldAttribution(
                content=content,
                content_text=" ".join(text[s:e] for s, e in content),
                source=source,
                source_text=text[source[0] : source[1]] if source else None,
                cue_text=" ".join(text[s:e] for s, e in cues[0]) if cues else None,
                kind="direct" if fraction >= 0.5 else "indirect",
                quoted_fraction=round(fraction, 3),
            )
        )
    attributions.sort(key=lambda a: a.content[0])
    return attributions


def quoted_mask(text: str) -> bytearray:
    """1 for each character inside quotation marks (the marks included), paragraph by paragraph:
    a curly or straight double quote opens and closes; a ‘ opens (outside double quotes) and a
    ’ not followed by a letter closes it. A double quote still open at the paragraph's end runs
    to that end: news continues a quotation in the next paragraph by opening it again."""
    mask = bytearray(len(text))

    def mark(offset: int, start: int, end: int) -> None:
        mask[offset + start : offset + end] = b"\x01" * (end - start)

    offset = 0
    for paragraph in text.split("\n"):
        opened: int | None = None
        kind: str | None = None
        for i, char in enumerate(paragraph):
            if kind == "double" and opened is not None:
                if char in '”"':
                    mark(offset, opened, i + 1)
                    opened = kind = None
                elif char == "“":  # a close was missed: end the old quotation here
                    mark(offset, opened, i)
                    opened = i
            elif (
                kind == "single"
                and opened is not None
                and char == "’"
                and not (i + 1 < len(paragraph) and paragraph[i + 1].isalpha())
            ):
                mark(offset, opened, i + 1)
                opened = kind = None
            elif char in '“"' and kind != "double":
                opened, kind = i, "double"
            elif char == "‘" and kind is None:
                opened, kind = i, "single"
        if kind == "double" and opened is not None:
            mark(offset, opened, len(paragraph))
        offset += len(paragraph) + 1
    return mask


def quoted_fraction(text: str, mask: bytearray, content: Segments) -> float:
    inside = total = 0
    for start, end in content:
        for k in range(start, end):
            if not text[k].isspace():
                total += 1
                inside += mask[k]
    return inside / total if total else 0.0


# Scoring -----------------------------------------------------------------------------------


def norm(text: str | None) -> str:
    """scoring.md's name normalisation, exactly as the PolNeAR scorer writes it."""
    s = (text or "").lower()
    s = re.sub(r"['’]s\b", "", s)
    s = re.sub(r"[.'’`]", "", s)
    s = re.sub(r"[\W_]+", " ", s).strip()
    return re.sub(r"^the ", "", s)


def _within(short: str, long: str) -> bool:
    return bool(short and long) and f" {short} " in f" {long} "


def _is_pronoun(text: str | None) -> bool:
    t = (text or "").strip()
    return t.lower() in PRONOUNS and not (t.isupper() and len(t) > 1)


def _last_word(name: str) -> str:
    return name.split()[-1] if name else ""


def merged(spans: list[dict[str, Any]]) -> Segments:
    """A quote's spans sorted, overlapping or touching ones joined."""
    out: list[list[int]] = []
    for start, end in sorted((s["start"], s["end"]) for s in spans if isinstance(s, dict)):
        if out and start <= out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return [(s, e) for s, e in out]


def overlap(gold: Segments, predicted: Segments) -> int:
    return sum(max(0, min(e, ge) - max(s, gs)) for gs, ge in gold for s, e in predicted)


def speaker_ok(gold: GoldAttribution, actor: dict[str, Any] | None) -> str:
    """How the predicted speaker agrees with the gold source: "mention", "name" or "" (wrong)."""
    if actor is None or gold.source is None:
        return ""
    gs, ge = gold.source
    for m in actor.get("mentions") or []:
        if isinstance(m, dict) and m.get("start", 0) < ge and gs < m.get("end", 0):
            return "mention"
    if _is_pronoun(gold.source_text):
        return ""
    wanted = norm(gold.source_text)
    names = {n for n in map(norm, [actor.get("name"), *(actor.get("aliases") or [])]) if n}
    if any(n == wanted or _within(wanted, n) for n in names):
        return "name"
    if actor.get("type") == "person" and _last_word(wanted) in {_last_word(n) for n in names}:
        return "name"
    return ""


def fraction_bucket(fraction: float) -> str:
    if fraction == 0:
        return "none"
    return "partly" if fraction < 0.5 else "mostly" if fraction < 1 else "all"


@dataclass
class Miss:
    """One example for development: a missed gold attribution, a false positive or a wrong
    speaker."""

    doc_id: str
    kind: str
    text: str
    source: str | None = None
    cue: str | None = None
    said: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None}


@dataclass
class PolnearScore:
    documents: int = 0
    without_prediction: int = 0
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    false_positives: int = 0
    fp_no_gold_overlap: int = 0
    with_source: int = 0
    by_mention: int = 0
    by_name: int = 0
    speaker_text_agrees: int = 0
    null_gold_matched: int = 0
    null_gold_null_predicted: int = 0
    kind_total: Counter[str] = field(default_factory=Counter)
    kind_found: Counter[str] = field(default_factory=Counter)
    fraction_total: Counter[str] = field(default_factory=Counter)
    fraction_found: Counter[str] = field(default_factory=Counter)
    predicted_kinds: Counter[str] = field(default_factory=Counter)
    confusion: Counter[str] = field(default_factory=Counter)  # "gold kind -> predicted kind"
    missed: list[Miss] = field(default_factory=list)
    false: list[Miss] = field(default_factory=list)
    wrong_speaker: list[Miss] = field(default_factory=list)

    def add(self, document: PolnearDocument, prediction: dict[str, Any] | None) -> None:
        """Score one article's prediction (the contract's JSON object, or None when newsgraph
        failed on it) against its gold attributions."""
        self.documents += 1
        self.without_prediction += prediction is None
        doc_id = document.record.id
        gold = document.attributions
        rec = prediction or {}
        quotes = [q for q in rec.get("quotes") or [] if isinstance(q, dict)]
        spans = [merged(q.get("spans") or []) for q in quotes]
        actors = {a.get("id"): a for a in rec.get("actors") or [] if isinstance(a, dict)}
        pairs = sorted(
            (
                (overlap(g.content, spans[j]), i, j)
                for i, g in enumerate(gold)
                for j in range(len(quotes))
            ),
            reverse=True,
        )
        match: dict[int, int] = {}
        used: set[int] = set()
        for shared, i, j in pairs:
            if i in match or j in used or shared == 0 or shared < 0.5 * gold[i].length:
                continue
            match[i] = j
            used.add(j)
        for i, g in enumerate(gold):
            self.kind_total[g.kind] += 1
            self.fraction_total[fraction_bucket(g.quoted_fraction)] += 1
            if i not in match:
                self.missed.append(Miss(doc_id, g.kind, g.content_text, g.source_text, g.cue_text))
                continue
            self.kind_found[g.kind] += 1
            self.fraction_found[fraction_bucket(g.quoted_fraction)] += 1
            quote = quotes[match[i]]
            self.confusion[f"{g.kind} -> {quote.get('kind')}"] += 1
            actor = actors.get(quote.get("speaker"))
            if g.source is None:
                self.null_gold_matched += 1
                self.null_gold_null_predicted += actor is None
                continue
            self.with_source += 1
            how = speaker_ok(g, actor)
            self.by_mention += how == "mention"
            self.by_name += how == "name"
            said, wanted = norm(quote.get("speaker_text")), norm(g.source_text)
            agrees = bool(said) and (_within(said, wanted) or _within(wanted, said))
            self.speaker_text_agrees += bool(how) or agrees
            if not how:
                name = actor.get("name") if actor else None
                self.wrong_speaker.append(
                    Miss(doc_id, g.kind, g.content_text, g.source_text, g.cue_text,
                         said=f"{name} / {quote.get('speaker_text')}")
                )  # fmt: skip
        all_gold = [segment for g in gold for segment in g.content]
        for j, quote in enumerate(quotes):
            self.predicted_kinds[str(quote.get("kind"))] += 1
            if j in used:
                continue
            self.false_positives += 1
            touches = overlap(all_gold, spans[j]) > 0
            self.fp_no_gold_overlap += not touches
            kind = f"{quote.get('kind')}, {'touches gold' if touches else 'no gold overlap'}"
            self.false.append(Miss(doc_id, kind, str(quote.get("text") or "")))
        self.gold += len(gold)
        self.predicted += len(quotes)
        self.matched += len(match)

    @property
    def attribution(self) -> float:
        right = self.by_mention + self.by_name
        return right / self.with_source if self.with_source else 0.0

    def as_dict(self) -> dict[str, Any]:
        p = self.matched / self.predicted if self.predicted else 0.0
        r = self.matched / self.gold if self.gold else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0

        def share(n: int, d: int) -> float:
            return round(n / d, 4) if d else 0.0

        return {
            "f1": round(f1, 4),
            "precision": round(p, 4),
            "recall": round(r, 4),
            "attribution_accuracy": round(self.attribution, 4),
            "documents": self.documents,
            "documents_without_prediction": self.without_prediction,
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched,
            "predicted_kinds": dict(sorted(self.predicted_kinds.items())),
            "false_positives": self.false_positives,
            "fp_no_gold_overlap": self.fp_no_gold_overlap,
            "precision_excusing_touching": share(
                self.predicted - self.fp_no_gold_overlap, self.predicted
            ),
            "recall_by_kind": {
                k: share(self.kind_found[k], n) for k, n in sorted(self.kind_total.items())
            },
            "gold_by_kind": dict(sorted(self.kind_total.items())),
            "recall_by_quoted_fraction": {
                b: share(self.fraction_found[b], self.fraction_total[b])
                for b in FRACTION_BUCKETS
                if self.fraction_total[b]
            },
            "gold_by_quoted_fraction": {
                b: self.fraction_total[b] for b in FRACTION_BUCKETS if self.fraction_total[b]
            },
            "matched_kinds": dict(self.confusion.most_common()),
            "attribution_n": self.with_source,
            "attribution_right": self.by_mention + self.by_name,
            "attribution_by_mention": self.by_mention,
            "attribution_by_name": self.by_name,
            "attribution_or_speaker_text": share(self.speaker_text_agrees, self.with_source),
            "gold_without_source_matched": self.null_gold_matched,
            "gold_without_source_null_speaker": self.null_gold_null_predicted,
        }

    def examples(self, per_kind: int, seed: int = 0) -> dict[str, list[dict[str, Any]]]:
        """Up to `per_kind` examples of each kind of miss, false positive and wrong speaker,
        drawn at random with a fixed seed (the same run shows the same examples)."""
        pick = random.Random(seed)
        out: dict[str, list[dict[str, Any]]] = {}
        for label, items in (
            ("missed", self.missed),
            ("false positive", self.false),
            ("wrong speaker", self.wrong_speaker),
        ):
            kinds = sorted({m.kind for m in items})
            for kind in kinds:
                of_kind = [m for m in items if m.kind == kind]
                chosen = pick.sample(of_kind, min(per_kind, len(of_kind)))
                out[f"{label} ({kind}, {len(of_kind)} in all)"] = [m.as_dict() for m in chosen]
        return out
