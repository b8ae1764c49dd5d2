"""The home page: a scoreboard of the numeric 2030 targets, the chapters as cards, the policy's identity and goals.

Its prose numbers are the tracker's and the ledger's (targets.*, claims.* in _variables.yml), so the
page has no variables of its own.
"""
from __future__ import annotations

import pandas as pd

from greenmfg.data import freshness, loaders, predecessors
from greenmfg.data import targets as pace_math
from greenmfg.locale.i18n import pick
from greenmfg.pages.targets import worded_steps

# (table, basis column) pairs whose text can be a target's latest basis: the series rows and the targets' baselines.
BASIS_COLUMNS = (("context_series", "basis"), ("policy_targets", "baseline_basis"))


def bases(tables: dict[str, pd.DataFrame]) -> dict[str, str]:
    """Each basis text the data holds -> the same basis in the page's language (its ``_zh`` twin on Chinese pages)."""
    return {row[column]: pick(row, column) for name, column in BASIS_COLUMNS
            for _, row in tables[name].iterrows() if isinstance(row[column], str)}


def load(data_dir=None) -> dict[str, pd.DataFrame]:
    """The tables the home page shows: policy document, targets, each numeric target's progress and freshness, the
    milestones earlier plans set on the way (`steps`, with verdicts), and the bases of the figures in the reader's
    language."""
    targets, series = loaders.load_policy_targets(data_dir), loaders.load_context_series(data_dir)
    family = predecessors.load(data_dir)
    steps = worded_steps(predecessors.steps(targets, family), family["milestones"], family["documents"])
    progress = predecessors.with_milestone_pace(pace_math.target_progress(targets, series), steps)
    return {"policy_document": loaders.load_policy_document(data_dir), "policy_targets": targets, "progress": progress,
            "steps": steps,
            "freshness": freshness.target_freshness(targets, progress, loaders.load_release_schedule(data_dir),
                                                    freshness.stale_reference(data_dir)),
            "bases": bases({"context_series": series, "policy_targets": targets})}
