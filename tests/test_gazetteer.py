"""The gazetteer of real actors compiled from the PETRARCH2 / Phoenix actor dictionaries.

Unit tests parse small fictional snippets in the dictionary format; the last tests read the
compiled file shipped in the package.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from newsgraph.dictionaries import gazetteer as gazetteer_module
from newsgraph.dictionaries.compilers.gazetteer import parse_actor_dictionary, read_dictionaries
from newsgraph.dictionaries.compilers.readable_names import readable_name
from newsgraph.dictionaries.gazetteer import (
    CodeSpan,
    Gazetteer,
    GazetteerEntry,
    default_gazetteer,
)

COUNTRIES = "Phoenix.Countries.actors.txt"
MILNONSTATE = "Phoenix.MilNonState.actors.txt"
INTERNATIONAL = "Phoenix.International.actors.txt"

# Fictional actors, written the way the Phoenix files are.
SNIPPET = """\
# Fictional actors in the Phoenix format.
VELMORA_  [VLM]
+VELMORAN_
+PORT_AVREN_ # the capital

VELMORAN_MINISTRY_OF_DEFENCE_
+VELMORAN_ARMY_
+ARMY_
\t[VLMMIL]

ORDER_OF_THE_SEVENTH_DAWN_ [VLMREB] #  kkl 21 Mar 13
+SEVENTH_DAWN_
+FRONT_
+ABU_KHALED_AL-RASHAN_
+RASHAN_

HARROW_LIBERATION_FRONT_(HLF)_ [IMGMUSHLF]

KESTREL_RELIEF_ [NGOHRI]

NORTH_VALE_ISLANDS_  [VLMNVI]

MIRA_TALVEN_  # CountryInfo.txt
+PRESIDENT_TALVEN_
+TALVEN_REGIME_
\t[VLMELI 19900101-050630]
\t[VLMGOV 20050630-20140929]
\t[VLMGOV >20140929]
\t[VLMELI]
"""


@pytest.fixture(scope="module")
def parsed() -> tuple[list[GazetteerEntry], list[str]]:
    return parse_actor_dictionary(SNIPPET, COUNTRIES)


def by_name(entries: list[GazetteerEntry], name: str) -> GazetteerEntry:
    (entry,) = [entry for entry in entries if entry.name == name]
    return entry


# --------------------------------------------------------------------------- parsing


def test_primary_synonyms_and_inline_code(parsed: tuple[list[GazetteerEntry], list[str]]) -> None:
    entries, problems = parsed
    assert problems == []
    velmora = by_name(entries, "Velmora")
    assert velmora.codes == (CodeSpan("VLM"),)
    assert velmora.synonyms == ("Velmoran", "Port Avren")  # the comment is not a name
    assert velmora.source == COUNTRIES


def test_date_restrictions_on_indented_lines(
    parsed: tuple[list[GazetteerEntry], list[str]],
) -> None:
    talven = by_name(parsed[0], "Mira Talven")
    assert talven.type == "person"
    assert talven.codes == (
        CodeSpan("VLMELI", "1990-01-01", "2005-06-30"),  # YYMMDD with YY <= 30 is 20YY
        CodeSpan("VLMGOV", "2005-06-30", "2014-09-29"),
        CodeSpan("VLMGOV", "2014-09-29", None),
        CodeSpan("VLMELI", None, None),
    )


def test_format_variants() -> None:
    text = """\
<!-- an XML comment
   over two lines -->
ARNOR_GUARD_\t[IGOUNO 820101-911231] [ELI]# two codes on the primary line
HOBBITON_
\t[HOB < 950601]
\t[HOBGOV 19950601 - 19990815]
\t[hobreb > 990816]
BREE_COUNCIL_  ; a TABARI-style comment
+BREE_ +STADDLE_
\tEASTFARTHING_WATCH_\t[NGOHRI]\tExtra columns\t$1,000
"""
    entries, problems = parse_actor_dictionary(text, INTERNATIONAL)
    assert by_name(entries, "Arnor Guard").codes == (
        CodeSpan("IGOUNO", "1982-01-01", "1991-12-31"),
        CodeSpan("ELI"),
    )
    # A primary without a code shares the codes of the record that follows (as in PETRARCH).
    assert by_name(entries, "Hobbiton").codes == (
        CodeSpan("HOB", None, "1995-06-01"),
        CodeSpan("HOBGOV", "1995-06-01", "1999-08-15"),
        CodeSpan("HOBREB", "1999-08-16", None),
    )
    assert by_name(entries, "Bree Council").synonyms == ("Bree", "Staddle")
    # An indented primary is still a primary; Bree Council, which has no code, shares its code.
    assert by_name(entries, "Eastfarthing Watch").codes == (CodeSpan("NGOHRI"),)
    assert by_name(entries, "Bree Council").codes == (CodeSpan("NGOHRI"),)
    assert len(problems) == 2, problems
    assert ":9: 2 synonyms on one line" in problems[0]
    assert ":10: text after the codes ignored" in problems[1]
    _, problems = parse_actor_dictionary("SHIRE_ [SHR]\nFANGORN_\n+ENTWOOD_\n", COUNTRIES)
    assert problems == [f"{COUNTRIES}:2: no code for this name (end of file)"]


def test_unreadable_lines_are_reported_not_raised() -> None:
    text = """\
