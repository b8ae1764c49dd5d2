"""The sourced data-centre PUE figures: three scopes and years, shown side by side, not as a series."""
from __future__ import annotations

import altair as alt
import pandas as pd

from greenmfg import theme
from greenmfg.card import chart_id_of
from greenmfg.formatting import fmt_value
from greenmfg.frames import PROVENANCE, latest_row, with_provenance

CHART_ID = chart_id_of(__name__)
# What each figure covers -> (series, colour category).
SERIES = {"national average, all data centres": ("data_centre_avg_pue_national", "other"),
          "national green data centres": ("green_data_centres_avg_pue", "latest"),
          "target for new large data centres": ("new_large_data_centre_pue_target", "target")}


def frame(data: dict) -> pd.DataFrame:
    """One row per figure: its latest PUE, year and what it covers."""
    records = []
    for figure, (series_id, category) in SERIES.items():
        row = latest_row(data["context"], series_id)
        records.append({"figure": f"{figure} ({int(row['year'])})", "category": category, "pue": row["value"],
                        "value_label": fmt_value(row["value"], "", row["qualifier"]), "year": int(row["year"]),
                        "basis": row["basis"], **{c: row[c] for c in PROVENANCE}})
    return with_provenance(pd.DataFrame.from_records(records))


def chart(frame: pd.DataFrame) -> alt.LayerChart:
    """The figures as labelled points on one PUE axis (different coverage and years, so no line)."""
    categories = list(dict.fromkeys(frame["category"]))
    years = dict(zip(frame["category"], frame["year"]))
    y = alt.Y("figure:N", title=None, sort=list(frame["figure"]), axis=alt.Axis(labelLimit=260))
    x = alt.X("pue:Q", title="Power usage effectiveness (PUE; 1.0 = all power reaches IT equipment)",
              scale=alt.Scale(domain=[1.0, 1.6]))
    tooltip = [alt.Tooltip("figure:N", title="Figure"), alt.Tooltip("value_label:N", title="PUE"),
               alt.Tooltip("basis:N", title="Covers"), alt.Tooltip("source_org:N", title="Source"),
               alt.Tooltip("source_date:N", title="Published")]
    base = alt.Chart(frame)
    points = base.mark_point(filled=True, size=120).encode(
        x=x, y=y, color=alt.Color("category:N", scale=theme.color_scale(categories), legend=None), tooltip=tooltip)
    labels = base.mark_text(align="left", dx=10).encode(x=x, y=y, text="value_label:N", tooltip=tooltip)
    return alt.layer(points, labels).properties(
        height=150,
        title=alt.Title("Data-centre efficiency: three figures, three different scopes",
                        subtitle="Power usage effectiveness (PUE, lower is better); not one series"),
        description=(f"Three sourced power-usage-effectiveness (PUE) figures for Chinese data centres: the national "
                     f"average of all data centres ({years['other']}), the average of national green data centres "
                     f"({years['latest']}) and the {years['target']} target for new large data centres; PUE is a "
                     "ratio without unit."))
