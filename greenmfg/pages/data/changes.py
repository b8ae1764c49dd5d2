"""The "What changed" log: each context_series value added or changed since the previous published version, with its
value (before → now where the value itself changed), the kind of change (``change``, found by comparing the two rows
in the data step), when it changed, why, and the source of the figure now (processed/series_changes.csv)."""
from __future__ import annotations

import html

import pandas as pd

from greenmfg.charts.markup import escaped, source_html, value_text
from greenmfg.charts.scrollbox import scroll_box
from greenmfg.data.frames import is_missing
from greenmfg.locale.formatting import reader_date
from greenmfg.locale.i18n import pick, tr

COLUMNS = ("Series and year", "Value", "Change", "Why", "Source", "Logged")
# The kind of change as the log's column words it (the data's codes, see series_changes.resource.yaml).
KINDS = {"added": "added", "value": "value changed", "source": "source changed", "details": "details changed",
         "source or details": "source or details changed", "removed": "removed"}
NOWRAP = ' style="white-space:nowrap"'
SOURCE_WIDTH = ' style="min-width:9em"'  # a source's name and date, not broken every few letters beside a long reason


def _value_html(change: pd.Series) -> str:
    """The figure: before → now only where its value changed; the old one for a removed figure; else the figure now."""
    before = value_text(change["old_value"], change["unit"], change["old_qualifier"])
    now = value_text(change["new_value"], change["unit"], change["new_qualifier"])
    if change["change"] == "value" and before == now:  # e.g. 1,019.1 → 1,019.08 Mt, both 10.19亿吨 on Chinese pages
        return (f"<strong>{html.escape(now)}</strong><br>"
                f'<span class="gm-front-small">{html.escape(tr("a change finer than the figure shows"))}</span>')
    if change["change"] == "value":
        return f"{html.escape(before)} →<br><strong>{html.escape(now)}</strong>"
    return html.escape(before) if change["change"] == "removed" else f"<strong>{html.escape(now)}</strong>"


def _row(change: pd.Series) -> str:
    """One change: series and year, value, kind of change, reason, source, date logged."""
    series = tr("{series}, {year}", series=escaped(pick(change, "series_label_en")), year=escaped(change["year"]))
    return (f'<tr><th scope="row">{series}</th>'
            f"<td{NOWRAP}>{_value_html(change)}</td>"
            f"<td{NOWRAP}>{html.escape(tr(KINDS[change['change']]))}</td>"
            f'<td>{escaped(pick(change, "reason"))}</td>'
            f'<td{SOURCE_WIDTH}>{source_html(change["source_org"], change["source_date"], change["url"])}</td>'
            f'<td{NOWRAP}>{escaped(reader_date(change["changed_on"]))}</td></tr>')


def changes_html(changes: pd.DataFrame) -> str:
    """The log as one table, newest first (the order of the table)."""
    if changes.empty or all(is_missing(v) for v in changes["series_id"]):
        return f"<p>{tr('No value has changed since the previous version.')}</p>"
    head = "".join(f'<th scope="col">{tr(name)}</th>' for name in COLUMNS)
    body = "".join(_row(change) for _, change in changes.iterrows())
    return scroll_box(f'<table class="gm-front-table" id="data-changes"><thead><tr>{head}</tr></thead>'
                      f"<tbody>{body}</tbody></table>")
