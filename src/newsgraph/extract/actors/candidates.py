"""A mention on its way to an actor, and the word lists the actor stages share."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.dictionaries import lexicons
from newsgraph.dictionaries.names import normalize_name
from newsgraph.model import ActorType

LABEL_TYPES: dict[str, ActorType] = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "location",
    "LOC": "location",
    "FAC": "location",
    "NORP": "organization",  # "Syrians", "Afghans": a people acting or acted on as one
    "NOMINAL": "other",
}


# Labels spaCy's small model puts on people often enough ("Magnus Ranstorp" as a work of
# art): kept only when the name is person-shaped or joins a person's full name.
WEAK_LABELS = {"WORK_OF_ART", "PRODUCT"}
EDGE_TAGS = {"DT", "POS", "``", "''", ",", ":", "-LRB-", "-RRB-", "HYPH", "NFP"}


HONORIFICS = lexicons.words("honorifics.tsv")


CAPITALISED = re.compile(r"[A-Z]")
ACRONYM_SUFFIX = re.compile(r"-[A-Z0-9]{1,3}\b")


COMMON_STARTS = lexicons.words("common_starts.tsv")
DEMONYM_ENDINGS = ("an", "ian", "ese", "ish", "i", "ic")


@dataclass
class MentionCandidate:
    """One mention, trimmed to the name itself: from NER, or a group noun ("the army")."""

    start: int
    end: int
    surface: str
    label: str
    nominal_type: ActorType | None = None  # set for group nouns, typed by data/group_nouns.tsv

    @property
    def key(self) -> str:
        prefix = "~" if self.nominal_type else ""  # group nouns never share a key with names
        return prefix + normalize_name(self.surface)
