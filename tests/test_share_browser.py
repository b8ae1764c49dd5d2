"""Charts draw as they near the viewport, and every card can be linked to, shared and exported.

Interactive settings live in the query string as ?<chart-id>.<param>=<value>, so a shared link opens
the same view; the fragment stays the card's anchor.
"""
from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest

from greenmfg.pages.digital import power_mix, pv_calculator
from greenmfg.pages.project import chapters, page

pytestmark = pytest.mark.browser
DIGITAL = page("digital").output.as_posix()
DRAWN = ".gm-live svg.marks"


def test_a_card_below_the_fold_draws_only_when_scrolled_to(open_page):
    record = open_page(DIGITAL, width=390, height=844)
    cards = record.page.locator("figure.gm-card")
    last = cards.nth(cards.count() - 1)
    record.page.wait_for_timeout(1000)
    assert last.locator(DRAWN).count() == 0, "a card far below the fold was drawn before it was needed"
    last.scroll_into_view_if_needed()
    last.locator(DRAWN).wait_for(state="attached", timeout=5000)
    assert not record.console_errors


def test_a_shared_link_restores_a_slider(open_page):
    record = open_page(f"{DIGITAL}?{pv_calculator.CHART_ID}.mw=50#chart-{pv_calculator.CHART_ID}")
    card = record.page.locator(f"#chart-{pv_calculator.CHART_ID}")
    card.locator(DRAWN).wait_for(state="attached", timeout=5000)
    slider = card.locator("input[type=range]").first
    assert slider.input_value() == "50"
    value = record.page.evaluate(f"window.greenmfgCharts.views.get(document.querySelector('#chart-{pv_calculator.CHART_ID}')).signal('mw')")
    assert value == 50


def test_moving_a_slider_updates_the_link_and_keeps_the_anchor(open_page):
    record = open_page(f"{DIGITAL}#chart-{pv_calculator.CHART_ID}")
    card = record.page.locator(f"#chart-{pv_calculator.CHART_ID}")
    card.locator(DRAWN).wait_for(state="attached", timeout=5000)
    card.locator("input[type=range]").first.fill("35")
    record.page.wait_for_function(f"() => location.search.includes('{pv_calculator.CHART_ID}.mw=35')")
    assert urlparse(record.page.url).fragment == f"chart-{pv_calculator.CHART_ID}"


def test_a_brushed_selection_survives_a_shared_link(open_page):
    record = open_page(f"{DIGITAL}#chart-{power_mix.CHART_ID}")
    card = record.page.locator(f"#chart-{power_mix.CHART_ID}")
    card.locator(DRAWN).wait_for(state="attached", timeout=5000)
    box = card.locator(DRAWN).first.bounding_box()
    mouse = record.page.mouse
    mouse.move(box["x"] + box["width"] * 0.45, box["y"] + 60)
    mouse.down()
    mouse.move(box["x"] + box["width"] * 0.75, box["y"] + 60, steps=8)
    mouse.up()
    record.page.wait_for_function(f"() => location.search.includes('{power_mix.CHART_ID}.')")
    shared = record.page.url
    key = next(k for k in parse_qs(urlparse(shared).query) if k.startswith(power_mix.CHART_ID + "."))
    store = key.split(".", 1)[1] + "_store"
    again = open_page(shared.split("/", 3)[3])
    card = again.page.locator(f"#chart-{power_mix.CHART_ID}")
    card.locator(DRAWN).wait_for(state="attached", timeout=5000)
    restored = again.page.evaluate(
        f"window.greenmfgCharts.views.get(document.querySelector('#chart-{power_mix.CHART_ID}')).data('{store}').length")
    assert restored == 1
    assert not again.console_errors


@pytest.mark.parametrize("chapter", [p.output.as_posix() for p in chapters()])
def test_every_card_has_a_permalink_and_a_copy_link_control(open_page, chapter):
    record = open_page(chapter)
    for card in record.page.locator("figure.gm-card").all():
        card_id = card.get_attribute("id")
        # Resolved, not the raw attribute: Quarto's script writes in-page links out in full.
        target = card.locator("a.gm-permalink").evaluate("a => [new URL(a.href).pathname, new URL(a.href).hash]")
        assert target == [record.page.evaluate("location.pathname"), f"#{card_id}"]
        assert card.locator("button.gm-copy-link").is_visible()


NO_CLIPBOARD = {
    "missing": "Object.defineProperty(navigator, 'clipboard', {value: undefined, configurable: true})",
    "never answers": "Object.defineProperty(navigator, 'clipboard', {value: {writeText: () => new Promise(() => {})},"
                     " configurable: true})",
}


@pytest.mark.parametrize("clipboard", NO_CLIPBOARD)
def test_copy_link_falls_back_to_a_selected_field_without_a_clipboard(open_page, clipboard):
    record = open_page(DIGITAL)
    record.page.evaluate(NO_CLIPBOARD[clipboard])
    card = record.page.locator("figure.gm-card").first
    card.locator("button.gm-copy-link").click()
    field = card.locator("input.gm-link-field")
    field.wait_for(state="visible", timeout=5000)
    assert field.input_value().endswith(f"#{card.get_attribute('id')}")


def test_exporting_a_card_not_yet_drawn_draws_it_first(open_page):
    record = open_page(DIGITAL, width=390, height=844)
    last = record.page.locator("figure.gm-card").last
    assert last.locator(DRAWN).count() == 0
    with record.page.expect_download(timeout=10000) as download:
        last.locator("button.gm-export[data-format=svg]").click()
    assert download.value.suggested_filename.endswith(".svg")


@pytest.mark.parametrize("fmt", ["png", "svg"])
@pytest.mark.parametrize("lang_prefix", ["", "zh/"])
def test_an_exported_image_carries_title_source_and_credit(open_page, tmp_path, fmt, lang_prefix):
    """A desk republishing an exported chart needs its title, subtitle, source and the site's credit in the file."""
    record = open_page(lang_prefix + DIGITAL)
    card = record.page.locator("figure.gm-card").first
    card.scroll_into_view_if_needed()
    with record.page.expect_download(timeout=15000) as download:
        card.locator(f"button.gm-export[data-format={fmt}]").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    title = card.locator(".gm-card-title").text_content().strip()
    if fmt == "svg":
        text = path.read_text(encoding="utf-8")
        shown = " ".join(re.findall(r"<text[^>]*>([^<]*)</text>", text))
        assert title[:12] in shown.replace(" ", "") or title[:12] in shown
        assert "CC BY 4.0" in shown and f"#{card.get_attribute('id')}" in shown
        assert ("来源" if lang_prefix else "Source") in shown
    else:
        from struct import unpack

        width, height = unpack(">II", path.read_bytes()[16:24])
        box = card.locator(".gm-live svg.marks").first.bounding_box()
        assert height > 2 * box["height"] + 80, "room for title, subtitle, source and credit around the chart"
