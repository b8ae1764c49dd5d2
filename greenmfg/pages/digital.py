"""Digital and green, converging: the Taishan Steel rooftop-PV case, China's power mix and the green-manufacturing system.

Calculations are pure functions (tested in tests/test_digital.py); chart functions take DataFrames and return
Altair charts; the ``*_frame`` functions shape the rows each chart publishes, provenance columns included.
"""
from __future__ import annotations

import re
from typing import Any

import altair as alt
import pandas as pd

from greenmfg import theme
from greenmfg.formatting import fmt_number, fmt_value

PAGE_KEY = "digital"
PROVENANCE = ["source_org", "source_date", "url", "mirror_url", "as_of"]
CASE_CLAIMS = {"capacity": "taishan-pv-capacity", "output": "taishan-pv-output", "co2": "taishan-pv-co2"}
CASE_PARAGRAPH_ORG = "央视网 CCTV.com (seed article, as republished on Sohu)"
SEED_ARTICLE_COPY = "data/raw/000_b7300798bfbf6ce6.txt"
# Multipliers from the units used in data/ to base units (kWh, t, MW).
UNIT_FACTORS = {"亿千瓦时": 1e8, "万千瓦时": 1e4, "千瓦时": 1.0, "万吨": 1e4, "吨": 1.0, "MW": 1.0}
MIX_SERIES = {"owid_solar_electricity": "solar", "owid_wind_electricity": "wind", "owid_coal_share_elec": "coal"}
SYSTEM_SERIES = {
    "green_factories_national_cumulative": "green factories",
    "green_industrial_parks_national_cumulative": "green industrial parks",
    "green_supply_chain_firms_national_cumulative": "green supply-chain firms",
}
GRID_SERIES = "owid_carbon_intensity_elec"
SHARE_SERIES = "green_factories_output_share_of_manufacturing"
SHARE_TARGET = "T01"


# ---------------------------------------------------------------- calculations (pure)


def to_base_units(value: float, unit: str) -> float:
    """A value in the units of data/ (亿千瓦时, 万吨, MW) converted to kWh, t or MW."""
    if unit not in UNIT_FACTORS:
        raise ValueError(f"unit {unit!r} has no conversion")
    return round(float(value) * UNIT_FACTORS[unit], 6)


def implied_full_load_hours(lifetime_kwh: float, capacity_mw: float, years: float) -> float:
    """Average full-load hours a year that a plant of this size must run to produce lifetime_kwh: kWh / (MW·1000·years)."""
    if capacity_mw <= 0 or years <= 0:
        raise ValueError("capacity and years must be positive")
    return lifetime_kwh / (capacity_mw * 1000 * years)


def implied_emission_factor(tonnes_co2: float, kwh: float) -> float:
    """kg CO2 avoided per kWh implied by a claim of tonnes avoided for kWh generated (t / kWh, in kg)."""
    if kwh <= 0:
        raise ValueError("kWh must be positive")
    return tonnes_co2 * 1000 / kwh


def lifetime_generation_kwh(capacity_mw: float, full_load_hours: float, years: int, degradation: float = 0.0) -> float:
    """kWh over the project life; output falls by `degradation` (a fraction) each year after the first."""
    annual = capacity_mw * 1000 * full_load_hours
    return sum(annual * (1 - degradation) ** year for year in range(int(years)))


def co2_avoided_tonnes(kwh: float, factor_kg_per_kwh: float) -> float:
    """Tonnes of CO2 avoided when kWh displace electricity emitting factor_kg_per_kwh."""
    return kwh * factor_kg_per_kwh / 1000


def lifetime_years_from_text(text: str) -> int:
    """The project life stated in the case paragraph ('在25年的寿命周期内'); ValueError if absent."""
    match = re.search(r"(\d+)\s*年的?寿命周期", text)
    if not match:
        raise ValueError("no project life ('…年的寿命周期') in the paragraph")
    return int(match.group(1))


def times(a: float, b: float) -> float:
    """How many times larger a is than b."""
    return a / b


# ---------------------------------------------------------------- the case, from data/


