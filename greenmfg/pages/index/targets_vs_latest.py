"""Dumbbell chart: each numeric 2030 target against its latest official value, one row per target on its own unit."""
from __future__ import annotations

import altair as alt
import pandas as pd

from greenmfg import theme
from greenmfg.card import chart_id_of
from greenmfg.frames import with_provenance
from greenmfg.markup import cell_text, value_text

CHART_ID = chart_id_of(__name__)
# How the description names a unit.
UNIT_WORDS = {"%": "percent"}


def _point(target_id: str, label: str, kind: str, year, value, unit, qualifier, basis, source) -> dict:
    """One dot: the value with its display label, basis and provenance (source: a row with url, org, date...)."""
    return {"target_id": target_id, "label": label, "kind": kind, "year": int(year), "value": float(value),
            "unit": unit, "value_label": value_text(value, unit, qualifier), "basis": basis,
            "source_org": source["source_org"], "source_date": source["source_date"], "url": source["url"],
            "mirror_url": source["mirror_url"], "as_of": source["as_of"]}


def frame(data: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Two rows per numeric target (latest official value, target), each with its own source."""
    meta = data["policy_targets"].set_index("target_id")
    rows = []
    for _, progress in data["progress"].iterrows():
        target = meta.loc[progress["target_id"]]
        label = f'{cell_text(target["sector"]).capitalize()} ({cell_text(progress["unit"])})'
        rows.append(_point(progress["target_id"], label, "latest", progress["latest_year"], progress["latest_value"],
                           progress["unit"], progress["latest_qualifier"], progress["latest_basis"], progress))
        # the target's 'as of' is when it was reported, not its horizon year (else "Data as of 2030")
        rows.append(_point(progress["target_id"], label, "target", progress["target_year"], progress["target_value"],
                           progress["unit"], progress["target_qualifier"], target["basis"],
                           {**target.to_dict(), "as_of": target["source_date"]}))
    return with_provenance(pd.DataFrame(rows))


def chart(frame: pd.DataFrame) -> alt.FacetChart:
    """Dot plot per numeric 2030 target: latest official value vs the target, each panel on its own unit."""
    latest = frame[frame["kind"] == "latest"]
    units = " or ".join(UNIT_WORDS.get(unit, unit) for unit in sorted(frame["unit"].unique()))
    color = alt.Color("kind:N", scale=theme.color_scale(["latest", "target"]), title=None)
    tooltip = [alt.Tooltip("label:N", title="Target"), alt.Tooltip("kind:N", title="Point"),
               alt.Tooltip("year:O", title="Year"), alt.Tooltip("value_label:N", title="Value"),
               alt.Tooltip("basis:N", title="Basis"), alt.Tooltip("source_org:N", title="Source")]
    base = alt.Chart().encode(x=alt.X("value:Q", title=None, scale=alt.Scale(zero=True)))
    gap = base.mark_rule(strokeWidth=2, opacity=0.5).encode(x="min(value):Q", x2="max(value):Q")
    dots = base.mark_point(size=110, filled=True).encode(color=color, shape=alt.Shape("kind:N", title=None),
                                                         tooltip=tooltip)
    rows = alt.Row("label:N", title=None,
                   header=alt.Header(labelAngle=0, labelAlign="left", labelOrient="top", labelAnchor="start"))
    title = alt.Title("How far the 2030 targets are from the latest official figures",
                      subtitle="Latest value and 2030 target per numeric target; each row on its own unit and scale")
    description = (f"Dot plot of the {latest['target_id'].nunique()} numeric 2030 targets of the Guiding Opinions "
                   f"against the latest official value found (years {latest['year'].min()} to {latest['year'].max()}), "
                   f"in each target's own unit ({units}).")
    return (alt.layer(gap, dots, data=frame).properties(width=300, height=34).facet(row=rows)
            .resolve_scale(x="independent").properties(title=title, description=description))
