"""Rooftop-PV what-if: sliders set size, hours, degradation and emission factor; text shows lifetime kWh and CO2.

The sliders start at the settings the article's Taishan Steel figures imply, so the first view reproduces them.
"""
from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd

from greenmfg.charts import theme
from greenmfg.charts.card import chart_id_of
from greenmfg.charts.columns import drawing_only
from greenmfg.locale.formatting import chart_decimals, chart_unit, fmt_number, reader_date
from greenmfg.locale.i18n import tr
from greenmfg.pages.digital.taishan import case_provenance, readout_quantity, readout_unit

CHART_ID = chart_id_of(__name__)
METHOD = "annual kWh = MW × 1000 × full-load hours × (1 − degradation)^(year − 1); t CO2 = kWh × kg/kWh ÷ 1000"
# The y-axis follows the sliders: the first year's bar reaches 1/CALCULATOR_HEADROOM of the height,
# so every setting fits and the readout above the bars stays clear.
CALCULATOR_HEADROOM = 1.5
TEXT_STYLE = {"align": "left", "baseline": "top", "fontSize": 14, "fontWeight": "bold", "x": 8}
LIFETIME_ROW = "!isValid(datum.project_year)"  # the article's lifetime totals: the one row without a project year
GENERATION = "million kWh"  # the bars' unit; charts show it in the edition's (greenmfg.locale.formatting.chart_unit: 万千瓦时)


def defaults(case: dict[str, Any]) -> dict[str, float]:
    """The settings the calculator starts at: the case's capacity and the hours and factor its figures imply (as
    the sliders show them), no degradation."""
    return {"mw": case["capacity_mw"], "hours": round(case["full_load_hours"]), "degr": 0.0,
            "factor": round(case["factor_kg_per_kwh"], 2)}


def frame(data: dict[str, Any]) -> pd.DataFrame:
    """One row per project year as the calculator first draws it (generation and CO2 avoided that year, from the
    settings in its columns), then the article's own lifetime totals, labelled as such; the case rides in
    attrs["case"]."""
    case, start = data["case"], defaults(data["case"])
    years = int(case["years"])
    rows = []
    for year in range(1, years + 1):
        kwh = start["mw"] * 1000 * start["hours"] * (1 - start["degr"] / 100) ** (year - 1)
        rows.append({"project_year": year, "project_period": tr("year {year}", year=year), "generation_kwh": round(kwh),
                     "co2_t": round(kwh * start["factor"] / 1000, 1), "capacity_mw": start["mw"],
                     "full_load_hours": start["hours"], "degradation_pct": start["degr"],
                     "factor_kg_per_kwh": start["factor"], "method": tr(METHOD), **case_provenance(case)})
    rows.append({"project_year": None, "project_period": tr("whole project life ({years} years), as reported", years=years),
                 "generation_kwh": case["lifetime_kwh"], "co2_t": case["co2_tonnes"],
                 "method": tr("the article's own lifetime totals"), **case_provenance(case)})
    whole = lambda v: "" if v is None else int(v) if isinstance(v, float) and v.is_integer() else v  # noqa: E731
    # whole numbers stay whole in the table and CSV (20400000, not 20400000.0); the lifetime row's settings are
    # blank cells, its project year missing (the chart draws only rows with one)
    frame = pd.DataFrame({column: pd.Series([whole(row.get(column)) for row in rows], dtype=object)
                          for column in dict.fromkeys(key for row in rows for key in row)})
    frame["project_year"] = pd.to_numeric(frame["project_year"].replace("", None))  # float: the gap is null in JSON
    frame.attrs["case"] = case  # slider defaults and title; not rows, so not published
    return frame


def _slider(name: str, value: float, low: float, high: float, step: float, label: str) -> alt.Parameter:
    """A named parameter bound to a labelled range input."""
    return alt.param(name=name, value=value, bind=alt.binding_range(min=low, max=high, step=step, name=tr(label)))


def _sliders(case: dict[str, Any]) -> list[alt.Parameter]:
    """Capacity, hours, degradation and emission factor, each starting at the case's (implied) value."""
    start = defaults(case)
    return [
        _slider("mw", start["mw"], 1, 100, 1, "Capacity (MW) "),
        _slider("hours", start["hours"], 600, 1800, 10, "Full-load hours a year "),
        _slider("degr", start["degr"], 0, 1.5, 0.1, "Annual degradation (%) "),
        _slider("factor", start["factor"], 0.3, 1.1, 0.01, "Emission factor (kg CO2/kWh) "),
    ]