\t[XYZ]
+ORPHAN_SYNONYM_
GONDOR_ [GDR]
+MINAS]_TIRITH_
GONDOR_WATCH_
\t[GDRGOV 2004017-20061201]
\t[GDRGOV 20121207-20120802]
\t[GDRMIL 20121204]
\t[GDRCOP >20100101]
DENETHOR_Z\x1aROUAL_  # CountryInfo.txt
\t[GDRGOV 19900101-19950101]
"""
    entries, problems = parse_actor_dictionary(text, COUNTRIES)
    assert [entry.name for entry in entries] == ["Gondor", "Gondor Watch"]
    assert by_name(entries, "Gondor").synonyms == ()
    assert by_name(entries, "Gondor Watch").codes == (CodeSpan("GDRCOP", "2010-01-01", None),)
    reasons = "\n".join(problems)
    assert len(problems) == 7, reasons
    for reason in (
        ":1: code before any name",
        ":2: synonym before any name",
        ":4: stray bracket",
        ":6: unreadable code [GDRGOV 2004017-20061201]",
        ":7: unreadable code [GDRGOV 20121207-20120802] (range ends before it starts",
        ":8: unreadable code [GDRMIL 20121204]",
        ":10: control character in name",
    ):
        assert reason in reasons


def test_null_and_unreadable_codes_close_the_record() -> None:
    text = """\
MISTY_MOUNTAINS  [---]
ANDUIN_GUARD_  [+++]
CARROCK_COUNCIL_
\t[VLMGOV 19900101]
BEORN_ [VLM]
"""
    entries, problems = parse_actor_dictionary(text, COUNTRIES)
    # [---] alone: a phrase PETRARCH must not code, so no actor. A code that cannot be read
    # still ends its record: Anduin Guard does not take Carrock Council's codes.
    assert [(entry.name, entry.codes) for entry in entries] == [
        ("Anduin Guard", ()),
        ("Carrock Council", ()),
        ("Beorn", (CodeSpan("VLM"),)),
    ]
    assert by_name(entries, "Anduin Guard").type == "organization"
    assert len(problems) == 2


def test_readable_names() -> None:
    words = ["ISLAMIC", "STATE", "OF", "IRAQ", "AND", "THE", "LEVANT", ""]  # trailing "_"
    assert readable_name(words) == "Islamic State of Iraq and the Levant"
    assert readable_name(["ASHRAF", "GHANI"]) == "Ashraf Ghani"
    assert readable_name(["AL-QAEDA", "IN", "IRAQ"]) == "al-Qaeda in Iraq"
    assert readable_name(["ABU", "BAKR", "AL-BAGHDADI"]) == "Abu Bakr al-Baghdadi"
    assert readable_name(["U.S.", "STATE", "DEPARTMENT"]) == "U.S. State Department"
    assert readable_name(["SIPAH-E-SAHABA/PAKISTAN"]) == "Sipah-e-Sahaba/Pakistan"
    assert readable_name(["ISIS"], {"ISIS"}) == "ISIS"
    entries, _ = parse_actor_dictionary(
        "GREY_HARBOUR_COMMAND_\n+GHC_\n\t[IMGGHC]\nHARROW_FRONT_(HF) [VLMREB]", MILNONSTATE
    )
    assert by_name(entries, "Grey Harbour Command").synonyms == ("GHC",)  # initials: acronym
    assert by_name(entries, "Harrow Front (HF)").type == "armed_group"


# --------------------------------------------------------------------------- types


def test_types_from_codes(parsed: tuple[list[GazetteerEntry], list[str]]) -> None:
    entries = parsed[0]
    assert by_name(entries, "Velmora").type == "state"  # a bare country code
    assert by_name(entries, "North Vale Islands").type == "state"  # a dependent territory
    assert by_name(entries, "Velmoran Ministry of Defence").type == "government"
    assert by_name(entries, "Order of the Seventh Dawn").type == "armed_group"  # REB
    assert by_name(entries, "Harrow Liberation Front (HLF)").type == "armed_group"  # IMG
    assert by_name(entries, "Kestrel Relief").type == "organization"  # NGO
    assert by_name(entries, "Mira Talven").type == "person"  # a leaders-list entry


def test_person_detection() -> None:
    text = """\
