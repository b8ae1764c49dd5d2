"""Emerging industries page (`chapters/emerging`): NEVs, batteries, photovoltaics, structure, green computing.

Frame functions turn rows of ``context_series`` into small chart frames (with provenance columns);
chart functions take those frames and return Altair charts (no I/O); ``variables`` gives the prose numbers.
"""
from __future__ import annotations

import altair as alt
import pandas as pd

from greenmfg import loaders, theme
from greenmfg.formatting import fmt_value

PROVENANCE = ["source_org", "source_date", "url", "mirror_url", "as_of"]
NO_FIGURE = "no sourced figure"

NEV_SERIES = {"production": "nev_production", "sales": "nev_sales", "share": "nev_share_of_new_vehicle_sales"}
BATTERY_SERIES = {"power": "power_liion_battery_output", "storage": "storage_liion_battery_output",
                  "total": "liion_battery_output_total"}
PV_OUTPUT_SERIES = {"polysilicon": "pv_polysilicon_output", "wafers": "pv_wafer_output",
                    "cells": "pv_cell_output", "modules": "pv_module_output"}
PV_SHARE_SERIES = {"polysilicon": "pv_polysilicon_china_share_global", "wafers": "pv_wafer_china_share_global",
                   "modules": "pv_module_china_share_global"}
STRUCTURE_SERIES = {"high-tech manufacturing": "hightech_mfg_share_of_industry_va",
                    "equipment manufacturing": "equipment_mfg_share_of_industry_va"}
PUE_SERIES = {"national average, all data centres": ("data_centre_avg_pue_national", "other"),
              "national green data centres": ("green_data_centres_avg_pue", "latest"),
              "target for new large data centres": ("new_large_data_centre_pue_target", "target")}
NEV_CLAIM_ID = "nev-output-sales-2023"
JJJ_CLAIM_ID = "jjj-computing-centre-savings"

# Units of the sources -> units shown to English readers (a pure rescaling: 万 = 10,000).
UNIT_RESCALE = {"万辆": (0.01, "million vehicles"), "万吨": (0.01, "Mt"), "万千瓦时": (0.01, "million kWh"),
                "万标准机架": (0.01, "million standard racks")}


# ---------------------------------------------------------------- calculations


def rescale(value: float, unit: str) -> tuple[float, str]:
    """Convert a source unit (万辆, 万吨) into the unit shown on the page; other units pass through."""
    factor, shown = UNIT_RESCALE.get(unit, (1.0, unit))
    return round(value * factor, 6), shown


def year_segments(years: list[int]) -> list[int]:
    """Run number of each year in a sorted list: consecutive years share a run, so lines break at missing years."""
    segments, run = [], 0
    for i, year in enumerate(years):
        if i and year != years[i - 1] + 1:
            run += 1
        segments.append(run)
    return segments


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
    """True when two rows quote the same document (same url or mirror_url): the same basis for a share."""
    link_a = row_a["url"] or row_a["mirror_url"]
    link_b = row_b["url"] or row_b["mirror_url"]
    return bool(link_a) and link_a == link_b


def shortfall(threshold: float, value: float) -> float:
    """How far ``value`` falls below ``threshold`` (0 when it reaches it)."""
    return round(max(threshold - value, 0.0), 6)


def implied_level(previous_level: float, change_pp: float) -> float:
    """A share implied by last year's level plus a stated percentage-point change."""
    return round(previous_level + change_pp, 6)


# ---------------------------------------------------------------- frames


def _clean_provenance(frame: pd.DataFrame) -> pd.DataFrame:
    """Provenance columns as strings ('' for missing), so the card's checks and links are exact."""
    frame = frame.copy()
    for column in PROVENANCE:
        frame[column] = frame[column].fillna("").astype(str)
    return frame


def _series_rows(context: pd.DataFrame, series_id: str) -> pd.DataFrame:
    """Rows of one series sorted by year; KeyError when the series is missing."""
    rows = context[context["series_id"] == series_id].sort_values("year")
    if rows.empty:
        raise KeyError(f"context_series has no series {series_id!r}")
    return rows


