"""The tracker table: every numeric target with target value, latest value, gap, paces and status, filterable by sector."""
from __future__ import annotations

import html

import pandas as pd

from greenmfg.charts.markup import (
    cell_text,
    chapter_link,
    chinese,
    escaped,
    filter_select,
    filtered_block,
    page_href,
    slug,
    source_html,
)
from greenmfg.charts.scrollbox import scroll_box
from greenmfg.data.frames import is_missing
from greenmfg.data.milestones import value_label
from greenmfg.data.targets import gap_text, pace_label
from greenmfg.locale.formatting import year_span
from greenmfg.locale.i18n import language, pick, tr
from greenmfg.locale.punctuation import zh_punctuation
from greenmfg.pages.family.wording import goal_label

from . import latest
from .pace import pace_kind_note, reason_on_page

COLUMNS = ("Target", "What is measured", "Target value", "Latest official value", "Gap", "Pace needed", "Recent pace",
           "Status")


def _recent_span(progress: pd.Series) -> str:
    """Small print under the recent pace: the years it spans and, for a bound, why."""
    if is_missing(progress["recent_from_year"]):
        return ""
    note = pace_kind_note(progress["recent_pace_kind"])
    span = year_span(progress["recent_from_year"], progress["latest_year"])  # 2020–2024, 2020—2024年
    return (f"<br><span class='gm-front-small'>{html.escape(span)}"
            + (html.escape(tr("; ") + note) if note else "") + "</span>")


def _metric_html(target: pd.Series) -> str:
    """What a target measures: the English description and the Chinese wording; on Chinese pages the wording only
    (the description where the data has no Chinese wording)."""
    if language() == "en" or is_missing(target["metric_zh"]):
        return f'{escaped(target["metric_en"])}<br>{chinese(zh_punctuation(target["metric_zh"]))}'
    return chinese(zh_punctuation(target["metric_zh"]))


def _row(progress: pd.Series, target: pd.Series, freshness: str = "") -> str:
    """One table row, anchored as target-<id>, with data-sector and data-status for the filter; `freshness` is the
    latest period / next release small print (greenmfg.pages.targets.latest)."""
    unit = cell_text(progress["unit"])
    lower = tr(" (the latest value is a lower bound)") if progress["latest_is_lower_bound"] else ""
    target_value = html.escape(goal_label(target))  # as the document words it: 30%以上
    latest_value = html.escape(value_label(progress["latest_value"], unit, progress["latest_qualifier"]))
    target_source = source_html(target["source_org"], target["source_date"], target["url"])
    latest_source = source_html(progress["source_org"], progress["source_date"], progress["url"])
    gap = gap_text(float(progress["gap"]), unit, bool(progress["latest_is_lower_bound"]))
    return (
        f'<tr id="target-{escaped(progress["target_id"])}" data-row data-sector="{html.escape(slug(target["sector"]))}" '
        f'data-status="{html.escape(slug(progress["status"]))}">'
        f'<th scope="row">{escaped(pick(target, "sector"))}'  # readers know a target by its sector and measure
        f'</th><td>{_metric_html(target)}<br><span class="gm-front-small">'
        + tr("Target source: {source}. Discussed in {chapter}.", source=target_source,
             chapter=chapter_link(target["chapter"])) + '</span></td>'
        f'<td>{tr("<strong>{value}</strong> by {year}", value=target_value, year=escaped(progress["target_year"]))}'
        f'<br><span class="gm-front-small">{html.escape(tr("Earlier milestones: {list}", list=progress["milestones"]))}'
        '</span></td>'
        f'<td>{tr("<strong>{value}</strong> ({year})", value=latest_value, year=escaped(progress["latest_year"]))}'
        f'<br><span class="gm-front-small">'
        + tr("Basis: {basis}. Source: {source}", basis=escaped(pick(progress, "latest_basis")), source=latest_source)
        + f'</span>{freshness}</td>'
        f'<td>{html.escape(gap)}<span class="gm-front-small">{html.escape(lower)}</span></td>'
        f'<td>{html.escape(pace_label(progress["required_annual_change"], unit))}<br><span class="gm-front-small">'
        f'{html.escape(tr("from {start}", start=progress["pace_from"]))}</span></td>'
        f'<td>{html.escape(pace_label(progress["recent_annual_change"], unit, progress["recent_pace_kind"]))}'
        f'{_recent_span(progress)}</td>'
        f'<td><span class="gm-status">{escaped(tr(progress["status"]))}</span><br><span class="gm-front-small">'
        f'{html.escape(_capitalised(reason_on_page(progress)) + tr("."))}</span></td></tr>')


def _capitalised(text: str) -> str:
    """The reason as a sentence: its first letter capitalised, the rest as written (PUE, How progress is judged)."""
    return text[:1].upper() + text[1:]


def tracker_html(targets: pd.DataFrame, progress: pd.DataFrame, latest_frame: pd.DataFrame | None = None) -> str:
    """Every numeric target in one filterable table (sector filter, keyed on the English sector), in the order of the
    progress frame, in the page's language; with
    `latest_frame` (freshness.target_freshness) each row also says its latest period, next release and whether it is stale."""
    meta = targets.set_index("target_id")
    sectors = list(dict.fromkeys((meta.loc[target_id, "sector"], pick(meta.loc[target_id], "sector"))
                                 for target_id in progress["target_id"]))
    small_print = {} if latest_frame is None else {row["target_id"]: latest.cell_html(row)
                                                   for _, row in latest_frame.iterrows()}
    rows = [_row(row, meta.loc[row["target_id"]], small_print.get(row["target_id"], "")) for _, row in progress.iterrows()]
    head = "".join(f'<th scope="col">{tr(name)}</th>' for name in COLUMNS)
    select = filter_select("targets-tracker-sector", tr("Sector"), "sector", [(slug(s), label) for s, label in sectors])
    table = scroll_box(f'<table class="gm-front-table gm-tracker-table"><thead><tr>{head}</tr></thead>'
                       f'<tbody>{"".join(rows)}</tbody></table>')
    return filtered_block("targets-tracker", select, len(rows), table + short_titles_note())


SHORT_TITLES = "Earlier plans are named by their short titles; {link} gives each full title."


def short_titles_note() -> str:
    """Under a table that names earlier plans by short title, where their full titles are (Chinese readers take a
    shortened title in 《》 for a misnamed document unless told)."""
    link = f'<a href="{page_href("family", "sec-documents")}">{html.escape(tr("the policy family page"))}</a>'
    return f'<p class="gm-front-small">{tr(SHORT_TITLES, link=link)}</p>'
