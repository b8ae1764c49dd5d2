"""Target arithmetic shared by the chapters and the target tracker: gap, required pace, recent pace, status.

All quantitative targets of the Guiding Opinions are floors ("reach", "more than"): a target is met
when the latest value is at or above it. A latest value stated as a lower bound ("more than 55 %")
is used as its bound, so the gap computed from it is an upper bound on the true gap (and so is the pace needed).

A recent pace computed from a bound is itself only a bound, so it carries a kind ('exact', 'lower bound',
'upper bound', 'undetermined'; see :func:`pace_kind`), and :func:`pace_status` gives a verdict only when the
kind allows one; otherwise the status is 'not enough data'. Only published figures count: a derived row of a
baseline series (greenmfg.data.frames.is_derived) never gives the latest value or a pace.
"""
from __future__ import annotations

import math

import pandas as pd

from greenmfg.data.frames import PROVENANCE, is_missing, published_rows, reader_decimals, reader_units, reader_value
from greenmfg.locale.formatting import fmt_number
from greenmfg.locale.i18n import tr

ON_TRACK = "on track"
NEEDS_FASTER = "needs faster progress"
NOT_ENOUGH_DATA = "not enough data"
STATUSES = (ON_TRACK, NEEDS_FASTER, NOT_ENOUGH_DATA)

LOWER_BOUND_QUALIFIERS = (">", "≥")
EXACT_QUALIFIERS = ("=", "≈")

PACE_EXACT = "exact"
PACE_LOWER_BOUND = "lower bound"
PACE_UPPER_BOUND = "upper bound"
PACE_UNDETERMINED = "undetermined"
PACE_KINDS = (PACE_EXACT, PACE_LOWER_BOUND, PACE_UPPER_BOUND, PACE_UNDETERMINED)

PROGRESS_COLUMNS = [
    "target_id", "metric_en", "unit", "target_value", "target_qualifier", "target_year",
    "latest_value", "latest_year", "latest_qualifier", "latest_basis", "latest_basis_zh", "latest_is_lower_bound",
    "gap", "required_annual_change", "recent_annual_change", "recent_pace_kind", "recent_from_year", "status",
    *PROVENANCE,
]


def gap_amount(gap: float, unit: str, decimals: int = 2) -> str:
    """A distance to target in the target's unit as the edition's readers count it: '7 points' (7个百分点: percentage
    points, short enough for a phone's scoreboard line) for rates, '110 Mt' (1.1亿吨 in Chinese) otherwise."""
    if unit == "%":
        return tr("{number} points", number=fmt_number(gap, decimals))
    return reader_value(gap, unit, decimals=decimals)


def gap_text(gap: float, unit: str, upper_bound: bool = False, amount: str | None = None) -> str:
    """The one wording of a gap on every page (home scoreboard, tracker, chapters): '7 points to go',
    'at most 7 points to go' when the latest value is a lower bound, 'target reached' (Chinese: 还差7个百分点,
    至多还差7个百分点, 已达标). ``amount`` replaces the amount in words where a page adds to it (Mt beside 亿吨)."""
    if gap <= 0:
        return tr("target reached")
    amount = amount or gap_amount(gap, unit)
    return tr("at most {gap} to go" if upper_bound else "{gap} to go", gap=amount)


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


def pace_kind(first_qualifier: str | None, latest_qualifier: str | None) -> str:
    """Direction of uncertainty of a pace from a first and a latest point, given their qualifiers.

    Both exact ('=' or '≈', missing counts as '=') → 'exact'. Latest a lower bound ('>' '≥'), first exact →
    'lower bound' (true pace ≥ computed). Latest exact, first a lower bound → 'upper bound' (true pace ≤
    computed). Both bounds in the same direction, or anything else → 'undetermined'.
    """
    first = _qualifier(first_qualifier)
    latest = _qualifier(latest_qualifier)
    if first in EXACT_QUALIFIERS and latest in EXACT_QUALIFIERS:
        return PACE_EXACT
    if first in EXACT_QUALIFIERS and latest in LOWER_BOUND_QUALIFIERS:
        return PACE_LOWER_BOUND
    if first in LOWER_BOUND_QUALIFIERS and latest in EXACT_QUALIFIERS:
        return PACE_UPPER_BOUND
    return PACE_UNDETERMINED


