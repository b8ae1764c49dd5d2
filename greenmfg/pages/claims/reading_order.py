"""Claims in the order a reader meets them in the article; the ledger numbers them in that order.

The tracker, glossary and data pages list claims too, so they load them through ordered_claims as well.
"""
from __future__ import annotations

import pandas as pd

from greenmfg.locale.formatting import fmt_number


def ordered_claims(claims: pd.DataFrame, paragraphs: pd.DataFrame) -> pd.DataFrame:
    """Claims in reading order: by paragraph, then by where the claim text starts in it, then (two claims quoting
    one 分别 clause, 分别超过97%和95%) by where each claim's own figure stands in that text."""
    text_of = dict(zip(paragraphs["paragraph_id"], paragraphs["text_zh"]))
    position = [text_of.get(row["paragraph_id"], "").find(row["claim_text"]) for _, row in claims.iterrows()]
    figure = [str(row["claim_text"]).find(fmt_number(row["value"], lang="zh")) if fmt_number(row["value"], lang="zh")
              else -1 for _, row in claims.iterrows()]
    order = claims.assign(_pos=position, _fig=figure).sort_values(["paragraph_id", "_pos", "_fig", "claim_id"])
    return order.drop(columns=["_pos", "_fig"]).reset_index(drop=True)


def paragraph_number(paragraph_id: str) -> int:
    """The article paragraph's place as readers count it ('p06' is paragraph 6): pages name paragraphs by number,
    never by their id."""
    return int(str(paragraph_id).lstrip("p"))


def claim_numbers(claims: pd.DataFrame) -> dict[str, int]:
    """Ledger number of each claim: its place in the (reading-ordered) frame, from 1."""
    return {claim_id: number for number, claim_id in enumerate(claims["claim_id"], start=1)}
