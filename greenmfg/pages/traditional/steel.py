"""Steel: crude-steel output over time above the electric-arc-furnace (EAF) share, with its 2030 target."""
from __future__ import annotations

import altair as alt
import pandas as pd

from greenmfg.charts import theme
from greenmfg.charts.card import chart_id_of
from greenmfg.charts.columns import drawing_only
from greenmfg.charts.tooltips import source_lines, with_source_dates
from greenmfg.data.frames import PROVENANCE, figure_label, published_rows, series_rows, year_runs
from greenmfg.locale.formatting import chart_unit, fmt_value, in_chart_unit, listed
from greenmfg.locale.i18n import tr, tr_all
from greenmfg.pages.family.wording import goal_label
from greenmfg.pages.traditional.progress import eaf_target, target_provenance, value_label

CHART_ID = chart_id_of(__name__)
MEASURES = {"crude_steel_output": "crude steel", "eaf_share_crude_steel": "EAF share"}
PANELS = ["crude steel", "EAF share", "target"]  # the frame's measures, in English (colours are keyed on them)
TONNES = "Mt"  # the data's unit of crude output; charts show it in the edition's (greenmfg.locale.formatting.chart_unit)


def tooltip() -> list[alt.Tooltip]:
    """Tooltip fields, titled in the page's language."""
    return [alt.Tooltip("measure:N", title=tr("Measure")), alt.Tooltip("year:O", title=tr("Year")),
            alt.Tooltip("value_label:N", title=tr("Value")), alt.Tooltip("figure:N", title=tr("Figure")),
            *source_lines()]


def share_in_words(percent: float) -> str:
    """A share as the reader pictures it: 'still under a tenth', 'only about a tenth' (10–11 %), 'still under a
    fifth', else the per cent."""
    if percent < 10:
        return tr("still under a tenth")
    if percent < 11:
        return tr("only about a tenth")
    if percent < 20:
        return tr("still under a fifth")
    return tr("at {value}", value=fmt_value(percent, '%'))


def peak_row(series: pd.DataFrame) -> pd.Series:
    """The year of highest crude-steel output among the published figures."""
    rows = published_rows(series_rows(series, "crude_steel_output"))
    return rows.loc[rows["value"].idxmax()]


def output_in_words(crude: pd.DataFrame) -> str:
    """Output's course for the title: 'past its 2020 peak' when the latest year is below the peak, else 'at a peak'."""
    peak_year = int(crude.loc[crude["value"].idxmax(), "year"])
    return tr("at its peak") if peak_year == int(crude["year"].max()) else tr("past its {year} peak", year=peak_year)


