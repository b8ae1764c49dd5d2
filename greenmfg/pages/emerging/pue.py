"""The sourced data-centre PUE figures: national averages of two scopes, green data centres and two targets.

Each figure is a labelled point on one PUE axis, never a line: scopes, sources and dates differ.
"""
from __future__ import annotations

import altair as alt
import pandas as pd

from greenmfg.charts import theme
from greenmfg.charts.card import chart_id_of
from greenmfg.charts.columns import drawing_only
from greenmfg.charts.tooltips import source_lines, with_source_dates
from greenmfg.data.frames import PROVENANCE, series_rows, with_provenance
from greenmfg.locale.formatting import fmt_value, reader_date
from greenmfg.locale.i18n import pick, tr

CHART_ID = chart_id_of(__name__)
# What each figure covers -> (series, colour category, every row or only the latest).
NATIONAL, NATIONAL_TARGET = "computing_centre_avg_pue_national", "data_centre_avg_pue_national_target"
SERIES = {"national average, computing centres": (NATIONAL, "official", True),
          "national average, all data centres, blog": ("data_centre_avg_pue_national", "other", False),
          "national green data centres": ("green_data_centres_avg_pue", "official", False),
          "target: national average, data centres": (NATIONAL_TARGET, "target", False),
          "target: new large data centres": ("new_large_data_centre_pue_target", "target", False)}


def period_label(as_of: str, measure_kind: str) -> str:
    """The period a figure refers to: 'June 2025' for a month, '2024' for a year, 'end-2025' for a target (Chinese:
    2025年6月, 2024年, 2025年底)."""
    year, _, month = str(as_of).partition("-")
    if measure_kind == "target":
        return tr("end-{year}", year=year)
    return reader_date(f"{year}-{month[:2]}" if month else year)


def frame(data: dict) -> pd.DataFrame:
    """One row per figure: PUE, the period it refers to and what it covers, newest first within a scope."""
    records = []
    for figure, (series_id, category, every_row) in SERIES.items():
        rows = series_rows(data["context"], series_id)
        for _, row in (rows if every_row else rows.tail(1)).iloc[::-1].iterrows():
            period = period_label(row["as_of"], row["measure_kind"])
            records.append({"measure": tr("{figure} ({period})", figure=tr(figure), period=period),
                            "series_id": series_id, "category": category,
                            "pue": row["value"], "qualifier": row["qualifier"],
                            "value_label": fmt_value(row["value"], "", row["qualifier"]), "year": int(row["year"]),
                            "period": period, "basis": pick(row, "basis"), **{c: row[c] for c in PROVENANCE}})
    return with_provenance(pd.DataFrame.from_records(records))


def chart(frame: pd.DataFrame) -> alt.LayerChart:
    """The figures as labelled points on one PUE axis (different coverage and dates, so no line)."""
    categories = list(dict.fromkeys(frame["category"]))
    y = alt.Y("measure:N", title=None, sort=list(frame["measure"]),
              axis=alt.Axis(labelExpr=theme.wrapped_labels(frame["measure"], 20), labelLimit=200))
    x_title = theme.lines(tr("Power usage effectiveness (PUE; 1.0 = all power reaches IT equipment)"), 24)
    x = alt.X("pue:Q", title=x_title, scale=alt.Scale(domain=[1.0, 1.7]))
    tooltip = [alt.Tooltip("measure:N", title=tr("Measure")), alt.Tooltip("value_label:N", title="PUE"),
               alt.Tooltip("basis:N", title=tr("Covers")), *source_lines()]
    # colour categories in the page's language; the series id picks rows for the page's values but is no word for
    # readers, so the chart's data (its CSV, table and tooltips) leaves it out
    rows = frame.drop(columns="series_id").assign(category=frame["category"].map(tr))
    base = with_source_dates(alt.Chart(rows))
    points = base.mark_point(filled=True, size=120).encode(
        x=x, y=y, color=alt.Color("category:N", scale=theme.color_scale(categories), legend=None), tooltip=tooltip)
    labels = base.mark_text(dy=-14).encode(x=x, y=y, text="value_label:N", tooltip=tooltip)  # above: fits a phone
    periods = tr("; ").join(f"{figure}" for figure in frame["measure"])
    return drawing_only(alt.layer(points, labels), "category").properties(  # colour only: the figure names it
        height=48 * len(frame),
        title=alt.Title(tr("Data-centre efficiency: national averages, green data centres and targets"),
                        subtitle=tr("Power usage effectiveness (PUE, lower is better); different scopes and dates, "
                                    "so points, not a trend; purple = targets, grey = low-authority source")),
        description=tr("Sourced power-usage-effectiveness (PUE) figures for Chinese data and computing centres, each "
                       "with the period it refers to: {periods}. PUE is a ratio without unit; targets are upper "
                       "bounds, and the figures differ in scope, so they are shown as separate points.", periods=periods))
