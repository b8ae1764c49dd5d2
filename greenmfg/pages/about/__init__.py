"""About and how to cite: who publishes the site and how to reach them, the citation with the data's version and
dates (the newest source's release date, the last search of the sources).

Its prose uses only the generic data.* values, so it has no variables.
"""
from __future__ import annotations

from typing import Any

from greenmfg.data import loaders
from greenmfg.data.freshness import last_updated, sources_checked_on
from greenmfg.data.validate import load_descriptor


def load(data_dir=None) -> dict[str, Any]:
    """The tables whose source dates make the last data update, and the package descriptor (its version and the
    recorded searches of the sources)."""
    return {"descriptor": load_descriptor(data_dir), "context_series": loaders.load_context_series(data_dir),
            "policy_targets": loaders.load_policy_targets(data_dir), "claims": loaders.load_claims(data_dir),
            "policy_document": loaders.load_policy_document(data_dir)}


def citation_dates(data: dict[str, Any]) -> dict[str, str]:
    """The citation's arguments from the loaded data: newest source date, package version, last search of sources."""
    return {"last_updated": last_updated(data), "version": str(data["descriptor"]["version"]),
            "checked": sources_checked_on(data["descriptor"])}
