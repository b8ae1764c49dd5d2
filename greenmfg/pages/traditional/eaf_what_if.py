"""What if: the EAF steel tonnage 2030 would need for a chosen crude output and EAF share (sliders)."""
from __future__ import annotations

import altair as alt
import pandas as pd

from greenmfg import theme
from greenmfg.card import chart_id_of
from greenmfg.formatting import fmt_number
from greenmfg.frames import PROVENANCE, latest_row, provenance_of
from greenmfg.pages.traditional.progress import eaf_target, megatonnes, target_provenance

CHART_ID = chart_id_of(__name__)
TOOLTIP = [alt.Tooltip("bar:N", title="Bar"), alt.Tooltip("label:N", title="EAF steel"),
           alt.Tooltip("detail:N", title="How"), alt.Tooltip("source_org:N", title="Source")]


def eaf_tonnage_needed(crude_output: float, eaf_share_percent: float) -> float:
    """EAF steel tonnage (same unit as crude output) for a given EAF share of crude steel."""
    return crude_output * eaf_share_percent / 100.0


def frame(data: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Two bars' inputs: reported EAF tonnage (latest, Mt) and the 2030 requirement (computed in the chart)."""
    eaf = latest_row(data["series"], "eaf_steel_output")
    crude = latest_row(data["series"], "crude_steel_output")
    target = eaf_target(data["targets"])
    reported = {"bar": f"Made in {int(eaf['year'])} (reported)", "kind": "latest",
                "tonnes_mt": megatonnes(float(eaf["value"]), eaf["unit"]), "year": int(eaf["year"]),
                "method": "reported", **provenance_of(eaf)}
    horizon = int(target["horizon_year"])
    needed = {"bar": f"Needed in {horizon}", "kind": "required pace", "tonnes_mt": None, "year": horizon,
              "method": f"slider output × slider share; default output = {int(crude['year'])} crude steel "
                        f"({fmt_number(crude['value'])} Mt), default share = target {target['target_id']}",
              "default_output_mt": float(crude["value"]), "default_share": float(target["value"]),
              **target_provenance(target)}
    frame = pd.DataFrame([reported, needed])
    frame[["default_output_mt", "default_share"]] = frame[["default_output_mt", "default_share"]].ffill().bfill()
    return frame.fillna({c: "" for c in PROVENANCE})


def chart(frame: pd.DataFrame) -> alt.LayerChart:
    """Slider what-if: EAF tonnage needed in 2030 for a chosen crude output and EAF share, beside the reported tonnage."""
    output = alt.param(name="output_2030", value=float(frame["default_output_mt"].iloc[0]),
                       bind=alt.binding_range(min=700, max=1100, step=10, name="Crude steel output in 2030, Mt "))
    share = alt.param(name="eaf_share_2030", value=float(frame["default_share"].iloc[0]),
                      bind=alt.binding_range(min=10, max=40, step=1, name="EAF share in 2030, % "))
    base = alt.Chart(frame).transform_calculate(
        tonnes="datum.method == 'reported' ? datum.tonnes_mt : output_2030 * eaf_share_2030 / 100",
        label="format(datum.tonnes, ',.0f') + ' Mt'",
        detail=("datum.method == 'reported' ? 'reported' : format(eaf_share_2030, '.0f') + '% of ' + "
                "format(output_2030, ',.0f') + ' Mt crude steel'"),
    ).encode(y=alt.Y("bar:N", title=None, sort=None, axis=alt.Axis(labelLimit=200)), tooltip=TOOLTIP)
    bars = base.mark_bar().encode(
        x=alt.X("tonnes:Q", title="EAF steel, million tonnes", scale=alt.Scale(domain=[0, 450])),
        color=alt.Color("kind:N", scale=theme.color_scale(["latest", "required pace"]), legend=None),
    )
    labels = base.mark_text(align="left", dx=4).encode(x="tonnes:Q", text="label:N")
    reported_year = int(frame.loc[frame["method"] == "reported", "year"].iloc[0])
    return alt.layer(bars, labels).add_params(output, share).properties(
        height=120,
        title=alt.Title("What if: how much EAF steel would 2030 need?",
                        subtitle="Million tonnes; move the sliders to change 2030 crude output and the EAF share"),
        description=("What-if calculator: electric-arc-furnace steel needed in 2030 in million tonnes, equal to the "
                     "chosen 2030 crude steel output times the chosen EAF share, compared with the EAF steel "
                     f"China reportedly made in {reported_year}."),
    )
