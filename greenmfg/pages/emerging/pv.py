"""Photovoltaic output by stage of the supply chain and China's share of world output by stage."""
from __future__ import annotations

import altair as alt
import pandas as pd

from greenmfg import theme
from greenmfg.card import chart_id_of
from greenmfg.formatting import fmt_value
from greenmfg.frames import PROVENANCE, rescale, series_rows, with_provenance, year_runs, year_span

CHART_ID = chart_id_of(__name__)
OUTPUT_SERIES = {"polysilicon": "pv_polysilicon_output", "wafers": "pv_wafer_output",
                 "cells": "pv_cell_output", "modules": "pv_module_output"}
SHARE_SERIES = {"polysilicon": "pv_polysilicon_china_share_global", "wafers": "pv_wafer_china_share_global",
                "modules": "pv_module_china_share_global"}


def frame(data: dict) -> pd.DataFrame:
    """One row per year, stage and measure: output (Mt polysilicon, GW others) or China's share of world output (%)."""
    records = []
    for measure, series in (("output", OUTPUT_SERIES), ("share of world", SHARE_SERIES)):
        for stage, series_id in series.items():
            rows = series_rows(data["context"], series_id)
            for segment, (_, row) in zip(year_runs(rows["year"]), rows.iterrows()):
                value, unit = rescale(row["value"], row["unit"])
                records.append({"year": int(row["year"]), "stage": stage, "measure": measure, "value": value,
                                "unit": unit, "value_label": fmt_value(value, unit, row["qualifier"]),
                                "basis": row["basis"], "segment": segment, **{c: row[c] for c in PROVENANCE}})
    return with_provenance(pd.DataFrame.from_records(records))


def chart(frame: pd.DataFrame) -> alt.VConcatChart:
    """Output of four stages as small multiples, linked by a clickable legend to China's share of world output."""
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
    span = year_span(outputs)
    return alt.vconcat(share, output, data=frame).properties(  # param's view first, or the legend binding is dropped
        title=alt.Title("Photovoltaics: every stage of the chain has grown several-fold",
                        subtitle=f"China's output by stage, {span}, and share of world output (%); "
                                 "gaps are years without a sourced figure; click a stage in the legend"),
        description=(f"China's output of polysilicon (Mt), wafers, cells and modules (GW), {span}, from MIIT, CPIA "
                     "and CCID releases, with China's share of world output by stage in percent for the few years "
                     "sourced; missing years are left as gaps."))
