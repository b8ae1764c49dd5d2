"""The home page: a scoreboard of the numeric 2030 targets, the chapters as cards, the policy's identity and goals.

Its prose numbers are the tracker's and the ledger's (targets.*, claims.* in _variables.yml), so the
page has no variables of its own.
"""
from __future__ import annotations

import pandas as pd

from greenmfg import freshness, loaders
from greenmfg import targets as pace_math
from greenmfg.variables import data_last_updated


def load(data_dir=None) -> dict[str, pd.DataFrame]:
    """The tables the home page shows: policy document, targets, each numeric target's progress and freshness."""
    targets = loaders.load_policy_targets(data_dir)
    progress = pace_math.target_progress(targets, loaders.load_context_series(data_dir))
    return {"policy_document": loaders.load_policy_document(data_dir), "policy_targets": targets, "progress": progress,
            "freshness": freshness.target_freshness(targets, progress, loaders.load_release_schedule(data_dir),
                                                    data_last_updated(data_dir))}
