"""High-tech and equipment manufacturing as shares of the value added of industry above designated size."""
from __future__ import annotations

import altair as alt
import pandas as pd

from greenmfg.charts import theme
from greenmfg.charts.card import chart_id_of
from greenmfg.charts.columns import drawing_only
from greenmfg.charts.tooltips import source_lines, with_source_dates
from greenmfg.data.frames import PROVENANCE, series_rows, with_provenance, year_runs, year_span
from greenmfg.locale.formatting import fmt_value
from greenmfg.locale.i18n import tr, tr_all

CHART_ID = chart_id_of(__name__)
SERIES = {"high-tech manufacturing": "hightech_mfg_share_of_industry_va",
          "equipment manufacturing": "equipment_mfg_share_of_industry_va"}


def frame(data: dict) -> pd.DataFrame:
    """One row per year and industry: share of industrial value added in %."""
    records = []
    for industry, series_id in SERIES.items():
        rows = series_rows(data["context"], series_id)
        ends = {int(rows["year"].min()), int(rows["year"].max())}
        for segment, (_, row) in zip(year_runs(rows["year"]), rows.iterrows()):
            records.append({"year": int(row["year"]), "industry": industry, "value": row["value"],
                            "qualifier": row["qualifier"], "value_label": fmt_value(row["value"], "%", row["qualifier"]), "segment": segment,
                            "end": int(row["year"]) in ends, **{c: row[c] for c in PROVENANCE}})
    return with_provenance(pd.DataFrame.from_records(records))


def chart(frame: pd.DataFrame) -> alt.LayerChart:
    """Both shares as lines; missing years keep an empty stretch; the legend highlights an industry. Every point is
    labelled where the view is wide, only each industry's first and latest on a phone (the tooltip has the rest)."""
    industries = list(SERIES)
    industry_pick = alt.selection_point(name="structure_industry", fields=["industry"], bind="legend")
    x = alt.X("year:Q", title=None, scale=alt.Scale(domain=[int(frame["year"].min()), int(frame["year"].max())],
                                                      nice=False, zero=False, padding=14),
              axis=alt.Axis(format="d", tickMinStep=1, labelAngle=0))
    y = alt.Y("value:Q", title=tr("Share of industrial value added (%)"), scale=alt.Scale(domain=[0, 40]))
    color = alt.Color("industry:N", scale=theme.color_scale(industries), sort=tr_all(industries),
                      title=tr("Industry (click to highlight)"))
    opacity = alt.condition(industry_pick, alt.value(1.0), alt.value(0.15))
    tooltip = [alt.Tooltip("year:O", title=tr("Year")), alt.Tooltip("industry:N", title=tr("Industry")),
               alt.Tooltip("value_label:N", title=tr("Share of value added")), *source_lines()]
    base = with_source_dates(alt.Chart(frame.assign(industry=frame["industry"].map(tr))))  # in the page's language
    lines = base.mark_line().encode(x=x, y=y, color=color, detail="segment:N", opacity=opacity, tooltip=tooltip)
    points = base.mark_point(filled=True).encode(x=x, y=y, color=color, opacity=opacity, tooltip=tooltip).add_params(
        industry_pick)
    labels = base.transform_filter(f"datum.end || {theme.WIDE_VIEW}").mark_text(dy=-12, fontSize=11).encode(
        x=x, y=y, text="value_label:N", opacity=opacity, tooltip=tooltip)
    span = year_span(frame)
    layers = alt.layer(points, lines, labels)  # the param's layer first, or Vega-Lite drops the legend binding
    return drawing_only(layers, "segment", "end").properties(  # segments break the lines at empty years
        height=300,
        title=alt.Title(tr("Industry structure: high-tech and equipment manufacturing shares"),
                        subtitle=tr("% of value added of industry above designated size, {span}; empty years have no "
                                    "sourced figure", span=span)),
        description=tr("High-tech manufacturing and equipment manufacturing as percent of the value added of industry "
                       "above designated size in China, {span}, from NBS and MIIT statements; years without a sourced "
                       "figure are left empty.", span=span))