def frame(data: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Crude-steel output (in the edition's chart unit: Mt, 亿吨) and EAF share (%) rows in long format, plus the 2030
    EAF target row."""
    series = data["series"]
    rows = series[series["series_id"].isin(MEASURES)].copy().sort_values(["series_id", "year"])
    rows["measure"] = rows["series_id"].map(MEASURES)
    rows["segment"] = rows.groupby("series_id")["year"].transform(year_runs)
    rows["figure"] = [figure_label(row) for _, row in rows.iterrows()]
    target = eaf_target(data["targets"])
    target_row = {"series_id": "eaf_target_2030", "year": int(target["horizon_year"]), "value": float(target["value"]),
                  "qualifier": target["qualifier"], "unit": target["unit"], "measure": "target", "segment": 0,
                  "figure": tr("policy target"),
                  **target_provenance(target)}
    rows = pd.concat([rows, pd.DataFrame([target_row])], ignore_index=True)
    rows["year"] = rows["year"].astype(int)
    rows["value_label"] = [value_label(row["value"], row["unit"], row["qualifier"]) for _, row in rows.iterrows()]
    is_target = rows["measure"] == "target"
    rows.loc[is_target, "value_label"] = tr("2030 target: {value}", value=goal_label(target))  # as every page words it
    rows[["value", "unit"]] = [in_chart_unit(value, unit) for value, unit in zip(rows["value"], rows["unit"])]
    columns = ["measure", "year", "value", "qualifier", "unit", "value_label", "figure", "segment", *PROVENANCE]
    return rows[columns].fillna({c: "" for c in PROVENANCE}).reset_index(drop=True)


def _measure(frame: pd.DataFrame, measure: str) -> pd.DataFrame:
    """The rows of one measure ('crude steel', 'EAF share', 'target'), by year."""
    return frame[frame["measure"] == measure].sort_values("year")


def _views(x: alt.X, hover, latest_year: int) -> tuple[alt.LayerChart, alt.LayerChart]:
    """Crude output as a line broken at gaps, and the EAF share as points under its 2030 target line, the latest
    share labelled above its point and the earlier ones below (two years apart, side by side they collide at 390 px)."""
    crude, share, target = tr_all(PANELS)
    unit = chart_unit(TONNES)[1]
    size = alt.condition(hover, alt.value(140), alt.value(60))
    colors = theme.color_scale(PANELS)
    color = alt.Color("measure:N", scale=colors, title=None)
    output = alt.Chart().transform_filter(f"datum.measure == '{crude}'").encode(
        x=x, y=alt.Y("value:Q", title=tr("Crude steel output, {unit}", unit=unit), scale=alt.Scale(zero=True)), color=color,
        tooltip=tooltip())
    output_view = alt.layer(output.mark_line().encode(detail="segment:N"),
                            output.mark_point().encode(size=size).add_params(hover)).properties(width=260, height=170)
    eaf = alt.Chart().transform_filter(f"datum.measure == '{share}'").encode(
        x=x, y=alt.Y("value:Q", title=tr("EAF share of crude steel, %"), scale=alt.Scale(domain=[0, 25])),
        color=color, tooltip=tooltip())
    target_line = alt.Chart().transform_filter(f"datum.measure == '{target}'")
    eaf_view = alt.layer(
        target_line.mark_rule(strokeDash=[4, 3]).encode(y="value:Q", color=alt.Color("measure:N", scale=colors),
                                                        tooltip=tooltip()),
        target_line.mark_text(align="right", dy=-8, x="width").encode(y="value:Q", text="value_label:N"),
        eaf.mark_point().encode(size=size),  # the hover selection lives in the output view; both react
        eaf.transform_filter(f"datum.year == {latest_year}").mark_text(dy=-12).encode(text="value_label:N"),
        eaf.transform_filter(f"datum.year != {latest_year}").mark_text(dy=16).encode(text="value_label:N"),
    ).properties(width=260, height=150)
    return output_view, eaf_view


def chart(frame: pd.DataFrame) -> alt.VConcatChart:
    """Crude-steel output (Mt) over time above the EAF share (%) with the 2030 target line."""
    crude, share, target = (_measure(frame, m) for m in PANELS)
    x = alt.X("year:Q", title=None, scale=alt.Scale(domain=[int(crude["year"].min()) - 1, int(target["year"].max()) + 1]),
              axis=alt.Axis(format="d"))
    hover = alt.selection_point(fields=["year"], name="hover_year", on="pointerover", nearest=True, clear="pointerout")
    target_words = target["value_label"].iloc[0].removeprefix(tr("2030 target: {value}", value="")).replace(
        "%", tr("per cent"))  # 'more than 20 per cent'
    shown = frame.assign(measure=frame["measure"].map(tr))  # measures named in the page's language
    views = drawing_only(alt.vconcat(*_views(x, hover, int(share["year"].max())), data=shown), "segment")  # segments break the line at gaps
    return with_source_dates(views).resolve_scale(color="shared").properties(
        title=alt.Title(tr("Steel: output is {output}, the EAF share is {share}", output=output_in_words(crude),
                           share=share_in_words(share["value"].iloc[-1])),
                        subtitle=tr("China, crude steel output ({unit}) and EAF share of crude steel (%); gaps are "
                                    "years without a sourced figure", unit=chart_unit(TONNES)[1])),
        description=tr("China's crude steel output in million tonnes ({first}–{last}, NBS figures from 2017 and the "
                       "NDRC's for 2016, years without a sourced figure left as gaps) and the electric-arc-furnace "
                       "share of crude steel in per cent ({share_years}, trade press and CISA) against the "
                       "{target_year} target of {target}.",
                       first=crude["year"].min(), last=crude["year"].max(),
                       share_years=listed(share["year"]),
                       target_year=target["year"].iloc[0], target=target_words),
    )
