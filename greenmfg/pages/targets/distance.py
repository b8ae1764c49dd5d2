"""Bar chart: how much of each 2030 target level the latest official value reaches, coloured by pace status."""
from __future__ import annotations

import altair as alt
import pandas as pd

from greenmfg import targets as pace_math
from greenmfg import theme
from greenmfg.card import chart_id_of
from greenmfg.frames import PROVENANCE, with_provenance
from greenmfg.markup import cell_text, value_text
from greenmfg.targets import pace_label

from .pace import progress_reason

CHART_ID = chart_id_of(__name__)


def frame(data: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Per numeric target: the latest value as a percentage of the target level, with status and provenance."""
    progress = data["progress"]
    sector_of = data["policy_targets"].set_index("target_id")["sector"]
    out = progress[["target_id", "unit", "target_value", "latest_value", "latest_year", "status", *PROVENANCE]].copy()
    out["sector"] = out["target_id"].map(sector_of)
    out["label"] = out["target_id"] + " " + out["sector"]
    out["percent_of_target"] = (out["latest_value"] / out["target_value"] * 100).round(1)
    rows = [row for _, row in progress.iterrows()]
    out["latest_label"] = [value_text(row["latest_value"], row["unit"], row["latest_qualifier"]) for row in rows]
    out["target_label"] = [value_text(row["target_value"], row["unit"], row["target_qualifier"]) for row in rows]
    out["recent_label"] = [pace_label(row["recent_annual_change"], cell_text(row["unit"]), row["recent_pace_kind"])
                           for row in rows]
    out["status_reason"] = [progress_reason(row) for row in rows]
    out["method"] = "latest official value ÷ 2030 target level × 100"
    return with_provenance(out.drop(columns=["latest_value", "target_value"]))


def chart(frame: pd.DataFrame) -> alt.Chart:
    """Bars per target on a 0-100 scale; a sector select (bound to the chart) dims the other sectors."""
    sector = alt.param(name="sector_pick", value="All",
                       bind=alt.binding_select(options=["All", *frame["sector"].unique().tolist()], name="Sector "))
    share = alt.X("percent_of_target:Q", title="Latest value as % of the 2030 target level",
                  scale=alt.Scale(domain=[0, 100]))
    status = alt.Color("status:N", scale=theme.color_scale(list(pace_math.STATUSES)), title="Status")
    highlight = alt.condition("sector_pick == 'All' || datum.sector == sector_pick", alt.value(1), alt.value(0.2))
    tooltip = [alt.Tooltip("label:N", title="Target"), alt.Tooltip("latest_label:N", title="Latest value"),
               alt.Tooltip("latest_year:O", title="Year of latest value"),
               alt.Tooltip("target_label:N", title="2030 target"),
               alt.Tooltip("percent_of_target:Q", title="% of target level", format=".1f"),
               alt.Tooltip("recent_label:N", title="Recent pace"), alt.Tooltip("status:N", title="Status"),
               alt.Tooltip("status_reason:N", title="Why"), alt.Tooltip("source_org:N", title="Source")]
    title = alt.Title("Distance to the 2030 targets", subtitle="Latest official value as a percentage of the target "
                                                               "level (100 = target reached); colour = pace status")
    description = ("Bar chart of the latest official value of each numeric 2030 target as a percentage of the "
                   f"target level (years {frame['latest_year'].min()} to {frame['latest_year'].max()}), coloured by "
                   "whether the recent pace suffices, does not, or cannot be judged from the figures.")
    bars = alt.Chart(frame).mark_bar().encode(x=share, y=alt.Y("label:N", title=None, sort=None), color=status,
                                              opacity=highlight, tooltip=tooltip)
    return bars.add_params(sector).properties(title=title, description=description)
