"""How the tracker words a pace per year and why a target has its status.

The arithmetic is greenmfg.targets'; the wording here should give way to the one pace-wording function
greenmfg.targets is getting, so the tracker and the chapters word a pace alike.
"""
from __future__ import annotations

from typing import Any

import pandas as pd

from greenmfg import targets as pace_math
from greenmfg.formatting import fmt_number
from greenmfg.frames import is_missing
from greenmfg.markup import cell_text

# How the tracker words a recent pace of each kind (prefix, note); see greenmfg.targets.pace_kind.
PACE_KIND_TEXT = {
    pace_math.PACE_EXACT: ("", ""),
    pace_math.PACE_LOWER_BOUND: ("at least ", "lower bound: the latest figure is a 'more than' value"),
    pace_math.PACE_UPPER_BOUND: ("at most ", "upper bound: the earlier figure is a 'more than' value"),
}


def pace_text(value: Any, unit: str, kind: Any = pace_math.PACE_EXACT) -> str:
    """A pace per year with its kind: '1.17 pts/yr', 'at least 1 pt/yr'; 'undetermined' when both ends are bounds."""
    if is_missing(value):
        return "—"
    kind = cell_text(kind) or pace_math.PACE_EXACT
    if kind not in PACE_KIND_TEXT:
        return "undetermined"
    number = fmt_number(round(float(value), 2))
    points = "pt/yr" if number == "1" else "pts/yr"
    return PACE_KIND_TEXT[kind][0] + (f"{number} {unit}/yr" if unit != "%" else f"{number} {points}")


def pace_kind_note(kind: Any) -> str:
    """The small print under a recent pace: why it is only a bound, or unknown ('' for an exact pace)."""
    kind = cell_text(kind)
    if kind in PACE_KIND_TEXT:
        return PACE_KIND_TEXT[kind][1]
    return "both end figures are bounds ('more than'), so the pace between them is unknown" if kind else ""


def progress_reason(progress: pd.Series) -> str:
    """Why a target-progress row has its status (greenmfg.targets.status_reason on the row)."""
    recent = None if is_missing(progress["recent_annual_change"]) else float(progress["recent_annual_change"])
    kind = cell_text(progress.get("recent_pace_kind")) or pace_math.PACE_EXACT
    return pace_math.status_reason(float(progress["required_annual_change"]), recent, float(progress["gap"]), kind)
