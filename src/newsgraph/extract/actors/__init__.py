"""Actors: the article's mentions of people, groups, governments and places, merged into
typed actors with aliases.

The way of a mention:
1. spaCy's NER, trimmed to the name and repaired where the small model errs (long
   organisation names cut short, people tagged as organisations or works of art, "OSD-H"
   split at its hyphen, demonym adjectives and portfolio words taken for names);
2. names the Phoenix gazetteer knows and NER missed, and people NER missed altogether;
3. grouped by normalised name, then joined: acronyms and their expansions ("ISIS" = "Islamic
   State of Iraq and Syria"), countries by ISO code ("U.S." = "United States"), surnames
   ("Castellane" = "Mira Castellane"), head words ("the Front"), variants ("Afghan Taliban");
4. group nouns that stand for actors ("the Velmoran army", "rebels", "civilians");
5. typed (NER label, data/actor_words.tsv, countries, cities) and enriched by the gazetteer
   (CAMEO codes, armed group or government).
Every further occurrence of a known name becomes a mention too."""

from newsgraph.extract.actors.stage import extract_actors

__all__ = ["extract_actors"]