MULLAH_DARVESH_ [IMGMUSHLF]
ORIN_BELLAMY_ # a dated elite: someone's career
\t[VLMELI 19800101-20000101]
\t[VLMGOV >20000101]
ANDOR_MEDIA_GROUP_ [VLMMED]
SECRETARY_OF_STATE_CARA_VOSS
\t[VLMGOV >20100101]
"""
    entries, _ = parse_actor_dictionary(text, COUNTRIES)
    assert by_name(entries, "Mullah Darvesh").type == "person"  # an honorific
    assert by_name(entries, "Orin Bellamy").type == "person"  # dated government codes
    assert by_name(entries, "Andor Media Group").type == "organization"
    assert by_name(entries, "Secretary of State Cara Voss").type == "person"  # a title, a name


def test_person_synonyms_stay_out_of_group_keys(
    parsed: tuple[list[GazetteerEntry], list[str]],
) -> None:
    entries = parsed[0]
    order = by_name(entries, "Order of the Seventh Dawn")
    assert "Abu Khaled al-Rashan" not in order.synonyms and "Rashan" not in order.synonyms
    rashan = by_name(entries, "Abu Khaled al-Rashan")
    assert (rashan.type, rashan.codes, rashan.synonyms) == ("person", order.codes, ("Rashan",))
    gazetteer = Gazetteer(entries)
    assert gazetteer.lookup("Seventh Dawn") == order
    assert gazetteer.lookup("abu khaled al rashan") == rashan
    assert gazetteer.lookup("Rashan") == rashan
    # And a group-like synonym of a person is a government, not the person.
    talven = by_name(entries, "Mira Talven")
    assert gazetteer.lookup("President Talven") == talven
    regime = gazetteer.lookup("Talven regime")
    assert regime is not None and regime.type == "government" and regime.codes == talven.codes


def test_surname_fitting_several_people_is_dropped() -> None:
    text = """\
