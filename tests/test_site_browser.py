"""A real browser against the built site: every page, every chart card, both themes, with and without JS."""
from __future__ import annotations

import json
import re
import urllib.request

import pytest
from conftest import wait_for_charts
from test_charts_browser import item_tooltip_problems

from greenmfg.pages.project import all_pages

PAGES = [page.output.as_posix() for page in all_pages()]
pytestmark = pytest.mark.browser


def _luminance(rgb: tuple[float, float, float]) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    """WCAG contrast ratio of two sRGB colours."""
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _rgb(css: str) -> tuple[float, float, float]:
    if css.startswith("#"):
        h = css.lstrip("#")
        h = "".join(c * 2 for c in h) if len(h) == 3 else h
        return tuple(int(h[i:i + 2], 16) for i in (0, 2, 4))
    return tuple(float(x) for x in re.findall(r"[\d.]+", css)[:3])


@pytest.mark.parametrize("path", PAGES)
def test_page_draws_its_charts_without_errors_or_foreign_requests(drawn_page, path):
    record = drawn_page(path)
    assert record.console_errors == [], f"{path}: console errors {record.console_errors}"
    assert record.foreign_requests == [], f"{path}: requests left 127.0.0.1: {record.foreign_requests}"


@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_no_serious_or_critical_violations(drawn_page, path):
    from axe_playwright_python.sync_playwright import Axe

    page = drawn_page(path).page
    results = Axe().run(page)
    bad = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:4]) for v in results.response["violations"]
           if v["impact"] in ("serious", "critical")]
    assert bad == [], f"{path}: axe violations {bad}"


@pytest.mark.parametrize("path", PAGES)
def test_charts_have_descriptive_accessible_names(drawn_page, path):
    page = drawn_page(path).page
    for name in page.eval_on_selector_all(".gm-live svg.marks", "els => els.map(e => e.getAttribute('aria-label'))"):
        assert name and len(name) >= 40 and name.lower() not in ("chart", "vega visualization"), name
        assert re.search(r"\d{4}", name), f"description should name the period: {name!r}"


@pytest.mark.parametrize("path", PAGES)
def test_csv_links_resolve_and_match_the_chart_rows(drawn_page, server, path):
    page = drawn_page(path).page
    for card in page.locator("figure.gm-card").all():
        payload = json.loads(card.locator("script.gm-payload").text_content())
        href = card.locator("a.gm-csv").get_attribute("href")
        url = page.evaluate("h => new URL(h, document.baseURI).href", href)
        with urllib.request.urlopen(url) as response:
            lines = response.read().decode("utf-8").strip().splitlines()
        assert len(lines) - 1 == len(payload["rows"]), f"{href}: CSV rows differ from the chart's data"


@pytest.mark.parametrize("path", PAGES)
def test_static_fallback_is_visible_without_javascript(open_page, path):
    page = open_page(path, js=False).page
    for card in page.locator("figure.gm-card").all():
        # one static chart shows (a first-screen card carries a desktop and a phone layout, one per screen width)
        assert card.locator(".gm-static svg:visible").count() == 1, f"{path}: no single visible fallback without JS"


def axis_label_contrasts(page) -> list[tuple[str, str]]:
    """(background, axis label colour) of every drawn chart on the page as it is now."""
    return page.eval_on_selector_all(".gm-live svg.marks", """svgs => svgs.map(svg => {
        const label = svg.querySelector('.role-axis-label text');
        const bg = getComputedStyle(svg).backgroundColor;
        return [bg && bg !== 'rgba(0, 0, 0, 0)' ? bg : getComputedStyle(svg.closest('.gm-card')).backgroundColor,
                label ? getComputedStyle(label).fill : null];
    })""")


def low_contrast(pairs: list[tuple[str, str]], theme: str) -> list[str]:
    """Axis label colours under 4.5:1 on their chart's background."""
    return [f"{theme}: axis label {label} on {background} is {contrast_ratio(_rgb(label), _rgb(background)):.2f}:1"
            for background, label in pairs
            if label is not None and contrast_ratio(_rgb(label), _rgb(background)) < 4.5]


@pytest.mark.parametrize("path", PAGES)
def test_axis_labels_contrast_with_the_chart_background(drawn_page, path):
    assert low_contrast(axis_label_contrasts(drawn_page(path).page), "light") == [], path