def labels_by_year(frame: pd.DataFrame, measure: str, years: list[int]) -> dict[int, str]:
    """The value label of one measure for each year, or 'no sourced figure' (hover tooltips show every measure)."""
    rows = frame[frame["measure"] == measure]
    labels = dict(zip(rows["year"], rows["value_label"]))
    return {year: labels.get(year, NO_FIGURE) for year in years}


def nev_frame(context: pd.DataFrame) -> pd.DataFrame:
    """NEV production and sales (million vehicles) and share of new-vehicle sales (%), one row per year and measure."""
    parts = []
    for measure, series_id in NEV_SERIES.items():
        rows = _series_rows(context, series_id)
        values = [rescale(v, u) for v, u in zip(rows["value"], rows["unit"])]
        part = pd.DataFrame({
            "year": rows["year"].astype(int).to_list(), "measure": measure,
            "value": [v for v, _ in values], "unit": [u for _, u in values],
            "value_label": [fmt_value(v, u, q) for (v, u), q in zip(values, rows["qualifier"])],
            "segment": year_segments(rows["year"].astype(int).to_list()),
        })
        parts.append(pd.concat([part, rows[PROVENANCE].reset_index(drop=True)], axis=1))
    frame = pd.concat(parts, ignore_index=True)
    years = sorted(frame["year"].unique())
    for measure in NEV_SERIES:
        frame[f"{measure}_label"] = frame["year"].map(labels_by_year(frame, measure, years))
    return _clean_provenance(frame)


def battery_frame(context: pd.DataFrame) -> pd.DataFrame:
    """Lithium-ion battery output by type (GWh) and each type's share of the total (%), only where computable."""
    totals = _series_rows(context, BATTERY_SERIES["total"]).set_index("year")
    records = []
    for battery_type, series_id in BATTERY_SERIES.items():
        for _, row in _series_rows(context, series_id).iterrows():
            share, share_qualifier, method = None, "", ""
            total = totals.loc[row["year"]] if row["year"] in totals.index else None
            if battery_type != "total" and total is not None and same_release(row, total):
                share, share_qualifier = share_of_total(row["value"], row["qualifier"], total["value"], total["qualifier"])
                method = "share = type output / total output, both from the same MIIT release" if share is not None else ""
            records.append({
                "year": int(row["year"]), "battery_type": battery_type, "gwh": row["value"],
                "gwh_label": fmt_value(row["value"], "GWh", row["qualifier"]),
                "share": share, "share_label": fmt_value(share, "%", share_qualifier) if share is not None
                else ("100 % (the total)" if battery_type == "total" else "not computed (total or type not on the same basis)"),
                "method": method, **{c: row[c] for c in PROVENANCE},
            })
    return _clean_provenance(pd.DataFrame.from_records(records))


def pv_frame(context: pd.DataFrame) -> pd.DataFrame:
    """PV output by stage (Mt polysilicon, GW others) and China's share of world output by stage (%)."""
    records = []
    for measure, mapping in (("output", PV_OUTPUT_SERIES), ("share of world", PV_SHARE_SERIES)):
        for stage, series_id in mapping.items():
            rows = _series_rows(context, series_id)
            segments = year_segments(rows["year"].astype(int).to_list())
            for segment, (_, row) in zip(segments, rows.iterrows()):
                value, unit = rescale(row["value"], row["unit"])
                records.append({"year": int(row["year"]), "stage": stage, "measure": measure, "value": value,
                                "unit": unit, "value_label": fmt_value(value, unit, row["qualifier"]),
                                "basis": row["basis"], "segment": segment, **{c: row[c] for c in PROVENANCE}})
    return _clean_provenance(pd.DataFrame.from_records(records))


def structure_frame(context: pd.DataFrame) -> pd.DataFrame:
    """High-tech and equipment manufacturing as % of value added of industry above designated size."""
    records = []
    for industry, series_id in STRUCTURE_SERIES.items():
        rows = _series_rows(context, series_id)
        segments = year_segments(rows["year"].astype(int).to_list())
        for segment, (_, row) in zip(segments, rows.iterrows()):
            records.append({"year": int(row["year"]), "industry": industry, "value": row["value"],
                            "value_label": fmt_value(row["value"], "%", row["qualifier"]), "segment": segment,
                            **{c: row[c] for c in PROVENANCE}})
    return _clean_provenance(pd.DataFrame.from_records(records))


