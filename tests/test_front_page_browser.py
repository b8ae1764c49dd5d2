"""The home page in Chromium: the scoreboard shows in the first screen on a desktop and on a phone, its lines do
not collide, headings never skip a level, and the chapter cards and the scoreboard read in light and dark mode."""
from __future__ import annotations

import pytest
from test_site_browser import _rgb, contrast_ratio

from greenmfg.pages.index import targets_vs_latest
from greenmfg.pages.project import chapters, home

pytestmark = pytest.mark.browser
HOME = home().output.as_posix()
SCOREBOARD = f"#chart-{targets_vs_latest.CHART_ID}"
FIRST_SCREENS = [(1280, 900), (390, 844)]


def _drawn(page) -> None:
    """The scoreboard is drawn live on the reader's first move over it (until then its build-time chart shows)."""
    page.locator(SCOREBOARD).hover(position={"x": 4, "y": 4})
    page.locator(f"{SCOREBOARD} .gm-live svg.marks").wait_for(state="attached", timeout=5000)


@pytest.mark.parametrize("width, height", FIRST_SCREENS, ids=[f"{w}x{h}" for w, h in FIRST_SCREENS])
def test_scoreboard_chart_is_in_the_first_screen(open_page, width, height):
    record = open_page(HOME, width=width, height=height)
    page = record.page
    static = page.locator(f"{SCOREBOARD} .gm-print-fallback svg:visible")
    static.first.wait_for(state="visible", timeout=5000)
    assert static.count() == 1, "one build-time chart (desktop or phone layout) shows before any interaction"
    box = static.first.bounding_box()
    assert 0 <= box["y"] < height and box["width"] <= width, "the build-time chart is in the first screen"
    assert page.locator(f"{SCOREBOARD} .gm-live svg").count() == 0, "no chart work before the reader moves"
    _drawn(page)
    assert page.evaluate("window.scrollY") == 0
    first_card = page.locator("figure.gm-card").first.get_attribute("id")
    assert first_card == SCOREBOARD.lstrip("#"), "the scoreboard is the home page's first chart card"
    chart = page.locator(f"{SCOREBOARD} .gm-chart").bounding_box()
    first_bar = page.locator(f"{SCOREBOARD} .gm-live .mark-rect path").first.bounding_box()
    assert 0 <= chart["y"] < height, f"scoreboard chart starts at {chart['y']:.0f}px, below a {height}px screen"
    assert first_bar["y"] + first_bar["height"] <= height, "the first target's bar is cut off by the screen's edge"
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert not record.console_errors and not record.foreign_requests


@pytest.mark.parametrize("width", [390, 1280])
def test_scoreboard_lines_do_not_collide(open_page, width):
    """The left and right halves of each text line (label and status; latest value and target, gap) stay apart."""
    page = open_page(HOME, width=width).page
    _drawn(page)
    boxes = page.locator(f"{SCOREBOARD} .gm-live .mark-text text").evaluate_all(
        "els => els.map(e => { const r = e.getBoundingClientRect(); return [r.left, r.right, r.top, r.bottom, e.textContent]; })")
    chart = page.locator(f"{SCOREBOARD} .gm-chart").bounding_box()
    targets = page.locator(f"{SCOREBOARD} script.gm-payload").evaluate(
        "e => { const p = JSON.parse(e.textContent), i = p.columns.indexOf('target_id');"
        " return new Set(p.rows.map(row => row[i])).size; }")
    assert len(boxes) == 4 * targets  # two lines of two halves per target (its milestone ticks carry no text)
    for i, a in enumerate(boxes):
        assert chart["x"] - 1 <= a[0] and a[1] <= chart["x"] + chart["width"] + 1, f"{a[4]!r} leaves the chart"
        for b in boxes[i + 1:]:
            overlap = min(a[1], b[1]) - max(a[0], b[0]) > 0 and min(a[3], b[3]) - max(a[2], b[2]) > 2
            assert not overlap, f"at {width}px, {a[4]!r} overlaps {b[4]!r}"


def test_headings_never_skip_a_level(open_page):
    """One h1 (the question), sections as h2, chapter cards as h3; card titles are not headings."""
    page = open_page(HOME).page
    levels = page.locator("main :is(h1, h2, h3, h4, h5, h6)").evaluate_all("els => els.map(e => +e.tagName[1])")
    assert levels[0] == 1 and levels.count(1) <= 2  # the question; the preview renderer adds References as h1
    for before, after in zip(levels, levels[1:]):
        assert after <= before + 1, f"heading levels jump from h{before} to h{after}: {levels}"
    cards = page.locator(".gm-chapter-card h3 a:not(.anchorjs-link)").evaluate_all("els => els.map(e => new URL(e.href).pathname)")
    assert len(cards) == len(chapters())
    for path, chapter in zip(cards, chapters()):
        assert path.endswith("/" + chapter.output.as_posix()), (path, chapter.output)


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_home_page_text_keeps_its_contrast(open_page, dark):
    """Chapter-card text on its card, and every scoreboard line (status colours included) on the chart, ≥ 4.5:1."""
    page = open_page(HOME, dark=dark).page
    _drawn(page)
    if dark:
        page.evaluate("document.body.classList.add('quarto-dark')")
        page.wait_for_function(f"() => document.querySelector('{SCOREBOARD}').dataset.theme === 'dark'")
    cards = page.locator(".gm-chapter-card :is(h3 a, .gm-chapter-area, .gm-chapter-finding, .gm-key-figure)").evaluate_all(
        "els => els.map(e => [getComputedStyle(e).color, getComputedStyle(e.closest('.gm-chapter-card')).backgroundColor])")
    marks = page.locator(f"{SCOREBOARD} .gm-live .mark-text text").evaluate_all(
        """els => els.map(e => [getComputedStyle(e).fill, getComputedStyle(e.closest('svg')).backgroundColor
                                 || getComputedStyle(e.closest('.gm-card')).backgroundColor])""")
    assert cards and marks
    for colour, background in cards + marks:
        if background in ("", "rgba(0, 0, 0, 0)"):
            background = page.locator(SCOREBOARD).evaluate("e => getComputedStyle(e).backgroundColor")
        ratio = contrast_ratio(_rgb(colour), _rgb(background))
        assert ratio >= 4.5, f"{'dark' if dark else 'light'}: {colour} on {background} is {ratio:.2f}:1"
