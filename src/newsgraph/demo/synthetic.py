"""Generated fictional news, for benchmarks and the crash tests: any number of articles,
each different, about invented armed groups, officials and towns.

Deterministic for a seed. The prose follows the shapes of wire copy (an attack with a
sourced toll, a quoted commander, a relation with a start year) so every stage has work.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

_SYLLABLES = "ka ri vo len dar mes tul an ora bel sen rik ma tov ul ven ash ko"
_GROUP_WORDS = ["Front", "Brigades", "Movement", "Army", "Council", "Guard"]
_COLOURS = ["Red", "Iron", "Northern", "Free", "Dawn", "Silver", "Eastern", "Black"]
_FIRST = ["Ilse", "Marek", "Tomas", "Anja", "Pavel", "Lena", "Oskar", "Mira", "Jonas", "Vera"]
_OUTLETS = ["Harbor Gazette", "Valley Courier", "Kelmora Ledger", "Northlight Weekly"]


def _word(rng: random.Random, parts: int = 2) -> str:
    syllables = _SYLLABLES.split()
    return "".join(rng.choice(syllables) for _ in range(parts)).capitalize()


_BACKGROUND = [
    "Residents of {town} said the shops stayed shut for most of the week and that families "
    "with relatives in the countryside had begun to leave. Aid workers reported shortages of "
    "fuel and bread, and the main road to the coast was closed for two days.",
    "Analysts said the {group} had grown stronger over the past year, recruiting young men "
    "from villages where the government has little presence. The {rival} has lost ground in "
    "the same period, according to a report published in the spring.",
    "{official} told parliament that the security forces would be reinforced and that a new "
    "commission would look into the failures that allowed the attack. Opposition deputies "
    "called for the minister to resign and demanded an independent inquiry.",
    "The region has seen repeated clashes since the collapse of a ceasefire agreed two years "
    "ago. Mediators from neighbouring states have tried to bring the parties back to talks, "
    "but several rounds ended without agreement on prisoner exchanges or the withdrawal of "
    "fighters from the border districts.",
    "Hospital staff in {town} said they had treated dozens of wounded, many of them with burns. "
    "The local health director appealed for blood donations and for more ambulances, saying "
    "the clinic had only two working vehicles.",
]


def _background(rng: random.Random, group: str, rival: str, town: str, official: str) -> str:
    """Three or four paragraphs of context, so an article is as long as wire copy."""
    chosen = rng.sample(_BACKGROUND, rng.randrange(3, 5))
    names = {"group": group, "rival": rival, "town": town, "official": official}
    return "\n\n".join(paragraph.format(**names) for paragraph in chosen)


def articles(count: int, seed: int = 7) -> Iterator[dict[str, Any]]:
    """`count` fictional articles as input records (id, title, published, source, text)."""
    rng = random.Random(seed)
    groups = [f"{rng.choice(_COLOURS)} {_word(rng)} {rng.choice(_GROUP_WORDS)}" for _ in range(40)]
    people = [f"{rng.choice(_FIRST)} {_word(rng, 3)}" for _ in range(80)]
    towns = [_word(rng) for _ in range(60)]
    start = date(2026, 1, 1)
    for number in range(count):
        group, rival = rng.sample(groups, 2)
        leader, official = rng.sample(people, 2)
        town = rng.choice(towns)
        day = start + timedelta(days=rng.randrange(300))
        killed = rng.randrange(2, 60)
        outlet = rng.choice(_OUTLETS)
        since = rng.randrange(2005, 2025)
        text = (
            f"Fighters of the {group} attacked a police post in the town of {town} on "
            f"Monday, killing at least {killed} officers, according to local officials.\n\n"
            f"The {group.split()[-1]} has been fighting the {rival} since {since}. "
            f"Its commander, {leader}, said the attacks would continue.\n\n"
            f'"We will not stop until {town} is free," {leader.split()[-1]} told reporters. '
            f"{official}, the interior minister, condemned the raid and urged the {group} to "
            f"lay down its arms.\n\n"
            f"{_background(rng, group, rival, town, official)}\n\n"
            f"Report number {number} of the {outlet} desk."
        )
        yield {
            "id": f"synthetic-{seed}-{number}",
            "title": f"{group} attack in {town}",
            "published": (day + timedelta(days=1)).isoformat(),
            "source": outlet,
            "text": text,
        }