def pue_frame(context: pd.DataFrame) -> pd.DataFrame:
    """The sourced data-centre PUE figures, one row each, with what each one covers (they are not one series)."""
    records = []
    for figure, (series_id, category) in PUE_SERIES.items():
        row = _series_rows(context, series_id).iloc[-1]
        records.append({"figure": f"{figure} ({int(row['year'])})", "category": category, "pue": row["value"],
                        "value_label": fmt_value(row["value"], "", row["qualifier"]), "year": int(row["year"]),
                        "basis": row["basis"], **{c: row[c] for c in PROVENANCE}})
    return _clean_provenance(pd.DataFrame.from_records(records))


def nev_claim(claims: pd.DataFrame) -> dict:
    """The seed article's NEV claim: value in million vehicles, year, qualifier, status and texts."""
    row = claims.set_index("claim_id").loc[NEV_CLAIM_ID]
    value, unit = rescale(row["value"], row["unit"])
    return {"value": value, "unit": unit, "year": int(row["as_of"]), "qualifier": row["qualifier"],
            "status": row["status"], "text_zh": row["claim_text"],
            "label": fmt_value(value, unit, row["qualifier"])}


# ---------------------------------------------------------------- charts


def _year_span(frame: pd.DataFrame) -> str:
    return f"{int(frame['year'].min())}–{int(frame['year'].max())}"


def nev_chart(frame: pd.DataFrame, claim: dict) -> alt.LayerChart:
    """NEV production and sales (left axis) and share of new-vehicle sales (right axis); hovering a year shows all three."""
    colors = theme.color_scale(["production", "sales", "share"])
    base = alt.Chart(frame)
    x = alt.X("year:Q", title=None, axis=alt.Axis(format="d", tickMinStep=1), scale=alt.Scale(zero=False, nice=False))
    volume = base.transform_filter("datum.measure != 'share'")
    point_tooltip = [alt.Tooltip("year:O", title="Year"), alt.Tooltip("measure:N", title="Measure"),
                     alt.Tooltip("value_label:N", title="Value"), alt.Tooltip("source_org:N", title="Source"),
                     alt.Tooltip("source_date:N", title="Published")]
    y_volume = alt.Y("value:Q", title="Production and sales (million vehicles)")
    lines = volume.mark_line().encode(x=x, y=y_volume, detail="segment:N",
                                      color=alt.Color("measure:N", scale=colors, title=None), tooltip=point_tooltip)
    points = volume.mark_point(filled=True).encode(x=x, y=y_volume, color=alt.Color("measure:N", scale=colors),
                                                   tooltip=point_tooltip)
    claim_text = (f"Seed article: {claim['text_zh']} ('{claim['label']}', {claim['year']}); "
                  f"claim status: {claim['status']}")
    claim_filter = f"datum.year == {claim['year']} && datum.measure == 'sales'"
    claim_rule = base.transform_filter(claim_filter).mark_rule(strokeDash=[4, 3], color=theme.category_color("article")).encode(
        y=alt.datum(claim["value"]), tooltip=alt.value(claim_text))
    claim_label = base.transform_filter(claim_filter).mark_text(align="right", dx=-8, dy=-8, fontSize=11,
                                                                color=theme.category_color("article")).encode(
        x=alt.datum(claim["year"]), y=alt.datum(claim["value"]), text=alt.value(f"article: {claim['label']}"),
        tooltip=alt.value(claim_text))
    hover = alt.selection_point(name="year_hover", fields=["year"], on="pointerover", nearest=True, empty=False,
                                clear="pointerout")
    year_tooltip = [alt.Tooltip("year:O", title="Year"), alt.Tooltip("production_label:N", title="Production"),
                    alt.Tooltip("sales_label:N", title="Sales"),
                    alt.Tooltip("share_label:N", title="Share of new-vehicle sales")]
    catcher = base.mark_rule(strokeWidth=14, opacity=0).encode(x=x, tooltip=year_tooltip).add_params(hover)
    rule = base.mark_rule(color=theme.category_color("calculated")).encode(x=x, tooltip=year_tooltip).transform_filter(hover)
    share = base.transform_filter("datum.measure == 'share'")
    y_share = alt.Y("value:Q", title="Share of new-vehicle sales (%)", scale=alt.Scale(domain=[0, 100]),
                    axis=alt.Axis(orient="right"))
    share_line = share.mark_line(strokeDash=[6, 3], point=True).encode(
        x=x, y=y_share, color=alt.Color("measure:N", scale=colors), tooltip=point_tooltip)
    share_text = share.mark_text(dy=-10, fontSize=11).encode(x=x, y=y_share, text="value_label:N", tooltip=point_tooltip)
    left = alt.layer(catcher, lines, points, claim_rule, claim_label, rule)
    return alt.layer(left, alt.layer(share_line, share_text)).resolve_scale(y="independent").properties(
        height=320,
        title=alt.Title("New-energy vehicles: from a third of a million to over twelve million a year",
                        subtitle=f"Production and sales (million vehicles, left) and share of new-vehicle sales (%, right), "
                                 f"{_year_span(frame)}; hover a year"),
        description=(f"New-energy vehicle production and sales in China in million vehicles, {_year_span(frame)} "
                     f"(CAAM/MIIT), with the NEV share of all new-vehicle sales in percent for the years sourced, "
                     f"and the seed article's 2023 figure as a dashed line."))


