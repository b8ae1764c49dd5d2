"""What if: the EAF steel tonnage 2030 would need for a chosen crude output and EAF share (sliders)."""
from __future__ import annotations

import altair as alt
import pandas as pd

from greenmfg.charts import theme
from greenmfg.charts.card import chart_id_of
from greenmfg.charts.tooltips import source_lines, with_source_dates
from greenmfg.data.frames import PROVENANCE, latest_row, provenance_of
from greenmfg.locale.formatting import fmt_number
from greenmfg.locale.i18n import tr
from greenmfg.pages.traditional.progress import eaf_target, megatonnes, target_provenance

CHART_ID = chart_id_of(__name__)


def eaf_tonnage_needed(crude_output: float, eaf_share_percent: float) -> float:
    """EAF steel tonnage (same unit as crude output) for a given EAF share of crude steel."""
    return crude_output * eaf_share_percent / 100.0


def frame(data: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Two bars' inputs: reported EAF tonnage (latest, Mt) and the 2030 requirement (computed in the chart); bars,
    kinds and methods are named in the page's language."""
    eaf = latest_row(data["series"], "eaf_steel_output")
    crude = latest_row(data["series"], "crude_steel_output")
    target = eaf_target(data["targets"])
    reported = {"bar": tr("Made in {year} (reported)", year=int(eaf["year"])), "kind": tr("latest"),
                "tonnes_mt": megatonnes(float(eaf["value"]), eaf["unit"]), "year": int(eaf["year"]),
                "method": tr("reported"), **provenance_of(eaf)}
    horizon = int(target["horizon_year"])
    needed = {"bar": tr("Needed in {year}", year=horizon), "kind": tr("required pace"), "tonnes_mt": None, "year": horizon,
              "method": tr("slider output × slider share; default output = {year} crude steel ({output} Mt), "
                           "default share = target {target}", year=int(crude["year"]),
                           output=fmt_number(crude["value"]), target=target["target_id"]),
              "default_output_mt": float(crude["value"]), "default_share": float(target["value"]),
              **target_provenance(target)}
    frame = pd.DataFrame([reported, needed])
    frame[["default_output_mt", "default_share"]] = frame[["default_output_mt", "default_share"]].ffill().bfill()
    return frame.fillna({c: "" for c in PROVENANCE})


def chart(frame: pd.DataFrame) -> alt.LayerChart:
    """Slider what-if: EAF tonnage needed in 2030 for a chosen crude output and EAF share, beside the reported tonnage."""
    output = alt.param(name="output_2030", value=float(frame["default_output_mt"].iloc[0]),
                       bind=alt.binding_range(min=700, max=1100, step=10, name=tr("Crude steel output in 2030, Mt ")))
    share = alt.param(name="eaf_share_2030", value=float(frame["default_share"].iloc[0]),
                      bind=alt.binding_range(min=10, max=40, step=1, name=tr("EAF share in 2030, % ")))
    # The 'How' text of the needed bar: the message with its fields as Vega expressions (the sliders' values).
    how = tr("{share}% of {output} Mt crude steel", share="' + format(eaf_share_2030, '.0f') + '",
             output="' + format(output_2030, ',.0f') + '")
    tooltip = [alt.Tooltip("bar:N", title=tr("Bar")), alt.Tooltip("label:N", title=tr("EAF steel")),
               alt.Tooltip("detail:N", title=tr("How")), *source_lines()]
    is_reported = f"datum.method == '{tr('reported')}'"
    base = with_source_dates(alt.Chart(frame)).transform_calculate(
        tonnes=f"{is_reported} ? datum.tonnes_mt : output_2030 * eaf_share_2030 / 100",
        label="format(datum.tonnes, ',.0f') + ' Mt'",
        detail=f"{is_reported} ? '{tr('reported')}' : " + f"'{how}'".removeprefix("'' + "),
    ).encode(y=alt.Y("bar:N", title=None, sort=None, axis=alt.Axis(labelLimit=200)), tooltip=tooltip)
    bars = base.mark_bar().encode(
        x=alt.X("tonnes:Q", title=tr("EAF steel, million tonnes"), scale=alt.Scale(domain=[0, 450])),
        color=alt.Color("kind:N", scale=theme.color_scale(["latest", "required pace"]), legend=None),
    )
    labels = base.mark_text(align="left", dx=4).encode(x="tonnes:Q", text="label:N")
    reported_year = int(frame.loc[frame["method"] == tr("reported"), "year"].iloc[0])
    return alt.layer(bars, labels).add_params(output, share).properties(
        height=120,
        title=alt.Title(tr("What if: how much EAF steel would 2030 need?"),
                        subtitle=tr("Million tonnes; move the sliders to change 2030 crude output and the EAF share")),
        description=tr("What-if calculator: electric-arc-furnace steel needed in 2030 in million tonnes, equal to the "
                       "chosen 2030 crude steel output times the chosen EAF share, compared with the EAF steel "
                       "China reportedly made in {year}.", year=reported_year),
    )
