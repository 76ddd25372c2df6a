"""newsgraph: read conflict and political news into a sourced graph of actors, relations,
events and quotes. The output contract lives in :mod:`newsgraph.model`."""

__version__ = "0.1.0"