def taishan_case(claims: pd.DataFrame, paragraphs: pd.DataFrame) -> dict[str, Any]:
    """The article's Taishan Steel figures in base units, what they imply, and their claim status."""
    rows = {key: claims.loc[claims["claim_id"] == cid].iloc[0] for key, cid in CASE_CLAIMS.items()}
    paragraph_id = rows["output"]["paragraph_id"]
    text = paragraphs.loc[paragraphs["paragraph_id"] == paragraph_id, "text_zh"].iloc[0]
    mw = to_base_units(rows["capacity"]["value"], rows["capacity"]["unit"])
    kwh = to_base_units(rows["output"]["value"], rows["output"]["unit"])
    tonnes = to_base_units(rows["co2"]["value"], rows["co2"]["unit"])
    years = lifetime_years_from_text(text)
    return {
        "capacity_mw": mw, "years": years, "lifetime_kwh": kwh, "co2_tonnes": tonnes,
        "full_load_hours": implied_full_load_hours(kwh, mw, years),
        "factor_kg_per_kwh": implied_emission_factor(tonnes, kwh),
        "status": {key: row["status"] for key, row in rows.items()},
        "claim_ids": dict(CASE_CLAIMS), "paragraph_id": paragraph_id,
    }


def _case_provenance(case: dict[str, Any]) -> dict[str, Any]:
    return {"source_org": f"{CASE_PARAGRAPH_ORG}, {case['paragraph_id']}", "source_date": "2024-03-01", "url": "",
            "mirror_url": SEED_ARTICLE_COPY, "as_of": "2024-03"}


def calculator_frame(case: dict[str, Any]) -> pd.DataFrame:
    """One row per project year: the calculator's data, with the article's figures and their provenance."""
    years = range(1, int(case["years"]) + 1)
    return pd.DataFrame([{
        "project_year": y, "reported_kwh": case["lifetime_kwh"], "reported_t": case["co2_tonnes"],
        "method": "annual kWh = MW × 1000 × full-load hours × (1 − degradation)^(year − 1); t CO2 = kWh × kg/kWh ÷ 1000",
        **_case_provenance(case)} for y in years])


def _provenance_of(df: pd.DataFrame) -> pd.DataFrame:
    out = df[PROVENANCE].copy()
    return out.fillna("").astype(str)


def mix_frame(context: pd.DataFrame) -> pd.DataFrame:
    """Solar and wind generation (TWh) and coal's share of electricity (%), long format, one row per series-year."""
    rows = context[context["series_id"].isin(MIX_SERIES)].copy()
    out = pd.DataFrame({
        "year": rows["year"].astype(int), "category": rows["series_id"].map(MIX_SERIES),
        "value": rows["value"].astype(float), "unit": rows["unit"],
    })
    return pd.concat([out, _provenance_of(rows)], axis=1).sort_values(["category", "year"]).reset_index(drop=True)


def grid_frame(context: pd.DataFrame, case: dict[str, Any]) -> pd.DataFrame:
    """China's grid carbon intensity by year beside the case: what its 5.1亿 kWh would avoid at that year's average."""
    rows = context[context["series_id"] == GRID_SERIES].sort_values("year")
    kg = rows["value"].astype(float) / 1000
    out = pd.DataFrame({
        "year": rows["year"].astype(int), "grid_kg_per_kwh": kg.round(3),
        "case_factor_kg_per_kwh": round(case["factor_kg_per_kwh"], 3),
        "avoided_at_grid_wan_t": [round(co2_avoided_tonnes(case["lifetime_kwh"], k) / 1e4, 1) for k in kg],
        "reported_wan_t": case["co2_tonnes"] / 1e4,
        "method": "case lifetime kWh (seed article) × this year's grid average (OWID/Ember) ÷ 1000",
    })
    return pd.concat([out, _provenance_of(rows)], axis=1).reset_index(drop=True)


def consecutive_runs(years: pd.Series) -> pd.Series:
    """Label runs of consecutive (sorted) years 1, 2, …, so a line breaks where a year is missing."""
    return (years.astype("float64").diff() != 1).cumsum().astype(int)


