"""A reported case: a press-filter line that doubled capacity with 40 % less energy, as explorable arithmetic."""
from __future__ import annotations

import altair as alt
import pandas as pd

from greenmfg import theme
from greenmfg.card import chart_id_of
from greenmfg.formatting import fmt_number

CHART_ID = chart_id_of(__name__)
# The seed article is the case's only source; the same two constants sit in pages/digital and cleaning (to share).
PER_UNIT_FORMULA = "(1 + change in energy use) ÷ capacity multiplier"  # in the card's note, through a var token
MULTIPLIER_WORDS = {2: "doubling", 3: "tripling"}
TOOLTIP = [alt.Tooltip("stage:N", title="Stage"), alt.Tooltip("label:N", title="Energy per unit of output"),
           alt.Tooltip("method:N", title="Method"), alt.Tooltip("claim_status:N", title="Claim status")]


def energy_per_unit_change(capacity_multiplier: float, energy_change: float) -> float:
    """Relative change in energy per unit of output when capacity is multiplied and total energy changes.

    (1 + energy_change) / capacity_multiplier − 1; e.g. capacity ×2 with energy −40 % gives −0.7 (−70 %).
    """
    if capacity_multiplier <= 0:
        raise ValueError("capacity multiplier must be positive")
    return (1.0 + energy_change) / capacity_multiplier - 1.0


def frame(data: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The Dezhou press-filter case: energy per unit of output before (index 1) and after (computed in the chart)."""
    by_id = data["claims"].set_index("claim_id")
    capacity = by_id.loc["dezhou-filter-press-capacity"]
    energy = by_id.loc["dezhou-filter-press-energy"]
    seed = data["seed_article"]
    provenance = {"source_org": seed["source_org"], "source_date": seed["source_date"], "url": "",
                  "mirror_url": seed["copy"], "as_of": seed["source_date"][:7]}
    common = {"claim_status": f"capacity: {capacity['status']}; energy: {energy['status']}",
              "default_capacity_multiplier": 1 + float(capacity["value"]) / 100,
              "default_energy_change_pct": float(energy["value"]), **provenance}
    return pd.DataFrame([
        {"stage": "before the upgrade", "kind": "reported case", "method": "index, = 1 by definition", **common},
        {"stage": "after the upgrade", "kind": "calculated",
         "method": "(1 + energy change) / capacity multiplier", **common},
    ])


def chart(frame: pd.DataFrame) -> alt.LayerChart:
    """Slider explorer of the press-filter case: energy per unit of output after capacity and energy change."""
    multiplier, energy_change = (float(frame[c].iloc[0]) for c in ("default_capacity_multiplier",
                                                                    "default_energy_change_pct"))
    capacity = alt.param(name="capacity_multiplier", value=multiplier,
                         bind=alt.binding_range(min=1, max=3, step=0.1, name="Capacity multiplier (×) "))
    energy = alt.param(name="energy_change_pct", value=energy_change,
                       bind=alt.binding_range(min=-80, max=50, step=5, name="Change in total energy use, % "))
    base = alt.Chart(frame).transform_calculate(
        per_unit="datum.stage == 'before the upgrade' ? 1 : (1 + energy_change_pct / 100) / capacity_multiplier",
        label=("datum.stage == 'before the upgrade' ? '1.00 (index)' : format(datum.per_unit, '.2f') + ' (' + "
               "(datum.per_unit >= 1 ? '+' : '−') + format(abs(datum.per_unit - 1) * 100, '.0f') + ' %)'"),
    ).encode(y=alt.Y("stage:N", title=None, sort=["before the upgrade", "after the upgrade"]), tooltip=TOOLTIP)
    bars = base.mark_bar().encode(
        x=alt.X("per_unit:Q", title="Energy per unit of output (before = 1)", scale=alt.Scale(domain=[0, 1.6]),
                axis=alt.Axis(values=[0, 0.5, 1, 1.5])),
        color=alt.Color("kind:N", scale=theme.color_scale(["reported case", "calculated"]), legend=None),
    )
    labels = base.mark_text(align="left", dx=4).encode(x="per_unit:Q", text="label:N")
    change = "less" if energy_change < 0 else "more"
    multiplied = MULTIPLIER_WORDS.get(multiplier, f"×{fmt_number(multiplier)}")
    return alt.layer(bars, labels).add_params(capacity, energy).properties(
        height=110,
        title=alt.Title(f"A reported case: output ×{fmt_number(multiplier)}, {fmt_number(abs(energy_change))} % {change} energy",
                        subtitle="Energy per unit of output, index (before = 1); move the sliders to test other cases"),
        description=(f"Explorable arithmetic of a company case reported in the seed article ({frame['source_date'].iloc[0][:4]}): "
                     "energy use per unit of output as an index, before = 1, after = (1 + change in total energy) / "
                     f"capacity multiplier; defaults are the reported {multiplied} of capacity and "
                     f"{fmt_number(abs(energy_change))} per cent {change} energy."),
    )