DAWN_LEGION_
+ABU_OMAR_AL-VESK_
+ABU_BAKR_AL-VESK_
+AL-VESK_
\t[IMGVSK]
"""
    entries, problems = parse_actor_dictionary(text, MILNONSTATE)
    assert sorted(entry.name for entry in entries) == [
        "Abu Bakr al-Vesk",
        "Abu Omar al-Vesk",
        "Dawn Legion",
    ]
    assert all("al-Vesk" not in entry.synonyms for entry in entries)
    assert problems == [
        f"{MILNONSTATE}:1: surname 'al-Vesk' fits 2 people under 'Dawn Legion', dropped"
    ]


def test_stop_list_and_short_keys(parsed: tuple[list[GazetteerEntry], list[str]]) -> None:
    gazetteer = Gazetteer(parsed[0])
    assert gazetteer.lookup("Army") is None
    assert gazetteer.lookup("Front") is None
    assert gazetteer.lookup("Velmoran Army") is not None
    short = GazetteerEntry("Velmoran Union", "organization", (CodeSpan("IGOVU"),), ("VU",), "x")
    numeric = GazetteerEntry("313", "armed_group", (CodeSpan("VLMREB"),), (), "x")
    gazetteer = Gazetteer([short, numeric], stopwords=frozenset({"velmoran union"}))
    assert gazetteer.names() == []
    for word in ("army", "police", "government", "rebels", "front"):
        assert word in gazetteer_module.default_stopwords()


def test_lookup_preference() -> None:
    def entry(name: str, synonyms: tuple[str, ...], source: str) -> GazetteerEntry:
        return GazetteerEntry(name, "armed_group", (CodeSpan("VLMREB"),), synonyms, source)

    by_synonym = entry("Karst Brigades", ("Karst", "Grey Hand", "Others"), MILNONSTATE)
    by_primary = entry("Karst", (), COUNTRIES)
    assert Gazetteer([by_synonym, by_primary]).lookup("Karst") == by_primary

    countries = entry("Grey Hand Movement", ("Grey Hand", "GHM", "More"), COUNTRIES)
    milnonstate = entry("Grey Hand Army", ("Grey Hand",), MILNONSTATE)
    international = entry("Grey Hand Fund", ("Grey Hand",), INTERNATIONAL)
    assert Gazetteer([countries, milnonstate]).lookup("Grey Hand") == milnonstate
    assert Gazetteer([countries, international]).lookup("grey hand") == international

    few = entry("Ash Column", ("Ash Riders",), COUNTRIES)
    many = entry("Ash Front", ("Ash Riders", "Ashen", "Cinders"), COUNTRIES)
    gazetteer = Gazetteer([few, many])
    assert gazetteer.lookup("Ash Riders") == many
    assert gazetteer.candidates("Ash Riders") == [many, few]


# --------------------------------------------------------------------------- compiled form


def test_save_load_round_trip(
    parsed: tuple[list[GazetteerEntry], list[str]], tmp_path: Path
) -> None:
    gazetteer = Gazetteer(parsed[0])
    first, second = tmp_path / "a.jsonl.gz", tmp_path / "b.jsonl.gz"
    gazetteer.save(first)
    Gazetteer(reversed(parsed[0])).save(second)
    assert first.read_bytes() == second.read_bytes()  # sorted, no timestamp
    assert gzip.decompress(first.read_bytes()).decode("utf-8").count("\n") == len(parsed[0]) + 2
    loaded = Gazetteer.load(first)
    assert sorted(loaded, key=lambda entry: entry.name) == sorted(
        parsed[0], key=lambda entry: entry.name
    )
    assert loaded.names() == gazetteer.names()
    for key in gazetteer.names():
        assert loaded.lookup(key) == gazetteer.lookup(key)


def test_read_dictionaries(tmp_path: Path) -> None:
    path = tmp_path / MILNONSTATE
    path.write_text(SNIPPET + "BROKEN_ [VLMGOV 2004017-20061201]\n", encoding="utf-8")
    gazetteer, problems = read_dictionaries([path])
    order = gazetteer.lookup("Order of the Seventh Dawn")
    assert order is not None and order.source == MILNONSTATE
    assert len(gazetteer) == len(parse_actor_dictionary(SNIPPET, MILNONSTATE)[0]) + 1
    assert problems == [
        f"{MILNONSTATE}:30: unreadable code [VLMGOV 2004017-20061201] (2004017): "
        "'BROKEN_ [VLMGOV 2004017-20061201]'"
    ]


def test_missing_compiled_file_gives_an_empty_gazetteer(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(gazetteer_module.resources, "files", lambda package: tmp_path)
    empty = default_gazetteer.__wrapped__()
    assert len(empty) == 0 and empty.lookup("Taliban") is None


# --------------------------------------------------------------------------- shipped file


@pytest.fixture(scope="module")
def shipped() -> Gazetteer:
    gazetteer = default_gazetteer()
    assert len(gazetteer) > 20_000, "src/newsgraph/data/gazetteer.jsonl.gz is missing"
    return gazetteer


def test_shipped_taliban(shipped: Gazetteer) -> None:
    taliban = shipped.lookup("Taliban")
    assert taliban is not None
    assert taliban.type == "armed_group"
    assert "AFGREB" in [span.code for span in taliban.codes]


def test_shipped_islamic_state(shipped: Gazetteer) -> None:
    isis = shipped.lookup("ISIS")
    assert isis is not None and isis.type == "armed_group"
    assert shipped.lookup("Islamic State of Iraq and Syria") == isis
    assert shipped.lookup("Daesh") == isis
    assert isis.name == "Islamic State of Iraq and the Levant"


def test_shipped_leader_with_dated_codes(shipped: Gazetteer) -> None:
    ghani = shipped.lookup("Ashraf Ghani")
    assert ghani is not None and ghani.type == "person"
    assert CodeSpan("AFGGOVBUS", "2002-06-02", "2004-12-14") in ghani.codes
    obama = shipped.lookup("Barack Obama")
    assert obama is not None and obama.type == "person"
    assert CodeSpan("USAGOV", "2009-01-20", None) in obama.codes


def test_shipped_state(shipped: Gazetteer) -> None:
    afghanistan = shipped.lookup("Afghanistan")
    assert afghanistan is not None
    assert (afghanistan.type, afghanistan.codes) == ("state", (CodeSpan("AFG"),))


def test_shipped_assad_is_not_a_government(shipped: Gazetteer) -> None:
    assert all(entry.type != "government" for entry in shipped.candidates("Assad"))
    assad = shipped.lookup("Assad")
    assert assad is not None and assad.type == "person"
    regime = shipped.lookup("Assad regime")
    assert regime is not None and regime.type == "government"


def test_shipped_generic_words_are_not_keys(shipped: Gazetteer) -> None:
    for word in ("army", "police", "government", "rebels", "front", "organization", "UN"):
        assert shipped.lookup(word) is None, word