def system_frame(context: pd.DataFrame, targets: pd.DataFrame) -> pd.DataFrame:
    """Cumulative national factories, parks and supply-chain firms, plus the output share and its 2030 target."""
    counts = context[context["series_id"].isin(SYSTEM_SERIES)].sort_values(["series_id", "year"]).copy()
    counts["category"] = counts["series_id"].map(SYSTEM_SERIES)
    counts["run"] = counts.groupby("category")["year"].transform(consecutive_runs)
    counts["run_length"] = counts.groupby(["category", "run"])["year"].transform("size")
    counts = counts.assign(panel="count", segment=counts["category"] + "-" + counts["run"].astype(str),
                           in_line=counts["run_length"] >= 3)
    share = context[context["series_id"] == SHARE_SERIES].copy().assign(
        panel="share", category="share", segment="share", in_line=False, scope="national-level green factories")
    target = targets[targets["target_id"] == SHARE_TARGET].iloc[0]
    target_row = pd.DataFrame([{
        "year": int(target["horizon_year"]), "value": float(target["value"]), "qualifier": target["qualifier"],
        "unit": target["unit"], "panel": "share", "category": "target", "segment": "target", "in_line": False,
        "scope": "green factories at all levels (target)", "source_org": target["source_org"],
        "source_date": target["source_date"], "url": target["url"], "mirror_url": target["mirror_url"],
        "as_of": target["source_date"], "basis": target["basis"]}])
    counts["scope"] = "national level, cumulative after that year's list"
    frame = pd.concat([counts, share, target_row], ignore_index=True)
    frame["value_label"] = [fmt_value(v, u, q) for v, u, q in zip(frame["value"], frame["unit"], frame["qualifier"])]
    first_share = frame.loc[frame["category"] == "share", "year"].min()
    frame["label_below"] = (frame["category"] == "share") & (frame["year"] == first_share)
    keep = ["year", "value", "value_label", "category", "panel", "segment", "in_line", "label_below", "scope"]
    out = frame[keep].assign(year=frame["year"].astype(int), value=frame["value"].astype(float))
    return pd.concat([out, _provenance_of(frame)], axis=1)


# ---------------------------------------------------------------- charts (no I/O)


# The y-axis follows the sliders: the first year's bar reaches 1/CALCULATOR_HEADROOM of the height,
# so every setting fits and the readout above the bars stays clear.
CALCULATOR_HEADROOM = 1.5


def _slider(name: str, value: float, low: float, high: float, step: float, label: str) -> alt.Parameter:
    return alt.param(name=name, value=value, bind=alt.binding_range(min=low, max=high, step=step, name=label))


