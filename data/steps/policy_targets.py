"""processed/policy_targets.csv: the policy's targets with their baselines and sources (curated/targets.yaml)."""
from __future__ import annotations

import sys

from data.steps.common import entries_step

TABLE = "policy_targets"
rows, main = entries_step(TABLE, "targets", "targets")

if __name__ == "__main__":
    sys.exit(main())
