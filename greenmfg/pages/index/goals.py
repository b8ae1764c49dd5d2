"""The 2030 and 2035 goals side by side, each linked to its entry in the target tracker."""
from __future__ import annotations

import html

import pandas as pd

from greenmfg.charts.markup import cell_text, escaped, page_href
from greenmfg.locale.i18n import language, pick, tr
from greenmfg.locale.punctuation import zh_clauses, zh_punctuation
from greenmfg.pages.family.wording import goal_label


def _metric(row: pd.Series) -> str:
    """What the goal measures, in the page's language; a goal known only from an English source keeps its English
    wording, marked as such, on the Chinese page (no Chinese wording of it has been seen). Chinese is punctuated
    full-width (greenmfg.locale.punctuation.zh_punctuation); a goal in words that joins several clauses lists them."""
    text = cell_text(pick(row, "metric_en"))
    if text and language() == "zh" and row["target_kind"] != "quantitative" and len(zh_clauses(text)) > 1:
        # a goal the data gives as several clauses of the text: each its own item, as the document lists them
        return "<ul>" + "".join(f"<li>{html.escape(clause)}</li>" for clause in zh_clauses(text)) + "</ul>"
    if text:
        return html.escape(zh_punctuation(text))
    return tr("{english} (no Chinese wording seen)", english=f'<span lang="en">{escaped(row["metric_en"])}</span>')


def _attribution(row: pd.Series) -> str:
    """For a goal not confirmed as this document's, the verdict on that, as the ledger and tracker give it: the
    home page lists it beside confirmed goals, so it must not read as one of them."""
    status = cell_text(row.get("attribution_status"))
    if not status or status == "confirmed":
        return ""
    return " " + html.escape(tr("(attribution to this document: {status})", status=tr(status)))


def _goal_item(row: pd.Series) -> str:
    """One goal: sector linked to the tracker, then the value (numeric targets) and what is measured, and whether it
    is confirmed as this document's."""
    sector = html.escape(cell_text(pick(row, "sector")).capitalize())
    link = f'<a href="{page_href("targets", "target-" + escaped(row["target_id"]))}">{sector}</a>'
    metric = _metric(row) + _attribution(row)
    if row["target_kind"] == "quantitative":
        value = html.escape(goal_label(row))  # as the document words it: 30%以上, not 达到30%
        return f'<li>{tr("{sector}: {value} — {metric}", sector=link, value=f"<strong>{value}</strong>", metric=metric)}</li>'
    return f'<li>{tr("{sector}: {metric}", sector=link, metric=metric)}</li>'


def goals_html(targets: pd.DataFrame) -> str:
    """One box per horizon year: numeric targets with their value, qualitative goals in words."""
    boxes = []
    for year in sorted(targets["horizon_year"].dropna().unique()):
        items = "".join(_goal_item(row) for _, row in targets[targets["horizon_year"] == year].iterrows())
        boxes.append(f'<section class="gm-goal" aria-label="{html.escape(tr("Goals for {year}", year=int(year)))}">'
                     f'<h3>{html.escape(tr("By {year}", year=int(year)))}</h3><ul>{items}</ul></section>')
    return f'<div class="gm-goals">{"".join(boxes)}</div>'