def _bars(base: alt.Chart, years: int) -> alt.Chart:
    """Generation of each project year; the y-axis top follows capacity × hours."""
    factor, unit = chart_unit(GENERATION)
    return base.mark_bar(color=theme.category_color("calculated"), clip=True).encode(
        x=alt.X("project_year:O", title=tr("Project year"),
                axis=alt.Axis(values=[1, *range(5, years + 1, 5)], labelAngle=0)),
        y=alt.Y("annual_shown:Q", title=tr("Generation ({unit} a year)", unit=unit), scale=alt.Scale(
            domainMin=0, domainMax=alt.ExprRef(f"mw * hours / 1000 * {factor * CALCULATOR_HEADROOM}"))),
        tooltip=[alt.Tooltip("project_year:O", title=tr("Project year")),
                 alt.Tooltip("annual_shown:Q", title=tr("Generation ({unit})", unit=unit),
                             format=f",.{chart_decimals(GENERATION, 1)}f")],
    )


def _totals(base: alt.Chart) -> list[alt.Chart]:
    """Two readout lines: lifetime generation and CO2 avoided at the slider settings, in the units the prose states
    the case in (510 million kWh, 0.48 Mt; 5.1亿千瓦时, 48万吨)."""
    totals = base.transform_aggregate(total_kwh="sum(annual_kwh)").transform_calculate(
        co2_t="datum.total_kwh * factor / 1000",
        line1="'" + tr("Lifetime generation: {kwh}", kwh=readout_quantity("datum.total_kwh", "kWh")) + "'",
        line2="'" + tr("CO2 avoided: {tonnes}", tonnes=readout_quantity("datum.co2_t", "t")) + "'",
    )
    tip = [alt.Tooltip("line1:N", title=tr("Generation")), alt.Tooltip("line2:N", title="CO2")]
    return [totals.mark_text(y=6, **TEXT_STYLE).encode(text="line1:N", tooltip=tip).properties(name="digital_calc_kwh"),
            totals.mark_text(y=26, **TEXT_STYLE).encode(text="line2:N", tooltip=tip).properties(name="digital_calc_co2")]


def _article_figures(base: alt.Chart, status: str) -> alt.Chart:
    """The article's own totals, and their claim status on a line below (a phone-wide card has no room for one)."""
    return base.transform_filter(LIFETIME_ROW).transform_aggregate(
        reported_kwh="max(generation_kwh)", reported_t="max(co2_t)").transform_calculate(
        note="'" + tr("Article: {kwh}, {tonnes}\\n({status})", status=status,
                      kwh=readout_quantity("datum.reported_kwh", "kWh"),
                      tonnes=readout_quantity("datum.reported_t", "t")) + "'",
    ).mark_text(align="left", baseline="top", x=8, y=48, fontSize=12, lineBreak="\n",
                color=theme.category_color("reported case")).encode(
        text="note:N", tooltip=[alt.Tooltip("note:N", title=tr("Reported case"))])


def chart(rows: pd.DataFrame) -> alt.LayerChart:
    """Bars of annual generation under the sliders, with the lifetime totals and the article's figures as text."""
    case, years = rows.attrs["case"], int(rows["project_year"].notna().sum())
    status = tr(", ").join(tr(word) for word in dict.fromkeys([case["status"]["output"], case["status"]["co2"]]))
    article = _article_figures(alt.Chart(rows), status)
    base = alt.Chart(rows).transform_filter(f"!({LIFETIME_ROW})").transform_calculate(
        annual_kwh="mw * 1000 * hours * pow(1 - degr / 100, datum.project_year - 1)",
        annual_shown=f"datum.annual_kwh / 1e6 * {chart_unit(GENERATION)[0]}",  # million kWh; 万千瓦时 in Chinese
    )
    # readers get the project year as a number (empty on the article's lifetime row, which its method names); the
    # label 'year 1' only repeats it
    layers = drawing_only(alt.layer(_bars(base, years), *_totals(base), article), "project_period")
    return layers.add_params(
        *_sliders(case)).properties(
        title=alt.Title(tr("A {mw} MW rooftop: how many kWh, how much CO2?", mw=fmt_number(case["capacity_mw"])),
                        subtitle=tr("Annual generation ({unit}) over the project life; move the sliders to test the "
                                    "article's figures. Defaults are the settings its figures imply.",
                                    unit=chart_unit(GENERATION)[1])),
        description=tr("Rooftop-PV calculator: annual generation in {unit} for each year of a {years}-year project, "
                       "with lifetime generation ({kwh_unit}) and CO2 avoided ({t_unit}) computed from capacity, "
                       "full-load hours, degradation and emission factor; the CCTV report of {date} as reference.",
                       unit=chart_unit(GENERATION)[1], years=years, date=reader_date(rows["source_date"].iloc[0]),
                       kwh_unit=readout_unit("kWh"), t_unit=readout_unit("t")),
        height=260,
        padding={"left": 10, "top": 5, "right": 5, "bottom": 5},  # the upright y title clear of the card's edge
    )
