"""The goals stated in words: each anchored, with its source, the language of the wording it is known from, the
chapter that discusses it and related claims. A goal known only from a translation shows no Chinese, and says why."""
from __future__ import annotations

import html

import pandas as pd

from greenmfg.frames import is_missing
from greenmfg.markup import chapter_link, chinese, escaped, page_href, source_html

# wording_language codes of policy_targets: (name for readers, HTML lang attribute)
LANGUAGES = {"zh": ("Chinese", "zh-Hans"), "en": ("English", "en"), "ja": ("Japanese", "ja"), "de": ("German", "de"),
             "it": ("Italian", "it")}


def wording_html(target: pd.Series) -> str:
    """The Chinese wording, or the note saying why there is none; then the source's own wording, folded, in its language."""
    zh = f"<p>{chinese(target['metric_zh'])}</p>" if not is_missing(target["metric_zh"]) else ""
    note = "" if is_missing(target["metric_zh_note"]) else f'<p class="gm-front-small">{escaped(target["metric_zh_note"])}</p>'
    name, lang = LANGUAGES[target["wording_language"]]
    quote = (f'<details><summary>Source wording ({name})</summary><blockquote lang="{lang}">{escaped(target["quote"])}'
             "</blockquote></details>") if not is_missing(target["quote"]) else ""
    return zh + note + quote


def qualitative_goals_html(targets: pd.DataFrame, claims: pd.DataFrame) -> str:
    """One entry per qualitative goal, by horizon year (claims in the order given, for the ledger links)."""
    items = []
    goals = targets[targets["target_kind"] != "quantitative"].sort_values("horizon_year", kind="stable")
    for _, target in goals.iterrows():
        related = claims[claims["related_target_id"] == target["target_id"]]["claim_id"]
        claim_links = "".join(f' <a href="{page_href("claims", "claim-" + escaped(claim_id))}">claim {escaped(claim_id)}</a>'
                              for claim_id in related)
        source = source_html(target["source_org"], target["source_date"], target["url"], target["mirror_url"])
        language = LANGUAGES[target["wording_language"]][0]
        items.append(
            f'<article class="gm-entry" id="target-{escaped(target["target_id"])}"><h3>{escaped(target["target_id"])} '
            f'· by {escaped(target["horizon_year"])} · {escaped(target["sector"])}</h3>'
            f'<p>{escaped(target["metric_en"])}</p>{wording_html(target)}'
            f'<p class="gm-front-small">Language of the source wording: {html.escape(language)}. '
            f'Attribution: {escaped(target["attribution_status"])}. '
            f'Source: {source or "none found"}. Discussed in {chapter_link(target["chapter"])}.'
            f'{" Ledger:" + claim_links if claim_links else ""}</p></article>')
    return "".join(items)
