"""processed/policy_task_areas.csv: the Opinions' task areas mapped to the site (curated/policy_family.yaml, through data/steps/policy_family.py)."""
from __future__ import annotations

import sys

from data.steps.common import run
from data.steps.policy_family import task_area_rows

TABLE = "policy_task_areas"
rows = task_area_rows


def main() -> int:
    """Write (or --check) the table."""
    return run(TABLE, rows)


if __name__ == "__main__":
    sys.exit(main())
