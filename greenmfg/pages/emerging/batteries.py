"""Lithium-ion battery output by type (GWh) and each type's share of the total, where one release gives both."""
from __future__ import annotations

import altair as alt
import pandas as pd

from greenmfg.charts import theme
from greenmfg.charts.card import chart_id_of
from greenmfg.charts.tooltips import source_lines, with_source_dates
from greenmfg.data.frames import PROVENANCE, series_rows, with_provenance, year_span
from greenmfg.data.sources import publisher_name
from greenmfg.locale.formatting import fmt_value
from greenmfg.locale.i18n import tr, tr_all

CHART_ID = chart_id_of(__name__)
SERIES = {"power": "power_liion_battery_output", "storage": "storage_liion_battery_output",
          "total": "liion_battery_output_total"}
SHARE_METHOD = "share = type output / total output, both from the same MIIT release"
TOTAL_METHOD = "none: this bar is the total"
NO_SHARE_METHOD = "none: no total from the same release, or only bounds to divide"
TOOLTIP = [("year:O", "Year"), ("battery_type:N", "Type"), ("shown_label:N", "Shown"), ("gwh_label:N", "Output"),
           ("share_label:N", "Share of total"), ("method:N", "Method")]


def _radio(options: list[str], name: str) -> alt.BindRadioSelect:
    """A radio control whose values stay English (saved links keep working) and whose labels are in the page's
    language (only given where they differ, so the English spec is unchanged)."""
    labels = tr_all(options)
    if labels == options:
        return alt.binding_radio(options=options, name=name)
    return alt.binding_radio(options=options, labels=labels, name=name)


def share_of_total(part: float, part_qualifier: str, total: float, total_qualifier: str) -> tuple[float | None, str]:
    """A type's share of the total in % with its qualifier; (None, '') when bounds make it undetermined.

    A lower-bound part over an exact total is a lower bound; an exact part over a lower-bound total an upper bound.
    """
    if pd.isna(part) or pd.isna(total) or total <= 0:
        return None, ""
    exact = {"=", ""}
    if part_qualifier in exact and total_qualifier in exact:
        qualifier = "="
    elif part_qualifier == ">" and total_qualifier in exact:
        qualifier = ">"
    elif part_qualifier in exact and total_qualifier == ">":
        qualifier = "<"
    else:
        return None, ""
    return round(100 * part / total, 1), qualifier


def same_release(row_a: pd.Series, row_b: pd.Series) -> bool:
    """True when two rows come from one release: they quote the same page, or both are MIIT full-year figures
    of the same year (MIIT publishes one industry-operation release a year, reported by several outlets)."""
    if row_a["url"] and row_a["url"] == row_b["url"]:
        return True
    return all(r.get("publisher") == publisher_name("miit") and str(r.get("as_of", "")) == str(r.get("year", ""))
               for r in (row_a, row_b)) and str(row_a.get("year", "")) == str(row_b.get("year", "")) != ""


def _share_label(battery_type: str, share: float | None, qualifier: str) -> str:
    """The share as text, or why there is none (the total is the whole; bounds or releases that do not match)."""
    if share is not None:
        return fmt_value(share, "%", qualifier)
    return tr("100 % (the total)") if battery_type == "total" else tr("not computed (total or type not on the same basis)")


def share_method(battery_type: str, share: float | None) -> str:
    """How the bar's share was computed, or why it has none (the total; no matching total, or only bounds)."""
    if share is not None:
        return tr(SHARE_METHOD)
    return tr(TOTAL_METHOD if battery_type == "total" else NO_SHARE_METHOD)


def frame(data: dict) -> pd.DataFrame:
    """One row per year and type: output in GWh and, only where computable, the share of the total in %."""
    totals = series_rows(data["context"], SERIES["total"]).set_index("year", drop=False)
    records = []
    for battery_type, series_id in SERIES.items():
        for _, row in series_rows(data["context"], series_id).iterrows():
            share, share_qualifier = None, ""
            total = totals.loc[row["year"]] if row["year"] in totals.index else None
            if battery_type != "total" and total is not None and same_release(row, total):
                share, share_qualifier = share_of_total(row["value"], row["qualifier"], total["value"],
                                                        total["qualifier"])
            records.append({
                "year": int(row["year"]), "battery_type": battery_type, "gwh": row["value"],
                "gwh_qualifier": row["qualifier"], "gwh_label": fmt_value(row["value"], "GWh", row["qualifier"]),
                "share": share, "share_qualifier": share_qualifier or None, "share_label": _share_label(battery_type, share, share_qualifier),
                "method": share_method(battery_type, share), **{c: row[c] for c in PROVENANCE},
            })
    return with_provenance(pd.DataFrame.from_records(records))


def chart(frame: pd.DataFrame) -> alt.Chart:
    """Output by type as grouped bars; a radio control switches between GWh and each type's share of the total."""
    types = list(SERIES)
    show_as = alt.param(name="battery_measure", value="GWh",
                        bind=_radio(["GWh", "share of total (%)"], tr("Show ")))
    tooltip = [alt.Tooltip(field, title=tr(title)) for field, title in TOOLTIP] + source_lines()
    span = year_span(frame)
    shown = frame.assign(battery_type=frame["battery_type"].map(tr))  # types in the page's language
    return with_source_dates(alt.Chart(shown)).add_params(show_as).transform_calculate(
        shown=f"{show_as.name} == 'GWh' ? datum.gwh : datum.share",
        shown_label=f"{show_as.name} == 'GWh' ? datum.gwh_label : datum.share_label",
    ).transform_filter("isValid(datum.shown)").mark_bar().encode(
        x=alt.X("year:O", title=None, axis=alt.Axis(labelAngle=0)),
        xOffset=alt.XOffset("battery_type:N", sort=tr_all(types), scale=alt.Scale(domain=tr_all(types))),
        y=alt.Y("shown:Q", title=tr("GWh, or % of total output (see control below)")),
        color=alt.Color("battery_type:N", scale=theme.color_scale(types), sort=tr_all(types), title=None),
        tooltip=tooltip,
    ).properties(
        height=300,
        title=alt.Title(tr("Lithium-ion batteries: power batteries dominate, storage grows fastest"),
                        subtitle=tr("Output by type, GWh or % of all Li-ion output, {span} (MIIT); missing bars are "
                                    "years not sourced", span=span)),
        description=tr("China's lithium-ion battery output in GWh by type (power, storage) and in total, {span}, from "
                       "MIIT's annual industry-operation releases; the control shows each type's share of total "
                       "output in percent where both come from the same release.", span=span))
