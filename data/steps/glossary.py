"""processed/glossary.csv: key terms of the policy with the quote defining each (curated/glossary.yaml)."""
from __future__ import annotations

import sys

from data.steps.common import curated, run

TABLE = "glossary"


def rows() -> list[dict]:
    """The curated entries sorted by term_id."""
    return sorted(curated("glossary")["terms"], key=lambda entry: entry["term_id"])


def main() -> int:
    """Write (or --check) the table."""
    return run(TABLE, rows())


if __name__ == "__main__":
    sys.exit(main())
