"""processed/policy_targets.csv: the policy's targets with their baselines and sources (curated/targets.yaml)."""
from __future__ import annotations

import sys

from data.steps.common import curated, run

TABLE = "policy_targets"


def rows() -> list[dict]:
    """The curated entries in their reviewed order."""
    return curated("targets")["targets"]


def main() -> int:
    """Write (or --check) the table."""
    return run(TABLE, rows())


if __name__ == "__main__":
    sys.exit(main())
