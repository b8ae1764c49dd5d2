"""How the tracker's "Latest official value" column shows a target's freshness (computed by
greenmfg.freshness.target_freshness): latest period, next release and the stale flag."""
from __future__ import annotations

import html

import pandas as pd

from greenmfg import freshness


def stale_flag() -> str:
    """The stale marker: visible text, and a label that says what it means for screen readers."""
    return (f'<strong class="gm-stale" role="note" aria-label="{html.escape(freshness.STALE_LABEL)}">'
            f"{html.escape(freshness.STALE_TEXT)}</strong>")


def cell_html(row: pd.Series) -> str:
    """Small print for the tracker: 'Latest period: 2024. Next: …' and, when stale, the flag."""
    flag = f"<br>{stale_flag()}" if row["stale"] else ""
    return (f'<br><span class="gm-front-small gm-freshness">Latest period: {html.escape(row["latest_period"])}. '
            f'{html.escape(row["next_release"])}.</span>{flag}')