def battery_chart(frame: pd.DataFrame) -> alt.Chart:
    """Li-ion battery output by type; a radio control switches between GWh and each type's share of the total."""
    show_as = alt.param(name="battery_measure", value="GWh",
                        bind=alt.binding_radio(options=["GWh", "share of total (%)"], name="Show "))
    types = ["power", "storage", "total"]
    return alt.Chart(frame).add_params(show_as).transform_calculate(
        shown=f"{show_as.name} == 'GWh' ? datum.gwh : datum.share",
        shown_label=f"{show_as.name} == 'GWh' ? datum.gwh_label : datum.share_label",
    ).transform_filter("isValid(datum.shown)").mark_bar().encode(
        x=alt.X("year:O", title=None, axis=alt.Axis(labelAngle=0)),
        xOffset=alt.XOffset("battery_type:N", sort=types, scale=alt.Scale(domain=types)),
        y=alt.Y("shown:Q", title="GWh, or % of total output (see control)"),
        color=alt.Color("battery_type:N", scale=theme.color_scale(types), sort=types, title=None),
        tooltip=[alt.Tooltip("year:O", title="Year"), alt.Tooltip("battery_type:N", title="Type"),
                 alt.Tooltip("shown_label:N", title="Shown"), alt.Tooltip("gwh_label:N", title="Output"),
                 alt.Tooltip("share_label:N", title="Share of total"), alt.Tooltip("method:N", title="Method"),
                 alt.Tooltip("source_org:N", title="Source"), alt.Tooltip("source_date:N", title="Published")],
    ).properties(
        height=300,
        title=alt.Title("Lithium-ion batteries: power batteries dominate, storage grows fastest",
                        subtitle=f"Output by type, GWh or % of all Li-ion output, {_year_span(frame)} (MIIT); "
                                 "missing bars are years not sourced"),
        description=(f"China's lithium-ion battery output in GWh by type (power, storage) and in total, "
                     f"{_year_span(frame)}, from MIIT's annual industry-operation releases; the control shows each "
                     f"type's share of total output in percent where both come from the same release."))


