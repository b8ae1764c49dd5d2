"""processed/article_paragraphs.csv: the seed article cleaned by data.steps.cleaning, one row per heading or paragraph."""
from __future__ import annotations

import sys

from data.steps.cleaning import RAW_FILE, clean_article
from data.steps.common import DATA_DIR, run

TABLE = "article_paragraphs"


def rows() -> list[dict]:
    """The cleaned paragraphs of the raw page, in page order."""
    return clean_article((DATA_DIR / RAW_FILE).read_text(encoding="utf-8"))


def main() -> int:
    """Write (or --check) the table."""
    return run(TABLE, rows)


if __name__ == "__main__":
    sys.exit(main())