def calculator_chart(frame: pd.DataFrame, case: dict[str, Any]) -> alt.LayerChart:
    """Rooftop-PV what-if: sliders set size, hours, degradation and emission factor; text shows lifetime kWh and CO2."""
    params = [
        _slider("mw", case["capacity_mw"], 1, 100, 1, "Capacity (MW) "),
        _slider("hours", round(case["full_load_hours"]), 600, 1800, 10, "Full-load hours a year "),
        _slider("degr", 0, 0, 1.5, 0.1, "Annual degradation (%) "),
        _slider("factor", round(case["factor_kg_per_kwh"], 2), 0.3, 1.1, 0.01, "Emission factor (kg CO2/kWh) "),
    ]
    base = alt.Chart(frame).transform_calculate(
        annual_kwh="mw * 1000 * hours * pow(1 - degr / 100, datum.project_year - 1)",
        annual_mkwh="datum.annual_kwh / 1e6",
    )
    bars = base.mark_bar(color=theme.category_color("calculated"), clip=True).encode(
        x=alt.X("project_year:O", title="Project year", axis=alt.Axis(values=[1, 5, 10, 15, 20, 25], labelAngle=0)),
        y=alt.Y("annual_mkwh:Q", title="Generation (million kWh a year)", scale=alt.Scale(
            domainMin=0, domainMax=alt.ExprRef(f"mw * hours / 1000 * {CALCULATOR_HEADROOM}"))),
        tooltip=[alt.Tooltip("project_year:O", title="Project year"),
                 alt.Tooltip("annual_mkwh:Q", title="Generation (million kWh)", format=",.1f")],
    )
    totals = base.transform_aggregate(total_kwh="sum(annual_kwh)").transform_calculate(
        co2_t="datum.total_kwh * factor / 1000",
        line1="'Lifetime generation: ' + format(datum.total_kwh / 1e8, '.1f') + '亿 kWh'",
        line2="'CO2 avoided: ' + format(datum.co2_t / 1e4, '.0f') + '万 t'",
    )
    text_style = {"align": "left", "baseline": "top", "fontSize": 14, "fontWeight": "bold", "x": 8}
    tip = [alt.Tooltip("line1:N", title="Output"), alt.Tooltip("line2:N", title="CO2")]
    text1 = totals.mark_text(y=6, **text_style).encode(text="line1:N", tooltip=tip).properties(name="dig_calc_kwh")
    text2 = totals.mark_text(y=26, **text_style).encode(text="line2:N", tooltip=tip).properties(name="dig_calc_co2")
    marked = base.transform_aggregate(reported_kwh="max(reported_kwh)", reported_t="max(reported_t)").transform_calculate(
        note="'Article: ' + format(datum.reported_kwh / 1e8, '.1f') + '亿 kWh, '"
             " + format(datum.reported_t / 1e4, '.0f') + '万 t (not found)'",
    ).mark_text(align="left", baseline="top", x=8, y=48, fontSize=12,
                color=theme.category_color("reported case")).encode(
        text="note:N", tooltip=[alt.Tooltip("note:N", title="Reported case")])
    return alt.layer(bars, text1, text2, marked).add_params(*params).properties(
        title=alt.Title("A 20 MW rooftop: how many kWh, how much CO2?",
                        subtitle="Annual generation (million kWh) over the project life; move the sliders to test the "
                                 "article's figures. Defaults are the settings its figures imply."),
        description="Rooftop-PV calculator: annual generation in million kWh for each year of a 25-year project, with "
                    "lifetime generation (亿 kWh) and CO2 avoided (万 t) computed from capacity, full-load hours, "
                    "degradation and emission factor; seed article of 2024-03-01 as reference.",
        height=260,
    )


def mix_chart(frame: pd.DataFrame) -> alt.VConcatChart:
    """Solar and wind generation with a year brush; the brushed years set the coal-share view below."""
    brush = alt.selection_interval(name="years", encodings=["x"])
    base = alt.Chart(frame)
    colours = theme.color_scale(["solar", "wind"])
    lines = base.transform_filter(alt.FieldOneOfPredicate(field="category", oneOf=["solar", "wind"])).mark_line(
        point=True).encode(
        x=alt.X("year:Q", title="Year", scale=alt.Scale(zero=False), axis=alt.Axis(format="d", tickMinStep=1)),
        y=alt.Y("value:Q", title="Generation (TWh)"),
        color=alt.Color("category:N", title="Source", scale=colours),
        tooltip=[alt.Tooltip("category:N", title="Source"), alt.Tooltip("year:Q", title="Year", format="d"),
                 alt.Tooltip("value:Q", title="Generation (TWh)", format=",.0f"),
                 alt.Tooltip("source_org:N", title="Source")],
    ).add_params(brush).properties(name="dig_mix_top", width=300, height=170,
                                   title="Solar and wind generation (TWh): drag to pick years")
    coal = base.transform_filter(alt.datum.category == "coal").transform_filter(brush)
    bars = coal.mark_bar(color=theme.category_color("coal")).encode(
        x=alt.X("year:O", title="Year", axis=alt.Axis(labelAngle=-45)),
        y=alt.Y("value:Q", title="Coal share of electricity (%)", scale=alt.Scale(domain=[0, 100])),
        tooltip=[alt.Tooltip("year:O", title="Year"), alt.Tooltip("value:Q", title="Coal share (%)", format=".1f"),
                 alt.Tooltip("source_org:N", title="Source")],
    )
    labels = coal.mark_text(dy=-6, fontSize=10).encode(x="year:O", y="value:Q", text=alt.Text("value:Q", format=".0f"),
                                                      tooltip=[alt.Tooltip("value:Q", title="Coal share (%)", format=".1f")])
    bottom = alt.layer(bars, labels).properties(name="dig_mix_coal", width=300, height=170,
                                                title="Coal's share of electricity (%) in the picked years")
    return alt.vconcat(lines, bottom).properties(
        title=alt.Title("China's power: more sun and wind, a smaller coal share",
                        subtitle="Solar and wind generation in TWh; coal's share of generation in %; "
                                 "OWID from Ember."),
        description="China's electricity: solar and wind generation in terawatt-hours by year (top, with a year brush) "
                    "and coal's share of electricity generation in percent for the brushed years (bottom), 2015 onwards.",
    )


