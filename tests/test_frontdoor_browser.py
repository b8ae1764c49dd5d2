"""Front-door pages (every page but the chapters) in Chromium: filters hide rows, claim marks link to ledger
entries, the distance chart's select works, no page-level scroll."""
from __future__ import annotations

import pytest
from conftest import wait_for_charts

from greenmfg.pages.project import page, pages
from greenmfg.pages.targets import distance

pytestmark = pytest.mark.browser
FRONT_PAGES = [p.output.as_posix() for p in pages() if not p.is_chapter]
TARGETS, CLAIMS, HOME = (page(key).output.as_posix() for key in ("targets", "claims", "index"))


def _visible(page, selector: str) -> int:
    return page.locator(selector).evaluate_all("els => els.filter(e => !e.hidden && e.offsetParent !== null).length")


def test_tracker_sector_filter_shows_fewer_targets(open_page):
    record = open_page(TARGETS)
    page = record.page
    rows = "#targets-tracker tbody tr[data-row]"
    before = _visible(page, rows)
    assert before >= 2
    select = page.locator("#targets-tracker-sector")
    assert page.get_by_label("Sector", exact=True).count() >= 1
    option = select.locator("option").nth(1).get_attribute("value")
    select.select_option(option)
    after = _visible(page, rows)
    assert 0 < after < before
    assert page.locator("#targets-tracker .gm-filter-count").inner_text() == f"Showing {after} of {before}"
    select.select_option("")
    assert _visible(page, rows) == before
    assert not record.console_errors


def test_ledger_filters_show_fewer_claims(open_page):
    record = open_page(CLAIMS)
    page = record.page
    entries = "#claims-ledger li[data-row]"
    before = _visible(page, entries)
    page.get_by_label("Status").select_option("not-found")
    by_status = _visible(page, entries)
    assert 0 < by_status < before
    page.get_by_label("Theme").select_option("digital")
    both = _visible(page, entries)
    assert 0 < both <= by_status
    hidden_statuses = page.locator(entries).evaluate_all(
        "els => els.filter(e => !e.hidden).map(e => e.dataset.status)")
    assert set(hidden_statuses) == {"not-found"}
    assert not record.console_errors


def test_every_claim_mark_links_to_an_existing_ledger_entry(open_page):
    page = open_page(CLAIMS).page
    # Resolved hashes, not raw attributes: renderers may write the same link in different forms.
    refs = page.locator("a.gm-claim-ref").evaluate_all("els => els.map(e => new URL(e.href).hash)")
    entries = page.locator("#claims-ledger li[id^='claim-']").evaluate_all("els => els.map(e => e.id)")
    assert refs and sorted(h.lstrip("#") for h in refs) == sorted(entries)
    marked = page.locator("mark.gm-claim-mark").evaluate_all("els => els.flatMap(e => e.dataset.claims.split(' '))")
    assert set(marked) <= {e.removeprefix("claim-") for e in entries}
    back = page.locator("#claims-ledger li[id^='claim-'] a").evaluate_all("els => els.map(e => new URL(e.href).hash)")
    assert len([h for h in back if h.startswith("#mark-")]) == len(entries)


def test_target_anchor_is_reachable_from_the_landing_page(open_page):
    page = open_page(HOME).page
    href = page.locator(".gm-goals a").first.evaluate("e => e.href")  # absolute, whatever form the renderer wrote
    page.locator(".gm-goals a").first.click()
    page.wait_for_load_state("load")
    assert page.url == href and page.locator(href[href.index("#"):]).count() == 1


def test_distance_chart_sector_select_changes_the_chart(open_page):
    page = open_page(TARGETS).page
    wait_for_charts(page)
    card = page.locator(f"#chart-{distance.CHART_ID}")
    before = card.locator(".gm-live svg").inner_html()
    card.locator("select").select_option(index=1)
    page.wait_for_timeout(300)
    assert card.locator(".gm-live svg").inner_html() != before


@pytest.mark.parametrize("path", FRONT_PAGES)
@pytest.mark.parametrize("width", [390, 1280])
def test_front_pages_fit_without_errors(open_page, path, width):
    record = open_page(path, width=width)
    wait_for_charts(record.page)
    assert record.page.evaluate("document.documentElement.scrollWidth") <= width
    assert not record.console_errors and not record.foreign_requests