def _qualifier(value) -> str:
    """A qualifier as text; missing (None, NaN, '') reads as '='."""
    if value is None or (not isinstance(value, str) and pd.isna(value)) or value == "":
        return "="
    return str(value)


def recent_pace(points: pd.DataFrame) -> tuple[float | None, str]:
    """Recent pace (as :func:`recent_annual_change`) and its kind from the first and last points' ``qualifier``.

    No ``qualifier`` column means exact points; no pace gives ``(None, '')``.
    """
    value = recent_annual_change(points)
    if value is None:
        return None, ""
    clean = points.dropna(subset=["year", "value"]).sort_values("year")
    if "qualifier" not in clean.columns:
        return value, PACE_EXACT
    return value, pace_kind(clean["qualifier"].iloc[0], clean["qualifier"].iloc[-1])


def pace_status(required: float, recent: float | None, gap: float, kind: str = PACE_EXACT) -> str:
    """Verdict on a target from the pace needed, the recent pace and its kind (default 'exact').

    Gap ≤ 0 → 'on track'; no recent pace → 'not enough data'. Exact pace: 'on track' if ≥ required, else
    'needs faster progress'. A lower-bound pace ≥ required → 'on track'; an upper-bound pace < required →
    'needs faster progress'. Every other case (a bound on the wrong side, an undetermined pace) → 'not enough
    data': the figures do not allow a verdict.
    """
    if gap <= 0:
        return ON_TRACK
    if recent is None or (isinstance(recent, float) and math.isnan(recent)):
        return NOT_ENOUGH_DATA
    if kind == PACE_EXACT:
        return ON_TRACK if recent >= required else NEEDS_FASTER
    if kind == PACE_LOWER_BOUND and recent >= required:
        return ON_TRACK
    if kind == PACE_UPPER_BOUND and recent < required:
        return NEEDS_FASTER
    return NOT_ENOUGH_DATA


def status_reason(required: float, recent: float | None, gap: float, kind: str = PACE_EXACT) -> str:
    """Why :func:`pace_status` gives its verdict, as a clause for the page (same inputs, same rules), in the page's
    language."""
    return tr(_status_reason_en(required, recent, gap, kind))


def _status_reason_en(required: float, recent: float | None, gap: float, kind: str) -> str:
    """The reason's English text (its catalogue key)."""
    if gap <= 0:
        return "the target is already met"
    if recent is None or (isinstance(recent, float) and math.isnan(recent)):
        return "there are not two figures on the same basis to measure a recent pace"
    if kind == PACE_EXACT:
        return ("the recent pace is at least the pace needed" if recent >= required
                else "the recent pace is slower than the pace needed")
    if kind == PACE_LOWER_BOUND:
        return ("even the lower bound on the recent pace reaches the pace needed" if recent >= required
                else "the recent pace is only a lower bound and it is below the pace needed, "
                     "so the true pace may or may not be enough")
    if kind == PACE_UPPER_BOUND:
        return ("even the upper bound on the recent pace is below the pace needed" if recent < required
                else "the recent pace is only an upper bound and it reaches the pace needed, "
                     "so the true pace may or may not be enough")
    return "both figures behind the recent pace are bounds, so the pace itself is unknown"


def pace_label(value: float | None, unit: str, kind: str = PACE_EXACT) -> str:
    """A pace per year in words, e.g. '+1.17 percentage points a year', 'at least +1 percentage point a year
    (from a lower bound)'; the one wording of a pace for every page, in its language. An undetermined pace shows
    no number."""
    if value is None or pd.isna(value):
        return tr("no same-basis series")
    kind_words = {  # the pace's wording around its number, for each kind
        PACE_EXACT: "{pace}",
        PACE_LOWER_BOUND: "at least {pace} (from a lower bound)",
        PACE_UPPER_BOUND: "at most {pace} (from an earlier lower bound)",
    }
    if kind not in kind_words:
        return tr("undetermined (its end figures are bounds)")
    number = fmt_number(abs(reader_units(value, unit)[0]), reader_decimals(unit, 2))
    unit_words = reader_units(value, unit)[1]  # English counts 亿吨 in Mt: +14 Mt a year, not +0.14 亿吨
    if unit == "%":
        unit_words = tr("percentage point" if number == "1" else "percentage points")
    pace = tr("{sign}{number} {unit} a year", sign="+" if value >= 0 else "−", number=number, unit=unit_words)
    return pace if kind == PACE_EXACT else tr(kind_words[kind], pace=pace)


