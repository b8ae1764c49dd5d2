"""The claim ledger: every figure of the seed article with its verdict, and the article with each claim marked.

Its variables count the claims of each verdict for the ledger's and the home page's prose; the total
is the generic counts.claims.
"""
from __future__ import annotations

import pandas as pd

from greenmfg.charts.markup import slug
from greenmfg.data import loaders

from .ledger import CLAIM_STATUSES
from .reading_order import ordered_claims


def load(data_dir=None) -> dict[str, pd.DataFrame]:
    """The claims in reading order and the article's paragraphs."""
    paragraphs = loaders.load_article_paragraphs(data_dir)
    return {"claims": ordered_claims(loaders.load_claims(data_dir), paragraphs), "article_paragraphs": paragraphs}


def variables(data_dir=None) -> dict[str, dict[str, str]]:
    """How many claims have each verdict, keyed by the verdict ('not found' -> not_found)."""
    counts = load(data_dir)["claims"]["status"].value_counts()
    return {"claims": {slug(status).replace("-", "_"): str(int(counts.get(status, 0))) for status in CLAIM_STATUSES}}
