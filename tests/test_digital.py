"""Unit tests for the digital-and-green page's calculations and spec tests for its charts."""
from __future__ import annotations

import re
from types import SimpleNamespace

import nbformat
import pytest
from conftest import mark_type, unit_specs

from greenmfg.charts.card import show
from greenmfg.pages import digital
from greenmfg.pages.digital import green_system, grid_factor, power_mix, pv_calculator, taishan
from greenmfg.paths import REPO_ROOT

NOTEBOOK = REPO_ROOT / "chapters" / "digital.ipynb"


@pytest.fixture(scope="module")
def data():
    return digital.load()


# ---------------------------------------------------------------- calculations


def test_unit_conversion_to_base_units():
    assert taishan.to_base_units(5.1, "亿千瓦时") == pytest.approx(5.1e8)
    assert taishan.to_base_units(48, "万吨") == pytest.approx(480_000)
    assert taishan.to_base_units(20, "MW") == 20
    with pytest.raises(ValueError):
        taishan.to_base_units(1, "GWh")


def test_implied_full_load_hours_is_kwh_over_mw_years():
    assert taishan.implied_full_load_hours(5.1e8, 20, 25) == pytest.approx(1020)
    assert taishan.implied_full_load_hours(8.76e6, 1, 1) == pytest.approx(8760)
    with pytest.raises(ValueError):
        taishan.implied_full_load_hours(1, 0, 25)


def test_implied_emission_factor_is_tonnes_over_kwh_in_kg():
    assert taishan.implied_emission_factor(480_000, 5.1e8) == pytest.approx(0.941, abs=1e-3)
    assert taishan.implied_emission_factor(1, 1000) == pytest.approx(1.0)
    with pytest.raises(ValueError):
        taishan.implied_emission_factor(1, 0)


def _calculator_lifetime_kwh(spec, mw, hours, years, degradation_pct=0.0):
    """Lifetime kWh as the calculator's own Vega expression computes it (evaluated here in Python)."""
    expr = next(t["calculate"] for t in spec["layer"][0]["transform"] if t.get("as") == "annual_kwh")
    settings = {"mw": mw, "hours": hours, "degr": degradation_pct, "pow": pow}
    return sum(eval(expr, {}, {**settings, "datum": SimpleNamespace(project_year=year)})  # noqa: S307 - our own expr
               for year in range(1, years + 1))


def test_calculator_generation_without_and_with_degradation(data):
    spec = pv_calculator.chart(pv_calculator.frame(data)).to_dict()
    assert _calculator_lifetime_kwh(spec, 20, 1020, 25) == pytest.approx(5.1e8)
    # two years, 10 % loss: 1000 + 900 MWh
    assert _calculator_lifetime_kwh(spec, 1, 1000, 2, 10) == pytest.approx(1.9e6)
    assert _calculator_lifetime_kwh(spec, 20, 1020, 25, 0.5) < 5.1e8


def test_co2_avoided_round_trips_the_case():
    factor = taishan.implied_emission_factor(480_000, 5.1e8)
    assert taishan.co2_avoided_tonnes(5.1e8, factor) == pytest.approx(480_000)
    assert taishan.co2_avoided_tonnes(1000, 0.5) == pytest.approx(0.5)


def test_lifetime_years_from_text():
    assert taishan.lifetime_years_from_text("据统计，在25年的寿命周期内，20兆瓦光伏发电项目") == 25
    with pytest.raises(ValueError):
        taishan.lifetime_years_from_text("没有年限")


def test_system_segments_break_at_missing_years(data):
    frame = green_system.frame(data)
    factories = frame[frame["category"] == "green factories"].sort_values("year")
    assert list(factories["year"]) == [2018, 2022, 2023, 2024, 2025]
    assert list(factories["segment"]) == ["green factories-1"] + ["green factories-2"] * 4


def test_taishan_case_from_data(data):
    case = data["case"]
    assert case["capacity_mw"] == 20 and case["years"] == 25
    assert case["full_load_hours"] == pytest.approx(1020)
    assert case["factor_kg_per_kwh"] == pytest.approx(0.94, abs=0.005)
    assert set(case["status"].values()) == {"not found"}