def grid_chart(frame: pd.DataFrame) -> alt.LayerChart:
    """Grid carbon intensity by year against the case's implied factor; clicking a year shows CO2 at that baseline."""
    latest = int(frame["year"].max())
    pick = alt.selection_point(name="pick", fields=["year"], value=[{"year": latest}], on="click", clear=False)
    base = alt.Chart(frame)
    tip = [alt.Tooltip("year:O", title="Year"),
           alt.Tooltip("grid_kg_per_kwh:Q", title="Grid average (kg CO2e/kWh)", format=".2f"),
           alt.Tooltip("avoided_at_grid_wan_t:Q", title="Case kWh × grid average (万 t)", format=".0f"),
           alt.Tooltip("source_org:N", title="Source")]
    bars = base.mark_bar(color=theme.category_color("grid average")).encode(
        x=alt.X("year:O", title="Year", axis=alt.Axis(labelAngle=0, labelExpr="datum.value % 5 == 0 ? datum.label : ''")),
        y=alt.Y("grid_kg_per_kwh:Q", title="kg CO2 per kWh", scale=alt.Scale(domain=[0, 1.1])),
        opacity=alt.condition(pick, alt.value(1), alt.value(0.45)),
        tooltip=tip,
    ).add_params(pick)
    rule = base.mark_rule(color=theme.category_color("reported case"), strokeDash=[6, 3], strokeWidth=2).encode(
        y="mean(case_factor_kg_per_kwh):Q",
        tooltip=[alt.Tooltip("mean(case_factor_kg_per_kwh):Q", title="Article's implied factor (kg/kWh)", format=".2f")])
    rule_label = base.mark_text(align="left", dx=4, dy=-8, x=0, color=theme.category_color("reported case")).encode(
        y="mean(case_factor_kg_per_kwh):Q",
        text=alt.value("Article's implied factor"),
        tooltip=[alt.Tooltip("mean(case_factor_kg_per_kwh):Q", title="Implied factor (kg/kWh)", format=".2f")])
    readout = base.transform_filter(pick).transform_calculate(
        line="'At ' + datum.year + ' grid average (' + format(datum.grid_kg_per_kwh, '.2f') + ' kg/kWh): '"
             " + format(datum.avoided_at_grid_wan_t, '.0f') + '万 t, not ' + format(datum.reported_wan_t, '.0f') + '万 t'",
    ).mark_text(align="left", baseline="top", x=8, y=4, fontSize=13, fontWeight="bold").encode(
        text="line:N", tooltip=tip).properties(name="dig_grid_readout")
    return alt.layer(bars, rule, rule_label, readout).properties(
        title=alt.Title("The article's factor is above every year's grid average",
                        subtitle="China's average grid carbon intensity (kg CO2e per kWh, OWID/Ember) and the "
                                 "factor implied by the Taishan case; click a year."),
        description="China's average carbon intensity of electricity in kilograms CO2e per kilowatt-hour by year, "
                    "2015 onwards (OWID from Ember), against the emission factor implied by the seed article's "
                    "rooftop-PV case (dashed line).",
        height=260,
    )


