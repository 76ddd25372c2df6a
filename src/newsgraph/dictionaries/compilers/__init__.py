"""Compilers of the shipped dictionary data, run by `scripts/compile_gazetteer.py` and
`scripts/compile_cameo.py` (and by the PETRARCH2 evaluation on its own small dictionaries)."""
