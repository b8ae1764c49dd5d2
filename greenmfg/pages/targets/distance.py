"""Bar chart: how much of each 2030 target level the latest official value reaches, coloured by pace status."""
from __future__ import annotations

import altair as alt
import pandas as pd

from greenmfg.charts import theme
from greenmfg.charts.card import chart_id_of
from greenmfg.charts.markup import cell_text, value_text
from greenmfg.charts.tooltips import source_lines, with_source_dates
from greenmfg.data import targets as pace_math
from greenmfg.data.frames import PROVENANCE, with_provenance
from greenmfg.data.targets import pace_label
from greenmfg.locale.i18n import pick, tr

from .pace import progress_reason

CHART_ID = chart_id_of(__name__)
# (field, title, options) of each tooltip line; titles are catalogue keys
TOOLTIP = [("label:N", "Target", {}), ("latest_label:N", "Latest value", {}),
           ("latest_year:O", "Year of latest value", {}), ("target_label:N", "2030 target", {}),
           ("percent_of_target:Q", "% of target level", {"format": ".1f"}), ("recent_label:N", "Recent pace", {}),
           ("status:N", "Status", {}), ("status_reason:N", "Why", {})]


def frame(data: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Per numeric target: the latest value as a percentage of the target level, with status and provenance
    (sector and status in the page's language; colours stay keyed on the English status)."""
    progress = data["progress"]
    sector_of = pick(data["policy_targets"].set_index("target_id"), "sector")
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
    out["status"] = out["status"].map(tr)
    out["method"] = tr("latest official value ÷ 2030 target level × 100")
    return with_provenance(out.drop(columns=["latest_value", "target_value"]))


def chart(frame: pd.DataFrame) -> alt.Chart:
    """Bars per target on a 0-100 scale; a sector select (bound to the chart) dims the other sectors."""
    every = tr("All")
    sector = alt.param(name="sector_pick", value=every, bind=alt.binding_select(
        options=[every, *frame["sector"].unique().tolist()], name=tr("Sector") + " "))
    share = alt.X("percent_of_target:Q", title=theme.lines(tr("Latest value as % of the 2030 target level"), 30),
                  scale=alt.Scale(domain=[0, 100]))
    status = alt.Color("status:N", scale=theme.color_scale(list(pace_math.STATUSES)), title=tr("Status"))
    highlight = alt.condition(f"sector_pick == '{every}' || datum.sector == sector_pick", alt.value(1), alt.value(0.2))
    tooltip = [alt.Tooltip(field, title=tr(title), **extra) for field, title, extra in TOOLTIP] + source_lines()
    title = alt.Title(tr("Distance to the 2030 targets"), subtitle=tr(
        "Latest official value as a percentage of the target level (100 = target reached); colour = pace status"))
    description = tr("Bar chart of the latest official value of each numeric 2030 target as a percentage of the "
                     "target level (years {first} to {last}), coloured by whether the recent pace suffices, does "
                     "not, or cannot be judged from the figures.",
                     first=frame["latest_year"].min(), last=frame["latest_year"].max())
    names = alt.Axis(labelExpr=theme.wrapped_labels(frame["label"], 18))  # in two lines on a phone
    bars = with_source_dates(alt.Chart(frame)).mark_bar().encode(
        x=share, y=alt.Y("label:N", title=None, sort=None, axis=names), color=status, opacity=highlight,
        tooltip=tooltip)
    return bars.add_params(sector).properties(title=title, description=description)
