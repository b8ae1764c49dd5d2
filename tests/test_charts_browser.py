"""Charts as readers meet them, in both editions and on both renderers' builds: every mark's tooltip complete and
inside the viewport, every chart drawn inside its card on a phone, and wide tables that say they scroll."""
from __future__ import annotations

import re

import pytest
from conftest import wait_for_charts

from greenmfg.pages.project import all_pages

PAGES = [page.output.as_posix() for page in all_pages()]
PHONE = 390
BAD_VALUE = re.compile(r"\b(?:undefined|NaN|null)\b")

pytestmark = pytest.mark.browser

# Centre of up to three items (first, middle, last) of every mark that takes the pointer, in page coordinates.
HOVER_TARGETS = """card => {
  const view = window.greenmfgCharts.views.get(card);
  const svg = card.querySelector('.gm-live svg').getBoundingClientRect();
  const [ox, oy] = view.origin();
  const targets = [];
  const visit = (mark, dx, dy) => {
    if (mark.marktype === 'group') {
      for (const group of mark.items) {
        for (const child of group.items) visit(child, dx + (group.x || 0), dy + (group.y || 0));
      }
    } else if (mark.interactive !== false) {
      const items = mark.items.filter(item => item.bounds && !item.bounds.empty());
      for (const k of new Set([0, items.length >> 1, items.length - 1])) {
        const b = items[k] && items[k].bounds;
        const x = b && svg.left + ox + dx + (b.x1 + b.x2) / 2;
        const y = b && svg.top + window.scrollY + oy + dy + (b.y1 + b.y2) / 2;
        if (Number.isFinite(x) && Number.isFinite(y)) targets.push({mark: mark.name || mark.marktype, x, y});
      }
    }
  };
  visit(view.scenegraph().root, 0, 0);
  return targets;
}"""

# What the tooltip handler was given for every item of the chart now, each line as text.
ITEM_TOOLTIPS = """card => {
  const text = v => v === undefined ? 'undefined' : v === null ? 'null' : String(v);
  const found = [];
  const visit = mark => {
    for (const item of mark.items || []) {
      if (item.tooltip !== undefined && item.tooltip !== null) {
        const lines = typeof item.tooltip === 'object' ? Object.entries(item.tooltip) : [['', item.tooltip]];
        found.push({mark: mark.name || mark.marktype, lines: lines.map(([key, value]) => [key, text(value)])});
      }
      if (mark.marktype === 'group') item.items.forEach(visit);
    }
  };
  visit(window.greenmfgCharts.views.get(card).scenegraph().root);
  return found;
}"""

SHOWN_TOOLTIP = """() => {
  const tip = document.querySelector('.gm-tooltip');
  if (!tip || tip.hidden) return null;
  const r = tip.getBoundingClientRect();
  const lines = [...tip.querySelectorAll('tr')].map(tr => [tr.cells[0].textContent, tr.cells[1]?.textContent ?? '']);
  return {lines: lines.length ? lines : [['', tip.textContent]], left: r.left, right: r.right, width: r.width,
          viewport: document.documentElement.clientWidth};
}"""


def bad_lines(lines: list[list[str]]) -> list[str]:
    """Tooltip lines whose value is empty or reads undefined, NaN or null."""
    return [f"{key or 'value'}={value!r}" for key, value in lines if not value.strip() or BAD_VALUE.search(value)]


def hover(page, target: dict) -> dict | None:
    """Move the pointer to a target (scrolled to mid-screen first) and return the tooltip shown, if any."""
    scroll = page.evaluate("y => (window.scrollTo(0, y - innerHeight / 2), window.scrollY)", target["y"])
    page.mouse.move(target["x"], target["y"] - scroll)
    page.wait_for_timeout(40)
    return page.evaluate(SHOWN_TOOLTIP)


def item_tooltip_problems(page, card, chart_id: str) -> list[str]:
    """Tooltip lines of every item of one chart, as the tooltip handler is given them, that are empty or read
    undefined, NaN or null."""
    return [f"{chart_id} {item['mark']} (item): {line}"
            for item in page.evaluate(ITEM_TOOLTIPS, card.element_handle()) for line in bad_lines(item["lines"])]


