"""processed/publishers.csv: the publisher table (curated/publishers.yaml), hosts joined by spaces."""
from __future__ import annotations

import sys

from data.steps.common import curated, run

TABLE = "publishers"


def rows() -> list[dict]:
    """One row per publisher, in the curated order."""
    return [{**entry, "hosts": " ".join(entry.get("hosts") or [])} for entry in curated("publishers")["publishers"]]


def main() -> int:
    """Write (or --check) the table."""
    return run(TABLE, rows)


if __name__ == "__main__":
    sys.exit(main())
