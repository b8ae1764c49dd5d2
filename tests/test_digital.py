"""Unit tests for the digital-and-green page's calculations and spec tests for its charts."""
from __future__ import annotations

import re

import nbformat
import pandas as pd
import pytest

from greenmfg.card import show
from greenmfg.pages import digital
from greenmfg.paths import REPO_ROOT

NOTEBOOK = REPO_ROOT / "chapters" / "digital.ipynb"


@pytest.fixture(scope="module")
def data():
    return digital.page_data()


# ---------------------------------------------------------------- calculations


def test_unit_conversion_to_base_units():
    assert digital.to_base_units(5.1, "亿千瓦时") == pytest.approx(5.1e8)
    assert digital.to_base_units(48, "万吨") == pytest.approx(480_000)
    assert digital.to_base_units(20, "MW") == 20
    with pytest.raises(ValueError):
        digital.to_base_units(1, "GWh")


def test_implied_full_load_hours_is_kwh_over_mw_years():
    assert digital.implied_full_load_hours(5.1e8, 20, 25) == pytest.approx(1020)
    assert digital.implied_full_load_hours(8.76e6, 1, 1) == pytest.approx(8760)
    with pytest.raises(ValueError):
        digital.implied_full_load_hours(1, 0, 25)


def test_implied_emission_factor_is_tonnes_over_kwh_in_kg():
    assert digital.implied_emission_factor(480_000, 5.1e8) == pytest.approx(0.941, abs=1e-3)
    assert digital.implied_emission_factor(1, 1000) == pytest.approx(1.0)
    with pytest.raises(ValueError):
        digital.implied_emission_factor(1, 0)


def test_lifetime_generation_without_and_with_degradation():
    assert digital.lifetime_generation_kwh(20, 1020, 25) == pytest.approx(5.1e8)
    # two years, 10 % loss: 1000 + 900 MWh
    assert digital.lifetime_generation_kwh(1, 1000, 2, 0.10) == pytest.approx(1.9e6)
    assert digital.lifetime_generation_kwh(20, 1020, 25, 0.005) < 5.1e8


def test_co2_avoided_round_trips_the_case():
    factor = digital.implied_emission_factor(480_000, 5.1e8)
    assert digital.co2_avoided_tonnes(5.1e8, factor) == pytest.approx(480_000)
    assert digital.co2_avoided_tonnes(1000, 0.5) == pytest.approx(0.5)


def test_lifetime_years_from_text():
    assert digital.lifetime_years_from_text("据统计，在25年的寿命周期内，20兆瓦光伏发电项目") == 25
    with pytest.raises(ValueError):
        digital.lifetime_years_from_text("没有年限")


def test_consecutive_runs_break_at_missing_years():
    runs = digital.consecutive_runs(pd.Series([2018, 2022, 2023, 2024], dtype="Int64"))
    assert list(runs) == [1, 2, 2, 2]


def test_taishan_case_from_data(data):
    case = data["case"]
    assert case["capacity_mw"] == 20 and case["years"] == 25
    assert case["full_load_hours"] == pytest.approx(1020)
    assert case["factor_kg_per_kwh"] == pytest.approx(0.94, abs=0.005)
    assert set(case["status"].values()) == {"not found"}


def test_variables_compare_case_with_grid(data):
    values = digital.variables()["digital"]
    assert values["case_hours"] == "1,020" and values["case_factor"] == "0.94"
    assert values["case_kwh_yi"] == "5.1" and values["case_co2_wan_t"] == "48"
    grid = digital.grid_frame(data["context"], data["case"])
    assert (grid["grid_kg_per_kwh"] < data["case"]["factor_kg_per_kwh"]).all()
    assert float(values["case_co2_at_latest_grid"]) < float(values["case_co2_wan_t"])
    assert all(isinstance(v, str) and v for v in values.values())


# ---------------------------------------------------------------- frames and charts


def _layers(spec):
    for key in ("layer", "vconcat", "hconcat"):
        for sub in spec.get(key, []):
            yield from _layers(sub)
    if "mark" in spec:
        yield spec


def _mark(layer):
    return layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"]