def tooltip_problems(page, card, chart_id: str) -> tuple[list[str], int]:
    """Problems with the tooltips of one chart (hovered marks and every item's value) and how many were shown."""
    problems, shown = [], 0
    for target in page.evaluate(HOVER_TARGETS, card.element_handle()):
        tip = hover(page, target)
        if tip is None:
            continue
        shown += 1
        problems += [f"{chart_id} {target['mark']}: {line}" for line in bad_lines(tip["lines"])]
        if tip["width"] > tip["viewport"] or tip["left"] < 0 or tip["right"] > tip["viewport"]:
            problems.append(f"{chart_id} {target['mark']}: tooltip spans {tip['left']:.0f}–{tip['right']:.0f} px "
                            f"of a {tip['viewport']} px viewport")
    return sorted(set(problems + item_tooltip_problems(page, card, chart_id))), shown


# Per card: the drawn chart's width, the card's, and any text outside the card (text size: test_no_chart_text_...).
CHART_FIT = """() => [...document.querySelectorAll('figure.gm-card')].map(card => {
  const box = card.querySelector('.gm-chart'), frame = box.getBoundingClientRect();
  const svg = card.querySelector('.gm-live svg');
  const outside = r => r.left < frame.left - 0.5 || r.right > frame.right + 0.5;
  const texts = [...svg.querySelectorAll('text')].filter(t => t.textContent.trim()).map(t => ({
    text: t.textContent, rect: t.getBoundingClientRect()}));
  const controls = [...card.querySelectorAll('.vega-bindings')].filter(b => outside(b.getBoundingClientRect()));
  return {id: card.dataset.chartId, chart: svg.getBoundingClientRect().width, card: box.clientWidth,
          scrolls: box.scrollWidth > box.clientWidth + 0.5, controls: controls.length,
          cut: texts.filter(t => outside(t.rect)).map(t => t.text),
          truncated: texts.filter(t => t.text.endsWith('…')).map(t => t.text)};
})"""


def fit_problems(card: dict) -> list[str]:
    """What keeps one drawn chart from fitting its card: width, sideways scrolling, cut text, controls."""
    name = f"{card['id']} ({card['chart']:.0f} px in a {card['card']} px card)"
    problems = [f"{name}: wider than its card"] if card["chart"] > card["card"] + 0.5 else []
    problems += [f"{name}: scrolls sideways"] if card["scrolls"] else []
    problems += [f"{name}: text cut at the card's edge: {card['cut'][:4]}"] if card["cut"] else []
    problems += [f"{name}: labels cut short with …: {card['truncated'][:4]}"] if card["truncated"] else []
    return problems + ([f"{name}: controls outside the card"] if card["controls"] else [])


@pytest.mark.parametrize("path", PAGES)
def test_no_horizontal_overflow_on_a_phone(drawn_page, path):
    page = drawn_page(path, width=PHONE, height=844).page
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE + 1, f"{path}: page is {width}px wide at {PHONE}px"


@pytest.mark.parametrize("path", PAGES)
def test_every_chart_fits_its_card_on_a_phone(drawn_page, path):
    page = drawn_page(path, width=PHONE, height=844).page
    problems = [problem for card in page.evaluate(CHART_FIT) for problem in fit_problems(card)]
    assert problems == [], f"{path} at {PHONE}px:\n" + "\n".join(problems)


# Every shown text of every chart the page shows now (the live chart, or a first-screen card's build-time one), at the
# size it is drawn: its font size times the scale from the SVG to the screen (an SVG shrunk to fit its card, a
# viewBox, a transform).
SMALL_TEXT = """() => [...document.querySelectorAll('figure.gm-card')].flatMap(card =>
  [...card.querySelectorAll('.gm-live svg, .gm-static svg')].filter(svg => svg.checkVisibility()).flatMap(svg =>
    [...svg.querySelectorAll('text')].filter(t => t.textContent.trim() && t.checkVisibility()).map(t => {
      const m = t.getScreenCTM(), size = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
      return {chart: card.dataset.chartId, drawn: svg.closest('.gm-live') ? 'live' : 'build-time',
              text: t.textContent.trim().slice(0, 40), size};
    }).filter(t => t.size < 11 - 0.05)))"""


