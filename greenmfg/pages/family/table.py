"""Every milestone with its verdict, the reason in words, its source and exact wording; the searches that found no
milestone are rows too. Filterable by measure and by verdict."""
from __future__ import annotations

import html

import pandas as pd

from greenmfg.charts.markup import escaped, filter_select, filtered_block, quote_html, slug
from greenmfg.charts.scrollbox import scroll_box
from greenmfg.data import milestones as verdict_rules
from greenmfg.data.frames import is_missing
from greenmfg.locale.formatting import reader_date
from greenmfg.locale.i18n import language, pick, tr
from greenmfg.locale.punctuation import zh_punctuation

from .chain import documents_by_id, verdict_frame
from .sources import source_html
from .wording import milestone_words

COLUMNS = ("Milestone", "Document", "Verdict and reason", "Source and wording")
QUOTE_LANG = {"zh": "zh", "en": "en"}
LANGUAGE_NAMES = {"zh": "Chinese", "en": "English"}


def small(text: str) -> str:
    """Escaped small print under a cell's main text ('' when there is none)."""
    return f'<br><span class="gm-front-small">{html.escape(text)}</span>' if text else ""


def _document_cell(m: pd.Series, documents: pd.DataFrame) -> str:
    if is_missing(m["document_id"]):
        return "–"
    doc = documents.loc[m["document_id"]]
    return (f'<a href="#document-{escaped(doc["document_id"])}">{escaped(doc["label"])}</a>'
            + small(tr("{relation}, {date}", relation=tr(doc["relation"]), date=reader_date(doc["date"]))))


def _wording(m: pd.Series) -> str:
    """The source, then the exact sentence folded, in its own language, and any caveat on it."""
    if m["verification"] == "not found":
        return "–"
    foreign = language() == "zh" and m["wording_language"] != "zh"  # a Chinese page labels a foreign report's words
    summary = (tr("Wording of a foreign-language report ({language})", language=tr(LANGUAGE_NAMES[m["wording_language"]]))
               if foreign else tr("Exact wording"))
    quote = (f'<details><summary>{html.escape(summary)}</summary>'
             f'{quote_html(zh_punctuation(m["quote"]), QUOTE_LANG[m["wording_language"]])}</details>')  # 到2025年，…
    caveat = pick(m, "verification_note")
    return source_html(m) + quote + ("" if is_missing(caveat) else small(caveat))


def verdict_words(m: pd.Series) -> str:
    """The verdict, and for a milestone that cannot be told, why in a few words: 无法判断（未见当年官方数字）."""
    cause = m.get("cause")
    if m["verdict"] != verdict_rules.CANNOT_TELL or is_missing(cause) or not cause:
        return tr(m["verdict"])
    return tr("{verdict} ({cause})", verdict=tr(m["verdict"]), cause=tr(cause))


def _row(m: pd.Series, documents: pd.DataFrame) -> str:
    """One milestone: what it is (measure, value, year, basis), its document, verdict and reason, source and wording."""
    found = m["verdict"] != verdict_rules.NOT_FOUND
    what = (f"<strong>{html.escape(milestone_words(m))}</strong> "
            f"{html.escape(tr('by {year}', year=int(m['year'])))}{small(pick(m, 'basis'))}" if found
            else html.escape(tr("searched, not found")))
    return (f'<tr id="milestone-{escaped(m["milestone_id"])}" data-row data-measure="{escaped(m["measure_id"])}" '
            f'data-verdict="{slug(m["verdict"])}"><th scope="row"><span class="gm-front-small">'
            f'{escaped(pick(m, "measure_en"))}</span><br>{what}</th><td>{_document_cell(m, documents)}</td>'
            f'<td><span class="gm-status">{html.escape(verdict_words(m))}</span><br>{escaped(m["reason"])}</td>'
            f"<td>{_wording(m)}</td></tr>")


def milestones_html(data: dict) -> str:
    """All milestones, chain by chain, in one filterable table in the page's language."""
    frame, documents = verdict_frame(data), documents_by_id(data)
    measures = list(dict.fromkeys((row["measure_id"], pick(row, "measure_en")) for _, row in frame.iterrows()))
    verdicts = [(slug(v), tr(v)) for v in verdict_rules.VERDICTS if v in set(frame["verdict"])]
    selects = (filter_select("family-milestones-measure", tr("Measure"), "measure", measures)
               + filter_select("family-milestones-verdict", tr("Verdict"), "verdict", verdicts))
    head = "".join(f'<th scope="col">{html.escape(tr(name))}</th>' for name in COLUMNS)
    rows = "".join(_row(m, documents) for _, m in frame.iterrows())
    table = scroll_box(f'<table class="gm-front-table gm-family-table"><thead><tr>{head}</tr></thead>'
                       f"<tbody>{rows}</tbody></table>")
    return filtered_block("family-milestones", selects, len(frame), table)


def not_found_html(data: dict) -> str:
    """What was searched and not found: each search as a list item, with its measure (readers know a target by
    what it measures, which the measure names, never by its id)."""
    frame = data["milestones"][data["milestones"]["verification"] == "not found"]
    items = [f'<li><strong>{escaped(pick(m, "measure_en"))}</strong>'
             f"{html.escape(tr(': '))}{escaped(pick(m, 'search_note'))}</li>" for _, m in frame.iterrows()]
    return f'<ul class="gm-family-searched">{"".join(items)}</ul>'
