"""The claim ledger: every claim of the seed article as an anchored entry, filterable by status and theme."""
from __future__ import annotations

import html

import pandas as pd

from greenmfg.charts.markup import (
    cell_text,
    chinese,
    escaped,
    filter_select,
    filtered_block,
    page_href,
    slug,
    source_html,
    value_text,
)
from greenmfg.data import loaders
from greenmfg.data.frames import is_missing
from greenmfg.locale.formatting import reader_date
from greenmfg.locale.i18n import language, pick, tr
from greenmfg.locale.punctuation import quoted_excerpt, zh_punctuation
from greenmfg.pages.family.wording import target_title
from greenmfg.pages.project import themes

from .reading_order import claim_numbers, paragraph_number

# The verdicts, from best to worst supported: the order of the status filter and of the prose counts.
CLAIM_STATUSES = ["confirmed", "partly confirmed", "found in another document", "conflicts with official data",
                  "not found"]


def theme_labels() -> dict[str, str]:
    """Each data theme's label, in site order: a chapter's navigation text in the page's edition; the home page's
    theme by its own name.

    The home page's navigation text ("Home") names the page, not the headline goals it carries, so that
    theme keeps its key as label ("Overview").
    """
    return {key: page.nav_text if page.is_chapter else tr(key.capitalize())
            for key, page in themes(language()).items()}


def _when(claim: pd.Series) -> str:
    """A target is due "by" its year; a figure for a whole year is that year's (a share or an output: 2023, not "as
    of 2023", which reads as a running total); a figure of a day or month is "as of" it (Chinese pages: 截至2024年3月);
    no date, no bracket."""
    if is_missing(claim["as_of"]):
        return ""
    whole_year = len(cell_text(claim["as_of"]).strip()) == 4
    template = " (by {date})" if claim["claim_type"] == "target" else " ({date})" if whole_year else " (as of {date})"
    date = reader_date(cell_text(claim["as_of"]))
    return html.escape(tr(template, date=date))


# evidence_language codes of claims.csv ('' = simplified Chinese): (language name for readers, HTML lang attribute)
QUOTE_LANGUAGES = {"": ("Chinese", "zh-Hans"), "zh-Hant": ("Chinese", "zh-Hant"), "en": ("English", "en"),
                   "de": ("German", "de")}


def quote_html(claim: pd.Series) -> str:
    """The evidence as seen, marked with its language. A quote in another language is labelled as the original in
    that language and followed by its gist in the page's language (Chinese pages: always; English pages: for a
    German quote), labelled as a rendering; a quote in traditional characters says that it is printed as the
    reprint printed it. The quote is punctuated and quoted within our marks as
    greenmfg.locale.punctuation.quoted_excerpt says (full-width Chinese marks, never two opening marks in a row)."""
    code = "" if is_missing(claim.get("evidence_language")) else str(claim["evidence_language"])
    name, lang = QUOTE_LANGUAGES[code]
    quote = f'<q lang="{lang}">{escaped(quoted_excerpt(claim["evidence_quote"]))}</q>'
    if code == "zh-Hant":
        note = tr("(in traditional characters, as the reprint printed it)")
        return f'{quote} <span class="gm-front-small">{html.escape(note)}</span>'
    if not code or (code == "en" and language() == "en"):
        return quote
    gloss = claim.get("evidence_gloss_zh") if language() == "zh" else claim.get("evidence_gloss")
    label = html.escape(tr("{language} original:", language=tr(name)))
    gist = tr("Gist in Chinese:") if language() == "zh" else "Gist in English:"
    rendering = "" if is_missing(gloss) else f'<br><span class="gm-front-small">{html.escape(gist)}</span> {escaped(gloss)}'
    return f'<span class="gm-front-small">{label}</span> {quote}{rendering}'


