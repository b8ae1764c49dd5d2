"""China's solar and wind generation with a year brush; the brushed years set the coal-share view below."""
from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd

from greenmfg.charts import theme
from greenmfg.charts.card import chart_id_of
from greenmfg.charts.tooltips import source_lines, with_source_dates
from greenmfg.data.frames import PROVENANCE, with_provenance
from greenmfg.locale.i18n import tr, tr_all

CHART_ID = chart_id_of(__name__)
MIX_SERIES = {"owid_solar_electricity": "solar", "owid_wind_electricity": "wind", "owid_coal_share_elec": "coal"}
PANEL_SIZE = {"width": 300, "height": 170}


def frame(data: dict[str, Any]) -> pd.DataFrame:
    """Solar and wind generation (TWh) and coal's share of electricity (%), long format, one row per series-year,
    sorted by the English category then year (the same order in both editions), categories in the page's language."""
    context = data["context"]
    rows = context[context["series_id"].isin(MIX_SERIES)]
    out = pd.DataFrame({
        "year": rows["year"].astype(int), "category": rows["series_id"].map(MIX_SERIES),
        "value": rows["value"].astype(float), "unit": rows["unit"],
    })
    mix = with_provenance(pd.concat([out, rows[list(PROVENANCE)]], axis=1))
    mix = mix.sort_values(["category", "year"]).reset_index(drop=True)
    return mix.assign(category=mix["category"].map(tr))


def _generation(base: alt.Chart, brush: alt.Parameter) -> alt.Chart:
    """Solar and wind lines (TWh) carrying the year brush."""
    return base.transform_filter(alt.FieldOneOfPredicate(field="category", oneOf=tr_all(["solar", "wind"]))).mark_line(
        point=True).encode(
        x=alt.X("year:Q", title=tr("Year"), scale=alt.Scale(zero=False), axis=alt.Axis(format="d", tickMinStep=1)),
        y=alt.Y("value:Q", title=tr("Generation (TWh)")),
        color=alt.Color("category:N", title=tr("Generated from"), scale=theme.color_scale(["solar", "wind"])),
        tooltip=[alt.Tooltip("category:N", title=tr("Generated from")), alt.Tooltip("year:Q", title=tr("Year"), format="d"),
                 alt.Tooltip("value:Q", title=tr("Generation (TWh)"), format=",.0f"),
                 *source_lines()],
    ).add_params(brush).properties(name="digital_mix_top",
                                   title=theme.lines(tr("Solar and wind generation (TWh): drag to pick years")),
                                   **PANEL_SIZE)


def _coal_share(base: alt.Chart, brush: alt.Parameter) -> alt.LayerChart:
    """Coal's share of electricity (%) as labelled bars, for the brushed years only."""
    coal = base.transform_filter(alt.datum.category == tr("coal")).transform_filter(brush)
    bars = coal.mark_bar(color=theme.category_color("coal")).encode(
        x=alt.X("year:O", title=tr("Year"), axis=alt.Axis(labelAngle=-45)),
        y=alt.Y("value:Q", title=tr("Coal share of electricity (%)"), scale=alt.Scale(domain=[0, 100])),
        tooltip=[alt.Tooltip("year:O", title=tr("Year")), alt.Tooltip("value:Q", title=tr("Coal share (%)"), format=".1f"),
                 *source_lines()],
    )
    labels = coal.mark_text(dy=-6, fontSize=11).encode(x="year:O", y="value:Q", text=alt.Text("value:Q", format=".0f"),
                                                      tooltip=[alt.Tooltip("value:Q", title=tr("Coal share (%)"), format=".1f")])
    title = theme.lines(tr("Coal's share of electricity (%) in the picked years"))
    return alt.layer(bars, labels).properties(name="digital_mix_coal", **PANEL_SIZE, title=title)


def chart(rows: pd.DataFrame) -> alt.VConcatChart:
    """Generation lines above, coal-share bars below, joined by the year brush."""
    brush = alt.selection_interval(name="years", encodings=["x"])
    base = with_source_dates(alt.Chart(rows))
    return alt.vconcat(_generation(base, brush), _coal_share(base, brush)).properties(
        title=alt.Title(tr("China's power: more sun and wind, a smaller coal share"),
                        subtitle=tr("Solar and wind generation in TWh; coal's share of generation in %; OWID from Ember.")),
        description=tr("China's electricity: solar and wind generation in terawatt-hours by year (top, with a year brush) "
                       "and coal's share of electricity generation in percent for the brushed years (bottom), "
                       "{first} onwards.", first=int(rows["year"].min())),
    )
