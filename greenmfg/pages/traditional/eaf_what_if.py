"""What if: the EAF steel tonnage 2030 would need for a chosen crude output and EAF share (sliders)."""
from __future__ import annotations

import altair as alt
import pandas as pd

from greenmfg.charts import theme
from greenmfg.charts.card import chart_id_of
from greenmfg.charts.columns import drawing_only
from greenmfg.charts.tooltips import source_lines, with_source_dates
from greenmfg.data.frames import PROVENANCE, latest_row, provenance_of
from greenmfg.locale.formatting import chart_decimals, chart_unit, fmt_value, in_chart_unit, reader_date
from greenmfg.locale.i18n import tr
from greenmfg.pages.traditional.progress import EAF_TARGET_ID, eaf_target, goal_words, megatonnes, target_provenance

CHART_ID = chart_id_of(__name__)
TONNES = "Mt"  # the frame's tonnages; the sliders and bars count in the edition's unit (formatting.chart_unit: 亿吨)
REPORTED = "the figure as reported, not computed"  # the reported bar's method, and how the chart tells the bars apart
NEEDED = "{year} crude steel output ({output}) × the target EAF share ({target})"  # a formula: the CSV carries it
OUTPUT_RANGE, BAR_DOMAIN = (700, 1100, 10), (0, 450)  # slider min, max, step and the bars' axis, in Mt


def eaf_tonnage_needed(crude_output: float, eaf_share_percent: float) -> float:
    """EAF steel tonnage (same unit as crude output) for a given EAF share of crude steel."""
    return crude_output * eaf_share_percent / 100.0


def release(row: pd.Series | dict, when: str) -> str:
    """Who gave a figure and when, for the needed bar's tooltip: 'NBS, reported by SteelOrbis, 2025'."""
    return tr("{source}, {date}", source=row["source_org"], date=reader_date(when))


