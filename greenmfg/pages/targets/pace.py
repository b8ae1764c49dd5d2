"""The tracker's small print on a pace (why it is only a bound) and the reason for a target's status.

The arithmetic and the wording of a pace itself are greenmfg.data.targets' (pace_label), shared with the chapters.
"""
from __future__ import annotations

from typing import Any

import pandas as pd

from greenmfg.charts.markup import cell_text
from greenmfg.data import targets as pace_math
from greenmfg.data.frames import is_missing
from greenmfg.locale.i18n import tr

# How the tracker words a recent pace of each kind (prefix, note); see greenmfg.data.targets.pace_kind.
PACE_KIND_TEXT = {
    pace_math.PACE_EXACT: ("", ""),
    pace_math.PACE_LOWER_BOUND: ("at least ", "lower bound: the latest figure is a 'more than' value"),
    pace_math.PACE_UPPER_BOUND: ("at most ", "upper bound: the earlier figure is a 'more than' value"),
}


def pace_kind_note(kind: Any) -> str:
    """The small print under a recent pace, in the page's language: why it is only a bound, or unknown ('' for an
    exact pace)."""
    kind = cell_text(kind)
    if kind in PACE_KIND_TEXT:
        return tr(PACE_KIND_TEXT[kind][1]) if PACE_KIND_TEXT[kind][1] else ""
    return tr("both end figures are bounds ('more than'), so the pace between them is unknown") if kind else ""


def progress_reason(progress: pd.Series) -> str:
    """Why a target-progress row has its status (greenmfg.data.targets.status_reason on the row)."""
    recent = None if is_missing(progress["recent_annual_change"]) else float(progress["recent_annual_change"])
    kind = cell_text(progress.get("recent_pace_kind")) or pace_math.PACE_EXACT
    return pace_math.status_reason(float(progress["required_annual_change"]), recent, float(progress["gap"]), kind)


# Reasons the method section explains once (#sec-method): elsewhere on the tracker page a row names the case and
# points there, instead of repeating the sentence in every row, tooltip and CSV line.
EXPLAINED_ONCE = {
    "the recent pace is only a lower bound and it is below the pace needed, so the true pace may or may not be enough":
        "lower bound below the pace needed (see How we judge the pace)",
    "the recent pace is only an upper bound and it reaches the pace needed, so the true pace may or may not be enough":
        "upper bound above the pace needed (see How we judge the pace)",
}


def reason_on_page(progress: pd.Series) -> str:
    """progress_reason as the tracker page gives it: a case its method section explains is named and referred to."""
    reason = progress_reason(progress)
    return next((tr(short) for long, short in EXPLAINED_ONCE.items() if reason == tr(long)), reason)
