"""The claim ledger: every figure of the seed article with its verdict, and the article with each claim marked.

Its variables count the claims of each verdict for the ledger's and the home page's prose; the total
is the generic counts.claims.
"""
from __future__ import annotations

import pandas as pd

from greenmfg.charts.markup import slug
from greenmfg.data import loaders
from greenmfg.locale.i18n import tr

from .ledger import CLAIM_STATUSES
from .reading_order import ordered_claims


def load(data_dir=None) -> dict[str, pd.DataFrame]:
    """The claims in reading order, the article's paragraphs and the article as a source (publisher, date)."""
    paragraphs = loaders.load_article_paragraphs(data_dir)
    return {"claims": ordered_claims(loaders.load_claims(data_dir), paragraphs), "article_paragraphs": paragraphs,
            "seed": loaders.seed_article(data_dir)}


# Each verdict with a count, and said of no claim ('none is … or …'); the Chinese counts in 处, none as 没有一处….
VERDICT_COUNTS = {"confirmed": "{count} confirmed", "partly confirmed": "{count} partly confirmed",
                  "found in another document": "{count} found in another document",
                  "conflicts with official data": "{count} in conflict with official data",
                  "not found": "{count} not found"}
VERDICT_NONE = {"confirmed": "confirmed", "partly confirmed": "partly confirmed",
                "found in another document": "found in another document",
                "conflicts with official data": "in conflict with official data", "not found": "left unsourced"}


def verdict_summary(statuses: pd.Series) -> str:
    """The verdict counts in words, best supported first, a verdict no claim has said once as 'none': '7 confirmed,
    6 partly confirmed and 9 not found; none is found in another document or in conflict with official data'
    (已证实7处，部分证实6处，未找到来源9处；没有一处见于其他文件或与官方数据不符), never '0 in conflict'."""
    counts = statuses.value_counts()
    found = [tr(VERDICT_COUNTS[s], count=int(counts[s])) for s in CLAIM_STATUSES if counts.get(s, 0)]
    none = [tr(VERDICT_NONE[s]) for s in CLAIM_STATUSES if not counts.get(s, 0)]
    text = found[0]
    for more in found[1:-1]:
        text = tr("{list}, {next}", list=text, next=more)  # 已证实7处，部分证实6处 (a clause each, not 、)
    text = text if len(found) == 1 else tr("{list} and {last}", list=text, last=found[-1])
    return text + (tr("; none is {verdicts}", verdicts=tr(" or ").join(none)) if none else "")


def variables(data_dir=None) -> dict[str, dict[str, str]]:
    """How many claims have each verdict, keyed by the verdict ('not found' -> not_found), and all of them in words."""
    statuses = load(data_dir)["claims"]["status"]
    counts = statuses.value_counts()
    out = {slug(status).replace("-", "_"): str(int(counts.get(status, 0))) for status in CLAIM_STATUSES}
    return {"claims": {**out, "summary": verdict_summary(statuses)}}
