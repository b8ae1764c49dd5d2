"""The goals stated in words: each anchored, with its source, the chapter that discusses it and related claims."""
from __future__ import annotations

import pandas as pd

from greenmfg.markup import chapter_link, chinese, escaped, page_href, source_html


def qualitative_goals_html(targets: pd.DataFrame, claims: pd.DataFrame) -> str:
    """One entry per qualitative goal (claims in the order given, for the ledger links)."""
    items = []
    for _, target in targets[targets["target_kind"] != "quantitative"].iterrows():
        related = claims[claims["related_target_id"] == target["target_id"]]["claim_id"]
        claim_links = "".join(f' <a href="{page_href("claims", "claim-" + escaped(claim_id))}">claim {escaped(claim_id)}</a>'
                              for claim_id in related)
        source = source_html(target["source_org"], target["source_date"], target["url"], target["mirror_url"])
        items.append(
            f'<article class="gm-entry" id="target-{escaped(target["target_id"])}"><h3>{escaped(target["target_id"])} '
            f'· by {escaped(target["horizon_year"])} · {escaped(target["sector"])}</h3>'
            f'<p>{escaped(target["metric_en"])}</p><p>{chinese(target["metric_zh"])}</p>'
            f'<p class="gm-front-small">Attribution: {escaped(target["attribution_status"])}. '
            f'Source: {source or "none found"}. Discussed in {chapter_link(target["chapter"])}.'
            f'{" Ledger:" + claim_links if claim_links else ""}</p></article>')
    return "".join(items)
