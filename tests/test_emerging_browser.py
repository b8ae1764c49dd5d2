"""Browser tests for the emerging page: charts draw, and each control changes its chart."""
from __future__ import annotations

import pytest
from conftest import wait_for_charts

from greenmfg.pages.project import page as site_page

PAGE = site_page("emerging").output.as_posix()
pytestmark = pytest.mark.browser


def _svg(page, chart_id: str) -> str:
    return page.locator(f"#chart-{chart_id} .gm-live svg").first.inner_html()


def _open(open_page, width: int = 1280):
    record = open_page(PAGE, width=width)
    assert wait_for_charts(record.page) == 5
    return record


def test_page_draws_five_charts_cleanly(open_page):
    record = _open(open_page)
    record.page.wait_for_timeout(200)
    assert record.console_errors == []
    assert record.foreign_requests == []


def test_battery_control_switches_to_shares(open_page):
    page = _open(open_page).page
    card = page.locator("#chart-emerging-batteries")
    card.scroll_into_view_if_needed()
    before = _svg(page, "emerging-batteries")
    assert "1,200" in before  # GWh axis
    card.locator('input[type=radio][value="share of total (%)"]').check()
    page.wait_for_timeout(300)
    after = _svg(page, "emerging-batteries")
    assert after != before and "1,200" not in after
    assert card.locator(".gm-live svg .mark-rect path").count() < 11  # total bars drop out in share mode


def test_nev_hover_shows_all_three_measures(open_page):
    page = _open(open_page).page
    card = page.locator("#chart-emerging-nev")
    card.scroll_into_view_if_needed()
    box = card.locator(".gm-live svg").first.bounding_box()
    before = _svg(page, "emerging-nev")
    page.mouse.move(box["x"] + box["width"] * 0.8, box["y"] + box["height"] * 0.5)
    page.wait_for_timeout(300)
    assert _svg(page, "emerging-nev") != before  # the year rule appears
    tip = page.locator(".gm-tooltip")
    assert tip.is_visible()
    text = tip.inner_text()
    assert "Production" in text and "Sales" in text and "Share of new-vehicle sales" in text


def _legend_click_changes(page, chart_id: str, label: str) -> None:
    card = page.locator(f"#chart-{chart_id}")
    card.scroll_into_view_if_needed()
    before = _svg(page, chart_id)
    labels = card.locator(".gm-live svg .role-legend-label text")
    index = [t.strip() for t in labels.evaluate_all("els => els.map(e => e.textContent)")].index(label)
    entry = card.locator(".gm-live svg .role-legend-symbol path").nth(index)
    entry.scroll_into_view_if_needed()  # a stacked chart's legend can sit below the first screen
    box = entry.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_timeout(300)
    after = _svg(page, chart_id)
    assert after != before
    assert "opacity=\"0.15\"" in after or "opacity: 0.15" in after


def test_pv_legend_highlights_a_stage(open_page):
    page = _open(open_page).page
    _legend_click_changes(page, "emerging-pv", "cells")


def test_structure_legend_highlights_an_industry(open_page):
    page = _open(open_page).page
    _legend_click_changes(page, "emerging-structure", "equipment manufacturing")


def test_phone_width_does_not_overflow(open_page):
    page = _open(open_page, width=390).page
    page.wait_for_timeout(200)
    assert page.evaluate("document.documentElement.scrollWidth") <= 391
