"""processed/policy_document.csv: the policy document's identity, one row per field with its source (curated/policy_document.yaml)."""
from __future__ import annotations

import sys

from data.steps.common import entries_step

TABLE = "policy_document"
rows, main = entries_step(TABLE, "policy_document", "fields", sort_key="field")

if __name__ == "__main__":
    sys.exit(main())
