"""The glossary's entries: each term anchored, with definition, source quote and links to where it is used."""
from __future__ import annotations

import html
import unicodedata

import pandas as pd

from greenmfg.charts.card import CJK_RUN
from greenmfg.charts.markup import chapter_link, chinese, escaped, page_href, source_html
from greenmfg.locale.i18n import DEFAULT, language, pick, tr
from greenmfg.locale.punctuation import quoted_excerpt
from greenmfg.pages.claims.article import quoted_text
from greenmfg.pages.claims.reading_order import claim_numbers, paragraph_number
from greenmfg.pages.family.wording import target_title


def term_usage(term_zh: str, paragraphs: pd.DataFrame, claims: pd.DataFrame, targets: pd.DataFrame) -> list[tuple[str, str]]:
    """(href, label) of the places a Chinese term occurs: article paragraphs (in the sentences the ledger quotes),
    ledger entries, targets."""
    uses = [(page_href("claims", f"para-{para}"), tr("article paragraph {para}", para=paragraph_number(para)))
            for para, text in quoted_text(paragraphs, claims).items() if term_zh in text]
    refs = claim_refs(claims)
    uses += [(page_href("claims", f"claim-{claim}"), tr("claim {ref}", ref=refs[claim]))
             for claim, text in zip(claims["claim_id"], claims["claim_text"]) if term_zh in text]
    uses += [(page_href("targets", f"target-{target['target_id']}"),
              tr("target: {target}", target=target_title(target, term_zh)))
             for _, target in targets.iterrows() if isinstance(target["metric_zh"], str) and term_zh in target["metric_zh"]]
    return uses


def claim_refs(claims: pd.DataFrame) -> dict[str, str]:
    """How a page names each claim: English pages by its id, Chinese pages by its number in the ledger (reading
    order), which is what the Chinese ledger shows."""
    if language() == DEFAULT:
        return {claim: claim for claim in claims["claim_id"]}
    return {claim: str(number) for claim, number in claim_numbers(claims).items()}


def _plain_pinyin(pinyin: pd.Series) -> pd.Series:
    """Pinyin without tone marks, lower case: the order of a Chinese glossary (音序)."""
    return pinyin.map(lambda text: "".join(c for c in unicodedata.normalize("NFD", text)
                                           if not unicodedata.combining(c)).lower())


def ordered_terms(glossary: pd.DataFrame) -> pd.DataFrame:
    """English pages list terms in English alphabetical order, Chinese pages in pinyin order."""
    if language() == "zh":
        return glossary.sort_values("pinyin", key=_plain_pinyin)
    return glossary.sort_values("term_en", key=lambda terms: terms.str.lower())


def _heading(term: pd.Series) -> str:
    """English pages: English term · Chinese term, pinyin. Chinese pages: Chinese term, pinyin · English term."""
    pinyin = f'<span class="gm-front-small" lang="zh-Latn-pinyin">{escaped(term["pinyin"])}</span>'
    if language() == "zh":
        english = f'<span class="gm-front-small" lang="en">{escaped(term["term_en"])}</span>'
        return f'{escaped(term["term_zh"])} {pinyin} · {english}'
    return f'{escaped(term["term_en"])} · {chinese(term["term_zh"])} {pinyin}'


def _quote_html(quote: str, translation: str = "") -> str:
    """The source sentence in quotation marks, in its own language (a few sources are English reports), punctuated and
    quoted within our marks as greenmfg.locale.punctuation.quoted_excerpt says; on Chinese pages a non-Chinese quote
    comes after this site's Chinese translation of it."""
    original = f'<q lang="{"zh-Hans" if CJK_RUN.search(quote) else "en"}">{escaped(quoted_excerpt(quote))}</q>'
    if language() != "zh" or not translation:
        return original
    return tr("{translation} (this site's translation; original: {original})",
              translation=f'<q lang="zh-Hans">{escaped(quoted_excerpt(translation))}</q>', original=original)


def glossary_html(glossary: pd.DataFrame, paragraphs: pd.DataFrame, claims: pd.DataFrame,
                  targets: pd.DataFrame) -> str:
    """Every term in its edition's order; "Used in" starts with the chapter that discusses it."""
    entries = []
    for _, term in ordered_terms(glossary).iterrows():
        uses = "".join(f'{tr(", ")}<a href="{html.escape(href)}">{html.escape(label)}</a>'
                       for href, label in term_usage(term["term_zh"], paragraphs, claims, targets))
        source = source_html(term["source_org"], term["source_date"], term["source_url"])
        entries.append(
            f'<article class="gm-entry" id="term-{escaped(term["term_id"])}"><h3>{_heading(term)}</h3>'
            f'<p>{escaped(pick(term, "definition_en"))}</p><dl><dt>{tr("Source text")}</dt>'
            f'<dd>{_quote_html(term["quote"], term["quote_translation_zh"])} — {source}</dd>'
            f"<dt>{tr('Used in')}</dt><dd>{chapter_link(term['chapter'])}{uses}</dd></dl></article>")
    return "".join(entries)
