"""processed/glossary.csv: key terms of the policy with the quote defining each (curated/glossary.yaml)."""
from __future__ import annotations

import sys

from data.steps.common import entries_step

TABLE = "glossary"
rows, main = entries_step(TABLE, "glossary", "terms", sort_key="term_id")

if __name__ == "__main__":
    sys.exit(main())
