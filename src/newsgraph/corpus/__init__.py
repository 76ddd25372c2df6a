"""The corpus layer: articles into the store, one actor and one incident across articles.

`ingest` streams records through the pipeline and writes each article, with its actors
resolved (`actors.py`) and its events fused (`events.py`), in one transaction.
"""
