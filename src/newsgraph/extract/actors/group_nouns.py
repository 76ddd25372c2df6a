"""Group nouns that stand for actors: "the Velmoran army", "rebels", "civilians"
(data/group_nouns.tsv)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.dictionaries import lexicons
from newsgraph.extract.actors.candidates import MentionCandidate
from newsgraph.extract.actors.mentions import covered_indices
from newsgraph.extract.syntax import NOT_HEADS, doc_text, noun_phrase


def group_noun_candidates(
    doc: Doc, tokens: list[Token], taken: list[tuple[int, int]]
) -> list[MentionCandidate]:
    """Noun phrases headed by a group noun ("the Velmoran army", "government forces",
    "rebels", "the people of Mosul") that no name covers, named by their modifiers, the
    noun and an "of" place."""
    types = lexicons.mapping("group_nouns.tsv")
    members = lexicons.words("member_nouns.tsv")
    found = []
    covered = covered_indices(tokens, taken)
    for head in tokens:
        actor_type = types.get(head.lower_)
        if actor_type is None or head.pos_ not in {"NOUN", "PROPN"} or head.i in covered:
            continue
        if head.dep_ in NOT_HEADS - {"poss"}:  # "the Coalition's strategy" is the Coalition's
            continue  # "army" in "an army checkpoint" modifies; it heads no phrase
        chunk = noun_phrase(head)
        modifiers = [t for t in chunk if t.i < head.i and _names_the_group(t)]
        start = modifiers[0].idx if modifiers else head.idx
        named = any(t.i in covered for t in chunk if t.i < head.i)
        if head.lower_ in members and (named or _of_an_actor(head, taken)):
            continue  # "OSD-H gunmen", "fighters of the Company" are the group acting
        if any(t.dep_ == "poss" for t in chunk if t.i < head.i):
            continue  # "its fighters", "the HLF's army"
        end = head.idx + len(head)
        of_place = _of_place(head)
        if of_place is not None:  # "the people of Mosul"
            end = of_place.idx + len(of_place)
        surface = " ".join(doc_text(doc)[start:end].split())
        found.append(MentionCandidate(start, end, surface, "NOMINAL", actor_type))  # type: ignore[arg-type]
    return found


_QUANTIFIERS = {"other", "all", "many", "several", "some", "such", "own", "more", "most",
                "few", "both", "each", "various", "certain", "new", "former", "young"}  # fmt: skip


def _names_the_group(token: Token) -> bool:
    """ "Velmoran", "government", "international" in "the international community"; not
    "other" or "many"."""
    return (
        token.dep_ in {"compound", "amod", "nmod"}
        and token.is_alpha
        and token.lower_ not in _QUANTIFIERS
        and token.pos_ in {"PROPN", "ADJ", "NOUN"}
    )


def _of_place(head: Token) -> Token | None:
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.ent_type_ in {"GPE", "LOC"}:
                    return pobj
    return None


def _of_an_actor(head: Token, taken: list[tuple[int, int]]) -> bool:
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                if any(s <= pobj.idx < e for s, e in taken):
                    return True
    return False
