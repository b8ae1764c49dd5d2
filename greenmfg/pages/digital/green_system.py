"""National green factories, parks and supply-chain firms (cumulative) beside green factories' output share.

Counts are drawn as lines only across three or more consecutive list years, so gaps in the lists stay visible.
"""
from __future__ import annotations

import json
from typing import Any

import altair as alt
import pandas as pd

from greenmfg.charts import theme
from greenmfg.charts.card import chart_id_of
from greenmfg.charts.columns import drawing_only
from greenmfg.charts.tooltips import source_lines, with_source_dates
from greenmfg.data.frames import PROVENANCE, provenance_of, with_provenance, year_runs
from greenmfg.locale.formatting import fmt_value
from greenmfg.locale.i18n import tr

CHART_ID = chart_id_of(__name__)
SYSTEM_SERIES = {
    "green_factories_national_cumulative": "green factories",
    "green_industrial_parks_national_cumulative": "green industrial parks",
    "green_supply_chain_firms_national_cumulative": "green supply-chain firms",
}
SHARE_SERIES = "green_factories_output_share_of_manufacturing"
SHARE_TARGET = "T01"
COLUMNS = ["year", "value", "qualifier", "value_label", "category", "panel", "segment", "in_line", "run_end", "label_below",
           "scope"]
LEGEND_WIDTH = 30  # narrow characters a legend line may take in a phone-wide card
DRAWING_ONLY = ("panel", "segment", "in_line", "run_end", "label_below")  # which view, line runs, label placement


def _count_rows(context: pd.DataFrame) -> pd.DataFrame:
    """The three cumulative counts, each split into segments of consecutive list years (numbered from 1)."""
    counts = context[context["series_id"].isin(SYSTEM_SERIES)].sort_values(["series_id", "year"]).copy()
    counts["category"] = counts["series_id"].map(SYSTEM_SERIES).map(tr)
    counts["run"] = counts.groupby("category")["year"].transform(lambda years: [run + 1 for run in year_runs(years)])
    run = counts.groupby(["category", "run"])["year"]
    run_end = (counts["year"] == run.transform("min")) | (counts["year"] == run.transform("max"))
    return counts.assign(panel=tr("count"), segment=counts["category"] + "-" + counts["run"].astype(str),
                         in_line=run.transform("size") >= 3, run_end=run_end,
                         scope=tr("national level, cumulative after that year's list"))


def _target_row(targets: pd.DataFrame) -> pd.DataFrame:
    """The 2030 output-share target (all levels) as one row of the share panel."""
    target = targets[targets["target_id"] == SHARE_TARGET].iloc[0]
    return pd.DataFrame([{
        "year": int(target["horizon_year"]), "value": float(target["value"]), "qualifier": target["qualifier"],
        "unit": target["unit"], "panel": tr("share"), "category": tr("target"), "segment": tr("target"), "in_line": False,
        "run_end": True,
        "scope": tr("green factories at all levels (target)"), **provenance_of(target), "as_of": target["source_date"]}])


def frame(data: dict[str, Any]) -> pd.DataFrame:
    """Cumulative national factories, parks and supply-chain firms, plus the output share and its 2030 target
    (words in the page's language: panel and category values are compared in translation, as the chart does)."""
    context = data["context"]
    share = context[context["series_id"] == SHARE_SERIES].assign(
        panel=tr("share"), category=tr("share"), segment=tr("share"), in_line=False, run_end=True,
        scope=tr("national-level green factories"))
    rows = pd.concat([_count_rows(context), share, _target_row(data["targets"])], ignore_index=True)
    rows["value_label"] = [fmt_value(value, unit, qualifier)
                          for value, unit, qualifier in zip(rows["value"], rows["unit"], rows["qualifier"])]
    is_share = rows["category"] == tr("share")
    rows["label_below"] = is_share & (rows["year"] == rows.loc[is_share, "year"].min())
    rows = with_provenance(rows.assign(year=rows["year"].astype(int), value=rows["value"].astype(float)))
    # The period a row's figure belongs to, one way for every row: a count or share its list year (the count after
    # the 2022 list was stated in May 2023; that date is the source's), the target the year it was set.
    is_target = rows["category"] == tr("target")
    rows["as_of"] = rows["year"].astype(str).where(~is_target, rows["as_of"].str[:4])
    return rows[COLUMNS + list(PROVENANCE)]


def _tooltip() -> list[alt.Tooltip]:
    """What, year, value as labelled, scope and source: one tooltip for every mark of both panels."""
    return [alt.Tooltip("category:N", title=tr("What")), alt.Tooltip("year:O", title=tr("List year")),
            alt.Tooltip("value_label:N", title=tr("Value")), alt.Tooltip("scope:N", title=tr("Scope")),
            *source_lines()]


def latest_counts(rows: pd.DataFrame) -> dict[str, str]:
    """Each kind of unit's legend entry with its latest count and list year (parks and supply-chain firms sit too
    close to the axis, and to each other, for labels inside the chart)."""
    counts = rows[rows["panel"] == tr("count")].sort_values("year")
    return {kind: theme.lines(tr("{kind}: {value} ({year})", kind=kind, value=last["value_label"], year=int(last["year"])),
                              LEGEND_WIDTH) for kind, last in counts.groupby("category").tail(1).set_index("category").iterrows()}


