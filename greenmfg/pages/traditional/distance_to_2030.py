"""Distance to 2030: each chapter target's latest value, and the pace needed beside the recent pace, as % of it."""
from __future__ import annotations

import altair as alt
import pandas as pd

from greenmfg import theme
from greenmfg.card import chart_id_of
from greenmfg.frames import PROVENANCE, with_provenance
from greenmfg.pages.traditional.progress import (
    SHORT_LABELS,
    TARGET_IDS,
    count_words,
    gap_label,
    pace_kind_of,
    status_reason_of,
    value_label,
)
from greenmfg.targets import PACE_LOWER_BOUND, PACE_UNDETERMINED, PACE_UPPER_BOUND, pace_label, target_progress

CHART_ID = chart_id_of(__name__)
PACES = ["required pace", "recent pace"]
TOOLTIP = [alt.Tooltip("target:N", title="Target"), alt.Tooltip("latest_label:N", title="Latest value"),
           alt.Tooltip("latest_year:O", title="Latest year"), alt.Tooltip("target_label:N", title="2030 target"),
           alt.Tooltip("gap_label:N", title="Gap"), alt.Tooltip("required_label:N", title="Pace needed"),
           alt.Tooltip("recent_label:N", title="Recent pace"), alt.Tooltip("status:N", title="Status"),
           alt.Tooltip("status_reason:N", title="Why"), alt.Tooltip("source_org:N", title="Source of latest value")]


def share_of_target_reached(latest: float, target: float) -> float:
    """Latest value as a percentage of the target value (100 = target reached)."""
    return 100.0 * latest / target


def _tooltip_labels(row: pd.Series) -> dict[str, str]:
    """Tooltip strings of one target-progress row; a lower-bound latest value says so, and so does its gap."""
    bound = bool(row["latest_is_lower_bound"])
    since = f" (since {row['recent_from_year']})" if pd.notna(row["recent_from_year"]) else ""
    return {
        "latest_label": value_label(row["latest_value"], row["unit"], row["latest_qualifier"])
        + (" (lower bound)" if bound else ""),
        "target_label": value_label(row["target_value"], row["unit"], row["target_qualifier"]),
        "gap_label": gap_label(row["gap"], row["unit"]) + (" at most (latest is a lower bound)" if bound else ""),
        "required_label": pace_label(row["required_annual_change"], row["unit"]),
        "recent_label": pace_label(row["recent_annual_change"], row["unit"], pace_kind_of(row)) + since,
        "status_reason": status_reason_of(row),
    }


def frame(data: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per chapter target: latest vs target as % of the target, paces as % of the target a year.

    A recent pace that is only a bound is marked 'at least' / 'at most'; an undetermined one gets no bar.
    """
    progress = target_progress(data["targets"], data["series"])
    rows = progress[progress["target_id"].isin(TARGET_IDS)].copy()
    rows["order"] = rows["target_id"].map({t: i for i, t in enumerate(TARGET_IDS)})
    rows = rows.sort_values("order").reset_index(drop=True)
    kinds = rows["recent_pace_kind"].fillna("")
    recent = rows["recent_annual_change"].astype(float).where(kinds != PACE_UNDETERMINED)  # no bar for an unknown pace
    shares = pd.DataFrame({
        "target_id": rows["target_id"],
        "target": rows["target_id"].map(SHORT_LABELS),
        "reached_pct": share_of_target_reached(rows["latest_value"], rows["target_value"]),
        "required_pct_a_year": 100.0 * rows["required_annual_change"] / rows["target_value"],
        "recent_pct_a_year": 100.0 * recent / rows["target_value"],
        "recent_pace_kind": kinds,
        "recent_bound_mark": kinds.map({PACE_LOWER_BOUND: "at least", PACE_UPPER_BOUND: "at most"}).fillna(""),
        "latest_year": rows["latest_year"].astype(int),
        "status": rows["status"],
        "latest_basis": rows["latest_basis"],
    })
    labels = pd.DataFrame([_tooltip_labels(row) for _, row in rows.iterrows()])
    return with_provenance(pd.concat([shares, labels, rows[list(PROVENANCE)]], axis=1))


def chart(frame: pd.DataFrame) -> alt.HConcatChart:
    """How far each 2030 target is, and the pace needed vs the recent pace; click a target to highlight it."""
    pick = alt.selection_point(fields=["target_id"], name="pick_target", on="click", clear="dblclick")
    highlight = alt.condition(pick, alt.value(1.0), alt.value(0.3))
    y = alt.Y("target:N", title=None, sort=[SHORT_LABELS[t] for t in TARGET_IDS], axis=alt.Axis(labelLimit=190))
    base = alt.Chart().encode(y=y, tooltip=TOOLTIP)
    reached = base.mark_bar().encode(
        x=alt.X("reached_pct:Q", title="Latest value, % of the 2030 target", scale=alt.Scale(domain=[0, 110])),
        color=alt.value(theme.category_color("latest")), opacity=highlight).add_params(pick)
    goal = alt.Chart().mark_rule(strokeDash=[4, 3], strokeWidth=2, aria=False).encode(  # the 100 % line
        x=alt.datum(100), color=alt.value(theme.category_color("target")))
    paces = base.transform_fold(["required_pct_a_year", "recent_pct_a_year"], as_=["pace", "pct_a_year"]) \
        .transform_calculate(kind="datum.pace == 'required_pct_a_year' ? 'required pace' : 'recent pace'") \
        .transform_filter("isValid(datum.pct_a_year)")
    offset = alt.YOffset("kind:N", sort=PACES)
    pace_bars = paces.mark_bar().encode(x=alt.X("pct_a_year:Q", title="Change a year, % of the 2030 target"),
                                        yOffset=offset, opacity=highlight,
                                        color=alt.Color("kind:N", scale=theme.color_scale(PACES), title=None))
    bound_marks = paces.transform_filter("datum.kind == 'recent pace' && datum.recent_bound_mark != ''").mark_text(
        align="left", dx=3, fontSize=10).encode(x="pct_a_year:Q", yOffset=offset, text="recent_bound_mark:N")
    hidden_y = y.axis(labels=False, ticks=False)
    count = count_words(len(frame))
    return alt.hconcat(
        alt.layer(reached, goal).properties(width=230, height=200, title="How far: latest value"),
        alt.layer(pace_bars.encode(y=hidden_y), bound_marks.encode(y=hidden_y)).properties(
            width=230, height=200, title="How fast: pace needed vs recent"),
        data=frame,
    ).properties(
        title=alt.Title(f"Distance to 2030: {count} resource and steel targets",
                        subtitle="Latest value and yearly pace as % of each 2030 target; 'at least' marks a recent "
                                 "pace from a lower bound; click a bar to highlight"),
        description=(f"{count.capitalize()} 2030 targets of the Guiding Opinions (bulk industrial solid-waste "
                     "utilisation, recycled resources, renewables in electrolytic aluminium, EAF steel share): latest "
                     f"official or industry value ({frame['latest_year'].min()}–{frame['latest_year'].max()}) as a "
                     "percentage of the target, and the yearly change needed to reach it by 2030 beside the recent "
                     "yearly change, both as a percentage of the target."),
    )