def system_chart(frame: pd.DataFrame) -> alt.HConcatChart:
    """National green factories, parks and supply-chain firms (cumulative) beside green factories' output share."""
    categories = list(SYSTEM_SERIES.values())
    legend = alt.selection_point(name="kind", fields=["category"], bind="legend", on="click")
    base = alt.Chart(frame)
    tip = [alt.Tooltip("category:N", title="What"), alt.Tooltip("year:O", title="List year"),
           alt.Tooltip("value_label:N", title="Value"), alt.Tooltip("scope:N", title="Scope"),
           alt.Tooltip("source_org:N", title="Source")]
    x = alt.X("year:Q", title="List year", scale=alt.Scale(domain=[2017, 2025]), axis=alt.Axis(format="d", tickMinStep=1))
    colour = alt.Color("category:N", title="National level", scale=theme.color_scale(categories))
    counts = base.transform_filter(alt.datum.panel == "count")
    fade = alt.condition(legend, alt.value(1), alt.value(0.15))
    lines = counts.transform_filter(alt.datum.in_line).mark_line().encode(
        x=x, y="value:Q", color=colour, detail="segment:N", opacity=fade, tooltip=tip)
    points = counts.mark_point(filled=True, size=70).encode(
        x=x, y=alt.Y("value:Q", title="Cumulative count"), color=colour, opacity=fade, tooltip=tip).add_params(legend)
    labels = counts.mark_text(align="left", dx=6, dy=-6, fontSize=10).encode(
        x=x, y="value:Q", text="value_label:N", color=colour, opacity=fade, tooltip=tip)
    left = alt.layer(lines, points, labels).properties(name="dig_sys_counts", width=300, height=220,
                                                       title="Designated units, cumulative")
    share = base.transform_filter(alt.datum.panel == "share")
    share_colour = alt.Color("category:N", title="Output share", scale=theme.color_scale(["share", "target"]))
    share_x = alt.X("year:Q", title="Year", scale=alt.Scale(domain=[2022, 2031]), axis=alt.Axis(format="d", values=[2023, 2024, 2030]))
    share_pts = share.mark_point(filled=True, size=90).encode(
        x=share_x, y=alt.Y("value:Q", title="Share of manufacturing output (%)", scale=alt.Scale(domain=[0, 50])),
        color=share_colour, shape=alt.Shape("category:N", legend=None), tooltip=tip)
    share_above = share.transform_filter(~alt.datum.label_below).mark_text(align="center", dy=-14, fontSize=10).encode(
        x=share_x, y="value:Q", text="value_label:N", tooltip=tip)
    share_below = share.transform_filter(alt.datum.label_below).mark_text(align="center", dy=16, fontSize=10).encode(
        x=share_x, y="value:Q", text="value_label:N", tooltip=tip)
    right = alt.layer(share_pts, share_above, share_below).properties(name="dig_sys_share", width=200, height=220,
                                                        title="Green factories' output share")
    return alt.hconcat(left, right).resolve_scale(color="independent").properties(
        title=alt.Title("The benchmark system the policy builds on",
                        subtitle="National-level green factories, parks and supply-chain firms (count, cumulative by list "
                                 "year); output share of national-level factories vs the all-levels target (%)."),
        description="China's national-level green factories, green industrial parks and green supply-chain firms, "
                    "cumulative counts by list year from 2018, and the output share of green factories in manufacturing "
                    "(percent, 2023–2024) beside the 2030 target for all levels.",
    )


# ---------------------------------------------------------------- page data and variables


def page_data(data_dir=None) -> dict[str, Any]:
    """Everything the page shows, read once from data/ (the only function here that does I/O)."""
    from greenmfg import loaders

    context = loaders.load_context_series(data_dir)
    case = taishan_case(loaders.load_claims(data_dir), loaders.load_article_paragraphs(data_dir))
    return {"case": case, "context": context, "targets": loaders.load_policy_targets(data_dir)}


def _series_value(context: pd.DataFrame, series_id: str, year: int) -> float:
    rows = context[(context["series_id"] == series_id) & (context["year"] == year)]
    return float(rows["value"].iloc[0])