def _details(claim: pd.Series, targets: pd.DataFrame | None = None) -> str:
    """The <dd> pairs after status, type and theme that the claim has: value, evidence, quote, search, note, target."""
    value = value_text(claim["value"], claim["unit"], claim["qualifier"])
    wording = claim.get("value_wording")
    if language() == "zh" and not is_missing(wording):  # the article's own words where the number would reword them
        value = f"“{quoted_excerpt(wording)}”"
    evidence = source_html(claim["evidence_org"], claim["evidence_date"], claim["evidence_url"])
    parts = [f"<dt>{tr('Value')}</dt><dd>{html.escape(value)}{_when(claim)}</dd>" if value else "",
             f"<dt>{tr('Evidence')}</dt><dd>{evidence}</dd>" if evidence else ""]
    if not is_missing(claim["evidence_quote"]):
        parts.append(f'<dt>{tr("Evidence quote")}</dt><dd>{quote_html(claim)}</dd>')
    for field, label in (("search_note", "What was searched"), ("note", "Note")):
        if not is_missing(claim[field]):
            parts.append(f"<dt>{tr(label)}</dt><dd>{escaped(zh_punctuation(pick(claim, field)))}</dd>")
    if not is_missing(claim["related_target_id"]):
        targets = loaders.load_policy_targets().set_index("target_id", drop=False) if targets is None else targets
        href = page_href("targets", "target-" + escaped(claim["related_target_id"]))
        link = html.escape(tr("{target} in the tracker", target=target_title(targets.loc[claim["related_target_id"]])))
        parts.append(f'<dt>{tr("Target")}</dt><dd><a href="{href}">{link}</a></dd>')
    return "".join(parts)


def _subject(claim: pd.Series) -> str:
    """Which of its sentence's figures a claim checks, where the sentence gives several (钢铁、石化化工…分别超过97%和95%):
    '（钢铁，97%）', ' (steel, 97 %)'; '' for a claim whose sentence gives one."""
    subject = cell_text(pick(claim, "subject"))
    if not subject:
        return ""
    return html.escape(tr(" ({subject}, {value})", subject=subject, value=value_text(claim["value"], claim["unit"])))


def _entry(claim: pd.Series, number: int, labels: dict[str, str], targets: pd.DataFrame) -> str:
    """One ledger entry, anchored as claim-<id>, with data-status and data-theme for the filters; the English
    rendering of the claim on English pages only (the Chinese text leads on both)."""
    claim_id = escaped(claim["claim_id"])
    theme = cell_text(claim["theme"])
    english = f'<p>{escaped(claim["claim_text_en"])}</p>' if language() == "en" else ""
    paragraph = html.escape(tr("paragraph {paragraph}", paragraph=paragraph_number(claim["paragraph_id"])))
    return (f'<li class="gm-entry" id="claim-{claim_id}" data-row data-status="{html.escape(slug(claim["status"]))}" '
            f'data-theme="{html.escape(slug(claim["theme"]))}"><h3>{number}. {chinese(claim["claim_text"])}'
            f'{_subject(claim)}</h3>'
            f'{english}<dl>'
            f'<dt>{tr("Status")}</dt><dd><span class="gm-status">{escaped(tr(claim["status"]))}</span></dd>'
            f'<dt>{tr("Type")}</dt><dd>{escaped(tr(claim["claim_type"]))}</dd>'
            f'<dt>{tr("Theme")}</dt><dd>{html.escape(labels.get(theme, theme))}</dd>'
            f'{_details(claim, targets)}'
            f'<dt>{tr("In the article")}</dt><dd><a href="#mark-{claim_id}">{paragraph}</a></dd>'
            "</dl></li>")


def ledger_html(claims: pd.DataFrame, targets: pd.DataFrame | None = None) -> str:
    """Every claim as an anchored entry, numbered in the order given, with status and theme filters; a claim's target
    named by what it measures (``targets``: the policy targets, the data's by default)."""
    targets = (loaders.load_policy_targets() if targets is None else targets).set_index("target_id", drop=False)
    numbers = claim_numbers(claims)
    labels = theme_labels()
    entries = [_entry(claim, numbers[claim["claim_id"]], labels, targets) for _, claim in claims.iterrows()]
    status_options = [(slug(s), tr(s)) for s in CLAIM_STATUSES if s in set(claims["status"])]
    theme_options = [(slug(key), label) for key, label in labels.items() if key in set(claims["theme"])]
    selects = (filter_select("claims-ledger-status", tr("Status"), "status", status_options)
               + filter_select("claims-ledger-theme", tr("Theme"), "theme", theme_options))
    ledger = f'<ol class="gm-ledger" style="list-style:none;padding:0">{"".join(entries)}</ol>'
    return filtered_block("claims-ledger", selects, len(entries), ledger)
