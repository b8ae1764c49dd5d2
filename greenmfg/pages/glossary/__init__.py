"""The glossary: the policy's key terms in Chinese, pinyin and English, and where each is used on the site.

Its one prose number, the count of terms, is the generic counts.glossary, so it has no variables.
"""
from __future__ import annotations

import pandas as pd

from greenmfg.data import loaders
from greenmfg.pages.claims.reading_order import ordered_claims


def load(data_dir=None) -> dict[str, pd.DataFrame]:
    """The glossary and the texts it links terms into: article paragraphs, claims (reading order), targets."""
    paragraphs = loaders.load_article_paragraphs(data_dir)
    return {"glossary": loaders.load_glossary(data_dir), "article_paragraphs": paragraphs,
            "claims": ordered_claims(loaders.load_claims(data_dir), paragraphs),
            "policy_targets": loaders.load_policy_targets(data_dir)}
