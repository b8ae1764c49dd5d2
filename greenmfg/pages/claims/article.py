"""The seed article in Chinese, one section per heading with an English title and summary, claims marked and linked.

The English titles and summaries translate the article's own headings and sections (content, not page
names); their keys are the section keys data.steps.cleaning gives the paragraphs, which for the three
policy sections are the chapters' theme keys.
"""
from __future__ import annotations

import html

import pandas as pd

from greenmfg.charts.markup import slug
from greenmfg.locale.i18n import language, tr

from .reading_order import claim_numbers, paragraph_number

# English titles of the article's sections (translations of its Chinese headings; catalogue keys of the Chinese
# page's titles).
SECTION_TITLES_EN = {
    "overview": "Opening: the policy and its headline goals",
    "green-factory-explainer": "News box: what is a green factory?",
    "traditional": "Traditional industries: faster green, low-carbon upgrading",
    "emerging": "Emerging industries: green, low-carbon from a high starting point",
    "digital": "New business forms that fuse green manufacturing with other sectors",
}
# What each section of the article says, in English, for readers without Chinese.
SECTION_SUMMARIES_EN = {
    "overview": ("Seven departments led by the industry ministry issue the Guiding Opinions. The article gives the "
                 "headline 2030 goal for the output share of green factories and the 2035 goals (emissions falling "
                 "steadily after their peak, a green edge in global supply chains), then context figures for 2023 "
                 "on high-tech and equipment manufacturing, new-energy vehicles, power batteries and solar PV."),
    "green-factory-explainer": ("A news box defines a green factory (intensive land use, harmless raw materials, "
                                "clean production, waste turned into resources, low-carbon energy) as the core unit "
                                "of the green manufacturing system."),
    "traditional": ("The policy asks traditional industries to restructure products, energy use, raw materials and "
                    "processes. Two company stories follow (a filter-press maker in Dezhou, Yunnan Aluminium in "
                    "Kunming), then energy-efficiency, water-reuse (steel, petrochemicals) and ultra-low-emission "
                    "(steel) figures, and the 2030 targets for recycled resources, industrial solid waste, aluminium, "
                    "short-process steel and one-step syngas chemistry."),
    "emerging": ("Emerging industries are framed as the engine of high-quality growth. A computing centre in the "
                 "Beijing–Tianjin–Hebei region reports electricity savings; the policy's lines on greener data "
                 "centres, low-power chips and remanufacturing technologies such as additive manufacturing follow."),
    "digital": ("The policy calls for deep integration of digital and green, of green manufacturing and modern "
                "services, and of green demand and supply. A rooftop solar project at Taishan Steel in Jinan is "
                "the example; digital technology is cast as the enabler of resource efficiency."),
}


def claim_spans(text: str, claims: pd.DataFrame) -> list[tuple[int, int, str]]:
    """(start, end, claim_id) of each claim's text in one paragraph; a claim text not found is an error."""
    spans = []
    for _, claim in claims.iterrows():
        start = text.find(claim["claim_text"])
        if start < 0:
            raise ValueError(f"claim {claim['claim_id']!r}: its text is not in paragraph {claim['paragraph_id']}")
        spans.append((start, start + len(claim["claim_text"]), claim["claim_id"]))
    return sorted(spans)


def marked_paragraph_html(text: str, claims: pd.DataFrame, numbers: dict[str, int]) -> str:
    """The paragraph with each claim highlighted (overlaps split into segments) and a link to its ledger entry."""
    spans = claim_spans(text, claims)
    cuts = sorted({0, len(text), *[start for start, _, _ in spans], *[end for _, end, _ in spans]})
    out = []
    for left, right in zip(cuts, cuts[1:]):
        covering = [claim_id for start, end, claim_id in spans if start <= left and end >= right]
        piece = html.escape(text[left:right])
        if covering:
            out.append(f'<mark class="gm-claim-mark" data-claims="{html.escape(" ".join(covering))}">{piece}</mark>')
        else:
            out.append(piece)
        for _start, end, claim_id in spans:
            if end == right:
                out.append(f'<a class="gm-claim-ref" id="mark-{html.escape(claim_id)}" '
                           f'href="#claim-{html.escape(claim_id)}" '
                           f'aria-label="{html.escape(tr("Ledger entry {number}", number=numbers[claim_id]))}">'
                           f"[{numbers[claim_id]}]</a>")
    return "".join(out)


def _section_html(section: str, paragraphs: pd.DataFrame, claims: pd.DataFrame, numbers: dict[str, int]) -> str:
    """One article section: its title (and, on English pages, an English summary), then its headings and paragraphs
    in Chinese, marked."""
    parts = [f'<section class="gm-article-section" id="article-{html.escape(slug(section))}">',
             f'<h3>{html.escape(tr(SECTION_TITLES_EN.get(section, section)))}</h3>']
    if language() == "en":
        parts.append(f'<p class="gm-section-summary"><strong>In English:</strong> '
                     f'{html.escape(SECTION_SUMMARIES_EN.get(section, ""))}</p>')
    for _, paragraph in paragraphs.iterrows():
        paragraph_id = html.escape(paragraph["paragraph_id"])
        body = marked_paragraph_html(paragraph["text_zh"], claims[claims["paragraph_id"] == paragraph["paragraph_id"]],
                                     numbers)
        if paragraph["kind"] == "heading":
            parts.append(f'<h4 lang="zh-Hans" id="para-{paragraph_id}">{body}</h4>')
        else:
            label = html.escape(tr("¶{number}", number=paragraph_number(paragraph["paragraph_id"])))
            english = ' lang="en"' if language() == "en" else ""
            parts.append(f'<p lang="zh-Hans" id="para-{paragraph_id}"><span class="gm-front-small"{english}>{label}</span>'
                         f" {body}</p>")
    parts.append("</section>")
    return "".join(parts)


def article_html(paragraphs: pd.DataFrame, claims: pd.DataFrame) -> str:
    """The cleaned article, section by section, each claim marked and numbered as in the ledger."""
    numbers = claim_numbers(claims)
    sections = [_section_html(section, group, claims, numbers)
                for section, group in paragraphs.sort_values("order").groupby("section", sort=False)]
    return f'<div class="gm-article">{"".join(sections)}</div>'
