"""The policy-family page in Chromium, both editions and both renderers: choosing a measure redraws its chain, the
chart fits its card on a phone, a measure named in the task-area table opens its chain, and the milestone filter
shows the chosen verdict only. (Console errors, requests, tooltips, axe, CSV, embeds and saved links are checked
for every page by the site-wide browser tests.)"""
from __future__ import annotations

import pytest
from conftest import wait_for_charts

from greenmfg.data import milestones
from greenmfg.pages import family
from greenmfg.pages.project import editions, page

pytestmark = pytest.mark.browser
PATHS = [page("family", lang).output.as_posix() for lang in editions()]
CARD = "#chart-family-timeline"
VIEW = f"window.greenmfgCharts.views.get(document.querySelector('{CARD}'))"
AXIS_LABELS = f"[...document.querySelectorAll('{CARD} .gm-live .role-axis-label text')].map((t) => t.textContent)"


def _drawn(record):
    record.page.locator(CARD).scroll_into_view_if_needed()
    record.page.locator(f"{CARD} .gm-live svg.marks").wait_for(state="attached", timeout=5000)
    return record.page


@pytest.mark.parametrize("path", PATHS)
def test_choosing_a_measure_redraws_its_chain(open_page, path):
    record = open_page(path)
    page_ = _drawn(record)
    before = page_.evaluate(AXIS_LABELS)
    page_.locator(f"{CARD} .gm-live select").select_option("bulk_waste_rate")
    page_.wait_for_timeout(300)
    after = page_.evaluate(AXIS_LABELS)
    assert page_.evaluate(f"{VIEW}.signal('measure')") == "bulk_waste_rate"
    assert after != before and len(after) > len(before), (before, after)
    assert record.console_errors == []


@pytest.mark.parametrize("path", PATHS)
def test_the_chart_fits_its_card_on_a_phone(open_page, path):
    page_ = _drawn(open_page(path, width=390, height=844))
    widths = page_.evaluate(f"""(() => {{
        const card = document.querySelector('{CARD}'), live = card.querySelector('.gm-live');
        return [card.getBoundingClientRect().width, live.getBoundingClientRect().width,
                live.querySelector('svg').getBoundingClientRect().width]; }})()""")
    card, live, svg = widths
    assert svg <= live + 0.5 and card <= 390, widths


@pytest.mark.parametrize("path", PATHS)
def test_a_measure_in_the_task_area_table_opens_its_chain(open_page, path):
    page_ = open_page(path).page
    link = page_.locator("table.gm-family-areas a[href*='family-timeline.measure=']").first
    measure = link.get_attribute("href").split("measure=")[1].split("#")[0]
    link.click()
    page_.wait_for_load_state("load")
    page_.locator(f"{CARD} .gm-live svg.marks").wait_for(state="attached", timeout=5000)
    assert page_.evaluate(f"{VIEW}.signal('measure')") == measure


@pytest.mark.parametrize("path", PATHS)
def test_the_milestone_filter_shows_the_chosen_verdict_only(open_page, path):
    page_ = open_page(path).page
    wait_for_charts(page_)
    page_.locator("#family-milestones-verdict").select_option("met")
    shown = page_.locator("#family-milestones tr[data-row]:visible")
    assert shown.count() == int(family.variables()["family"]["met"]) > 0
    assert {shown.nth(i).get_attribute("data-verdict") for i in range(shown.count())} == {milestones.MET}
