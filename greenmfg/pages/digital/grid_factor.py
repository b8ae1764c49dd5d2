"""China's grid carbon intensity by year against the factor the Taishan case implies; a click shows CO2 at that year.

The frame values the case's lifetime kWh at each year's grid average, so the chart can compare tonnes directly.
"""
from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd

from greenmfg.charts import theme
from greenmfg.charts.card import chart_id_of
from greenmfg.charts.tooltips import source_lines, with_source_dates
from greenmfg.data.frames import PROVENANCE, series_rows, with_provenance
from greenmfg.locale.i18n import tr
from greenmfg.pages.digital.taishan import co2_avoided_tonnes, readout_number, readout_quantity, readout_unit

CHART_ID = chart_id_of(__name__)
GRID_SERIES = "owid_carbon_intensity_elec"
METHOD = "case lifetime kWh (CCTV report) × this year's grid average (OWID/Ember) ÷ 1000"
CASE_FACTOR = "mean(case_factor_kg_per_kwh):Q"


def frame(data: dict[str, Any]) -> pd.DataFrame:
    """One row per year: the grid average (kg/kWh), the case's factor, and the case's kWh valued at that average."""
    case, rows = data["case"], series_rows(data["context"], GRID_SERIES)
    grid_kg = rows["value"].astype(float) / 1000  # g CO2e/kWh in the source
    out = pd.DataFrame({
        "year": rows["year"].astype(int), "grid_kg_per_kwh": grid_kg.round(3),
        "case_factor_kg_per_kwh": round(case["factor_kg_per_kwh"], 3),
        # tonnes, to the thousand (the grid average has three figures): a unit every spreadsheet reads alike
        "avoided_at_grid_t": [round(co2_avoided_tonnes(case["lifetime_kwh"], kg), -3) for kg in grid_kg],
        "reported_t": case["co2_tonnes"],
        "method": tr(METHOD),
    })
    return with_provenance(pd.concat([out, rows[list(PROVENANCE)]], axis=1)).reset_index(drop=True)


def _tooltip() -> list[alt.Tooltip]:
    """Year, grid average, the case's tonnes at it, and the source: the same on bars and readout."""
    return [alt.Tooltip("year:O", title=tr("Year")),
            alt.Tooltip("grid_kg_per_kwh:Q", title=tr("Grid average (kg CO2e/kWh)"), format=".2f"),
            alt.Tooltip("avoided_at_grid_shown:N", title=tr("Case kWh × grid average ({unit})", unit=readout_unit("t"))),
            *source_lines()]


def _case_factor(base: alt.Chart) -> list[alt.Chart]:
    """The article's implied factor as a dashed rule, labelled just below it (the readout line sits above)."""
    colour = theme.category_color("reported case")
    rule = base.mark_rule(color=colour, strokeDash=[6, 3], strokeWidth=2).encode(
        y=CASE_FACTOR, tooltip=[alt.Tooltip(CASE_FACTOR, title=tr("Article's implied factor (kg/kWh)"), format=".2f")])
    label = base.mark_text(align="left", dx=4, dy=12, x=0, color=colour).encode(
        y=CASE_FACTOR, text=alt.value(tr("Article's implied factor")),
        tooltip=[alt.Tooltip(CASE_FACTOR, title=tr("Implied factor (kg/kWh)"), format=".2f")])
    return [rule, label]


def _readout(base: alt.Chart, pick: alt.Parameter) -> alt.Chart:
    """Two lines for the picked year: the case's tonnes at that year's grid average against the article's (a
    phone-wide card has no room for one)."""
    line = tr("At {year} grid average ({grid} kg/kWh):\\n{tonnes}; the report: {reported}",
              year="' + datum.year + '", grid="' + format(datum.grid_kg_per_kwh, '.2f') + '",
              tonnes=readout_quantity("datum.avoided_at_grid_t", "t"),
              reported=readout_quantity("datum.reported_t", "t"))
    return base.transform_filter(pick).transform_calculate(line=f"'{line}'").mark_text(align="left", baseline="top", x=8, y=4, fontSize=13, fontWeight="bold", lineBreak="\n").encode(
        text="line:N", tooltip=_tooltip()).properties(name="digital_grid_readout")


def chart(rows: pd.DataFrame) -> alt.LayerChart:
    """Bars of the grid average by year (latest picked), the case's factor as a rule, and the picked year's tonnes."""
    pick = alt.selection_point(name="pick", fields=["year"], value=[{"year": int(rows["year"].max())}],
                               on="click", clear=False)
    base = with_source_dates(alt.Chart(rows)).transform_calculate(  # the tooltip's tonnes as the readout words them
        avoided_at_grid_shown=readout_number("datum.avoided_at_grid_t", "t"))
    bars = base.mark_bar(color=theme.category_color("grid average")).encode(
        x=alt.X("year:O", title=tr("Year"), axis=alt.Axis(labelAngle=0, labelExpr="datum.value % 5 == 0 ? datum.label : ''")),
        y=alt.Y("grid_kg_per_kwh:Q", title=tr("kg CO2 per kWh"), scale=alt.Scale(domain=[0, 1.1])),
        opacity=alt.condition(pick, alt.value(1), alt.value(0.45)),
        tooltip=_tooltip(),
    ).add_params(pick)
    return alt.layer(bars, *_case_factor(base), _readout(base, pick)).properties(
        title=alt.Title(tr("The case's factor against the national grid average"),
                        subtitle=tr("China's average grid carbon intensity (kg CO2e per kWh, OWID/Ember) and the "
                                    "factor implied by the Taishan case; click a year.")),
        description=tr("China's average carbon intensity of electricity in kilograms CO2e per kilowatt-hour by year, "
                       "{first} onwards (OWID from Ember), against the emission factor implied by the "
                       "CCTV report's rooftop-PV case (dashed line).", first=int(rows["year"].min())),
        height=260,
    )
