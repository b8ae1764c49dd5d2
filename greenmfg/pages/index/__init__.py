"""The home page: a scoreboard of the numeric 2030 targets, the chapters as cards, the policy's identity and goals.

Its prose numbers are the tracker's and the ledger's (targets.*, claims.* in _variables.yml), so the
page has no variables of its own.
"""
from __future__ import annotations

import pandas as pd

from greenmfg import loaders
from greenmfg import targets as pace_math


def load(data_dir=None) -> dict[str, pd.DataFrame]:
    """The tables the home page shows: policy document, targets, and each numeric target's progress."""
    targets = loaders.load_policy_targets(data_dir)
    return {"policy_document": loaders.load_policy_document(data_dir), "policy_targets": targets,
            "progress": pace_math.target_progress(targets, loaders.load_context_series(data_dir))}