def pv_chart(frame: pd.DataFrame) -> alt.VConcatChart:
    """PV output of four stages as small multiples, linked by a clickable legend to China's share of world output."""
    stages = list(PV_OUTPUT_SERIES)
    pick = alt.selection_point(name="pv_stage", fields=["stage"], bind="legend")
    color = alt.Color("stage:N", scale=theme.color_scale(stages), sort=stages, title="Stage (click to highlight)")
    opacity = alt.condition(pick, alt.value(1.0), alt.value(0.15))
    tooltip = [alt.Tooltip("year:O", title="Year"), alt.Tooltip("stage:N", title="Stage"),
               alt.Tooltip("measure:N", title="Measure"), alt.Tooltip("value_label:N", title="Value"),
               alt.Tooltip("basis:N", title="Basis"), alt.Tooltip("source_org:N", title="Source"),
               alt.Tooltip("source_date:N", title="Published")]
    x = alt.X("year:Q", title=None, axis=alt.Axis(format="d", tickMinStep=1, labelAngle=0),
              scale=alt.Scale(zero=False, nice=False))
    outputs = frame[frame["measure"] == "output"]
    units = dict(zip(outputs["stage"], outputs["unit"]))
    panels = [f"{stage} ({units[stage]})" for stage in stages]
    output = alt.Chart().transform_filter("datum.measure == 'output'").transform_calculate(
        panel="datum.stage + ' (' + datum.unit + ')'").mark_line(point=True).encode(
        x=x, y=alt.Y("value:Q", title="Output"), detail="segment:N",
        color=color, opacity=opacity, tooltip=tooltip,
        facet=alt.Facet("panel:N", columns=2, sort=panels, title=None),
    ).resolve_scale(y="independent").properties(width=230, height=130)
    share = alt.Chart().transform_filter("datum.measure == 'share of world'").mark_point(filled=True, size=90).encode(
        x=x,
        y=alt.Y("value:Q", title="China's share of world output (%)", scale=alt.Scale(domain=[0, 100])),
        color=color, opacity=opacity, tooltip=tooltip, shape=alt.Shape("stage:N", sort=stages, legend=None),
    ).properties(width=300, height=160, title=alt.Title("China's share of world output, where sourced",
                                                        fontSize=12, anchor="start")).add_params(pick)
    span = _year_span(frame[frame["measure"] == "output"])
    return alt.vconcat(share, output, data=frame).properties(  # param's view first, or the legend binding is dropped
        title=alt.Title("Photovoltaics: every stage of the chain has grown several-fold",
                        subtitle=f"China's output by stage, {span}, and share of world output (%); "
                                 "gaps are years without a sourced figure; click a stage in the legend"),
        description=(f"China's output of polysilicon (Mt), wafers, cells and modules (GW), {span}, from MIIT, CPIA "
                     "and CCID releases, with China's share of world output by stage in percent for the few years "
                     "sourced; missing years are left as gaps."))


def structure_chart(frame: pd.DataFrame) -> alt.LayerChart:
    """High-tech and equipment manufacturing shares of industrial value added; missing years keep an empty slot."""
    industries = list(STRUCTURE_SERIES)
    years = list(range(int(frame["year"].min()), int(frame["year"].max()) + 1))
    pick = alt.selection_point(name="structure_industry", fields=["industry"], bind="legend")
    x = alt.X("year:O", title=None, scale=alt.Scale(domain=years), axis=alt.Axis(labelAngle=0))
    y = alt.Y("value:Q", title="Share of industrial value added (%)", scale=alt.Scale(domain=[0, 40]))
    color = alt.Color("industry:N", scale=theme.color_scale(industries), sort=industries,
                      title="Industry (click to highlight)")
    opacity = alt.condition(pick, alt.value(1.0), alt.value(0.15))
    tooltip = [alt.Tooltip("year:O", title="Year"), alt.Tooltip("industry:N", title="Industry"),
               alt.Tooltip("value_label:N", title="Share of value added"),
               alt.Tooltip("source_org:N", title="Source"), alt.Tooltip("source_date:N", title="Published")]
    base = alt.Chart(frame)
    lines = base.mark_line().encode(x=x, y=y, color=color, detail="segment:N", opacity=opacity, tooltip=tooltip)
    points = base.mark_point(filled=True).encode(x=x, y=y, color=color, opacity=opacity, tooltip=tooltip).add_params(pick)
    labels = base.mark_text(dy=-12, fontSize=11).encode(x=x, y=y, text="value_label:N", opacity=opacity, tooltip=tooltip)
    return alt.layer(points, lines, labels).properties(  # the param's layer first, or Vega-Lite drops the legend binding
        height=300,
        title=alt.Title("Industry structure: high-tech and equipment manufacturing shares",
                        subtitle=f"% of value added of industry above designated size, {_year_span(frame)}; "
                                 "empty years have no sourced figure"),
        description=(f"High-tech manufacturing and equipment manufacturing as percent of the value added of "
                     f"industry above designated size in China, {_year_span(frame)}, from NBS and MIIT statements; "
                     f"years without a sourced figure are left empty."))