def _latest_point(target: pd.Series, series: pd.DataFrame) -> dict:
    """The latest value for a target: the newest published same-unit row of its baseline series, else the baseline
    columns (with the basis's Chinese twin where the data has it)."""
    rows = _baseline_rows(target, series)
    if not rows.empty and int(rows["year"].max()) >= int(target["baseline_year"]):
        row = rows.sort_values("year").iloc[-1]
        return {"latest_value": float(row["value"]), "latest_year": int(row["year"]),
                "latest_qualifier": row["qualifier"], "latest_basis": row["basis"], "latest_basis_zh": row.get("basis_zh"),
                **{c: row.get(c) for c in PROVENANCE}}
    return {"latest_value": float(target["baseline_value"]), "latest_year": int(target["baseline_year"]),
            "latest_qualifier": target["baseline_qualifier"], "latest_basis": target["baseline_basis"],
            "latest_basis_zh": target.get("baseline_basis_zh"),
            "publisher": target["baseline_publisher"], "source_org": target["baseline_source_org"],
            "source_date": target["baseline_source_date"], "url": target["baseline_url"],
            "as_of": str(int(target["baseline_year"]))}


def _baseline_rows(target: pd.Series, series: pd.DataFrame) -> pd.DataFrame:
    """The published rows of a target's baseline series in the target's unit: derived rows never give a latest
    value or a pace."""
    series_id = target.get("baseline_series_id")
    if not isinstance(series_id, str) or not series_id:
        return series.iloc[0:0]
    return published_rows(series[(series["series_id"] == series_id) & (series["unit"] == target["unit"])])


def _recent(target: pd.Series, series: pd.DataFrame, basis: str) -> tuple[float | None, str, int | None]:
    """Recent pace, its kind and its first year from the target's baseline series on one basis."""
    rows = _baseline_rows(target, series)
    rows = rows[rows["basis"] == basis] if "basis" in rows.columns else rows
    if len(rows) < 2:
        return None, "", None
    columns = ["year", "value", "basis"] + (["qualifier"] if "qualifier" in rows.columns else [])
    value, kind = recent_pace(rows[columns])
    return value, kind, int(rows["year"].min())


def target_progress(targets: pd.DataFrame, series: pd.DataFrame) -> pd.DataFrame:
    """One row per quantitative target with a latest value: gap, required and recent pace, status, provenance.

    Recent pace comes from the target's baseline series when it has ≥ 2 points on the latest value's basis;
    ``recent_pace_kind`` says whether it is exact or only a bound ('' when there is no pace), and the status uses it.
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
        recent, kind, recent_from = _recent(target, series, latest["latest_basis"])
        rows.append({
            "target_id": target["target_id"], "metric_en": target["metric_en"], "unit": target["unit"],
            "target_value": float(target["value"]), "target_qualifier": target["qualifier"],
            "target_year": target_year, **latest,
            "latest_is_lower_bound": latest["latest_qualifier"] in LOWER_BOUND_QUALIFIERS,
            "gap": gap, "required_annual_change": required, "recent_annual_change": recent,
            "recent_pace_kind": kind, "recent_from_year": recent_from,
            "status": pace_status(required, recent, gap, kind),
        })
    frame = pd.DataFrame(rows, columns=PROGRESS_COLUMNS)
    for column in PROVENANCE:
        frame[column] = frame[column].map(lambda value: None if is_missing(value) else value).astype(object)
    frame["recent_from_year"] = frame["recent_from_year"].astype("Int64")
    return frame.reset_index(drop=True)
