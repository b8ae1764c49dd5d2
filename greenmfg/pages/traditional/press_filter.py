"""A reported case: a press-filter line that doubled capacity with 40 % less energy, as explorable arithmetic."""
from __future__ import annotations

import json

import altair as alt
import pandas as pd

from greenmfg.charts import theme
from greenmfg.charts.card import chart_id_of
from greenmfg.locale.formatting import fmt_goal, fmt_number, fmt_value
from greenmfg.locale.i18n import tr

CHART_ID = chart_id_of(__name__)
# The seed article is the case's only source; the same two constants sit in pages/digital and cleaning (to share).
PER_UNIT_FORMULA = "(1 + change in energy use) ÷ capacity multiplier"  # in the card's note, through a var token
MULTIPLIER_WORDS = {2: "doubling", 3: "tripling"}
STAGES = ["before the upgrade", "after the upgrade"]
ENERGY_RANGE = (-80, 50, 5)  # the energy slider's min, max and step, in percent
READOUT = "_readout"  # a bound slider's value as readers write it: the signal <slider> + READOUT (gm-charts.mjs)


def energy_per_unit_change(capacity_multiplier: float, energy_change: float) -> float:
    """Relative change in energy per unit of output when capacity is multiplied and total energy changes.

    (1 + energy_change) / capacity_multiplier − 1; e.g. capacity ×2 with energy −40 % gives −0.7 (−70 %).
    """
    if capacity_multiplier <= 0:
        raise ValueError("capacity multiplier must be positive")
    return (1.0 + energy_change) / capacity_multiplier - 1.0


def change_words(percent: float) -> str:
    """A change in total energy as the edition writes it: a fall in words (下降40%, '40 % lower'), a rise signed."""
    if percent < 0:
        return fmt_goal(percent, "%")
    return ("+" if percent > 0 else "") + fmt_value(percent, "%")


def readout(slider: alt.Parameter, values: range, words) -> alt.Parameter:
    """A signal the chart runtime shows beside ``slider`` in place of its bare number (-40): each step's words,
    picked by the slider's value (the nearest step for a value set from a shared link)."""
    steps = [words(value) for value in values]
    index = f"clamp(round(({slider.name} - {values.start}) / {values.step}), 0, {len(steps) - 1})"
    return alt.param(name=slider.name + READOUT, expr=f"{json.dumps(steps, ensure_ascii=False)}[{index}]")


def frame(data: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The Dezhou press-filter case: energy per unit of output before (index 1) and after (computed in the chart)."""
    by_id = data["claims"].set_index("claim_id")
    capacity = by_id.loc["dezhou-filter-press-capacity"]
    energy = by_id.loc["dezhou-filter-press-energy"]
    seed = data["seed_article"]
    provenance = {**seed, "as_of": seed["source_date"][:7]}
    common = {"claim_status": tr("capacity: {capacity}; energy: {energy}", capacity=tr(capacity["status"]),
                                 energy=tr(energy["status"])),
              "default_capacity_multiplier": 1 + float(capacity["value"]) / 100,
              "default_energy_change_pct": float(energy["value"]), **provenance}
    return pd.DataFrame([
        {"stage": tr(STAGES[0]), "kind": tr("reported case"), "method": tr("index, = 1 by definition"), **common},
        {"stage": tr(STAGES[1]), "kind": tr("calculated"),
         "method": tr("(1 + energy change) / capacity multiplier"), **common},
    ])


def chart(frame: pd.DataFrame) -> alt.LayerChart:
    """Slider explorer of the press-filter case: energy per unit of output after capacity and energy change."""
    multiplier, energy_change = (float(frame[c].iloc[0]) for c in ("default_capacity_multiplier",
                                                                    "default_energy_change_pct"))
    capacity = alt.param(name="capacity_multiplier", value=multiplier,
                         bind=alt.binding_range(min=1, max=3, step=0.1, name=tr("Capacity multiplier (×) ")))
    low, high, step = ENERGY_RANGE
    energy = alt.param(name="energy_change_pct", value=energy_change,
                       bind=alt.binding_range(min=low, max=high, step=step, name=tr("Change in total energy use ")))
    before = f"datum.stage == '{tr(STAGES[0])}'"
    tooltip = [alt.Tooltip("stage:N", title=tr("Stage")), alt.Tooltip("label:N", title=tr("Energy per unit of output")),
               alt.Tooltip("method:N", title=tr("Method")), alt.Tooltip("claim_status:N", title=tr("Claim status"))]
    base = alt.Chart(frame).transform_calculate(
        per_unit=f"{before} ? 1 : (1 + energy_change_pct / 100) / capacity_multiplier",
        label=(f"{before} ? '{tr('1.00 (index)')}' : format(datum.per_unit, '.2f') + '{tr(' (')}' + "
               f"(datum.per_unit >= 1 ? '+' : '−') + format(abs(datum.per_unit - 1) * 100, '.0f') + '{tr(' %)')}'"),
    ).encode(y=alt.Y("stage:N", title=None, sort=[tr(stage) for stage in STAGES]), tooltip=tooltip)
    bars = base.mark_bar().encode(
        x=alt.X("per_unit:Q", title=theme.lines(tr("Energy per unit of output (before = 1)"), 28),
                scale=alt.Scale(domain=[0, 1.6]),
                axis=alt.Axis(values=[0, 0.5, 1, 1.5])),
        color=alt.Color("kind:N", scale=theme.color_scale(["reported case", "calculated"]), legend=None),
    )
    labels = base.mark_text(align="left", dx=4).encode(x="per_unit:Q", text="label:N")
    change = tr("less") if energy_change < 0 else tr("more")
    multiplied = tr(MULTIPLIER_WORDS[multiplier]) if multiplier in MULTIPLIER_WORDS else f"×{fmt_number(multiplier)}"
    numbers = {"multiplier": fmt_number(multiplier), "energy": fmt_number(abs(energy_change)), "change": change}
    energy_words = readout(energy, range(low, high + step, step), change_words)
    return alt.layer(bars, labels).add_params(capacity, energy, energy_words).properties(
        height=110,
        title=alt.Title(tr("A reported case: output ×{multiplier}, {energy} % {change} energy", **numbers),
                        subtitle=tr("Energy per unit of output, index (before = 1); move the sliders to test other cases")),
        description=tr("Explorable arithmetic of a company case reported by CCTV ({year}): energy use per "
                       "unit of output as an index, before = 1, after = (1 + change in total energy) / capacity "
                       "multiplier; defaults are the reported {multiplied} of capacity and {energy} per cent {change} "
                       "energy.", year=frame["source_date"].iloc[0][:4], multiplied=multiplied, **numbers),
    )