def pue_chart(frame: pd.DataFrame) -> alt.LayerChart:
    """The three sourced PUE figures as labelled points (different coverage and years, so no line)."""
    categories = list(dict.fromkeys(frame["category"]))
    base = alt.Chart(frame)
    y = alt.Y("figure:N", title=None, sort=list(frame["figure"]), axis=alt.Axis(labelLimit=260))
    x = alt.X("pue:Q", title="Power usage effectiveness (PUE; 1.0 = all power reaches IT equipment)",
              scale=alt.Scale(domain=[1.0, 1.6]))
    tooltip = [alt.Tooltip("figure:N", title="Figure"), alt.Tooltip("value_label:N", title="PUE"),
               alt.Tooltip("basis:N", title="Covers"), alt.Tooltip("source_org:N", title="Source"),
               alt.Tooltip("source_date:N", title="Published")]
    points = base.mark_point(filled=True, size=120).encode(
        x=x, y=y, color=alt.Color("category:N", scale=theme.color_scale(categories), legend=None), tooltip=tooltip)
    labels = base.mark_text(align="left", dx=10).encode(x=x, y=y, text="value_label:N", tooltip=tooltip)
    return alt.layer(points, labels).properties(
        height=150,
        title=alt.Title("Data-centre efficiency: three figures, three different scopes",
                        subtitle="Power usage effectiveness (PUE, lower is better); not one series"),
        description=("Three sourced power-usage-effectiveness (PUE) figures for Chinese data centres: the national "
                     "average of all data centres (2021), the average of national green data centres (2024) and "
                     "the 2023 target for new large data centres; PUE is a ratio without unit."))


# ---------------------------------------------------------------- page entry points


def load_frames(data_dir=None) -> dict:
    """Every frame the page draws, plus the NEV claim (the notebook's one data call)."""
    context = loaders.load_context_series(data_dir)
    return {"nev": nev_frame(context), "battery": battery_frame(context), "pv": pv_frame(context),
            "structure": structure_frame(context), "pue": pue_frame(context),
            "nev_claim": nev_claim(loaders.load_claims(data_dir))}


def _pick(frame: pd.DataFrame, column: str, value: str, year: int, field: str = "value_label") -> str:
    match = frame[(frame[column] == value) & (frame["year"] == year)]
    if match.empty:
        raise KeyError(f"no {value!r} row for {year}")
    return str(match.iloc[0][field])


