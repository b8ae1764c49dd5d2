"""processed/claims.csv: the seed article's claims with verdicts and evidence (curated/claims.yaml)."""
from __future__ import annotations

import sys

from data.steps.common import entries_step

TABLE = "claims"
rows, main = entries_step(TABLE, "claims", "claims", sort_key="claim_id")

if __name__ == "__main__":
    sys.exit(main())
