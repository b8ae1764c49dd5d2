"""How the tracker's "Latest official value" column shows a target's freshness (computed by
greenmfg.data.freshness.target_freshness): latest period, next release and the stale flag."""
from __future__ import annotations

import html

import pandas as pd

from greenmfg.data import freshness
from greenmfg.locale.i18n import tr


def stale_flag() -> str:
    """The stale marker: visible text, and a label that says what it means for screen readers."""
    months = freshness.STALE_AFTER_MONTHS
    label = tr("Warning: the latest figure ends more than {months} months before the sources were last checked",
               months=months)
    return (f'<strong class="gm-stale" role="note" aria-label="{html.escape(label)}">'
            f'{html.escape(tr("⚠ older than {months} months", months=months))}</strong>')


def cell_html(row: pd.Series) -> str:
    """Small print for the tracker: 'Latest period: 2024. Next: …' and, when stale, the flag."""
    flag = f"<br>{stale_flag()}" if row["stale"] else ""
    period = tr("Latest period: {period}.", period=row["latest_period"])
    return (f'<br><span class="gm-front-small gm-freshness">{html.escape(period)} '
            f'{html.escape(row["next_release"] + tr("."))}</span>{flag}')
