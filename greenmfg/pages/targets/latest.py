"""Per tracked target: the latest period of its figure, when the next official figure usually appears and whether the
latest one is stale (greenmfg.freshness), shown in the tracker's "Latest official value" column."""
from __future__ import annotations

import html

import pandas as pd

from greenmfg import freshness
from greenmfg.frames import is_missing
from greenmfg.markup import cell_text

NO_SCHEDULE = "Next: no regular release recorded (the figure comes from a statement, not a series)"


def frame(targets: pd.DataFrame, progress: pd.DataFrame, schedule: pd.DataFrame, last_updated: str) -> pd.DataFrame:
    """target_id, latest_period (as_of of the latest figure), next_release (a schedule) and stale."""
    series_of = targets.set_index("target_id")["baseline_series_id"]
    scheduled = set(schedule["series_id"])
    rows = []
    for _, row in progress.iterrows():
        series_id = cell_text(series_of.get(row["target_id"]))
        as_of = str(row["latest_year"]) if is_missing(row["as_of"]) else str(row["as_of"])
        rows.append({"target_id": row["target_id"], "latest_period": freshness.period_text(as_of),
                     "next_release": freshness.schedule_text(series_id, schedule) if series_id in scheduled
                     else NO_SCHEDULE, "stale": freshness.is_stale(as_of, last_updated)})
    return pd.DataFrame(rows, columns=["target_id", "latest_period", "next_release", "stale"])


def stale_flag() -> str:
    """The stale marker: visible text, and a label that says what it means for screen readers."""
    return (f'<strong class="gm-stale" role="note" aria-label="{html.escape(freshness.STALE_LABEL)}">'
            f"{html.escape(freshness.STALE_TEXT)}</strong>")


def cell_html(row: pd.Series) -> str:
    """Small print for the tracker: 'Latest period: 2024. Next: …' and, when stale, the flag."""
    flag = f"<br>{stale_flag()}" if row["stale"] else ""
    return (f'<br><span class="gm-front-small gm-freshness">Latest period: {html.escape(row["latest_period"])}. '
            f'{html.escape(row["next_release"])}.</span>{flag}')