def _assert_common(chart, chart_id):
    spec = chart.to_dict()
    assert spec["title"]["text"] and spec["title"]["subtitle"]
    assert len(spec["description"]) >= 40
    for layer in _layers(spec):
        assert "tooltip" in layer["encoding"], f"{_mark(layer)} layer without tooltip"
    show(chart, chart_id=chart_id, summary="test")  # provenance and title checks of the card
    return spec


def test_calculator_chart_spec(data):
    frame = digital.calculator_frame(data["case"])
    spec = _assert_common(digital.calculator_chart(frame, data["case"]), "dig-pv-calculator")
    params = {p["name"]: p for p in spec["params"]}
    assert set(params) == {"mw", "hours", "degr", "factor"}
    assert params["mw"]["value"] == 20 and params["hours"]["value"] == 1020 and params["factor"]["value"] == 0.94
    assert all(p["bind"]["input"] == "range" and p["bind"]["name"].strip() for p in params.values())
    marks = [_mark(layer) for layer in spec["layer"]]
    assert marks == ["bar", "text", "text", "text"]
    assert spec["layer"][0]["encoding"]["x"]["type"] == "ordinal"
    assert spec["layer"][0]["encoding"]["y"]["type"] == "quantitative"
    # The y-axis fits every slider setting: the first-year bar (no degradation yet) stays below the top.
    domain_max = spec["layer"][0]["encoding"]["y"]["scale"]["domainMax"]["expr"]
    for mw in (params["mw"]["bind"]["min"], params["mw"]["bind"]["max"]):
        for hours in (params["hours"]["bind"]["min"], params["hours"]["bind"]["max"]):
            first_year = mw * 1000 * hours / 1e6
            assert eval(domain_max, {}, {"mw": mw, "hours": hours}) > first_year  # noqa: S307 - our own expr
    assert "亿 kWh" in spec["layer"][1]["transform"][-1]["calculate"] or any(
        "亿 kWh" in t.get("calculate", "") for t in spec["layer"][1]["transform"])


def test_mix_chart_spec(data):
    frame = digital.mix_frame(data["context"])
    assert set(frame["category"]) == {"solar", "wind", "coal"}
    spec = _assert_common(digital.mix_chart(frame), "dig-power-mix")
    top, bottom = spec["vconcat"]
    brush = spec["params"][0]
    assert _mark(top) == "line" and brush["select"] == {"type": "interval", "encodings": ["x"]}
    assert brush["views"] == [top["name"]]
    assert top["encoding"]["color"]["field"] == "category" and top["encoding"]["x"]["type"] == "quantitative"
    assert {"filter": {"param": "years"}} in bottom["layer"][0]["transform"]
    assert _mark(bottom["layer"][0]) == "bar" and bottom["layer"][0]["encoding"]["y"]["type"] == "quantitative"
    assert top["width"] <= 320 and bottom["width"] <= 320


def test_grid_chart_spec(data):
    frame = digital.grid_frame(data["context"], data["case"])
    spec = _assert_common(digital.grid_chart(frame), "dig-grid-factor")
    marks = [_mark(layer) for layer in spec["layer"]]
    assert marks == ["bar", "rule", "text", "text"]
    pick = spec["params"][0]
    assert pick["select"]["type"] == "point" and pick["value"] == [{"year": int(frame["year"].max())}]
    assert spec["layer"][0]["encoding"]["x"]["type"] == "ordinal"


def test_system_chart_spec(data):
    frame = digital.system_frame(data["context"], data["targets"])
    # a line only where three consecutive list years exist; the 2018 point stands alone
    assert not frame.loc[(frame["category"] == "green factories") & (frame["year"] == 2018), "in_line"].any()
    assert frame.loc[frame["category"] == "green industrial parks", "in_line"].all()
    assert not frame.loc[frame["category"] == "green supply-chain firms", "in_line"].any()
    assert frame.loc[frame["category"] == "target", "value_label"].iloc[0].startswith("more than")
    spec = _assert_common(digital.system_chart(frame), "dig-green-system")
    left, right = spec["hconcat"]
    assert [_mark(layer) for layer in left["layer"]] == ["line", "point", "text"]
    assert spec["params"][0]["bind"] == "legend" and spec["params"][0]["select"]["on"] == "click" and spec["params"][0]["select"]["fields"] == ["category"]
    assert left["layer"][0]["encoding"]["detail"]["field"] == "segment"
    assert [_mark(layer) for layer in right["layer"]] == ["point", "text", "text"]


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
