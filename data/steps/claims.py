"""processed/claims.csv: the seed article's claims with verdicts and evidence (curated/claims.yaml)."""
from __future__ import annotations

import sys

from data.steps.common import curated, run

TABLE = "claims"


def rows() -> list[dict]:
    """The curated entries sorted by claim_id."""
    return sorted(curated("claims")["claims"], key=lambda entry: entry["claim_id"])


def main() -> int:
    """Write (or --check) the table."""
    return run(TABLE, rows())


if __name__ == "__main__":
    sys.exit(main())
