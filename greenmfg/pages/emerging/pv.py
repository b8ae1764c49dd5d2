"""Photovoltaic output by stage of the supply chain, China's share of world output by stage, and the 2025 turn.

Full-year output (MIIT, CPIA, CCID) is a line per stage. CPIA's January–October 2025 figures are part-year, so
they never join those lines: they are shown as their own view, each stage's change on January–October 2024.
"""
from __future__ import annotations

import altair as alt
import pandas as pd

from greenmfg.charts import theme
from greenmfg.charts.card import chart_id_of
from greenmfg.charts.columns import drawing_only
from greenmfg.charts.tooltips import source_lines, with_source_dates
from greenmfg.data.frames import PROVENANCE, series_rows, with_provenance, year_runs, year_span
from greenmfg.locale.formatting import fmt_value, reader_date
from greenmfg.locale.i18n import pick, tr, tr_all
from greenmfg.pages.emerging.units import shown

CHART_ID = chart_id_of(__name__)
OUTPUT_SERIES = {"polysilicon": "pv_polysilicon_output", "wafers": "pv_wafer_output",
                 "cells": "pv_cell_output", "modules": "pv_module_output"}
SHARE_SERIES = {"polysilicon": "pv_polysilicon_china_share_global", "wafers": "pv_wafer_china_share_global",
                "modules": "pv_module_china_share_global"}
PART_YEAR = "_jan_oct"  # suffix of the part-year level series; + "_change" for its change on a year earlier
PART_YEAR_MEASURE = "change, January–October"
PART_YEAR_MONTHS = (1, 10)  # the months the part-year series cover (their ids end in _jan_oct)
TOOLTIP = [("year:O", "Year"), ("stage:N", "Stage"), ("measure:N", "Measure"), ("value_label:N", "Value"),
           ("basis:N", "Basis")]


def part_year_period(year: int) -> str:
    """CPIA's part-year period as readers write it, through the one date function: January–October 2025,
    2025年1—10月 (the statistics bureau's range style; never 一至十月)."""
    first, last = PART_YEAR_MONTHS
    return reader_date(f"{year}-{first:02d}/{year}-{last:02d}")


def signed_percent(value: float) -> str:
    """A change in percent with its sign, e.g. '+9.8 %' or '-29.6 %'."""
    return ("+" if value > 0 else "") + fmt_value(value, "%")


def part_year_level(context: pd.DataFrame, stage: str) -> tuple[str, int]:
    """CPIA's latest part-year output of one stage, as a label in the page's unit, and its year."""
    level = series_rows(context, OUTPUT_SERIES[stage] + PART_YEAR).iloc[-1]
    return fmt_value(*shown(level["value"], level["unit"]), level["qualifier"]), int(level["year"])


def _part_year_records(context: pd.DataFrame) -> list[dict]:
    """Per stage: CPIA's part-year change on a year earlier, with the part-year output it refers to."""
    records = []
    for stage, series_id in OUTPUT_SERIES.items():
        level, level_year = part_year_level(context, stage)
        change = series_rows(context, series_id + PART_YEAR + "_change").iloc[-1]
        records.append({
            "year": int(change["year"]), "stage": stage, "measure": PART_YEAR_MEASURE, "value": change["value"],
            "qualifier": change["qualifier"], "unit": "%", "value_label": signed_percent(change["value"]),
            "level_label": tr("{value} ({period})", value=level, period=part_year_period(level_year)),
            "basis": pick(change, "basis"), "segment": 0, **{c: change[c] for c in PROVENANCE}})
    return records


def frame(data: dict) -> pd.DataFrame:
    """One row per year, stage and measure: output (Mt polysilicon, GW others), China's share of world output (%),
    and the part-year change on a year earlier (%)."""
    records = []
    for measure, series in (("output", OUTPUT_SERIES), ("share of world", SHARE_SERIES)):
        for stage, series_id in series.items():
            rows = series_rows(data["context"], series_id)
            for segment, (_, row) in zip(year_runs(rows["year"]), rows.iterrows()):
                value, unit = shown(row["value"], row["unit"])
                records.append({"year": int(row["year"]), "stage": stage, "measure": measure, "value": value,
                                "qualifier": row["qualifier"], "unit": unit, "value_label": fmt_value(value, unit, row["qualifier"]),
                                "level_label": "", "basis": pick(row, "basis"), "segment": segment,
                                **{c: row[c] for c in PROVENANCE}})
    records += _part_year_records(data["context"])
    return with_provenance(pd.DataFrame.from_records(records))