def page_variables(data: dict[str, Any]) -> dict[str, str]:
    """Display strings for the prose: the case, its implications, the grid comparison and the power mix."""
    case, context = data["case"], data["context"]
    grid = grid_frame(context, case)
    first, last = int(grid["year"].min()), int(grid["year"].max())
    latest_grid = float(grid.loc[grid["year"] == last, "grid_kg_per_kwh"].iloc[0])
    mix = mix_frame(context)
    mix_first, mix_last = int(mix["year"].min()), int(mix["year"].max())
    share = context[context["series_id"] == SHARE_SERIES].sort_values("year").iloc[-1]
    as_of = max(str(v) for v in context.loc[context["series_id"].isin([*MIX_SERIES, GRID_SERIES]), "as_of"])
    return {
        "case_mw": fmt_number(case["capacity_mw"]), "case_years": fmt_number(case["years"]),
        "case_kwh_yi": fmt_number(case["lifetime_kwh"] / 1e8, 1), "case_co2_wan_t": fmt_number(case["co2_tonnes"] / 1e4),
        "case_hours": fmt_number(case["full_load_hours"], 0),
        "case_factor": fmt_number(case["factor_kg_per_kwh"], 2),
        "grid_first_year": str(first), "grid_last_year": str(last),
        "grid_max": fmt_number(grid["grid_kg_per_kwh"].max(), 2), "grid_min": fmt_number(grid["grid_kg_per_kwh"].min(), 2),
        "grid_latest": fmt_number(latest_grid, 2),
        "case_co2_at_latest_grid": fmt_number(co2_avoided_tonnes(case["lifetime_kwh"], latest_grid) / 1e4, 0),
        "case_co2_at_max_grid": fmt_number(co2_avoided_tonnes(case["lifetime_kwh"], grid["grid_kg_per_kwh"].max()) / 1e4, 0),
        "factor_vs_latest_grid": fmt_number(times(case["factor_kg_per_kwh"], latest_grid), 1),
        "mix_first_year": str(mix_first), "mix_last_year": str(mix_last),
        "solar_first": fmt_number(_series_value(context, "owid_solar_electricity", mix_first), 0),
        "solar_last": fmt_number(_series_value(context, "owid_solar_electricity", mix_last), 0),
        "solar_growth": fmt_number(times(_series_value(context, "owid_solar_electricity", mix_last),
                                         _series_value(context, "owid_solar_electricity", mix_first)), 0),
        "wind_first": fmt_number(_series_value(context, "owid_wind_electricity", mix_first), 0),
        "wind_last": fmt_number(_series_value(context, "owid_wind_electricity", mix_last), 0),
        "coal_first": fmt_number(_series_value(context, "owid_coal_share_elec", mix_first), 1),
        "coal_last": fmt_number(_series_value(context, "owid_coal_share_elec", mix_last), 1),
        "factories_latest": fmt_value(*_latest(context, "green_factories_national_cumulative")),
        "factories_latest_year": str(_latest_year(context, "green_factories_national_cumulative")),
        "parks_latest": fmt_value(*_latest(context, "green_industrial_parks_national_cumulative")),
        "supply_latest": fmt_value(*_latest(context, "green_supply_chain_firms_national_cumulative")),
        "supply_latest_year": str(_latest_year(context, "green_supply_chain_firms_national_cumulative")),
        "share_latest": fmt_value(share["value"], share["unit"], share["qualifier"]),
        "share_latest_year": str(int(share["year"])),
        "as_of": as_of,
    }


def _latest(context: pd.DataFrame, series_id: str) -> tuple[float, str, str]:
    row = context[context["series_id"] == series_id].sort_values("year").iloc[-1]
    return float(row["value"]), str(row["unit"]), str(row["qualifier"])


def _latest_year(context: pd.DataFrame, series_id: str) -> int:
    return int(context.loc[context["series_id"] == series_id, "year"].max())


def variables(data_dir=None) -> dict[str, dict[str, str]]:
    """The page's derived numbers for _variables.yml, under the key 'digital'."""
    return {PAGE_KEY: page_variables(page_data(data_dir))}
