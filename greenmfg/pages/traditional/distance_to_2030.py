"""Distance to 2030: each chapter target's latest value, and the pace needed beside the recent pace, as % of it."""
from __future__ import annotations

import altair as alt
import pandas as pd

from greenmfg.charts import theme
from greenmfg.charts.card import chart_id_of
from greenmfg.charts.columns import drawing_only
from greenmfg.charts.tooltips import source_lines, with_source_dates
from greenmfg.data.frames import PROVENANCE, with_provenance
from greenmfg.data.targets import (
    PACE_LOWER_BOUND,
    PACE_UNDETERMINED,
    PACE_UPPER_BOUND,
    gap_text,
    pace_label,
    target_progress,
)
from greenmfg.locale.formatting import year_span
from greenmfg.locale.i18n import pick, tr, tr_all
from greenmfg.pages.traditional.progress import (
    SHORT_LABELS,
    TARGET_IDS,
    count_words,
    gap_label,
    goal_words,
    pace_kind_of,
    status_reason_of,
    value_label,
)

CHART_ID = chart_id_of(__name__)
PACES = ["required pace", "recent pace"]
PCT_DECIMALS = 1  # the published percentages of the target (table, CSV, chart)
TOOLTIP = [("target", "Target"), ("latest_label", "Latest value"), ("latest_year:O", "Latest year"),
           ("target_label", "2030 target"), ("gap_label", "Gap"), ("required_label", "Pace needed"),
           ("recent_label", "Recent pace"), ("status", "Status"), ("status_reason", "Why")]


def tooltip() -> list[alt.Tooltip]:
    """The tooltip fields, titled in the page's language."""
    return [alt.Tooltip(field if ":" in field else f"{field}:N", title=tr(title)) for field, title in TOOLTIP] + \
        source_lines("Source of latest value")


def share_of_target_reached(latest: float, target: float) -> float:
    """Latest value as a percentage of the target value (100 = target reached)."""
    return 100.0 * latest / target


def _tooltip_labels(row: pd.Series, targets: pd.DataFrame) -> dict[str, str]:
    """Tooltip strings of one target-progress row; a lower-bound latest value says so, and so does its gap."""
    bound = bool(row["latest_is_lower_bound"])
    latest = value_label(row["latest_value"], row["unit"], row["latest_qualifier"])
    gap = gap_label(row["gap"], row["unit"])
    recent = pace_label(row["recent_annual_change"], row["unit"], pace_kind_of(row))
    return {
        "latest_label": tr("{value} (lower bound)", value=latest) if bound else latest,
        "target_label": goal_words(targets, row["target_id"]),
        "gap_label": gap_text(row["gap"], row["unit"], bound, gap),
        "required_label": pace_label(row["required_annual_change"], row["unit"]),
        "recent_label": tr("{pace} (since {year})", pace=recent, year=row["recent_from_year"])
        if pd.notna(row["recent_from_year"]) else recent,
        "status_reason": status_reason_of(row),
    }


