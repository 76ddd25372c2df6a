"""CAMEO event codes and their PLOVER event types.

CAMEO → PLOVER
--------------
`plover_type()` maps a CAMEO code to one of the project's PLOVER event types (`EventType` in
`model.py`). The most specific entry wins: `PLOVER_SUBCODES` (three or four digits) before
`CAMEO_TO_PLOVER` (the two-digit root). The table follows the PLOVER project's own mapping,
`CAMEO2PLOVER-2021.txt` in github.com/openeventdata/PLOVER (with its older
`cameo/CAMEO-PLOV.txt`), reduced to the types this project uses:

====  ===============================  =========  ===============================================
root  CAMEO                            PLOVER     note
====  ===============================  =========  ===============================================
01    make public statement            OTHER      PLOVER has no statement type
02    appeal                           REQUEST    PLOVER REQUEST
03    express intent to cooperate      AGREE
04    consult                          CONSULT
05    diplomatic cooperation           SUPPORT    057 sign formal agreement → AGREE (*)
06    material cooperation             COOPERATE
07    provide aid                      AID
08    yield                            CONCEDE    084–087, 0813, 0814 → RETREAT (release,
                                                  ease sanctions, allow involvement,
                                                  de-escalate: 0871 ceasefire … 0874 retreat)
09    investigate                      ACCUSE     PLOVER: ACCUSE, mode "investigate"
10    demand                           REQUEST    PLOVER DEMAND; this project folds it in
11    disapprove                       ACCUSE
12    reject                           REJECT
13    threaten                         THREATEN
14    protest                          PROTEST
15    exhibit force posture            MOBILIZE
16    reduce relations                 SANCTION   163 embargo/sanctions → SANCTION (**)
17    coerce                           COERCE     1712 destroy property, 175 violent
                                                  repression → ASSAULT
18    assault                          ASSAULT
19    fight                            ASSAULT    191 blockade, 192 occupy territory → COERCE
20    unconventional mass violence     ASSAULT
====  ===============================  =========  ===============================================

(*) PLOVER's tables put 057 under SUPPORT; this project counts a signed agreement as AGREE.
(**) `CAMEO-PLOV.txt` says SANCTION, the 2021 table COERCE; we keep SANCTION.
"""

from __future__ import annotations

import re
from typing import get_args

from newsgraph.model import EventType

__all__ = [
    "CAMEO_TO_PLOVER",
    "NULL_CODE",
    "PLOVER_SUBCODES",
    "PLOVER_TYPES",
    "is_cameo_code",
    "plover_or_none",
    "plover_type",
]

NULL_CODE = "---"  # "no event" in the dictionaries

PLOVER_TYPES: tuple[str, ...] = get_args(EventType)

# CAMEO root (two digits) → PLOVER type; see the module docstring for sources and notes.
CAMEO_TO_PLOVER: dict[str, str] = {
    "01": "OTHER",  # make public statement
    "02": "REQUEST",  # appeal
    "03": "AGREE",  # express intent to cooperate
    "04": "CONSULT",  # consult
    "05": "SUPPORT",  # engage in diplomatic cooperation
    "06": "COOPERATE",  # engage in material cooperation
    "07": "AID",  # provide aid
    "08": "CONCEDE",  # yield
    "09": "ACCUSE",  # investigate
    "10": "REQUEST",  # demand
    "11": "ACCUSE",  # disapprove
    "12": "REJECT",  # reject
    "13": "THREATEN",  # threaten
    "14": "PROTEST",  # protest
    "15": "MOBILIZE",  # exhibit force posture
    "16": "SANCTION",  # reduce relations
    "17": "COERCE",  # coerce
    "18": "ASSAULT",  # assault
    "19": "ASSAULT",  # fight
    "20": "ASSAULT",  # use unconventional mass violence
}

# Sub-codes whose PLOVER type differs from their root's; the longest matching prefix wins.
PLOVER_SUBCODES: dict[str, str] = {
    "057": "AGREE",  # sign formal agreement
    "0813": "RETREAT",  # ease curfew
    "0814": "RETREAT",  # ease state of emergency or martial law
    "084": "CONCEDE",  # return, release: prisoners freed are a concession, not a retreat
    "085": "RETREAT",  # ease economic sanctions, boycott, embargo
    "086": "RETREAT",  # allow international involvement
    "087": "RETREAT",  # de-escalate: 0872 ease blockade, 0873 demobilize,
    #                    0874 retreat or surrender militarily
    "0871": "AGREE",  # declare truce, ceasefire: news reports a truce signed as an agreement
    "163": "SANCTION",  # impose embargo, boycott or sanctions
    "1712": "ASSAULT",  # destroy property
    "175": "ASSAULT",  # use tactics of violent repression
    "191": "COERCE",  # impose blockade, restrict movement
    "192": "COERCE",  # occupy territory
}

_CAMEO_RE = re.compile(r"\d{2,4}")


def is_cameo_code(code: str) -> bool:
    """Whether `code` is a CAMEO event code: two to four digits with a root from 01 to 20."""
    return bool(_CAMEO_RE.fullmatch(code)) and code[:2] in CAMEO_TO_PLOVER


def plover_type(cameo_code: str) -> str:
    """The PLOVER event type of a CAMEO event code ("190", "0874", "14").

    Raises ValueError for anything that is not a CAMEO code, including the null code `---`.
    """
    code = cameo_code.strip()
    if not is_cameo_code(code):
        raise ValueError(f"not a CAMEO event code: {cameo_code!r}")
    for length in range(len(code), 2, -1):
        found = PLOVER_SUBCODES.get(code[:length])
        if found is not None:
            return found
    return CAMEO_TO_PLOVER[code[:2]]


def plover_or_none(code: str | None) -> str | None:
    """PLOVER type of a dictionary code: None for no event, OTHER for non-CAMEO test codes."""
    if code is None or code == NULL_CODE:
        return None
    return plover_type(code) if is_cameo_code(code) else "OTHER"