def small_texts(page) -> list[str]:
    """Chart texts drawn under 11 px on the page as it is now, one line per chart and drawing."""
    found: dict[str, list[str]] = {}
    for text in page.evaluate(SMALL_TEXT):
        found.setdefault(f"{text['chart']} ({text['drawn']})", []).append(f"{text['text']!r} {text['size']:.1f} px")
    return [f"{chart}: {len(texts)} texts under 11 px, e.g. {texts[:3]}" for chart, texts in found.items()]


@pytest.mark.parametrize("path", PAGES)
def test_no_chart_text_is_drawn_under_11px_on_a_phone(drawn_page, open_page, site, path):
    """Every chart once drawn live, and on a page with a first-screen card what a phone reader sees first: that
    card's build-time chart, before anything is drawn live (other cards show nothing until they are drawn)."""
    problems = small_texts(drawn_page(path, width=PHONE, height=844).page)
    if "data-first-screen" in (site / path).read_text(encoding="utf-8"):
        first = open_page(path, width=PHONE, height=844).page
        first.wait_for_timeout(200)
        problems = small_texts(first) + problems
    assert problems == [], f"{path} at {PHONE}px:\n" + "\n".join(problems)


# Chart texts that crowd each other at the size a phone shows them: neighbouring labels of one axis closer than 4 px
# ("2014201520162017…"), value labels over each other or over an axis label ("33.6%34.6%"), labels of two different
# marks side by side on one line less than two characters apart (they read as one: "超过950万辆 47.9%"), and value
# labels drawn across a line of the chart. Boxes are the texts' own, turned and scaled as drawn (angled year labels may interleave).
CROWDED_TEXT = """card => {
  const svg = card.querySelector('.gm-live svg');
  const shown = el => el.checkVisibility({opacityProperty: true, visibilityProperty: true}) &&
    parseFloat(getComputedStyle(el).fillOpacity || 1) * parseFloat(getComputedStyle(el).opacity || 1) > 0.5;
  const kind = t => t.closest('.role-axis-label') ? 'axis label' : t.closest('.role-axis-title') ? 'axis title'
    : t.closest('.role-legend') ? 'legend' : t.closest('.role-mark') ? 'label' : 'title';
  const corners = (t, d = 0) => {  // the text's box grown sideways by d, on screen (through rotation and scale)
    const b = t.getBBox(), m = t.getScreenCTM();
    return [[b.x - d, b.y], [b.x + b.width + d, b.y], [b.x + b.width + d, b.y + b.height], [b.x - d, b.y + b.height]]
      .map(([x, y]) => [m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f]);
  };
  const overlap = (p, q, pad) => [p, q].every(poly => poly.every((a, i) => {  // no edge normal separates the boxes
    const b = poly[(i + 1) % 4], n = [a[1] - b[1], b[0] - a[0]], len = Math.hypot(...n) || 1;
    const [pp, qq] = [p, q].map(pts => pts.map(([x, y]) => (x * n[0] + y * n[1]) / len));
    return Math.min(Math.max(...pp), Math.max(...qq)) - Math.max(Math.min(...pp), Math.min(...qq)) > pad;
  }));
  const texts = [...svg.querySelectorAll('text')].filter(t => t.textContent.trim() && shown(t)).map(t => ({
    t, text: t.textContent.trim().slice(0, 30), kind: kind(t), axis: t.closest('.role-axis')}));
  const problems = [];
  for (const [i, a] of texts.entries()) for (const b of texts.slice(i + 1)) {
    if (![a.kind, b.kind].every(k => k === 'axis label' || k === 'label')) continue;
    const sameAxis = a.axis && a.axis === b.axis;
    if (overlap(corners(a.t, sameAxis ? 2 : 0), corners(b.t, sameAxis ? 2 : 0), sameAxis ? 0 : 1))
      problems.push(`${a.kind} ${JSON.stringify(a.text)} ${sameAxis ? 'crowds' : 'overlaps'} ${b.kind} ${JSON.stringify(b.text)}`);
  }
  const labels = texts.filter(t => t.kind === 'label');
  for (const [i, a] of labels.entries()) for (const b of labels.slice(i + 1)) {
    if (a.t.closest('.role-mark') === b.t.closest('.role-mark')) continue;  // one mark's lines (a readout) may stack
    const [p, q] = [a.t, b.t].map(t => t.getBoundingClientRect());
    const em = Math.max(...[a.t, b.t].map(t => parseFloat(getComputedStyle(t).fontSize) * Math.hypot(t.getScreenCTM().a, t.getScreenCTM().b)));
    const sameLine = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top) > 2;
    const gap = Math.max(p.left, q.left) - Math.min(p.right, q.right);
    if (sameLine && gap >= 0 && gap < 2 * em)
      problems.push(`label ${JSON.stringify(a.text)} sits ${Math.round(gap)} px beside label ${JSON.stringify(b.text)}`);
  }
  const lines = [...svg.querySelectorAll('.mark-line.role-mark path')].filter(shown);
  for (const a of texts.filter(t => t.kind === 'label')) {
    const b = a.t.getBBox(), inv = a.t.getScreenCTM().inverse();
    const across = lines.some(path => {
      const m = path.getScreenCTM(), length = path.getTotalLength();
      for (let s = 0; s <= length; s += 2) {
        const p = path.getPointAtLength(s), x = m.a * p.x + m.c * p.y + m.e, y = m.b * p.x + m.d * p.y + m.f;
        const lx = inv.a * x + inv.c * y + inv.e, ly = inv.b * x + inv.d * y + inv.f;
        if (lx > b.x + 1 && lx < b.x + b.width - 1 && ly > b.y + 2 && ly < b.y + b.height - 2) return true;
      }
      return false;
    });
    if (across) problems.push(`label ${JSON.stringify(a.text)} is drawn across a line`);
  }
  return [...new Set(problems)].map(problem => `${card.dataset.chartId}: ${problem}`);
}"""


