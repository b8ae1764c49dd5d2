"""processed/policy_documents_family.csv: the Opinions and related documents (curated/policy_family.yaml, through data/steps/policy_family.py)."""
from __future__ import annotations

import sys

from data.steps.common import run
from data.steps.policy_family import document_rows

TABLE = "policy_documents_family"
rows = document_rows


def main() -> int:
    """Write (or --check) the table."""
    return run(TABLE, rows)


if __name__ == "__main__":
    sys.exit(main())
