"""Embed pages: one per chart, drawn offline, kept out of search and the sitemap; snippets from site-url."""
from __future__ import annotations

import json

import pytest
from conftest import wait_for_charts

from greenmfg.pages.project import chapters, site_url
from greenmfg.site import embed


def test_snippet_points_at_the_published_embed_page():
    snippet = embed.iframe_snippet("emerging-nev", 'NEV "sales"')
    assert snippet.startswith(f'<iframe src="{site_url()}embed/emerging-nev.html"')
    assert 'title="NEV &quot;sales&quot;"' in snippet and 'loading="lazy"' in snippet


def test_a_card_from_the_site_root_is_readdressed_for_the_embed_folder():
    card = ('<figure class="gm-card" id="chart-x-y"><a class="gm-csv" href="chart-data/x-y.csv" download>CSV</a>'
            '<a class="gm-permalink" href="#chart-x-y">Link to this chart</a>'
            '<button type="button" class="gm-copy-link" hidden>Copy link</button>'
            '<details class="gm-embed"><summary>Embed</summary></details>'
            '<script type="module" src="assets/gm-charts.mjs"></script></figure>')
    out = embed._embedded_card(card, "", "x-y", "https://example.org/index.html#chart-x-y")
    assert 'href="../chart-data/x-y.csv"' in out and 'src="../assets/gm-charts.mjs"' in out
    assert 'href="https://example.org/index.html#chart-x-y" target="_top"' in out
    assert "gm-copy-link" not in out and "gm-embed" not in out


def test_every_chart_has_an_embed_page_outside_search_and_sitemap(site):
    csvs = {p.stem for p in (site / "chart-data").glob("*.csv")}
    pages = {p.stem for p in (site / embed.EMBED_DIR).glob("*.html")}
    assert csvs and csvs == pages
    for name in pages:
        text = (site / embed.EMBED_DIR / f"{name}.html").read_text(encoding="utf-8")
        assert '<meta name="robots" content="noindex">' in text
        assert "CC BY 4.0" in text and 'target="_top"' in text
    assert not [e for e in json.loads((site / "search.json").read_text(encoding="utf-8")) if "embed/" in e["href"]]
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{site_url()}index.html</loc>" in sitemap and "/embed/" not in sitemap


@pytest.mark.browser
def test_every_embed_page_draws_its_chart_offline(open_page, site):
    for path in sorted((site / embed.EMBED_DIR).glob("*.html")):
        record = open_page(f"{embed.EMBED_DIR}/{path.name}", width=640, height=640)
        record.page.locator(".gm-live svg.marks").wait_for(state="attached", timeout=5000)
        assert record.page.locator("nav, header").count() == 0, f"{path.name}: navigation in an embed"
        assert not record.console_errors, f"{path.name}: {record.console_errors}"
        assert not record.foreign_requests, f"{path.name}: {record.foreign_requests}"


@pytest.mark.browser
@pytest.mark.parametrize("chapter", [p.output.as_posix() for p in chapters()])
def test_full_source_list_expands_and_matches_the_csv(open_page, site, chapter):
    import csv

    record = open_page(chapter)
    wait_for_charts(record.page)  # charts drawing above a card would move it under the click
    for card in record.page.locator("figure.gm-card").all():
        chart_id = card.get_attribute("data-chart-id")
        sources = card.locator("details.gm-sources")
        assert not sources.locator("li").first.is_visible(), "the full list starts folded"
        sources.locator("summary").click()
        sources.locator("li").first.wait_for(state="visible", timeout=2000)
        listed = sorted(li.get_attribute("data-org") for li in sources.locator("li").all())
        with open(site / "chart-data" / f"{chart_id}.csv", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        releases = sorted({(r["source_org"], r["source_date"], r["url"]) for r in rows})
        assert listed == sorted(org for org, _, _ in releases), f"{chart_id}: list differs from the CSV's sources"


@pytest.mark.browser
def test_print_hides_navigation_and_controls_and_shows_static_charts(open_page):
    chapter = chapters()[0].output.as_posix()
    record = open_page(chapter)
    assert record.page.pdf(format="A4")[:4] == b"%PDF"  # printing fires beforeprint: static charts for every card
    record.page.emulate_media(media="print")
    for chrome in ("#quarto-header", ".site-header", "#TOC", "#quarto-margin-sidebar", ".gm-actions", ".gm-sources",
                   ".gm-live"):
        for node in record.page.locator(chrome).all():
            assert not node.is_visible(), f"{chrome} shows in print"
    cards = record.page.locator("figure.gm-card")
    for index in range(cards.count()):
        fallback = cards.nth(index).locator(".gm-print-fallback svg")
        assert fallback.count() == 1 and fallback.is_visible(), f"card {index}: no static chart in print"
        assert cards.nth(index).locator(".gm-source p").is_visible()


@pytest.mark.browser
def test_a_pasted_snippet_grows_to_its_chart_on_a_phone(browser, server, site):
    """The snippet as a reader pastes it, on a phone-width page: the iframe takes the chart's height (the card is
    far taller than the fallback height there), so nothing is cut off or scrolls inside the frame."""
    chart_id = sorted(p.stem for p in (site / embed.EMBED_DIR).glob("*.html"))[0]
    snippet = embed.iframe_snippet(chart_id, "chart").replace(site_url(), server)
    context = browser.new_context(viewport={"width": 390, "height": 800})
    try:
        page = context.new_page()
        page.set_content(f"<!DOCTYPE html><html><body style='margin:0'><p>Article text</p>{snippet}</body></html>")
        frame = page.locator("iframe[data-greenmfg-embed]")
        page.wait_for_function("() => document.querySelector('iframe').style.height !== ''", timeout=10000)
        inner = page.frame_locator("iframe[data-greenmfg-embed]").locator("html")
        inner.locator(".gm-live svg.marks").wait_for(state="attached", timeout=10000)
        page.wait_for_timeout(500)
        shown = frame.evaluate("f => f.getBoundingClientRect().height")
        needed = inner.evaluate("h => h.scrollHeight")
        assert shown != embed.EMBED_HEIGHT and abs(shown - needed) <= 2, (shown, needed)
    finally:
        context.close()
