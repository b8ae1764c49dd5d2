"""Browser tests for the traditional chapter: charts draw, tooltips work, sliders and selection change the chart."""
from __future__ import annotations

import pytest
from conftest import wait_for_charts

from greenmfg.pages.project import page
from greenmfg.pages.traditional import distance_to_2030, eaf_what_if, press_filter, steel, ultra_low_emission

PAGE = page("traditional").output.as_posix()
CHART_IDS = (distance_to_2030.CHART_ID, steel.CHART_ID, eaf_what_if.CHART_ID, ultra_low_emission.CHART_ID,
             press_filter.CHART_ID)

pytestmark = pytest.mark.browser


def _live_text(page, chart_id: str) -> str:
    return page.locator(f"#chart-{chart_id} .gm-live svg").inner_html()


def tooltip_of(page, mark) -> str:
    """Hover a mark (moving the pointer twice, as Vega needs a move to pick) and return its tooltip's text."""
    mark.scroll_into_view_if_needed()
    box = mark.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.move(box["x"] + box["width"] / 2 + 1, box["y"] + box["height"] / 2)
    tooltip = page.locator(".gm-tooltip")
    tooltip.wait_for(state="visible", timeout=5000)
    return tooltip.inner_text()


@pytest.mark.parametrize("width", [1280, 390])
def test_page_draws_every_chart_without_errors_or_third_party_requests(open_page, width):
    record = open_page(PAGE, width=width)
    assert wait_for_charts(record.page, timeout_ms=15000) == len(CHART_IDS)
    for chart_id in CHART_IDS:
        assert record.page.locator(f"#chart-{chart_id} .gm-live svg.marks").count() == 1
    assert record.console_errors == []
    assert record.foreign_requests == []
    assert record.page.evaluate("document.documentElement.scrollWidth") <= width  # cards scroll, not the page


def test_page_is_in_the_navigation(open_page):
    record = open_page("index.html")
    assert record.page.locator(f"nav a[href$='{PAGE}']").count() >= 1


def test_tooltip_shows_source_and_qualifier(open_page):
    record = open_page(PAGE)
    wait_for_charts(record.page, timeout_ms=15000)
    text = tooltip_of(record.page, record.page.locator(f"#chart-{distance_to_2030.CHART_ID} .gm-live .mark-rect path").first)
    assert "more than" in text and "lower bound" in text
    assert "Source of latest value" in text


@pytest.mark.parametrize("path, default, output, needed", [(PAGE, "192 Mt", "800", "160 Mt"),
                                                           ("zh/" + PAGE, "1.92亿吨", "8", "1.60亿吨")])
def test_eaf_slider_changes_the_required_tonnage(open_page, path, default, output, needed):
    """The slider and the bars count in the edition's unit: 800 Mt in English, 8亿吨 in Chinese."""
    record = open_page(path)
    wait_for_charts(record.page, timeout_ms=15000)
    before = _live_text(record.page, eaf_what_if.CHART_ID)
    assert default in before
    slider = record.page.locator(f"#chart-{eaf_what_if.CHART_ID} input[type=range]").first
    slider.fill(output)
    slider.dispatch_event("input")
    record.page.wait_for_function(
        f"() => document.querySelector('#chart-{eaf_what_if.CHART_ID} .gm-live svg').innerHTML.includes('{needed}')",
        timeout=5000)
    assert _live_text(record.page, eaf_what_if.CHART_ID) != before


def test_press_filter_sliders_change_energy_per_unit(open_page):
    record = open_page(PAGE)
    wait_for_charts(record.page, timeout_ms=15000)
    assert "0.30 (−70 %)" in _live_text(record.page, press_filter.CHART_ID)
    capacity = record.page.locator(f"#chart-{press_filter.CHART_ID} input[type=range]").first
    capacity.fill("1")
    capacity.dispatch_event("input")
    record.page.wait_for_function(
        f"() => document.querySelector('#chart-{press_filter.CHART_ID} .gm-live svg').innerHTML.includes('0.60 (−40 %)')",
        timeout=5000)


@pytest.mark.parametrize("path, default, moved", [(PAGE, "40 % lower", "+10 %"), ("zh/" + PAGE, "下降40%", "+10%")])
def test_press_filter_energy_slider_reads_as_a_change_in_words(open_page, path, default, moved):
    """Beside the energy slider a reader sees the change as the edition writes it, not Vega's bare '-40'."""
    record = open_page(path)
    wait_for_charts(record.page, timeout_ms=15000)
    bind = record.page.locator(f"#chart-{press_filter.CHART_ID} .vega-bind").nth(1)
    assert bind.locator("input[type=range] + span").inner_text() == default
    slider = bind.locator("input[type=range]")
    slider.fill("10")
    slider.dispatch_event("input")
    record.page.wait_for_function("([el, text]) => el.textContent === text",
                                  arg=[bind.locator("input[type=range] + span").element_handle(), moved], timeout=5000)
    assert slider.get_attribute("aria-valuetext") == moved


def test_clicking_a_target_highlights_it_in_both_views(open_page):
    record = open_page(PAGE)
    wait_for_charts(record.page, timeout_ms=15000)
    chart = f"#chart-{distance_to_2030.CHART_ID} .gm-live"

    def opacities():
        return record.page.eval_on_selector_all(
            f"{chart} .mark-rect path", "els => els.map(e => e.getAttribute('opacity') || '1')")

    assert set(opacities()) == {"1"}
    record.page.locator(f"{chart} .mark-rect path").first.click()
    record.page.wait_for_timeout(300)
    after = opacities()
    assert "0.3" in after and "1" in after
    faded_left = [o for o in after[:4] if o == "0.3"]
    faded_right = [o for o in after[4:] if o == "0.3"]
    assert faded_left and faded_right  # the selection reaches the pace view too


def test_ule_claim_marker_tooltip_names_the_verdict(open_page):
    record = open_page(PAGE)
    wait_for_charts(record.page, timeout_ms=15000)
    chart = f"#chart-{ultra_low_emission.CHART_ID} .gm-live"
    legend = record.page.locator(f"{chart} svg").inner_html()
    assert "News article" in legend and "verdict: not found" in legend
    # the claim is drawn as diamonds, distinct from the series' circles
    text = tooltip_of(record.page, record.page.locator(f"{chart} .mark-symbol path[aria-label*='claim in the news article']").first)
    assert "claim in the news article" in text and "not stated" in text
