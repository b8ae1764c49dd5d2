"""Browser tests for chapters/digital: charts draw offline, and each interaction changes what is drawn."""
from __future__ import annotations

import re

import pytest
from conftest import wait_for_charts

from greenmfg.pages.digital import green_system, grid_factor, power_mix, pv_calculator
from greenmfg.pages.project import page as site_page

PAGE = site_page("digital").output.as_posix()
CALCULATOR, GRID, MIX, SYSTEM = (m.CHART_ID for m in (pv_calculator, grid_factor, power_mix, green_system))
CHART_IDS = (CALCULATOR, GRID, MIX, SYSTEM)
pytestmark = pytest.mark.browser


def _texts(page, chart_id: str, mark_name: str) -> list[str]:
    """Text drawn by one named text mark inside a chart's live SVG."""
    return page.locator(f"#chart-{chart_id} .gm-live g.{mark_name}_marks text").all_text_contents()


def _set_slider(page, label: str, value: float) -> None:
    slider = page.locator(f"#chart-{CALCULATOR} .vega-bind:has-text('{label}') input[type=range]")
    slider.fill(str(value))


@pytest.mark.parametrize("width", [390, 1280])
def test_page_draws_every_chart_offline(open_page, width):
    record = open_page(PAGE, width=width)
    assert wait_for_charts(record.page) == len(CHART_IDS)
    for chart_id in CHART_IDS:
        assert record.page.locator(f"#chart-{chart_id} .gm-live svg.marks").count() == 1
    assert record.console_errors == [] and record.foreign_requests == []
    # the page itself does not scroll sideways on a phone: wide charts scroll inside their card
    assert record.page.evaluate("document.documentElement.scrollWidth") <= width


def test_calculator_reproduces_the_article_and_follows_the_sliders(open_page):
    record = open_page(PAGE)
    assert wait_for_charts(record.page) == len(CHART_IDS)
    page = record.page
    assert _texts(page, CALCULATOR, "digital_calc_kwh") == ["Lifetime generation: 510 million kWh"]
    assert _texts(page, CALCULATOR, "digital_calc_co2") == ["CO2 avoided: 0.48 Mt"]
    _set_slider(page, "Capacity", 40)
    page.wait_for_timeout(200)
    assert _texts(page, CALCULATOR, "digital_calc_kwh") == ["Lifetime generation: 1,020 million kWh"]
    assert _texts(page, CALCULATOR, "digital_calc_co2") == ["CO2 avoided: 0.96 Mt"]
    _set_slider(page, "Capacity", 20)
    _set_slider(page, "Emission factor", 0.55)
    page.wait_for_timeout(200)
    assert _texts(page, CALCULATOR, "digital_calc_kwh") == ["Lifetime generation: 510 million kWh"]
    assert _texts(page, CALCULATOR, "digital_calc_co2") == ["CO2 avoided: 0.28 Mt"]
    _set_slider(page, "Emission factor", 0.94)
    _set_slider(page, "Annual degradation", 0.5)
    page.wait_for_timeout(200)
    generation = _texts(page, CALCULATOR, "digital_calc_kwh")[0]
    assert float(re.search(r"([\d,.]+) million kWh", generation).group(1).replace(",", "")) < 510


def test_calculator_bars_show_a_tooltip(open_page):
    record = open_page(PAGE)
    assert wait_for_charts(record.page) == len(CHART_IDS)
    bar = record.page.locator(f"#chart-{CALCULATOR} .gm-live g.mark-rect path").first
    bar.hover()
    tip = record.page.locator(".gm-tooltip")
    tip.wait_for(state="visible", timeout=3000)
    assert "million kWh" in tip.inner_text()


def test_brush_sets_the_years_of_the_coal_view(open_page):
    record = open_page(PAGE)
    assert wait_for_charts(record.page) == len(CHART_IDS)
    page = record.page
    bars = page.locator(f"#chart-{MIX} .gm-live g.digital_mix_coal_layer_0_marks path")
    before = bars.count()
    assert before >= 10
    view = page.locator(f"#chart-{MIX} .gm-live g.digital_mix_top_marks").first
    view.scroll_into_view_if_needed()
    area = view.bounding_box()
    page.mouse.move(area["x"] + area["width"] * 0.7, area["y"] + area["height"] / 2)
    page.mouse.down()
    page.mouse.move(area["x"] + area["width"] + 5, area["y"] + area["height"] / 2, steps=8)
    page.mouse.up()
    page.wait_for_timeout(200)
    after = bars.count()
    assert 0 < after < before


def test_clicking_a_year_changes_the_grid_readout(open_page):
    record = open_page(PAGE)
    assert wait_for_charts(record.page) == len(CHART_IDS)
    page = record.page
    readout = lambda: " ".join(_texts(page, GRID, "digital_grid_readout"))  # noqa: E731
    latest = readout()
    assert "the report: 0.48 Mt" in latest  # beside the grid average's tonnes, not set against them
    page.locator(f"#chart-{GRID} .gm-live g.mark-rect path").first.click()
    page.wait_for_timeout(200)
    assert readout() != latest and readout().startswith("At 2015 ")


def test_clicking_a_point_highlights_one_kind_of_unit(open_page):
    record = open_page(PAGE)
    assert wait_for_charts(record.page) == len(CHART_IDS)
    page = record.page
    points = page.locator(f"#chart-{SYSTEM} .gm-live g.digital_sys_counts_group g.mark-symbol.role-mark path")
    opacities = lambda: sorted({p.get_attribute("opacity") or "1" for p in points.all()})  # noqa: E731
    assert opacities() == ["1"]
    points.last.click()
    page.wait_for_timeout(200)
    assert len(opacities()) == 2