def frame(data: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per chapter target: latest vs target as % of the target, paces as % of the target a year.

    A recent pace that is only a bound is marked 'at least' / 'at most'; an undetermined one gets no bar. Names,
    statuses and pace kinds are in the page's language (the chart selects and sorts by target_id, never a name).
    """
    progress = target_progress(data["targets"], data["series"])
    rows = progress[progress["target_id"].isin(TARGET_IDS)].copy()
    rows["order"] = rows["target_id"].map({t: i for i, t in enumerate(TARGET_IDS)})
    rows = rows.sort_values("order").reset_index(drop=True)
    kinds = rows["recent_pace_kind"].fillna("")
    recent = rows["recent_annual_change"].astype(float).where(kinds != PACE_UNDETERMINED)  # no bar for an unknown pace
    shares = pd.DataFrame({
        "target_id": rows["target_id"],
        "target": rows["target_id"].map(SHORT_LABELS).map(tr),
        # one decimal of a per cent: what the bars can show and readers can quote (not 88.70967741935483)
        "reached_pct": share_of_target_reached(rows["latest_value"], rows["target_value"]).round(PCT_DECIMALS),
        "required_pct_a_year": (100.0 * rows["required_annual_change"] / rows["target_value"]).round(PCT_DECIMALS),
        "recent_pct_a_year": (100.0 * recent / rows["target_value"]).round(PCT_DECIMALS),
        "recent_pace_kind": kinds.map(lambda kind: tr(kind) if kind else ""),
        "recent_bound_mark": kinds.map({PACE_LOWER_BOUND: tr("at least"), PACE_UPPER_BOUND: tr("at most")}).fillna(""),
        "latest_year": rows["latest_year"].astype(int),
        "status": rows["status"].map(tr),
        "latest_basis": [pick(row, "latest_basis") for _, row in rows.iterrows()],
    })
    labels = pd.DataFrame([_tooltip_labels(row, data["targets"]) for _, row in rows.iterrows()])
    return with_provenance(pd.concat([shares, labels, rows[list(PROVENANCE)]], axis=1))


def _paces(base: alt.Chart, highlight) -> tuple[alt.Chart, alt.Chart]:
    """The pace needed beside the recent pace, as bars a target each; 'at least' / 'at most' beside a bound."""
    required, recent = tr_all(PACES)
    paces = base.transform_fold(["required_pct_a_year", "recent_pct_a_year"], as_=["pace", "pct_a_year"]) \
        .transform_calculate(kind=f"datum.pace == 'required_pct_a_year' ? '{required}' : '{recent}'") \
        .transform_filter("isValid(datum.pct_a_year)")
    offset = alt.YOffset("kind:N", sort=tr_all(PACES))
    x = alt.X("pct_a_year:Q", title=theme.lines(tr("Change a year, % of the 2030 target"), 28))
    pace_bars = paces.mark_bar().encode(x=x,
                                        yOffset=offset, opacity=highlight,
                                        color=alt.Color("kind:N", scale=theme.color_scale(PACES), title=None))
    bound_marks = paces.transform_filter(f"datum.kind == '{recent}' && datum.recent_bound_mark != ''").mark_text(
        align="left", dx=3, fontSize=11).encode(x="pct_a_year:Q", yOffset=offset, text="recent_bound_mark:N")
    return pace_bars, bound_marks


def chart(frame: pd.DataFrame) -> alt.VConcatChart:
    """How far each 2030 target is, above the pace needed vs the recent pace; click a target to highlight it.

    The two views are stacked, each naming the targets, so the chart fits a phone-wide card."""
    pick = alt.selection_point(fields=["target_id"], name="pick_target", on="click", clear="dblclick")
    highlight = alt.condition(pick, alt.value(1.0), alt.value(0.3))
    names = [tr(SHORT_LABELS[t]) for t in TARGET_IDS]
    y = alt.Y("target:N", title=None, sort=names, axis=alt.Axis(labelExpr=theme.wrapped_labels(names, 18)))
    base = alt.Chart().encode(y=y, tooltip=tooltip())
    reached = base.mark_bar().encode(
        x=alt.X("reached_pct:Q", title=theme.lines(tr("Latest value, % of the 2030 target"), 28),
                scale=alt.Scale(domain=[0, 110]), axis=alt.Axis(values=list(range(0, 101, 20)))),
        color=alt.value(theme.category_color("latest")), opacity=highlight).add_params(pick)
    goal = alt.Chart().mark_rule(strokeDash=[4, 3], strokeWidth=2, aria=False).encode(  # the 100 % line
        x=alt.datum(100), color=alt.value(theme.category_color("target")))
    pace_bars, bound_marks = _paces(base, highlight)
    count = count_words(len(frame))
    years = year_span(frame["latest_year"].min(), frame["latest_year"].max())
    return with_source_dates(drawing_only(alt.vconcat(  # the id picks a target, the mark labels a bound's bar
        alt.layer(reached, goal).properties(width=300, height=150, title=tr("How far: latest value")),
        alt.layer(pace_bars, bound_marks).properties(width=300, height=200,
                                                     title=tr("How fast: pace needed vs recent")),
        data=frame,
    ), "target_id", "recent_bound_mark")).properties(
        title=alt.Title(tr("Distance to 2030: {count} resource and steel targets", count=count),
                        subtitle=tr("Latest value and yearly pace as % of each 2030 target; 'at least' marks a recent "
                                    "pace from a lower bound; click a bar to highlight")),
        description=tr("{Count} 2030 targets of the Guiding Opinions (bulk industrial solid-waste utilisation, "
                       "recycled resources, renewables in electrolytic aluminium, EAF steel share): latest official "
                       "or industry value ({years}) as a percentage of the target, and the yearly change needed to "
                       "reach it by 2030 beside the recent yearly change, both as a percentage of the target.",
                       Count=count.capitalize(), years=years),
    )