def test_variables_compare_case_with_grid(data):
    values = digital.variables()["digital"]
    assert values["case_hours"] == "1,020" and values["case_factor"] == "0.94"
    assert values["case_kwh"] == "510 million kWh" and values["case_co2"] == "0.48 Mt"  # English units, never 亿/万
    grid = grid_factor.frame(data)
    assert (grid["grid_kg_per_kwh"] < data["case"]["factor_kg_per_kwh"]).all()
    mt = lambda text: float(text.removesuffix(" Mt"))  # noqa: E731
    assert mt(values["case_co2_at_latest_grid"]) < mt(values["case_co2"])
    assert mt(values["case_co2_at_latest_grid"]) < mt(values["case_co2_at_first_grid"])
    assert values["factor_vs_latest_grid"] == "1.8" and values["solar_growth"] == "30"
    assert all(isinstance(v, str) and v for v in values.values())


# ---------------------------------------------------------------- frames and charts
# _layers and _mark repeat tests/test_traditional.py's spec walkers: one helper in conftest.py is the lead's move.


def _assert_common(chart_module, data):
    chart = chart_module.chart(chart_module.frame(data))
    spec = chart.to_dict()
    assert spec["title"]["text"] and spec["title"]["subtitle"]
    assert len(spec["description"]) >= 40
    for layer in unit_specs(spec):
        assert "tooltip" in layer["encoding"], f"{mark_type(layer)} layer without tooltip"
    show(chart, chart_id=chart_module.CHART_ID, summary="test")  # provenance and title checks of the card
    return spec


def test_chart_ids_come_from_module_names():
    assert [m.CHART_ID for m in (pv_calculator, grid_factor, power_mix, green_system)] == [
        "digital-pv-calculator", "digital-grid-factor", "digital-power-mix", "digital-green-system"]


def test_calculator_chart_spec(data):
    spec = _assert_common(pv_calculator, data)
    params = {p["name"]: p for p in spec["params"]}
    assert set(params) == {"mw", "hours", "degr", "factor"}
    assert params["mw"]["value"] == 20 and params["hours"]["value"] == 1020 and params["factor"]["value"] == 0.94
    assert all(p["bind"]["input"] == "range" and p["bind"]["name"].strip() for p in params.values())
    marks = [mark_type(layer) for layer in spec["layer"]]
    assert marks == ["bar", "text", "text", "text"]
    assert spec["layer"][0]["encoding"]["x"]["type"] == "ordinal"
    assert spec["layer"][0]["encoding"]["y"]["type"] == "quantitative"
    # The y-axis fits every slider setting: the first-year bar (no degradation yet) stays below the top.
    assert pv_calculator.CALCULATOR_HEADROOM > 1
    domain_max = spec["layer"][0]["encoding"]["y"]["scale"]["domainMax"]["expr"]
    for mw in (params["mw"]["bind"]["min"], params["mw"]["bind"]["max"]):
        for hours in (params["hours"]["bind"]["min"], params["hours"]["bind"]["max"]):
            first_year = mw * 1000 * hours / 1e6
            assert eval(domain_max, {}, {"mw": mw, "hours": hours}) > first_year  # noqa: S307 - our own expr
    assert any("million kWh" in t.get("calculate", "") for t in spec["layer"][1]["transform"])


def test_calculator_strings_follow_the_case(data):
    frame = pv_calculator.frame(data)
    spec = pv_calculator.chart(frame).to_dict()
    assert spec["title"]["text"].startswith("A 20 MW rooftop") and "25-year project" in spec["description"]
    assert "(not found)" in spec["layer"][3]["transform"][-1]["calculate"]
    frame.attrs["case"] = {**data["case"], "capacity_mw": 40.0, "status": {"output": "confirmed", "co2": "confirmed"}}
    spec = pv_calculator.chart(frame.head(20)).to_dict()
    assert spec["title"]["text"].startswith("A 40 MW rooftop") and "20-year project" in spec["description"]
    assert "(confirmed)" in spec["layer"][3]["transform"][-1]["calculate"]
    assert spec["layer"][0]["encoding"]["x"]["axis"]["values"] == [1, 5, 10, 15, 20]


