"""The glossary's entries: each term anchored, with definition, source quote and links to where it is used."""
from __future__ import annotations

import html

import pandas as pd

from greenmfg.markup import chapter_link, chinese, escaped, page_href, source_html


def term_usage(term_zh: str, paragraphs: pd.DataFrame, claims: pd.DataFrame, targets: pd.DataFrame) -> list[tuple[str, str]]:
    """(href, label) of the places a Chinese term occurs: article paragraphs, ledger entries, targets."""
    uses = [(page_href("claims", f"para-{para}"), f"article paragraph {para}")
            for para, text in zip(paragraphs["paragraph_id"], paragraphs["text_zh"]) if term_zh in text]
    uses += [(page_href("claims", f"claim-{claim}"), f"claim {claim}")
             for claim, text in zip(claims["claim_id"], claims["claim_text"]) if term_zh in text]
    uses += [(page_href("targets", f"target-{target}"), f"target {target}")
             for target, metric in zip(targets["target_id"], targets["metric_zh"])
             if isinstance(metric, str) and term_zh in metric]
    return uses


def glossary_html(glossary: pd.DataFrame, paragraphs: pd.DataFrame, claims: pd.DataFrame,
                  targets: pd.DataFrame) -> str:
    """Every term in English alphabetical order; "Used in" starts with the chapter that discusses it."""
    entries = []
    for _, term in glossary.sort_values("term_en", key=lambda terms: terms.str.lower()).iterrows():
        uses = "".join(f', <a href="{html.escape(href)}">{html.escape(label)}</a>'
                       for href, label in term_usage(term["term_zh"], paragraphs, claims, targets))
        source = source_html(term["source_org"], term["source_date"], term["source_url"], term["source_mirror_url"])
        entries.append(
            f'<article class="gm-entry" id="term-{escaped(term["term_id"])}"><h3>{escaped(term["term_en"])} · '
            f'{chinese(term["term_zh"])} <span class="gm-front-small" lang="zh-Latn-pinyin">{escaped(term["pinyin"])}'
            f'</span></h3><p>{escaped(term["definition_en"])}</p><dl><dt>Source text</dt>'
            f'<dd>{chinese(term["quote"], "q")} — {source}</dd>'
            f"<dt>Used in</dt><dd>{chapter_link(term['chapter'])}{uses}</dd></dl></article>")
    return "".join(entries)