def _counts_panel(base: alt.Chart, rows: pd.DataFrame) -> alt.LayerChart:
    """Cumulative counts by list year; clicking a legend entry highlights one kind of unit. Green factories are
    labelled in the chart (each run's ends on a phone), the others in the legend with their latest count."""
    years = rows.loc[rows["panel"] == tr("count"), "year"]
    legend = alt.selection_point(name="kind", fields=["category"], bind="legend", on="click")
    x = alt.X("year:Q", title=tr("List year"), scale=alt.Scale(domain=[int(years.min()) - 1, int(years.max()) + 1]),
              axis=alt.Axis(format="d", tickMinStep=1))
    entries = latest_counts(rows)
    colour = alt.Color("category:N", title=tr("National level"), scale=theme.color_scale(list(SYSTEM_SERIES.values())),
                       legend=alt.Legend(labelExpr=f"{json.dumps(entries, ensure_ascii=False)}[datum.label] || datum.label",
                                         labelLimit=LEGEND_WIDTH * 7))
    fade = alt.condition(legend, alt.value(1), alt.value(0.15))
    counts, tip = base.transform_filter(alt.datum.panel == tr("count")), _tooltip()
    lines = counts.transform_filter(alt.datum.in_line).mark_line().encode(
        x=x, y="value:Q", color=colour, detail="segment:N", opacity=fade, tooltip=tip)
    points = counts.mark_point(filled=True, size=70).encode(
        x=x, y=alt.Y("value:Q", title=tr("Cumulative count")), color=colour, opacity=fade, tooltip=tip).add_params(legend)
    # A rising line leaves room below-right of a point and above-left of the last one (which ends inside the view).
    last, alone = f"datum.year == {int(years.max())}", "!datum.in_line"
    place = {"align": f"{last} ? 'right' : 'left'", "baseline": f"{last} || {alone} ? 'bottom' : 'top'",
             "dx": f"{last} ? -6 : 6", "dy": f"{last} || {alone} ? -6 : 6"}
    labels = counts.transform_filter(alt.datum.category == tr("green factories")).transform_filter(
        f"datum.run_end || {theme.WIDE_VIEW}").mark_text(fontSize=11, **{k: alt.expr(v) for k, v in place.items()}).encode(
        x=x, y="value:Q", text="value_label:N", color=colour, opacity=fade, tooltip=tip)
    return alt.layer(lines, points, labels).properties(name="digital_sys_counts", width=300, height=220,
                                                       title=tr("Designated units, cumulative"))


def _share_panel(base: alt.Chart, years: pd.Series) -> alt.LayerChart:
    """Output share by year beside the target, each point labelled (the first share's label below its point)."""
    share, tip = base.transform_filter(alt.datum.panel == tr("share")), _tooltip()
    colour = alt.Color("category:N", title=tr("Output share"), scale=theme.color_scale(["share", "target"]))
    x = alt.X("year:Q", title=tr("Year"), scale=alt.Scale(domain=[int(years.min()) - 1, int(years.max()) + 1]),
              axis=alt.Axis(format="d", values=sorted(int(year) for year in years), labelOverlap=False,
                            labelAngle=theme.by_width(-45, 0), labelAlign=theme.by_width("right", "center"),
                            labelBaseline=theme.by_width("middle", "top")))  # neighbouring years angled on a phone
    points = share.mark_point(filled=True, size=90).encode(
        x=x, y=alt.Y("value:Q", title=tr("Share of manufacturing output (%)"), scale=alt.Scale(domain=[0, 50])),
        color=colour, shape=alt.Shape("category:N", legend=None), tooltip=tip)
    last = f"datum.year == {int(years.max())}"  # the target's label ends above its point, inside the view
    above = share.transform_filter(~alt.datum.label_below).mark_text(
        align=alt.expr(f"{last} ? 'right' : 'center'"), dx=alt.expr(f"{last} ? 6 : 0"), dy=-14, fontSize=11).encode(
        x=x, y="value:Q", text="value_label:N", tooltip=tip)
    below = share.transform_filter(alt.datum.label_below).mark_text(align="center", dy=16, fontSize=11).encode(
        x=x, y="value:Q", text="value_label:N", tooltip=tip)
    return alt.layer(points, above, below).properties(name="digital_sys_share", width=300, height=200,
                                                      title=tr("Green factories' output share"))


def chart(rows: pd.DataFrame) -> alt.VConcatChart:
    """Counts panel above the share panel (stacked, so the chart fits a phone), colour scales kept apart."""
    count_years = rows.loc[rows["panel"] == tr("count"), "year"]
    share_years = rows.loc[rows["category"] == tr("share"), "year"]
    target_year = int(rows.loc[rows["category"] == tr("target"), "year"].iloc[0])
    base = with_source_dates(alt.Chart(rows))
    panels = [_counts_panel(base, rows), _share_panel(base, rows.loc[rows["panel"] == tr("share"), "year"])]
    return drawing_only(alt.vconcat(*panels), *DRAWING_ONLY).resolve_scale(color="independent").properties(
        title=alt.Title(tr("The benchmark system the policy builds on"),
                        subtitle=tr("National-level green factories, parks and supply-chain firms (count, cumulative by list "
                                    "year); output share of national-level factories vs the all-levels target (%).")),
        description=tr("China's national-level green factories, green industrial parks and green supply-chain firms, "
                       "cumulative counts by list year from {first}, and the output share of green factories in "
                       "manufacturing (percent, {share_first}–{share_last}) beside the {target_year} target for all levels.",
                       first=int(count_years.min()), share_first=int(share_years.min()),
                       share_last=int(share_years.max()), target_year=target_year),
    )
