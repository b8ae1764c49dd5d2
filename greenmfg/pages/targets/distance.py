"""Bar chart: how much of each 2030 target level the latest official value reaches, coloured by pace status, with a
tick at each milestone an earlier plan set on the way (its verdict in the tick's tooltip and in the CSV)."""
from __future__ import annotations

import altair as alt
import pandas as pd

from greenmfg.charts import theme
from greenmfg.charts.card import chart_id_of
from greenmfg.charts.columns import drawing_only
from greenmfg.charts.markup import cell_text
from greenmfg.charts.tooltips import source_lines, with_source_dates
from greenmfg.data import targets as pace_math
from greenmfg.data.frames import PROVENANCE, with_provenance
from greenmfg.data.milestones import value_label
from greenmfg.data.targets import pace_label
from greenmfg.locale.i18n import pick, tr
from greenmfg.pages.family.wording import goal_label, target_name

from .pace import reason_on_page

CHART_ID = chart_id_of(__name__)
LATEST, MILESTONE = "latest official value", "earlier milestone"
# The readers' columns in the order a reader reads a row: which target, what kind of figure, its year and value, how
# far it goes towards the 2030 target, then pace, status and verdict, then how the share is computed; provenance last.
# A share of the target is a latest value's (percent_of_target) or a milestone's (milestone_percent), never both.
COLUMNS = ["target", "sector", "kind", "year", "value_label", "target_label", "percent_of_target", "milestone_percent",
           "recent_label", "pace_from", "status", "status_reason", "milestones", "documents", "verdict", "reason",
           "method", "target_id", *PROVENANCE]
# (field, title, options) of each tooltip line; titles are catalogue keys
TOOLTIP = [("target:N", "Target", {}), ("value_label:N", "Latest value", {}), ("year:O", "Year of latest value", {}),
           ("target_label:N", "2030 target", {}), ("percent_of_target:Q", "% of target level", {"format": ".1f"}),
           ("recent_label:N", "Recent pace", {}), ("pace_from:N", "Pace needed measured from", {}),
           ("status:N", "Status", {}), ("status_reason:N", "Why", {}), ("milestones:N", "Earlier milestones", {})]
MILESTONE_TOOLTIP = [("target:N", "Target", {}), ("value_label:N", "Earlier milestone", {}), ("year:O", "Due", {}),
                     ("milestone_percent:Q", "Milestone as % of the 2030 target level", {"format": ".1f"}),
                     ("documents:N", "Set by", {}), ("verdict:N", "Verdict", {}), ("reason:N", "Why", {})]


def frame(data: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Per numeric target: the latest value as a percentage of the target level, with status and provenance; then
    one row per earlier milestone (`kind`), its value as a percentage of the target level in a column of its own,
    with its verdict and its own source (words in the page's language; colours stay keyed on the English status).
    A target is named by what it measures and its sector, never by its id."""
    progress, steps = data["progress"], data["steps"]
    targets = data["policy_targets"].set_index("target_id", drop=False)
    out = progress[["target_id", "latest_year", "status", "pace_from", "milestones", *PROVENANCE]].copy()
    out = out.rename(columns={"latest_year": "year"})
    out["kind"] = tr(LATEST)
    out["percent_of_target"] = (progress["latest_value"] / progress["target_value"] * 100).round(1)
    rows = [row for _, row in progress.iterrows()]
    out["value_label"] = [value_label(row["latest_value"], row["unit"], row["latest_qualifier"]) for row in rows]
    out["target_label"] = [goal_label(targets.loc[row["target_id"]]) for row in rows]
    out["recent_label"] = [pace_label(row["recent_annual_change"], cell_text(row["unit"]), row["recent_pace_kind"])
                           for row in rows]
    out["status_reason"] = [reason_on_page(row) for row in rows]
    out["status"] = out["status"].map(tr)
    out["method"] = tr("latest official value ÷ 2030 target level × 100")
    ticks = steps[steps["target_id"].isin(out["target_id"])].assign(kind=tr(MILESTONE))
    ticks = ticks.rename(columns={"percent_of_target": "milestone_percent"})
    ticks["method"] = tr("milestone value ÷ 2030 target level × 100")
    both = pd.concat([out, ticks], ignore_index=True)
    both["target"] = [target_name(targets.loc[t]) for t in both["target_id"]]
    both["sector"] = [pick(targets.loc[t], "sector") for t in both["target_id"]]
    both["year"] = both["year"].map(lambda year: "" if pd.isna(year) else int(year)).astype(object)  # never 2024.0
    both = both[COLUMNS].astype({"percent_of_target": object, "milestone_percent": object})
    return with_provenance(both.fillna(""))  # a share the row does not have is empty, never NaN


def _tooltip(lines: list[tuple[str, str, dict]]) -> list[alt.Tooltip]:
    return [alt.Tooltip(field, title=tr(title), **extra) for field, title, extra in lines] + source_lines()


def chart(frame: pd.DataFrame) -> alt.LayerChart:
    """Bars per target on a 0-100 scale, a tick per earlier milestone; a sector select dims the other sectors."""
    every, latest = tr("All"), frame[frame["kind"] == tr(LATEST)]
    sector = alt.param(name="sector_pick", value=every, bind=alt.binding_select(
        options=[every, *latest["sector"].unique().tolist()], name=tr("Sector") + " "))
    share = alt.X("percent_of_target:Q", title=theme.lines(tr("Latest value as % of the 2030 target level"), 30),
                  scale=alt.Scale(domain=[0, 100]))
    status = alt.Color("status:N", scale=theme.color_scale(list(pace_math.STATUSES)), title=tr("Status"))
    highlight = alt.condition(f"sector_pick == '{every}' || datum.sector == sector_pick", alt.value(1), alt.value(0.2))
    title = alt.Title(tr("Distance to the 2030 targets"), subtitle=tr(
        "Latest official value as a percentage of the target level (100 = target reached); colour = pace status; "
        "tick = a milestone an earlier plan set on the way"))
    description = tr("Bar chart of the latest official value of each numeric 2030 target as a percentage of the "
                     "target level (years {first} to {last}), coloured by whether the recent pace suffices, does "
                     "not, or cannot be judged from the figures; a tick marks each of {count} milestones earlier "
                     "plans set on the way, with its verdict.", first=min(latest["year"]),
                     last=max(latest["year"]), count=int((frame["kind"] == tr(MILESTONE)).sum()))
    names = alt.Axis(labelExpr=theme.wrapped_labels(latest["sector"], 18))  # in two lines on a phone
    base = with_source_dates(alt.Chart(frame)).encode(y=alt.Y("sector:N", title=None, sort=None, axis=names),
                                                      opacity=highlight)
    bars = base.transform_filter(alt.datum.kind == tr(LATEST)).mark_bar().encode(x=share, color=status,
                                                                                 tooltip=_tooltip(TOOLTIP))
    ticks = base.transform_filter(alt.datum.kind == tr(MILESTONE)).mark_tick(
        thickness=3, color=theme.category_color(MILESTONE)).encode(
        x=alt.X("milestone_percent:Q", scale=alt.Scale(domain=[0, 100])), tooltip=_tooltip(MILESTONE_TOOLTIP))
    # the axis names each target by its sector (one numeric target per sector); the id only keys the rows
    return drawing_only(alt.layer(bars, ticks), "target_id").add_params(sector).properties(
        title=title, description=description, height=theme.label_step(latest["sector"], 18))
