"""Both editions in a browser: search in each language finds that edition's pages; the switcher keeps the section."""
from __future__ import annotations

import json

import pytest

from greenmfg.pages.project import pages

pytestmark = pytest.mark.browser
ZH_PAGES = {p.edition_source.with_suffix(".html").as_posix() for p in pages("zh")}
EN_PAGES = {p.output.as_posix() for p in pages("en")}


def _results(page, renderer: str, query: str) -> set[str]:
    """Type a query into the navbar search box as a reader would; return the result links' addresses (no #)."""
    if renderer == "quarto":
        page.locator("#quarto-search").click()
        box = page.locator(".aa-Input")
        box.fill(query)
        page.wait_for_timeout(800)
        hrefs = page.eval_on_selector_all(".aa-Item a", "els => els.map(e => e.href)")
    else:
        box = page.locator("#site-search")
        box.fill("")
        box.type(query)
        page.wait_for_timeout(300)
        hrefs = page.eval_on_selector_all(".search-results a", "els => els.map(e => e.href)")
    return {h.split("#")[0].split("?")[0] for h in hrefs}  # Quarto adds ?q=<query> to highlight it


def _pages_containing(index: list[dict], query: str) -> set[str]:
    return {e["href"].split("#")[0] for e in index if query in e.get("text", "") + e.get("title", "")}


@pytest.mark.parametrize("query", ["工厂", "绿电", "绿色工厂"])
def test_chinese_search_finds_the_chinese_pages_that_contain_the_words(open_page, server, site, renderer, query):
    index = json.loads((site / "zh" / "search.json").read_text(encoding="utf-8"))
    expected = _pages_containing(index, query)
    assert expected, f"no Chinese page contains {query!r}"
    record = open_page("zh/index.html")
    found = {h.removeprefix(server) for h in _results(record.page, renderer, query)}
    assert found and all(h.startswith("zh/") for h in found), f"{query!r}: {found}"
    found_pages = {h.removeprefix("zh/") for h in found}
    assert found_pages <= ZH_PAGES, f"results outside the Chinese edition: {found_pages - ZH_PAGES}"
    assert found_pages & expected, f"{query!r}: found {found_pages}, pages containing it: {expected}"


def test_one_character_chinese_query_needs_a_second_character(open_page, server, renderer):
    """Quarto's search (Fuse.js, minMatchCharLength 2) matches two characters or more; docs/architecture.md says so."""
    record = open_page("zh/index.html")
    assert _results(record.page, renderer, "钢铁"), "a two-character query finds pages"
    if renderer == "preview":
        assert _results(record.page, renderer, "钢") == set()


def test_english_search_stays_in_the_english_edition(open_page, server, renderer):
    record = open_page("index.html")
    found = {h.removeprefix(server) for h in _results(record.page, renderer, "green factories")}
    assert found and found <= EN_PAGES


@pytest.mark.parametrize("start,twin", [("zh/chapters/digital.html", "chapters/digital.html"),
                                        ("chapters/digital.html", "zh/chapters/digital.html")])
def test_language_switcher_opens_the_same_section_in_the_other_language(open_page, server, start, twin):
    record = open_page(f"{start}#sec-power-mix")
    # Opened at a section, Quarto's navbar has scrolled away with the page: a keyboard reader tabs to the switcher.
    record.page.locator("a.gm-lang-switch").first.focus()
    with record.page.expect_navigation():
        record.page.keyboard.press("Enter")
    assert record.page.url == f"{server}{twin}#sec-power-mix"
    assert record.page.locator("#sec-power-mix").count() == 1