@pytest.mark.parametrize("path", PAGES)
def test_no_chart_labels_crowd_each_other_on_a_phone(drawn_page, path):
    page = drawn_page(path, width=PHONE, height=844).page
    cards = page.locator("figure.gm-card")
    problems = [p for index in range(cards.count()) for p in page.evaluate(CROWDED_TEXT, cards.nth(index).element_handle())]
    assert problems == [], f"{path} at {PHONE}px:\n" + "\n".join(problems)


# Body rows of the page's tables with a blank stretch taller than BLANK_PX: no text shown (inside the box that clips the
# row sideways) from the row's top or bottom, or between two texts; a row that shows no text at all is one blank stretch.
BLANK_PX = 48
BLANK_ROWS = """limit => [...document.querySelectorAll('main table tbody tr, #quarto-content table tbody tr')]
  .filter(row => row.checkVisibility()).map(row => {
    const box = row.getBoundingClientRect();
    let left = 0, right = document.documentElement.clientWidth;
    for (let n = row.parentElement; n && n !== document.body; n = n.parentElement) {
      if (getComputedStyle(n).overflowX === 'visible') continue;
      const r = n.getBoundingClientRect();
      left = Math.max(left, r.left); right = Math.min(right, r.right);
    }
    const spans = [], walker = document.createTreeWalker(row, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent.trim() || !node.parentElement.checkVisibility({opacityProperty: true, visibilityProperty: true}))
        continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const r of range.getClientRects())
        if (r.width > 0 && r.height > 0 && r.right > left && r.left < right && r.bottom > box.top && r.top < box.bottom)
          spans.push([Math.max(r.top, box.top), Math.min(r.bottom, box.bottom)]);
    }
    spans.sort((a, b) => a[0] - b[0]);
    let reached = box.top, blank = 0;
    for (const [top, bottom] of spans) { blank = Math.max(blank, top - reached); reached = Math.max(reached, bottom); }
    blank = Math.max(blank, box.bottom - reached);
    return blank > limit ? `${row.closest('table').id || row.closest('table').className}: row ${row.id || row.rowIndex}, ` +
      `${blank.toFixed(0)} of ${box.height.toFixed(0)} px blank` : null;
  }).filter(Boolean)"""


