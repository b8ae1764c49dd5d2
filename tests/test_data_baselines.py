"""The December 2026 check: official figures that replaced or joined the data, and the rooftop-PV passage that now
sets the case against both official baselines instead of calling its figure too high."""
from __future__ import annotations

import json

import pytest

from greenmfg.data import loaders
from greenmfg.data.data_tables import load_descriptor
from greenmfg.paths import REPO_ROOT


@pytest.fixture(scope="module")
def context():
    return loaders.load_context_series()


def _row(context, series_id, year):
    rows = context[(context["series_id"] == series_id) & (context["year"].astype(int) == year)]
    assert len(rows) == 1, (series_id, year)
    return rows.iloc[0]


def test_2021_crude_steel_is_nbs_figure_not_worldsteels(context):
    row = _row(context, "crude_steel_output", 2021)
    assert row["publisher_id"] == "nbs" and float(row["value"]) == 1033
    assert "1.033 billion mt" in row["quote"]


@pytest.mark.parametrize("year, publisher, value, quoted", [
    (2016, "ndrc", 808.37, "808.37 million tons"), (2017, "nbs", 831.73, "831.73 million tonnes"),
    (2018, "nbs", 928, "928 million tons")])
def test_crude_steel_2016_to_2018_are_official_full_year_figures(context, year, publisher, value, quoted):
    """No gap between 2016 and 2019, and each year a government figure with its quote (2016 was worldsteel's
    rounding, seen only on a copy site; 2017 and 2018 were missing)."""
    row = _row(context, "crude_steel_output", year)
    assert row["publisher_id"] == publisher and float(row["value"]) == value and quoted in row["quote"]


def test_nev_sales_2020_is_caams_release_not_a_later_restatement(context):
    row = _row(context, "nev_sales", 2020)
    assert row["publisher_id"] == "caam" and row["source_date"].startswith("2021-01")
    assert "1.367 million units sold" in row["quote"] and float(row["value"]) == 136.7


def test_official_grid_factors_are_series_with_their_publishers(context):
    national = _row(context, "grid_co2_factor_national_mee", 2023)
    assert national["publisher_id"] == "mee" and float(national["value"]) == 0.5306 and national["unit"] == "kg/kWh"
    assert "0.5306kgCO2/kWh" in national["quote"]
    om = context[context["series_id"] == "grid_om_factor_north_china"]
    assert sorted(om["year"].astype(int)) == [2012, 2013, 2014]
    assert all(str(v) in om["quote"].iloc[0] for v in ("1.0583", "0.9913", "0.9551"))


def test_glossary_states_the_nbs_threshold_of_industry_above_designated_size():
    term = loaders.load_glossary().set_index("term_id").loc["industry-above-designated-size"]
    assert "2000万元及以上的工业法人单位" in term["definition_zh"] and "2000万元及以上的工业法人单位" in term["quote"]
    assert "20 million yuan" in term["definition_en"] and "2011" in term["definition_en"]
    assert term["source_url"].startswith("http://www.fujian.gov.cn/") and term["source_publisher_id"] == "nbs"


def test_schedules_say_which_2025_figures_were_not_found_and_when():
    notes = loaders.load_release_schedule().set_index("series_id")["schedule_note"]
    for series_id in ("liion_battery_output_total", "pv_module_output", "eaf_share_crude_steel"):
        assert "7 December 2026" in notes[series_id], series_id


def test_the_check_is_recorded_with_its_research_note():
    checks = load_descriptor()["greenmfg:sources_checked"]
    latest = [entry for entry in checks if entry.get("research")]
    assert latest and all((REPO_ROOT / entry["research"]).is_file() for entry in latest)


def _markdown(path: str) -> str:
    cells = json.loads((REPO_ROOT / path).read_text(encoding="utf-8"))["cells"]
    return "\n".join("".join(c["source"]) for c in cells)


@pytest.mark.parametrize("path", ["chapters/digital.ipynb", "zh/chapters/digital.ipynb", "index.ipynb", "zh/index.ipynb"])
def test_pv_case_is_set_against_both_baselines_not_called_too_high(path):
    """The chapters set the case against both baselines; the home page no longer headlines the factor the case
    implies (the case itself is unsourced), so it names neither."""
    text = _markdown(path)
    for gone in ("case.times", "factor_vs_latest_grid", "fair baseline", "最公允", "likely smaller than reported",
                 "很可能低于报道数字"):
        assert gone not in text, gone
    assert ("grid_co2_factor_national_mee" in text or "mee.national" in text) == ("chapters" in path)
    if "chapters" in path:
        assert "om.latest" in text and "mee.co2" in text
