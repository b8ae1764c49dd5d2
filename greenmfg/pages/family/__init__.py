"""The policy family: data for the page's charts and the derived numbers its prose uses."""
from __future__ import annotations

from ... import loaders


def load(data_dir=None) -> dict:
    """Everything the page reads (the only I/O of the page)."""
    return {"context": loaders.load_context_series(data_dir)}


def variables(data_dir=None) -> dict:
    """Derived numbers of this page's prose, under its key; plain figures use the generic series.* keys."""
    return {"family": {}}