def test_mix_chart_spec(data):
    frame = power_mix.frame(data)
    assert set(frame["category"]) == {"solar", "wind", "coal"}
    spec = _assert_common(power_mix, data)
    top, bottom = spec["vconcat"]
    brush = spec["params"][0]
    assert mark_type(top) == "line" and brush["select"] == {"type": "interval", "encodings": ["x"]}
    assert brush["views"] == [top["name"]]
    assert top["encoding"]["color"]["field"] == "category" and top["encoding"]["x"]["type"] == "quantitative"
    assert {"filter": {"param": "years"}} in bottom["layer"][0]["transform"]
    assert mark_type(bottom["layer"][0]) == "bar" and bottom["layer"][0]["encoding"]["y"]["type"] == "quantitative"
    assert top["width"] <= 320 and bottom["width"] <= 320


def test_grid_chart_spec(data):
    frame = grid_factor.frame(data)
    spec = _assert_common(grid_factor, data)
    marks = [mark_type(layer) for layer in spec["layer"]]
    assert marks == ["bar", "rule", "text", "text"]
    pick = spec["params"][0]
    assert pick["select"]["type"] == "point" and pick["value"] == [{"year": int(frame["year"].max())}]
    assert spec["layer"][0]["encoding"]["x"]["type"] == "ordinal"
    assert f"{int(frame['year'].min())} onwards" in spec["description"]


def test_system_chart_spec(data):
    frame = green_system.frame(data)
    # a line only where three consecutive list years exist; the 2018 point stands alone
    assert not frame.loc[(frame["category"] == "green factories") & (frame["year"] == 2018), "in_line"].any()
    assert frame.loc[frame["category"] == "green industrial parks", "in_line"].all()
    assert not frame.loc[frame["category"] == "green supply-chain firms", "in_line"].any()
    assert frame.loc[frame["category"] == "target", "value_label"].iloc[0].startswith("more than")
    spec = _assert_common(green_system, data)
    left, right = spec["vconcat"]  # counts above the share: stacked, so the chart fits a phone-wide card
    assert [mark_type(layer) for layer in left["layer"]] == ["line", "point", "text"]
    legend = spec["params"][0]
    assert legend["bind"] == "legend" and legend["select"]["on"] == "click" and legend["select"]["fields"] == ["category"]
    assert left["layer"][0]["encoding"]["detail"]["field"] == "segment"
    assert [mark_type(layer) for layer in right["layer"]] == ["point", "text", "text"]
    # axes span the frame's years: counts 2018-2024, share 2023-2024 and the 2030 target
    assert left["layer"][0]["encoding"]["x"]["scale"]["domain"] == [2017, 2026]
    assert right["layer"][0]["encoding"]["x"]["axis"]["values"] == [2023, 2024, 2030]
    assert "2023–2024" in spec["description"] and "2030 target" in spec["description"]


# ---------------------------------------------------------------- the notebook

ALLOWED = re.compile(r"\{\{<\s*var [^>]+>\}\}|(?:19|20)\d\d|^>.*$|“[^”]*”|\"[^\"]*\"|\[[^\]]*\]\{lang=\"zh-Hans\"\}|\]\([^)]*\)",
                     re.MULTILINE)


def test_notebook_prose_has_no_bare_digits_and_cells_are_short():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    for cell in nb.cells[1:]:
        if cell.cell_type == "markdown":
            stripped = ALLOWED.sub("", cell.source)
            assert not re.search(r"\d", stripped), re.findall(r".{20}\d.{20}", stripped)
        if cell.cell_type == "code":
            assert len(cell.source.splitlines()) <= 10
            assert not cell.get("outputs") and cell.get("execution_count") is None