@pytest.mark.parametrize("path", PAGES)
def test_every_control_is_reachable_with_tab(drawn_page, path):
    """Last of the desktop checks on each shared page: tabbing moves focus and scrolls."""
    page = drawn_page(path).page
    # A radio group is one Tab stop (arrow keys move inside it), so its radios share one probe. What a closed
    # <details> holds is reached through its summary, which is probed itself.
    wanted = page.eval_on_selector_all(
        "figure.gm-card :is(input, select, button:not([hidden]), summary, a[href])",
        """els => [...new Set(els.filter((e) => e.tagName === 'SUMMARY' || !e.closest('details:not([open])')).map((e, i) => {
            const probe = e.type === 'radio' ? 'radio:' + e.name : String(i);
            e.dataset.tabProbe = probe; return probe; }))]""")
    reached: set[str] = set()
    for _ in range(400):
        page.keyboard.press("Tab")
        probe = page.evaluate("document.activeElement && document.activeElement.dataset.tabProbe")
        if probe is not None:
            reached.add(probe)
        if len(reached) == len(wanted):
            break
    assert len(reached) == len(wanted), f"{path}: {len(wanted) - len(reached)} chart controls not reachable by Tab"


@pytest.mark.parametrize("path", PAGES)
def test_every_chart_item_has_a_complete_tooltip(drawn_page, path):
    """At desktop width, every item's tooltip fields have values (hovering, and the phone: tests/test_charts_browser.py)."""
    page = drawn_page(path).page
    cards = page.locator("figure.gm-card")
    problems = [problem for index in range(cards.count()) for problem in item_tooltip_problems(
        page, cards.nth(index), cards.nth(index).get_attribute("data-chart-id"))]
    assert problems == [], f"{path}:\n" + "\n".join(problems)


@pytest.mark.parametrize("path", PAGES)
def test_axis_labels_contrast_with_the_chart_background_in_dark_mode(open_page, path):
    page = open_page(path, dark=True).page
    wait_for_charts(page)
    page.evaluate("document.body.classList.add('quarto-dark')")
    page.wait_for_function("() => [...document.querySelectorAll('figure.gm-card')].every(c => c.dataset.theme === 'dark')")
    assert low_contrast(axis_label_contrasts(page), "dark") == [], path


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_card_titles_keep_full_contrast(open_page, dark):
    """Themes mute <figcaption> (Quarto's does); a card title must still read at >= 4.5:1 on its card."""
    page = open_page("chapters/digital.html", dark=dark).page
    if dark:
        page.evaluate("document.body.classList.add('quarto-dark')")
    pairs = page.eval_on_selector_all("figure.gm-card .gm-card-title", """titles => titles.map(t => [
        getComputedStyle(t).color, getComputedStyle(t.closest('figure.gm-card')).backgroundColor])""")
    assert pairs
    for colour, background in pairs:
        ratio = contrast_ratio(_rgb(colour), _rgb(background))
        assert ratio >= 4.5, f"card title {colour} on {background} is {ratio:.2f}:1"


# The dark-mode control is each renderer's own chrome.
THEME_TOGGLE = {"preview": "button.theme-toggle", "quarto": "a.quarto-color-scheme-toggle"}


def test_charts_follow_the_theme_toggle_without_reload(open_page, renderer):
    page = open_page("chapters/digital.html").page
    assert wait_for_charts(page), "the digital chapter has charts"
    before = page.locator(".gm-live svg").first.inner_html()
    page.locator(THEME_TOGGLE[renderer]).first.click()
    page.wait_for_function("() => document.querySelector('figure.gm-card').dataset.theme === 'dark'")
    after = page.locator(".gm-live svg").first.inner_html()
    assert before != after, "the chart did not re-render in dark mode"


def test_no_internal_link_is_broken(site):
    missing = []
    for page in sorted(site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        for href in re.findall(r'(?:href|src)="([^"]+)"', text):
            if re.match(r"^(?:[a-z]+:|//|data:)", href):
                continue
            target, _, anchor = href.partition("#")
            target = target.partition("?")[0]  # a saved chart setting (?<chart-id>.<name>=…) is no part of the path
            resolved = (page.parent / target).resolve() if target else page
            if not resolved.exists():
                missing.append(f"{page.relative_to(site)} -> {href}")
            elif anchor and resolved.suffix == ".html":
                if f'id="{anchor}"' not in resolved.read_text(encoding="utf-8"):
                    missing.append(f"{page.relative_to(site)} -> {href} (no such anchor)")
    assert missing == []