@pytest.mark.parametrize("path", PAGES)
def test_no_table_row_is_blank_on_a_phone(drawn_page, path):
    """A row whose text sits in columns scrolled out of view (or in one narrow column beside it) reads as blank."""
    page = drawn_page(path, width=PHONE, height=844).page
    blank = page.evaluate(BLANK_ROWS, BLANK_PX)
    assert blank == [], f"{path} at {PHONE}px: rows with a blank stretch over {BLANK_PX} px:\n" + "\n".join(blank[:12])


# Every table whose box scrolls sideways: is that box ours (saying so), is the line shown, and after scrolling to
# the end, is the first column still at the box's left edge?
TABLE_SCROLL = """() => {
  document.querySelectorAll('details').forEach(d => { d.open = true; d.dispatchEvent(new Event('toggle')); });
  const scroller = el => { for (let n = el.parentElement; n && n !== document.body; n = n.parentElement)
    if (n.scrollWidth > n.clientWidth + 1 && getComputedStyle(n).overflowX !== 'visible') return n; return null; };
  return [...document.querySelectorAll('main table, #quarto-content table')].map(table => {
    const box = scroller(table);
    if (!box) return null;
    const hint = box.parentElement.querySelector(':scope > .gm-scroll-hint');
    box.scrollLeft = box.scrollWidth;
    const first = table.rows[0].cells[0].getBoundingClientRect(), edge = box.getBoundingClientRect().left;
    return {table: table.id || table.className || 'table', hint: !!hint && hint.checkVisibility(),
            focusable: box.tabIndex >= 0, first_visible: Math.abs(first.left - edge) <= 1};
  }).filter(Boolean);
}"""


def table_problems(table: dict) -> list[str]:
    """What a table that scrolls sideways lacks: the line saying so, a box keys can scroll, a first column in view."""
    checks = (("no line saying it scrolls", table["hint"]), ("cannot be scrolled by keys", table["focusable"]),
              ("its first column scrolls out of view", table["first_visible"]))
    return [f"{table['table']}: {what}" for what, ok in checks if not ok]


@pytest.mark.parametrize("path", PAGES)
def test_wide_tables_say_they_scroll_and_keep_their_first_column(drawn_page, path):
    """After the blank-row check on each shared page: this one scrolls the tables to their end."""
    page = drawn_page(path, width=PHONE, height=844).page
    problems = [problem for table in page.evaluate(TABLE_SCROLL) for problem in table_problems(table)]
    assert problems == [], f"{path} at {PHONE}px:\n" + "\n".join(problems)


@pytest.mark.parametrize("path", PAGES)
def test_every_mark_shows_a_complete_tooltip_inside_the_viewport(drawn_page, path):
    """Last of this module's tests on each page: the hovering leaves tooltips and scroll positions behind. Hovered
    on a phone, where a tooltip can run off the screen; at desktop width every item's tooltip is checked without
    hovering (tests/test_site_browser.py), since the same fields are shown there."""
    width = PHONE
    page = drawn_page(path, width=width, height=844).page
    problems = []
    for index in range(wait_for_charts(page)):
        card = page.locator("figure.gm-card").nth(index)
        chart_id = card.get_attribute("data-chart-id")
        found, shown = tooltip_problems(page, card, chart_id)
        problems += found + ([] if shown else [f"{chart_id}: no mark showed a tooltip"])
        page.mouse.move(0, 0)
    assert problems == [], f"{path} at {width}px:\n" + "\n".join(problems)
