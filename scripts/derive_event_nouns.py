"""Derive data/event_noun_verbs.tsv: event nouns and the CAMEO verb each nominalises.

A noun such as "liberation", "withdrawal", "siege" or "shelling" reports the event of its
verb. The table is derived by rule, not by hand: for every single-word verb of the compiled
CAMEO dictionary (data/cameo_verbs.json.gz) whose default code is an event, the regular
nominalisations (-ation, -ion, -ment, -al, -ance/-ence, -ure, -y, -ing and the bare verb) are
generated and kept when spaCy's English lemmatizer tables (WordNet's noun index) know the
noun. Run: python scripts/derive_event_nouns.py > src/newsgraph/data/event_noun_verbs.tsv
"""

from __future__ import annotations

import sys

from newsgraph.dictionaries import lexicons
from newsgraph.dictionaries.cameo import load_verbs
from newsgraph.dictionaries.plover import plover_type
from newsgraph.nlp import load_pipeline

_CONSONANT_DOUBLING = {"b", "d", "g", "l", "m", "n", "p", "r", "t"}


def nominalisations(verb: str) -> set[str]:
    """Regular noun forms of a verb ("liberate" -> "liberation", "withdraw" -> "withdrawal")."""
    stem_e = verb[:-1] if verb.endswith("e") else verb
    forms = {
        verb,  # attack, siege, visit
        verb + "ation",  # condemnation, consultation
        stem_e + "ation",  # accusation
        stem_e + "ing",  # shelling, bombing, fighting
        verb + "ing",  # agreeing
        verb + "ment",  # agreement, deployment
        stem_e + "ance",  # assistance
        stem_e + "ence",  # interference
        stem_e + "ure",  # seizure, closure
    }
    if verb.endswith("er"):
        forms.add(verb + "y")  # delivery, recovery
    if verb.endswith(("ove", "ive", "use", "ose", "aw", "ss")):
        forms.add(stem_e + "al")  # arrival, approval, refusal, proposal, withdrawal, dismissal
    if verb.endswith("y"):
        forms.add(verb[:-1] + "ial")  # denial
    if verb.endswith("y"):
        forms |= {verb[:-1] + "ication", verb[:-1] + "ies"}  # justify -> justification
    if verb.endswith("de"):
        forms.add(verb[:-2] + "sion")  # invade -> invasion, explode -> explosion
    if verb.endswith("t"):
        forms.add(verb + "ion")  # assert -> assertion, protect -> protection
    if verb.endswith("ate"):
        forms.add(verb[:-1] + "ion")  # liberate -> liberation
    if verb.endswith("ize") or verb.endswith("ise"):
        forms.add(verb[:-1] + "ation")
    if len(verb) > 2 and verb[-1] in _CONSONANT_DOUBLING and verb[-2] in "aeiou":
        forms.add(verb + verb[-1] + "ing")  # shop -> shopping
    if verb.endswith("ss"):
        forms.add(verb + "ion")  # discuss -> discussion
    return forms


def main() -> int:
    verbs = load_verbs()
    lemmatizer = load_pipeline().get_pipe("lemmatizer")
    nouns = set(lemmatizer.lookups.get_table("lemma_index")["noun"])
    # A noun that names an actor or a place ("government", "organization") is no event.
    named = ("head_nouns.tsv", "titles.tsv", "place_words.tsv", "group_nouns.tsv",
             "gazetteer_stopwords.tsv")  # fmt: skip
    actors = {row[0].casefold() for name in named for row in lexicons.rows(name)}
    # Words that type an institution by its name ("department"), not armed groups
    # ("Liberation Front": "liberation" is still an event).
    actors |= {row[0].casefold() for row in lexicons.rows("actor_words.tsv")
               if len(row) > 1 and row[1] in {"government", "organization"}}  # fmt: skip
    rows: dict[str, str] = {}
    for verb in sorted(verbs.verbs):
        if " " in verb:
            continue
        found = verbs.match(verb)
        if found is None or found.plover is None or found.code.startswith("01"):
            continue
        if plover_type(found.code) == "OTHER":
            continue
        for noun in sorted(nominalisations(verb)):
            if noun in nouns and noun not in actors:
                rows.setdefault(noun, verb)
    print("# Event nouns and the CAMEO verb each nominalises (derived by")
    print("# scripts/derive_event_nouns.py from the CAMEO dictionary and WordNet's noun index).")
    print("# noun\tverb")
    for noun, verb in sorted(rows.items()):
        print(f"{noun}\t{verb}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
