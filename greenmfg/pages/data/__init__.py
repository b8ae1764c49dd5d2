"""Data & method: every dataset of the package, how figures were checked, what could not be sourced, licences.

Its variables (datasets, package_version, rows_sourced, rows_reprint_only, changes_logged) join the generic data.* keys
(data.last_updated) under the same namespace, which is this page's key.
"""
from __future__ import annotations

from typing import Any

from greenmfg.data import loaders
from greenmfg.data.validate import load_descriptor
from greenmfg.pages.claims.reading_order import ordered_claims

from .sources import reprint_counts


def load(data_dir=None) -> dict[str, Any]:
    """Every table of the package keyed by resource name (claims in reading order), plus its descriptor."""
    paragraphs = loaders.load_article_paragraphs(data_dir)
    return {"descriptor": load_descriptor(data_dir), "policy_document": loaders.load_policy_document(data_dir),
            "policy_targets": loaders.load_policy_targets(data_dir),
            "claims": ordered_claims(loaders.load_claims(data_dir), paragraphs),
            "context_series": loaders.load_context_series(data_dir), "glossary": loaders.load_glossary(data_dir),
            "release_schedule": loaders.load_release_schedule(data_dir),
            "series_changes": loaders.load_series_changes(data_dir), "article_paragraphs": paragraphs,
            "publishers": loaders.load_publishers(data_dir),
            "policy_documents_family": loaders.load_policy_documents_family(data_dir),
            "policy_milestones": loaders.load_policy_milestones(data_dir),
            "policy_task_areas": loaders.load_policy_task_areas(data_dir)}


def variables(data_dir=None) -> dict[str, dict[str, str]]:
    """How many datasets, the package version, how many sourced rows are known only from a reprint, how many changes
    the "What changed" log lists."""
    data = load(data_dir)
    counts = reprint_counts(data)
    return {"data": {"datasets": str(len(data["descriptor"]["resources"])),
                     "package_version": str(data["descriptor"].get("version", "")),
                     "rows_sourced": str(counts["sourced"]), "rows_reprint_only": str(counts["reprint_only"]),
                     "changes_logged": str(len(data["series_changes"]))}}
