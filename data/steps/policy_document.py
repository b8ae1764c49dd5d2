"""processed/policy_document.csv: the policy document's identity, one row per field with its source (curated/policy_document.yaml)."""
from __future__ import annotations

import sys

from data.steps.common import curated, run

TABLE = "policy_document"


def rows() -> list[dict]:
    """The curated entries sorted by field."""
    return sorted(curated("policy_document")["fields"], key=lambda entry: entry["field"])


def main() -> int:
    """Write (or --check) the table."""
    return run(TABLE, rows())


if __name__ == "__main__":
    sys.exit(main())
