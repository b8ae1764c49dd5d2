"""The "What changed" log: each context_series value added or changed since the previous published version, with the
old and new value, when it changed, why, and the source of the new value (processed/series_changes.csv)."""
from __future__ import annotations

import html

import pandas as pd

from greenmfg.charts.markup import escaped, source_html, value_text
from greenmfg.charts.scrollbox import scroll_box
from greenmfg.data.frames import is_missing
from greenmfg.locale.i18n import pick, tr

COLUMNS = ("Series and year", "Before → now", "Why", "Source of the new value", "Logged")
NOWRAP = ' style="white-space:nowrap"'


def _row(change: pd.Series) -> str:
    """One change: a new figure shows 'new figure' before, a removed one 'removed' now."""
    before = value_text(change["old_value"], change["unit"], change["old_qualifier"])
    now = value_text(change["new_value"], change["unit"], change["new_qualifier"])
    series = tr("{series}, {year}", series=escaped(pick(change, "series_label_en")), year=escaped(change["year"]))
    before_html = html.escape(before) if before else f"<em>{tr('new figure')}</em>"
    now_html = f"<strong>{html.escape(now)}</strong>" if now else f"<em>{tr('removed')}</em>"
    return (f'<tr><th scope="row">{series}</th>'
            f"<td{NOWRAP}>{before_html} →<br>{now_html}</td>"
            f'<td>{escaped(pick(change, "reason"))}</td>'
            f'<td>{source_html(change["source_org"], change["source_date"], change["url"])}</td>'
            f'<td{NOWRAP}>{escaped(change["changed_on"])}</td></tr>')


def changes_html(changes: pd.DataFrame) -> str:
    """The log as one table, newest first (the order of the table)."""
    if changes.empty or all(is_missing(v) for v in changes["series_id"]):
        return f"<p>{tr('No value has changed since the previous version.')}</p>"
    head = "".join(f'<th scope="col">{tr(name)}</th>' for name in COLUMNS)
    body = "".join(_row(change) for _, change in changes.iterrows())
    return scroll_box(f'<table class="gm-front-table" id="data-changes"><thead><tr>{head}</tr></thead>'
                      f"<tbody>{body}</tbody></table>")
