"""processed/policy_milestones.csv: the milestones related documents set (curated/policy_family.yaml, through data/steps/policy_family.py)."""
from __future__ import annotations

import sys

from data.steps.common import rows_step
from data.steps.policy_family import milestone_rows

rows, main = rows_step("policy_milestones", milestone_rows)

if __name__ == "__main__":
    sys.exit(main())