def _change_view(frame: pd.DataFrame, color: alt.Color, opacity, tooltip: list) -> alt.LayerChart:
    """The part-year change of each stage as bars around a zero line."""
    year = int(frame.loc[frame["measure"] == PART_YEAR_MEASURE, "year"].max())
    period, before = part_year_period(year), part_year_period(year - 1)
    bars = alt.Chart().transform_filter(f"datum.measure == '{tr(PART_YEAR_MEASURE)}'").mark_bar().encode(
        x=alt.X("stage:N", sort=tr_all(list(OUTPUT_SERIES)), title=None, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("value:Q", title=tr("% on {period}", period=before)), color=color, opacity=opacity,
        tooltip=tooltip + [alt.Tooltip("level_label:N", title=tr("Output in the period"))])
    zero = alt.Chart().mark_rule(color=theme.category_color("other")).encode(y=alt.datum(0))
    return alt.layer(bars, zero).properties(width=300, height=150, title=alt.Title(
        theme.lines(tr("{period} (CPIA, part-year): change on {before}", period=period, before=before), 40),
        fontSize=12, anchor="start"))


def _output_view(x: alt.X, color: alt.Color, opacity, tooltip: list, units: dict[str, str]) -> alt.Chart:
    """Full-year output of each stage, a small multiple each, titled with its unit."""
    panel = "'" + tr("{stage} ({unit})", stage="' + datum.stage + '", unit="' + datum.unit + '") + "'"
    order = [tr("{stage} ({unit})", stage=tr(stage), unit=units[stage]) for stage in OUTPUT_SERIES]
    return alt.Chart().transform_filter(f"datum.measure == '{tr('output')}'").transform_calculate(
        panel=panel.removeprefix("'' + ")).mark_line(point=True).encode(
        x=x, y=alt.Y("value:Q", title=tr("Output")), detail="segment:N", color=color, opacity=opacity, tooltip=tooltip,
        facet=alt.Facet("panel:N", columns=1, sort=order, title=None),  # one column: fits a phone
    ).resolve_scale(y="independent").properties(width=300, height=100)


def chart(frame: pd.DataFrame) -> alt.VConcatChart:
    """Share of world output, output of four stages as small multiples, and the part-year change, all linked by
    a clickable legend."""
    stages = tr_all(list(OUTPUT_SERIES))
    stage_pick = alt.selection_point(name="pv_stage", fields=["stage"], bind="legend")
    color = alt.Color("stage:N", scale=theme.color_scale(list(OUTPUT_SERIES)), sort=stages,
                      title=tr("Stage (click to highlight)"))
    opacity = alt.condition(stage_pick, alt.value(1.0), alt.value(0.15))
    tooltip = [alt.Tooltip(field, title=tr(title)) for field, title in TOOLTIP] + source_lines()
    x = alt.X("year:Q", title=None, axis=alt.Axis(format="d", tickMinStep=1, labelAngle=0),
              scale=alt.Scale(zero=False, nice=False))
    outputs = frame[frame["measure"] == "output"]
    units = dict(zip(outputs["stage"], outputs["unit"]))
    share = alt.Chart().transform_filter(f"datum.measure == '{tr('share of world')}'").mark_point(filled=True, size=90).encode(
        x=x, y=alt.Y("value:Q", title=tr("China's share of world output (%)"), scale=alt.Scale(domain=[0, 100])),
        color=color, opacity=opacity, tooltip=tooltip, shape=alt.Shape("stage:N", sort=stages, legend=None),
    ).properties(width=300, height=160, title=alt.Title(
        theme.lines(tr("China's share of world output, where sourced"), 40), fontSize=12, anchor="start"),
    ).add_params(stage_pick)
    span, part_year = year_span(outputs), int(frame.loc[frame["measure"] == PART_YEAR_MEASURE, "year"].max())
    share_span = year_span(frame[frame["measure"] == "share of world"])  # its points start before the output lines
    views = (share, _output_view(x, color, opacity, tooltip, units), _change_view(frame, color, opacity, tooltip))
    shown_frame = frame.assign(stage=frame["stage"].map(tr), measure=frame["measure"].map(tr))  # page's language
    # the param's view first, or no legend binding
    return drawing_only(with_source_dates(alt.vconcat(*views, data=shown_frame)), "segment").properties(
        title=alt.Title(tr("Photovoltaics: years of growth, then upstream output fell in {year}", year=part_year),
                        subtitle=tr("China's share of world output (%, {share_span}, where sourced), output by "
                                    "stage ({span}, full years) and the {period} change; click a stage in the legend",
                                    share_span=share_span, span=span, period=part_year_period(part_year))),
        description=tr("China's output of polysilicon ({unit}), wafers, cells and modules (GW), {span}, from MIIT, "
                       "CPIA and CCID releases, with China's share of world output by stage in percent for the few "
                       "years sourced; missing years are left as gaps. A last view shows CPIA's part-year "
                       "(January–October) change in output on the same months a year earlier, in percent.",
                       unit=units["polysilicon"], span=span))
