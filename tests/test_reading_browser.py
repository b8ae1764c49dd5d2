"""Reading the pages as readers do, in Chromium on both renderers' builds: Chinese emphasis is never slanted (a CJK
font has no italic, so the browser skews the glyphs; Chinese print sets emphasis in bold), a jump to a chart stops
below the fixed navbar, and a printout of the family page carries its long tables."""
from __future__ import annotations

import re

import pytest

from greenmfg.pages.project import pages

pytestmark = pytest.mark.browser

ZH_PAGES = sorted(p.output.as_posix() for p in pages("zh"))
CJK = re.compile(r"[\u3400-\u9fff]")

# Every emphasised run of Chinese text on the page and how it is drawn.
EMPHASIS = """() => [...document.querySelectorAll('main em, #quarto-content em, article em')]
  .filter(em => /[\\u3400-\\u9fff]/.test(em.textContent))
  .map(em => ({text: em.textContent.trim().slice(0, 30), style: getComputedStyle(em).fontStyle,
               weight: Number(getComputedStyle(em).fontWeight), reference: !!em.closest('.csl-entry')}))"""


@pytest.mark.parametrize("path", ZH_PAGES)
def test_chinese_emphasis_is_bold_not_italic(open_page, path):
    """In the text, bold; a title in the references (set in italics by the citation style) upright, as GB/T 7714."""
    found = open_page(path).page.evaluate(EMPHASIS)
    slanted = [f"{e['text']!r} ({e['style']}, weight {e['weight']})" for e in found
               if e["style"] != "normal" or (e["weight"] < 600 and not e["reference"])]
    assert slanted == [], f"{path}: Chinese emphasis drawn slanted or not bold:\n" + "\n".join(slanted)


def test_a_jump_to_a_chart_stops_below_the_fixed_navbar(open_page):
    """A permalink (#chart-…) brings the card's title into view, not under Quarto's fixed navbar."""
    page = open_page("zh/chapters/digital.html#chart-digital-green-system", width=390, height=844).page
    page.wait_for_timeout(500)
    top = page.evaluate("""() => {
      const card = document.getElementById('chart-digital-green-system').getBoundingClientRect().top;
      const bar = document.querySelector('#quarto-header, .site-header');
      const fixed = bar && ['fixed', 'sticky'].includes(getComputedStyle(bar).position);
      return {card, bar: fixed ? bar.getBoundingClientRect().bottom : 0};
    }""")
    assert top["card"] >= top["bar"] - 0.5, top


@pytest.mark.parametrize("path", ["family.html", "zh/family.html"])
def test_family_tables_are_drawn_whole_in_print(open_page, path):
    """On screen the two long tables are drawn as they near the viewport (content-visibility: auto); printed or
    saved as PDF, nothing may be left undrawn."""
    page = open_page(path).page
    page.emulate_media(media="print")
    shown = page.evaluate("""() => [...document.querySelectorAll('table.gm-family-table, table.gm-family-documents')]
      .map(table => getComputedStyle(table.parentElement).contentVisibility)""")
    assert len(shown) == 2 and set(shown) == {"visible"}, shown
