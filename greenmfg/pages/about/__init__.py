"""About and how to cite: the citation with the data's version and last update date.

Its prose uses only the generic data.last_updated, so it has no variables.
"""
from __future__ import annotations

from typing import Any

from greenmfg.data import loaders
from greenmfg.data.validate import load_descriptor


def load(data_dir=None) -> dict[str, Any]:
    """The tables whose source dates make the last data update, and the package descriptor (its version)."""
    return {"descriptor": load_descriptor(data_dir), "context_series": loaders.load_context_series(data_dir),
            "policy_targets": loaders.load_policy_targets(data_dir), "claims": loaders.load_claims(data_dir),
            "policy_document": loaders.load_policy_document(data_dir)}
