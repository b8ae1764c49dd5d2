"""The CCTV report's sentences that carry checked claims, one section per heading of the report with an English title
and summary, each claim marked, linked to its ledger entry and followed by its verdict. The rest of the report is
not reprinted: the page quotes what it checks.

The English titles and summaries translate the article's own headings and sections (content, not page
names); their keys are the section keys data.steps.cleaning gives the paragraphs, which for the three
policy sections are the chapters' theme keys.
"""
from __future__ import annotations

import html

import pandas as pd

from greenmfg.charts.markup import slug, source_html
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
                 "centres and low-power chips follow."),
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
    """The paragraph with each claim highlighted (overlaps split into segments) and a link to its ledger entry; claims
    ending at one place link in ascending order of their ledger numbers."""
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
        for _start, end, claim_id in sorted(spans, key=lambda span: numbers[span[2]]):  # [3][4], never [4][3]
            if end == right:
                out.append(f'<a class="gm-claim-ref" id="mark-{html.escape(claim_id)}" '
                           f'href="#claim-{html.escape(claim_id)}" '
                           f'aria-label="{html.escape(tr("Ledger entry {number}", number=numbers[claim_id]))}">'
                           f"[{numbers[claim_id]}]</a>")
    return "".join(out)


# Where a sentence ends in the article's Chinese: the page quotes whole sentences, never a claim cut out of one.
SENTENCE_ENDS = "。！？；"


def claim_sentences(text: str, claims: pd.DataFrame) -> list[tuple[int, int]]:
    """(start, end) of each run of whole sentences of a paragraph that carries a claim, in order, touching runs
    merged: the page quotes these and nothing else of the article."""
    runs: list[list[int]] = []
    for start, end, _ in claim_spans(text, claims):
        left = max(text.rfind(mark, 0, start) for mark in SENTENCE_ENDS) + 1
        ends = [found for mark in SENTENCE_ENDS if (found := text.find(mark, max(end - 1, start))) >= 0]
        right = min(ends) + 1 if ends else len(text)
        if runs and left <= runs[-1][1]:
            runs[-1][1] = max(runs[-1][1], right)
        else:
            runs.append([left, right])
    return [(left, right) for left, right in runs]


def quoted_text(paragraphs: pd.DataFrame, claims: pd.DataFrame) -> dict[str, str]:
    """What the ledger quotes of each paragraph (its sentences that carry claims), by paragraph id: all a link to a
    paragraph of the article can point at."""
    quoted = {}
    for paragraph_id, text in zip(paragraphs["paragraph_id"], paragraphs["text_zh"]):
        inside = claims[claims["paragraph_id"] == paragraph_id]
        if not inside.empty:
            quoted[paragraph_id] = "……".join(text[left:right] for left, right in claim_sentences(text, inside))
    return quoted


def quoted_sentences_html(text: str, claims: pd.DataFrame, numbers: dict[str, int]) -> str:
    """The sentences of a paragraph that carry claims, each claim marked and linked to its entry; sentences left out
    between them show as ……."""
    pieces = []
    for left, right in claim_sentences(text, claims):
        excerpt = text[left:right].strip(" \t\u3000")
        inside = claims[[excerpt.find(claim_text) >= 0 for claim_text in claims["claim_text"]]]
        pieces.append(marked_paragraph_html(excerpt, inside, numbers))
    return "……".join(pieces)


def _checks_html(claims: pd.DataFrame, numbers: dict[str, int]) -> str:
    """The verdict of each claim quoted above, by its ledger number: '[20] not found; [21] not found'."""
    verdicts = [tr("[{number}] {status}", number=numbers[claim["claim_id"]], status=tr(claim["status"]))
                for _, claim in claims.iterrows()]
    return (f'<p class="gm-front-small">{html.escape(tr("Check: {verdicts}", verdicts=tr("; ").join(verdicts)))}'
            "</p>")


def _section_html(section: str, paragraphs: pd.DataFrame, claims: pd.DataFrame, numbers: dict[str, int]) -> str:
    """One article section: its title (and, on English pages, an English summary), then, for each paragraph with
    claims, the sentences that carry them (in Chinese, marked) and the verdict of each."""
    parts = [f'<section class="gm-article-section" id="article-{html.escape(slug(section))}">',
             f'<h3>{html.escape(tr(SECTION_TITLES_EN.get(section, section)))}</h3>']
    if language() == "en":
        parts.append(f'<p class="gm-section-summary"><strong>In English:</strong> '
                     f'{html.escape(SECTION_SUMMARIES_EN.get(section, ""))}</p>')
    for _, paragraph in paragraphs.iterrows():
        inside = claims[claims["paragraph_id"] == paragraph["paragraph_id"]]
        if inside.empty:
            continue
        paragraph_id = html.escape(paragraph["paragraph_id"])
        label = html.escape(tr("¶{number}", number=paragraph_number(paragraph["paragraph_id"])))
        english = ' lang="en"' if language() == "en" else ""
        parts.append(f'<blockquote lang="zh-Hans" id="para-{paragraph_id}"><p><span class="gm-front-small"{english}>'
                     f'{label}</span> {quoted_sentences_html(paragraph["text_zh"], inside, numbers)}</p></blockquote>'
                     + _checks_html(inside, numbers))
    parts.append("</section>")
    return "".join(parts)


def source_note_html(seed: dict[str, str]) -> str:
    """Where the quoted sentences come from: the report named as every source is named (publisher, reprint, date),
    and that its own page was not found, so there is no address to link."""
    source = source_html(seed["source_org"], seed["source_date"], seed["url"])
    return ('<p class="gm-front-small">' + tr("Source: {source}. The report's own page was not found online, so it "
                                              "cannot be linked; the sentences are quoted from a republished copy.",
                                              source=source) + "</p>")


def article_html(paragraphs: pd.DataFrame, claims: pd.DataFrame, seed: dict[str, str] | None = None) -> str:
    """The sentences of the report that carry checked claims, section by section, each claim marked and numbered as
    in the ledger with its verdict; the rest of the report is not reprinted. ``seed`` (the report as a source,
    greenmfg.data.loaders.seed_article) adds where the sentences come from."""
    numbers = claim_numbers(claims)
    with_claims = paragraphs[paragraphs["paragraph_id"].isin(set(claims["paragraph_id"]))]
    sections = [_section_html(section, group, claims, numbers)
                for section, group in with_claims.sort_values("order").groupby("section", sort=False)]
    note = source_note_html(seed) if seed else ""
    return f'<div class="gm-article">{note}{"".join(sections)}</div>'
