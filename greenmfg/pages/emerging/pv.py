"""Photovoltaic output by stage of the supply chain, China's share of world output by stage, and the 2025 turn.

Full-year output (MIIT, CPIA, CCID) is a line per stage. CPIA's January–October 2025 figures are part-year, so
they never join those lines: they are shown as their own view, each stage's change on January–October 2024.
"""
from __future__ import annotations

import altair as alt
import pandas as pd

from greenmfg import theme
from greenmfg.card import chart_id_of
from greenmfg.formatting import fmt_number, fmt_value
from greenmfg.frames import PROVENANCE, rescale, series_rows, with_provenance, year_runs, year_span

CHART_ID = chart_id_of(__name__)
OUTPUT_SERIES = {"polysilicon": "pv_polysilicon_output", "wafers": "pv_wafer_output",
                 "cells": "pv_cell_output", "modules": "pv_module_output"}
SHARE_SERIES = {"polysilicon": "pv_polysilicon_china_share_global", "wafers": "pv_wafer_china_share_global",
                "modules": "pv_module_china_share_global"}
PART_YEAR = "_jan_oct"  # suffix of the part-year level series; + "_change" for its change on a year earlier
PART_YEAR_MEASURE = "change, January–October"
PART_YEAR_LABEL = "January–October"


def signed_percent(value: float) -> str:
    """A change in percent with its sign, e.g. '+9.8 %' or '-29.6 %'."""
    return f"{'+' if value > 0 else ''}{fmt_number(value)} %"


def _part_year_records(context: pd.DataFrame) -> list[dict]:
    """Per stage: CPIA's part-year change on a year earlier, with the part-year output it refers to."""
    records = []
    for stage, series_id in OUTPUT_SERIES.items():
        level = series_rows(context, series_id + PART_YEAR).iloc[-1]
        change = series_rows(context, series_id + PART_YEAR + "_change").iloc[-1]
        shown, unit = rescale(level["value"], level["unit"])
        records.append({
            "year": int(change["year"]), "stage": stage, "measure": PART_YEAR_MEASURE, "value": change["value"],
            "unit": "%", "value_label": signed_percent(change["value"]),
            "level_label": f"{fmt_value(shown, unit, level['qualifier'])} ({PART_YEAR_LABEL} {int(level['year'])})",
            "basis": change["basis"], "segment": 0, **{c: change[c] for c in PROVENANCE}})
    return records


def frame(data: dict) -> pd.DataFrame:
    """One row per year, stage and measure: output (Mt polysilicon, GW others), China's share of world output (%),
    and the part-year change on a year earlier (%)."""
    records = []
    for measure, series in (("output", OUTPUT_SERIES), ("share of world", SHARE_SERIES)):
        for stage, series_id in series.items():
            rows = series_rows(data["context"], series_id)
            for segment, (_, row) in zip(year_runs(rows["year"]), rows.iterrows()):
                value, unit = rescale(row["value"], row["unit"])
                records.append({"year": int(row["year"]), "stage": stage, "measure": measure, "value": value,
                                "unit": unit, "value_label": fmt_value(value, unit, row["qualifier"]),
                                "level_label": "", "basis": row["basis"], "segment": segment,
                                **{c: row[c] for c in PROVENANCE}})
    records += _part_year_records(data["context"])
    return with_provenance(pd.DataFrame.from_records(records))


def _change_view(frame: pd.DataFrame, color: alt.Color, opacity, tooltip: list) -> alt.LayerChart:
    """The part-year change of each stage as bars around a zero line."""
    year = int(frame.loc[frame["measure"] == PART_YEAR_MEASURE, "year"].max())
    bars = alt.Chart().transform_filter(f"datum.measure == '{PART_YEAR_MEASURE}'").mark_bar().encode(
        x=alt.X("stage:N", sort=list(OUTPUT_SERIES), title=None, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("value:Q", title=f"% on {PART_YEAR_LABEL} {year - 1}"), color=color, opacity=opacity,
        tooltip=tooltip + [alt.Tooltip("level_label:N", title="Output in the period")])
    zero = alt.Chart().mark_rule(color=theme.category_color("other")).encode(y=alt.datum(0))
    return alt.layer(bars, zero).properties(width=300, height=150, title=alt.Title(
        f"{PART_YEAR_LABEL} {year} (CPIA, part-year): change on {PART_YEAR_LABEL} {year - 1}",
        fontSize=12, anchor="start"))


def chart(frame: pd.DataFrame) -> alt.VConcatChart:
    """Share of world output, output of four stages as small multiples, and the part-year change, all linked by
    a clickable legend."""
    stages = list(OUTPUT_SERIES)
    stage_pick = alt.selection_point(name="pv_stage", fields=["stage"], bind="legend")
    color = alt.Color("stage:N", scale=theme.color_scale(stages), sort=stages, title="Stage (click to highlight)")
    opacity = alt.condition(stage_pick, alt.value(1.0), alt.value(0.15))
    tooltip = [alt.Tooltip("year:O", title="Year"), alt.Tooltip("stage:N", title="Stage"),
               alt.Tooltip("measure:N", title="Measure"), alt.Tooltip("value_label:N", title="Value"),
               alt.Tooltip("basis:N", title="Basis"), alt.Tooltip("source_org:N", title="Source"),
               alt.Tooltip("source_date:N", title="Published")]
    x = alt.X("year:Q", title=None, axis=alt.Axis(format="d", tickMinStep=1, labelAngle=0),
              scale=alt.Scale(zero=False, nice=False))
    outputs = frame[frame["measure"] == "output"]
    units = dict(zip(outputs["stage"], outputs["unit"]))
    output = alt.Chart().transform_filter("datum.measure == 'output'").transform_calculate(
        panel="datum.stage + ' (' + datum.unit + ')'").mark_line(point=True).encode(
        x=x, y=alt.Y("value:Q", title="Output"), detail="segment:N", color=color, opacity=opacity, tooltip=tooltip,
        facet=alt.Facet("panel:N", columns=2, sort=[f"{stage} ({units[stage]})" for stage in stages], title=None),
    ).resolve_scale(y="independent").properties(width=230, height=130)
    share = alt.Chart().transform_filter("datum.measure == 'share of world'").mark_point(filled=True, size=90).encode(
        x=x, y=alt.Y("value:Q", title="China's share of world output (%)", scale=alt.Scale(domain=[0, 100])),
        color=color, opacity=opacity, tooltip=tooltip, shape=alt.Shape("stage:N", sort=stages, legend=None),
    ).properties(width=300, height=160, title=alt.Title("China's share of world output, where sourced",
                                                        fontSize=12, anchor="start")).add_params(stage_pick)
    span, part_year = year_span(outputs), int(frame.loc[frame["measure"] == PART_YEAR_MEASURE, "year"].max())
    views = (share, output, _change_view(frame, color, opacity, tooltip))  # param's view first, or no legend binding
    return alt.vconcat(*views, data=frame).properties(
        title=alt.Title(f"Photovoltaics: years of growth, then upstream output fell in {part_year}",
                        subtitle=f"China's output by stage, {span} (full years), share of world output (%), and "
                                 f"the {PART_YEAR_LABEL} {part_year} change; click a stage in the legend"),
        description=(f"China's output of polysilicon (Mt), wafers, cells and modules (GW), {span}, from MIIT, CPIA "
                     "and CCID releases, with China's share of world output by stage in percent for the few years "
                     "sourced; missing years are left as gaps. A last view shows CPIA's part-year "
                     f"({PART_YEAR_LABEL}) change in output on the same months a year earlier, in percent."))
