"""The tracker table: every numeric target with target value, latest value, gap, paces and status, filterable by sector."""
from __future__ import annotations

import html

import pandas as pd

from greenmfg.formatting import fmt_number
from greenmfg.frames import is_missing
from greenmfg.markup import (
    cell_text,
    chapter_link,
    chinese,
    escaped,
    filter_select,
    filtered_block,
    slug,
    source_html,
    value_text,
)
from greenmfg.targets import pace_label

from . import latest
from .pace import pace_kind_note, progress_reason

COLUMNS = ("Target", "What is measured", "Target value", "Latest official value", "Gap", "Pace needed", "Recent pace",
           "Status")


def _recent_span(progress: pd.Series) -> str:
    """Small print under the recent pace: the years it spans and, for a bound, why."""
    if is_missing(progress["recent_from_year"]):
        return ""
    note = pace_kind_note(progress["recent_pace_kind"])
    return (f"<br><span class='gm-front-small'>{escaped(progress['recent_from_year'])}–{escaped(progress['latest_year'])}"
            + (f"; {html.escape(note)}" if note else "") + "</span>")


def _row(progress: pd.Series, target: pd.Series, freshness: str = "") -> str:
    """One table row, anchored as target-<id>, with data-sector and data-status for the filter; `freshness` is the
    latest period / next release small print (greenmfg.pages.targets.latest)."""
    unit = cell_text(progress["unit"])
    gap_unit = "pts" if unit == "%" else unit
    lower = " (upper bound: the latest value is a lower bound)" if progress["latest_is_lower_bound"] else ""
    target_value = html.escape(value_text(progress["target_value"], unit, progress["target_qualifier"]))
    latest_value = html.escape(value_text(progress["latest_value"], unit, progress["latest_qualifier"]))
    return (
        f'<tr id="target-{escaped(progress["target_id"])}" data-row data-sector="{html.escape(slug(target["sector"]))}" '
        f'data-status="{html.escape(slug(progress["status"]))}">'
        f'<th scope="row">{escaped(progress["target_id"])}<br><span class="gm-front-small">{escaped(target["sector"])}'
        f'</span></th><td>{escaped(target["metric_en"])}<br>{chinese(target["metric_zh"])}<br>'
        f'<span class="gm-front-small">Target source: '
        f'{source_html(target["source_org"], target["source_date"], target["url"], target["mirror_url"])}. '
        f'Discussed in {chapter_link(target["chapter"])}.</span></td>'
        f'<td><strong>{target_value}</strong> by {escaped(progress["target_year"])}</td>'
        f'<td><strong>{latest_value}</strong> ({escaped(progress["latest_year"])})<br><span class="gm-front-small">'
        f'Basis: {escaped(progress["latest_basis"])}. Source: '
        f'{source_html(progress["source_org"], progress["source_date"], progress["url"], progress["mirror_url"])}'
        f'</span>{freshness}</td>'
        f'<td>{html.escape(fmt_number(round(float(progress["gap"]), 2)))} {html.escape(gap_unit)}'
        f'<span class="gm-front-small">{html.escape(lower)}</span></td>'
        f'<td>{html.escape(pace_label(progress["required_annual_change"], unit))}</td>'
        f'<td>{html.escape(pace_label(progress["recent_annual_change"], unit, progress["recent_pace_kind"]))}'
        f'{_recent_span(progress)}</td>'
        f'<td><span class="gm-status">{escaped(progress["status"])}</span><br><span class="gm-front-small">'
        f'{html.escape(progress_reason(progress).capitalize())}.</span></td></tr>')


def tracker_html(targets: pd.DataFrame, progress: pd.DataFrame, latest_frame: pd.DataFrame | None = None) -> str:
    """Every numeric target in one filterable table (sector filter), in the order of the progress frame; with
    `latest_frame` (freshness.target_freshness) each row also says its latest period, next release and whether it is stale."""
    meta = targets.set_index("target_id")
    sectors = list(dict.fromkeys(meta.loc[target_id, "sector"] for target_id in progress["target_id"]))
    small_print = {} if latest_frame is None else {row["target_id"]: latest.cell_html(row)
                                                   for _, row in latest_frame.iterrows()}
    rows = [_row(row, meta.loc[row["target_id"]], small_print.get(row["target_id"], "")) for _, row in progress.iterrows()]
    head = "".join(f'<th scope="col">{name}</th>' for name in COLUMNS)
    select = filter_select("targets-tracker-sector", "Sector", "sector", [(slug(s), s) for s in sectors])
    table = (f'<div class="gm-front-wrap"><table class="gm-front-table"><thead><tr>{head}</tr></thead>'
             f'<tbody>{"".join(rows)}</tbody></table></div>')
    return filtered_block("targets-tracker", select, len(rows), table)
