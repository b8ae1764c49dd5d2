"""Target arithmetic shared by the chapters and the target tracker: gap, required pace, recent pace, status.

All quantitative targets of the Guiding Opinions are floors ("reach", "more than"): a target is met
when the latest value is at or above it. A latest value stated as a lower bound ("more than 55 %")
is used as its bound, so the gap computed from it is an upper bound on the true gap.
"""
from __future__ import annotations

import math

import pandas as pd

ON_TRACK = "on track"
NEEDS_FASTER = "needs faster progress"
NOT_ENOUGH_DATA = "not enough data"
STATUSES = (ON_TRACK, NEEDS_FASTER, NOT_ENOUGH_DATA)

PROVENANCE = ("source_org", "source_date", "url", "mirror_url", "as_of")
LOWER_BOUND_QUALIFIERS = (">", "≥")

PROGRESS_COLUMNS = [
    "target_id", "metric_en", "unit", "target_value", "target_qualifier", "target_year",
    "latest_value", "latest_year", "latest_qualifier", "latest_basis", "latest_is_lower_bound",
    "gap", "required_annual_change", "recent_annual_change", "recent_from_year", "status",
    *PROVENANCE,
]


def gap_to_target(latest: float, target: float) -> float:
    """Distance still to cover, target − latest, in the target's unit (negative once the target is passed)."""
    return float(target) - float(latest)


def required_annual_change(latest: float, latest_year: int, target: float, target_year: int) -> float:
    """Change per year needed to go from the latest value to the target in a straight line."""
    years = int(target_year) - int(latest_year)
    if years <= 0:
        raise ValueError(f"target year {target_year} must come after the latest year {latest_year}")
    return gap_to_target(latest, target) / years


def recent_annual_change(points: pd.DataFrame) -> float | None:
    """Average change per year between the first and last of ≥ 2 same-basis (year, value) points; None if fewer.

    Points on more than one basis (a ``basis`` column with several values) are refused: mixing them would invent a trend.
    """
    clean = points.dropna(subset=["year", "value"]).sort_values("year")
    if "basis" in clean.columns and clean["basis"].nunique(dropna=False) > 1:
        raise ValueError("points are on more than one basis; pass one basis at a time")
    if len(clean) < 2:
        return None
    first, last = clean.iloc[0], clean.iloc[-1]
    years = int(last["year"]) - int(first["year"])
    if years <= 0:
        return None
    return (float(last["value"]) - float(first["value"])) / years


def pace_status(required: float, recent: float | None, gap: float) -> str:
    """'on track' if the target is already met (gap ≤ 0) or the recent pace is at least the required pace;
    'not enough data' if there is a gap but no recent pace; otherwise 'needs faster progress'."""
    if gap <= 0:
        return ON_TRACK
    if recent is None or (isinstance(recent, float) and math.isnan(recent)):
        return NOT_ENOUGH_DATA
    return ON_TRACK if recent >= required else NEEDS_FASTER


def _latest_point(target: pd.Series, series: pd.DataFrame) -> dict:
    """The latest value for a target: the newest same-unit row of its baseline series, else the baseline columns."""
    rows = _baseline_rows(target, series)
    if not rows.empty and int(rows["year"].max()) >= int(target["baseline_year"]):
        row = rows.sort_values("year").iloc[-1]
        return {"latest_value": float(row["value"]), "latest_year": int(row["year"]),
                "latest_qualifier": row["qualifier"], "latest_basis": row["basis"],
                **{c: row.get(c) for c in PROVENANCE}}
    return {"latest_value": float(target["baseline_value"]), "latest_year": int(target["baseline_year"]),
            "latest_qualifier": target["baseline_qualifier"], "latest_basis": target["baseline_basis"],
            "source_org": target["baseline_source_org"], "source_date": target["baseline_source_date"],
            "url": target["baseline_url"], "mirror_url": target["baseline_mirror_url"],
            "as_of": str(int(target["baseline_year"]))}


def _baseline_rows(target: pd.Series, series: pd.DataFrame) -> pd.DataFrame:
    series_id = target.get("baseline_series_id")
    if not isinstance(series_id, str) or not series_id:
        return series.iloc[0:0]
    return series[(series["series_id"] == series_id) & (series["unit"] == target["unit"])]


def _recent(target: pd.Series, series: pd.DataFrame, basis: str) -> tuple[float | None, int | None]:
    rows = _baseline_rows(target, series)
    rows = rows[rows["basis"] == basis] if "basis" in rows.columns else rows
    if len(rows) < 2:
        return None, None
    return recent_annual_change(rows[["year", "value", "basis"]]), int(rows["year"].min())


def _none_if_missing(value):
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else value


def target_progress(targets: pd.DataFrame, series: pd.DataFrame) -> pd.DataFrame:
    """One row per quantitative target with a latest value: gap, required and recent pace, status, provenance.

    Recent pace comes from the target's baseline series when it has ≥ 2 points on the latest value's basis.
    """
    rows = []
    quantitative = targets[(targets["target_kind"] == "quantitative") & targets["value"].notna()
                           & targets["baseline_value"].notna() & targets["baseline_year"].notna()]
    for _, target in quantitative.iterrows():
        latest = _latest_point(target, series)
        target_year = int(target["horizon_year"])
        gap = gap_to_target(latest["latest_value"], float(target["value"]))
        required = required_annual_change(latest["latest_value"], latest["latest_year"], float(target["value"]),
                                          target_year)
        recent, recent_from = _recent(target, series, latest["latest_basis"])
        rows.append({
            "target_id": target["target_id"], "metric_en": target["metric_en"], "unit": target["unit"],
            "target_value": float(target["value"]), "target_qualifier": target["qualifier"],
            "target_year": target_year, **latest,
            "latest_is_lower_bound": latest["latest_qualifier"] in LOWER_BOUND_QUALIFIERS,
            "gap": gap, "required_annual_change": required, "recent_annual_change": recent,
            "recent_from_year": recent_from, "status": pace_status(required, recent, gap),
        })
    frame = pd.DataFrame(rows, columns=PROGRESS_COLUMNS)
    for column in PROVENANCE:
        frame[column] = frame[column].map(_none_if_missing).astype(object)
    frame["recent_from_year"] = frame["recent_from_year"].astype("Int64")
    return frame.reset_index(drop=True)