def frame(data: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Two bars' inputs: reported EAF tonnage (latest; in the edition's unit, Mt or 亿吨; the columns keep their
    names) and the 2030 requirement (computed in the chart), then the crude output the requirement starts from (a
    row of the table, CSV and source line, not a bar); bars, kinds and methods in the page's language. The needed
    bar names the source of each of its inputs: the crude output's and the target share's."""
    eaf = latest_row(data["series"], "eaf_steel_output")
    crude = latest_row(data["series"], "crude_steel_output")
    target = eaf_target(data["targets"])
    reported = {"bar": tr("Made in {year} (reported)", year=int(eaf["year"])), "kind": tr("latest"),
                "tonnes_mt": in_chart_unit(megatonnes(float(eaf["value"]), eaf["unit"]), TONNES)[0],
                "year": int(eaf["year"]), "method": tr(REPORTED), **provenance_of(eaf)}
    horizon = int(target["horizon_year"])
    output = megatonnes(float(crude["value"]), crude["unit"])
    default_output = round(in_chart_unit(output, TONNES)[0], 2)  # as the slider starts (9.61亿吨, 961 Mt)
    needed = {"bar": tr("Needed in {year}", year=horizon), "kind": tr("required pace"), "year": horizon,
              # the bar as first drawn: the sliders' defaults, the latest crude output times the target share
              "tonnes_mt": round(eaf_tonnage_needed(default_output, float(target["value"])), chart_decimals(TONNES, 0)),
              "method": tr(NEEDED, year=int(crude["year"]), output=fmt_value(output, TONNES),
                           target=goal_words(data["targets"], EAF_TARGET_ID)),
              "default_output_mt": default_output, "default_share": float(target["value"]),
              "output_source": release(crude, str(int(crude["year"]))),
              "target_source": release(target, target["source_date"] if isinstance(target["source_date"], str) else ""),
              **target_provenance(target)}
    crude_row = {"bar": tr("Crude steel made in {year} (reported)", year=int(crude["year"])), "kind": tr("latest"),
                 "tonnes_mt": default_output, "year": int(crude["year"]), "method": tr(REPORTED), "drawn": False,
                 **provenance_of(crude)}
    frame = pd.DataFrame([{**reported, "drawn": True}, {**needed, "drawn": True}, crude_row])
    frame[["default_output_mt", "default_share"]] = frame[["default_output_mt", "default_share"]].ffill().bfill()
    return frame.fillna({c: "" for c in (*PROVENANCE, "output_source", "target_source")})


def tonnes_expr(field: str) -> str:
    """A Vega expression writing a tonnage with its unit as the edition writes it: '192 Mt', '1.92亿吨'."""
    unit = chart_unit(TONNES)[1]
    space = "" if "\u4e00" <= unit[0] <= "\u9fff" else " "
    return f"format({field}, ',.{chart_decimals(TONNES, 0)}f') + '{space}{unit}'"


def sliders(frame: pd.DataFrame) -> tuple[alt.Parameter, alt.Parameter]:
    """The 2030 crude-output and EAF-share sliders, starting at the latest output and the target share."""
    factor, unit = chart_unit(TONNES)
    low, high, step = (round(mt * factor, 6) for mt in OUTPUT_RANGE)
    # The slider prints its value as given: two decimals, as the prose writes it (9.61亿吨, not 9.6081).
    output = alt.param(name="output_2030", value=float(frame["default_output_mt"].iloc[0]), bind=alt.binding_range(
        min=low, max=high, step=step, name=tr("Crude steel output in 2030, {unit} ", unit=unit)))
    share = alt.param(name="eaf_share_2030", value=float(frame["default_share"].iloc[0]),
                      bind=alt.binding_range(min=10, max=40, step=1, name=tr("EAF share in 2030, % ")))
    return output, share


def chart(frame: pd.DataFrame) -> alt.LayerChart:
    """Slider what-if: EAF tonnage needed in 2030 for a chosen crude output and EAF share, beside the reported tonnage."""
    factor, unit = chart_unit(TONNES)
    output, share = sliders(frame)
    # The 'How' text of the needed bar: the message with its fields as Vega expressions (the sliders' values).
    how = tr("{share}% of {output} crude steel", share="' + format(eaf_share_2030, '.0f') + '",
             output=f"' + {tonnes_expr('output_2030')} + '")
    # the reported bar has one source; the needed bar one per input, never the target's source for the output
    tooltip = [alt.Tooltip("bar:N", title=tr("Bar")), alt.Tooltip("label:N", title=tr("EAF steel")),
               alt.Tooltip("detail:N", title=tr("How"))]
    needed_tooltip = [*tooltip, alt.Tooltip("output_source:N", title=tr("Crude output source")),
                      alt.Tooltip("target_source:N", title=tr("Target share source"))]
    is_reported = f"datum.method == '{tr(REPORTED)}'"
    base = with_source_dates(alt.Chart(frame)).transform_filter("datum.drawn").transform_calculate(
        tonnes=f"{is_reported} ? datum.tonnes_mt : output_2030 * eaf_share_2030 / 100",
        label=tonnes_expr("datum.tonnes"),
        detail=f"{is_reported} ? '{tr(REPORTED)}' : " + f"'{how}'".removeprefix("'' + "),  # the tooltip's 'How'
    ).encode(y=alt.Y("bar:N", title=None, sort=None, axis=alt.Axis(labelLimit=200)))
    x = alt.X("tonnes:Q", title=tr("EAF steel, {unit}", unit=unit), scale=alt.Scale(domain=[d * factor for d in BAR_DOMAIN]))
    colour = alt.Color("kind:N", scale=theme.color_scale(["latest", "required pace"]), legend=None)
    layers_of = []
    for shown, tip in ((is_reported, [*tooltip, *source_lines()]), (f"!({is_reported})", needed_tooltip)):
        one = base.transform_filter(shown)
        layers_of += [one.mark_bar().encode(x=x, color=colour, tooltip=tip),
                      one.mark_text(align="left", dx=4).encode(x="tonnes:Q", text="label:N", tooltip=tip)]
    reported_year = int(frame.loc[frame["method"] == tr(REPORTED), "year"].iloc[0])
    # kind colours the bars (each bar names itself); the sliders' defaults are in the method's words
    layers = drawing_only(alt.layer(*layers_of), "kind", "default_output_mt", "default_share", "drawn")
    return layers.add_params(output, share).properties(
        height=120,
        title=alt.Title(tr("What if: how much EAF steel would 2030 need?"),
                        subtitle=tr("In {unit}; move the sliders to change 2030 crude output and the EAF share",
                                    unit=unit)),
        description=tr("What-if calculator: electric-arc-furnace steel needed in 2030 in million tonnes, equal to the "
                       "chosen 2030 crude steel output times the chosen EAF share, compared with the EAF steel "
                       "China reportedly made in {year}.", year=reported_year),
    )
