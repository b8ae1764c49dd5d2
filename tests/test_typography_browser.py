"""Type as each edition's readers expect it, checked in Chromium on both renderers' builds: Chinese emphasis is
never slanted (a CJK font has no italic, so the browser skews the glyphs; Chinese print sets emphasis in bold), and a
jump to a chart stops below the fixed navbar."""
from __future__ import annotations

import re

import pytest

from greenmfg.pages.project import pages

pytestmark = pytest.mark.browser

ZH_PAGES = sorted(p.edition_source.with_suffix(".html").as_posix() for p in pages("zh"))
CJK = re.compile(r"[\u3400-\u9fff]")

# Every emphasised run of Chinese text on the page and how it is drawn.
EMPHASIS = """() => [...document.querySelectorAll('main em, #quarto-content em, article em')]
  .filter(em => /[\\u3400-\\u9fff]/.test(em.textContent))
  .map(em => ({text: em.textContent.trim().slice(0, 30), style: getComputedStyle(em).fontStyle,
               weight: Number(getComputedStyle(em).fontWeight)}))"""


@pytest.mark.parametrize("path", ZH_PAGES)
def test_chinese_emphasis_is_bold_not_italic(open_page, path):
    found = open_page(path).page.evaluate(EMPHASIS)
    slanted = [f"{e['text']!r} ({e['style']}, weight {e['weight']})" for e in found
               if e["style"] != "normal" or e["weight"] < 600]
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
