"""The goals stated in words: each anchored, with its source, the language of the wording it is known from, the
chapter that discusses it and related claims. A goal known only from a translation shows no Chinese, and says why."""
from __future__ import annotations

import html

import pandas as pd

from greenmfg.charts.markup import chapter_link, chinese, escaped, page_href, quote_html, source_html
from greenmfg.data.frames import is_missing
from greenmfg.data.sources import publisher_name
from greenmfg.locale.i18n import language, pick, tr
from greenmfg.locale.punctuation import zh_clauses, zh_punctuation
from greenmfg.pages.claims.reading_order import claim_numbers

# wording_language codes of policy_targets: (name for readers, HTML lang attribute)
ONLY_FOREIGN = "Known only from a foreign-language report; no Chinese wording was found."
DOCUMENT_PUBLISHER = "miit"  # the Opinions' lead issuer: a quote credited to it alone is the document's own text
WHERE_FROM = "Attribution: {status}. Source: {source}. Discussed in {chapter}."
LANGUAGES = {"zh": ("Chinese", "zh-Hans"), "en": ("English", "en"), "ja": ("Japanese", "ja"), "de": ("German", "de"),
             "it": ("Italian", "it")}


def wording_label(target: pd.Series, foreign: bool, language_name: str) -> str:
    """What the folded quote is: the document's own wording, or a named outlet's report of it (a summary that may
    reword the document), so that two versions of one passage are never both called the original."""
    if foreign:
        return tr("Wording of a foreign-language report ({language})", language=language_name)
    author = target["publisher_id"] if not is_missing(target["publisher_id"]) else DOCUMENT_PUBLISHER
    if author == DOCUMENT_PUBLISHER:
        return tr("The document's wording ({language})", language=language_name)
    return tr("Wording in the report by {outlet} ({language})", outlet=publisher_name(author), language=language_name)


def wording_html(target: pd.Series) -> str:
    """The Chinese wording, or the note saying why there is none (on a Chinese page, that the goal is known only from
    a foreign-language report); then the source's own wording, folded, in its language, labelled on a Chinese page
    as a foreign report's words. Chinese is punctuated full-width (greenmfg.locale.punctuation.zh_punctuation), and
    a wording that joins several clauses of the text shows each clause as a paragraph of its own."""
    clauses = zh_clauses(target["metric_zh"])
    zh = "".join(f"<p>{chinese(clause)}</p>" for clause in clauses)
    note_text = pick(target, "metric_zh_note")
    note = "" if is_missing(note_text) else f'<p class="gm-front-small">{escaped(note_text)}</p>'
    name, lang = LANGUAGES[target["wording_language"]]
    foreign = language() == "zh" and target["wording_language"] != "zh"  # a Chinese page names a foreign report
    summary = html.escape(wording_label(target, foreign, tr(name)))
    if foreign and not zh and is_missing(note_text):
        note = f'<p class="gm-front-small">{html.escape(tr(ONLY_FOREIGN))}</p>'
    quote = (f'<details><summary>{summary}</summary>{quote_html(zh_punctuation(target["quote"]), lang)}</details>'
             if not is_missing(target["quote"]) else "")
    return zh + note + quote


def _entry(target: pd.Series, claims: pd.DataFrame) -> str:
    """One goal (anchored by its id, headed by its horizon and sector): what it says, source, chapter, ledger links. Chinese pages give the English
    description only where there is no Chinese wording (a translation back would not be the document's words)."""
    related = claims[claims["related_target_id"] == target["target_id"]]["claim_id"]
    numbers = claim_numbers(claims)  # readers know a claim by its number in the ledger, never by its id
    claim_links = tr(", ").join(f'<a href="{page_href("claims", "claim-" + escaped(claim_id))}">'
                                f'{html.escape(tr("claim {claim}", claim=numbers[claim_id]))}</a>' for claim_id in related)
    source = source_html(target["source_org"], target["source_date"], target["url"])
    language_name = tr(LANGUAGES[target["wording_language"]][0])
    heading = tr("By {year} · {sector}", year=escaped(target["horizon_year"]), sector=escaped(pick(target, "sector")))
    description = ""
    if language() == "en" or is_missing(target["metric_zh"]):
        lang = "" if language() == "en" else ' lang="en"'
        description = f'<p{lang}>{escaped(target["metric_en"])}</p>'
    # a Chinese page names the wording's language only where it is not Chinese (its label says so already)
    said = (WHERE_FROM if language() == "zh" and target["wording_language"] == "zh"
            else "Language of the source wording: {language}. " + WHERE_FROM)
    small_print = tr(said, language=html.escape(language_name), status=escaped(tr(target["attribution_status"])),
                     source=source or tr("none found"), chapter=chapter_link(target["chapter"]))
    ledger = tr(" Ledger: {links}", links=claim_links) if claim_links else ""
    return (f'<article class="gm-entry" id="target-{escaped(target["target_id"])}"><h3>{heading}</h3>'
            f'{description}{wording_html(target)}<p class="gm-front-small">{small_print}{ledger}</p></article>')


def qualitative_goals_html(targets: pd.DataFrame, claims: pd.DataFrame) -> str:
    """One entry per qualitative goal, by horizon year (claims in the order given, for the ledger links)."""
    goals = targets[targets["target_kind"] != "quantitative"].sort_values("horizon_year", kind="stable")
    return "".join(_entry(target, claims) for _, target in goals.iterrows())
