"""processed/policy_task_areas.csv: the Opinions' task areas mapped to the site (curated/policy_family.yaml, through data/steps/policy_family.py)."""
from __future__ import annotations

import sys

from data.steps.common import rows_step
from data.steps.policy_family import task_area_rows

rows, main = rows_step("policy_task_areas", task_area_rows)

if __name__ == "__main__":
    sys.exit(main())