def variables(data_dir=None) -> dict:
    """Display strings for the prose of the emerging page, under the key ``emerging``."""
    context = loaders.load_context_series(data_dir)
    frames = load_frames(data_dir)
    nev, battery, pv, structure = frames["nev"], frames["battery"], frames["pv"], frames["structure"]
    claim = frames["nev_claim"]
    jjj = loaders.load_claims(data_dir).set_index("claim_id").loc[JJJ_CLAIM_ID]
    sales_claim_year = nev[(nev["measure"] == "sales") & (nev["year"] == claim["year"])].iloc[0]
    hightech = _series_rows(context, STRUCTURE_SERIES["high-tech manufacturing"]).set_index("year")
    change = _series_rows(context, "hightech_mfg_share_change_pp").iloc[-1]
    implied = implied_level(hightech.loc[int(change["year"]) - 1, "value"], change["value"])
    nev_last = int(nev["year"].max())
    battery_last = int(battery["year"].max())
    pv_last = int(pv[pv["measure"] == "output"]["year"].max())

    def one(series_id: str) -> pd.Series:
        return _series_rows(context, series_id).iloc[-1]

    def show(series_id: str) -> str:
        row = one(series_id)
        return fmt_value(*rescale(row["value"], row["unit"]), row["qualifier"])

    values = {
        "data_as_of": max(d for frame in (nev, battery, pv, structure) for d in frame["source_date"] if d),
        "nev_first_year": str(int(nev["year"].min())), "nev_last_year": str(nev_last),
        "nev_sales_first": _pick(nev, "measure", "sales", int(nev["year"].min())),
        "nev_production_last": _pick(nev, "measure", "production", nev_last),
        "nev_sales_last": _pick(nev, "measure", "sales", nev_last),
        "nev_share_last": _pick(nev, "measure", "share", nev_last),
        "nev_production_claim_year": _pick(nev, "measure", "production", claim["year"]),
        "nev_sales_claim_year": _pick(nev, "measure", "sales", claim["year"]),
        "nev_share_claim_year": _pick(nev, "measure", "share", claim["year"]),
        "nev_claim_year": str(claim["year"]), "nev_claim_value": claim["label"], "nev_claim_status": claim["status"],
        "nev_sales_shortfall": fmt_value(round(shortfall(claim["value"], sales_claim_year["value"]) * 1e6),
                                         "vehicles"),
        "battery_last_year": str(battery_last),
        "battery_total_last": _pick(battery, "battery_type", "total", battery_last, "gwh_label"),
        "battery_power_last": _pick(battery, "battery_type", "power", battery_last, "gwh_label"),
        "battery_storage_last": _pick(battery, "battery_type", "storage", battery_last, "gwh_label"),
        "battery_power_share_last": _pick(battery, "battery_type", "power", battery_last, "share_label"),
        "battery_storage_share_last": _pick(battery, "battery_type", "storage", battery_last, "share_label"),
        "battery_storage_first": _pick(battery, "battery_type", "storage", int(battery["year"].min()), "gwh_label"),
        "battery_first_year": str(int(battery["year"].min())),
        "battery_total_2022": _pick(battery, "battery_type", "total", 2022, "gwh_label"),
        "battery_storage_2022": _pick(battery, "battery_type", "storage", 2022, "gwh_label"),
        "battery_total_2023": _pick(battery, "battery_type", "total", 2023, "gwh_label"),
        "power_battery_world_supply_share": show("china_share_global_power_battery_supply"),
        "battery_materials_world_supply_share": show("china_share_global_battery_materials_supply"),
        "pv_last_year": str(pv_last),
        "pv_polysilicon_last": _pick(pv[pv["measure"] == "output"], "stage", "polysilicon", pv_last),
        "pv_wafers_last": _pick(pv[pv["measure"] == "output"], "stage", "wafers", pv_last),
        "pv_cells_last": _pick(pv[pv["measure"] == "output"], "stage", "cells", pv_last),
        "pv_modules_last": _pick(pv[pv["measure"] == "output"], "stage", "modules", pv_last),
        "pv_all_stages_share": show("pv_china_share_all_manufacturing_stages"),
        "pv_all_stages_share_year": str(int(one("pv_china_share_all_manufacturing_stages")["year"])),
        "hightech_claim_year": _pick(structure, "industry", "high-tech manufacturing", 2023),
        "equipment_claim_year": _pick(structure, "industry", "equipment manufacturing", 2023),
        "hightech_first": _pick(structure, "industry", "high-tech manufacturing", int(structure["year"].min())),
        "structure_first_year": str(int(structure["year"].min())),
        "hightech_change_pp": fmt_value(change["value"], "percentage points", change["qualifier"]),
        "hightech_change_year": str(int(change["year"])),
        "hightech_implied": fmt_value(implied, "%", "≈"),
        "green_dc_count": show("green_data_centres_national_cumulative"),
        "green_dc_new": show("green_data_centres_national_new"),
        "green_dc_pue": show("green_data_centres_avg_pue"),
        "green_dc_renewable_share": show("green_data_centres_renewable_use_rate"),
        "dc_pue_national": show("data_centre_avg_pue_national"),
        "dc_pue_target": show("new_large_data_centre_pue_target"),
        "dc_racks": show("data_centre_racks_in_use"),
        "jjj_savings": fmt_value(*rescale(jjj["value"], jjj["unit"]), jjj["qualifier"]),
        "jjj_status": jjj["status"],
    }
    return {"emerging": values}

