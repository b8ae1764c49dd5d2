"""What the front-door pages (home, targets, claims, glossary, data, about) share: greenmfg.charts.markup and the assets.

Each page's own checks are in tests/test_<page>.py (test_data_page.py for the data page).
"""
from __future__ import annotations

import pytest
import yaml

from greenmfg.charts import markup
from greenmfg.pages.project import home, page, pages, themes
from greenmfg.paths import REPO_ROOT


def test_source_html_links_the_outlets_own_page_only():
    assert markup.source_html("Xinhua", "2024-03-01", "http://a.example/x") == \
        '<a href="http://a.example/x">Xinhua, 1 March 2024</a>'
    reprint = markup.source_html("CCTV (seen in a reprint)", "", "")
    assert reprint == "CCTV (seen in a reprint)"


def test_html_is_escaped():
    assert "<b>" not in markup.source_html("<b>bad</b>", "", "")
    assert markup.chinese("<绿色>") == '<span lang="zh-Hans">&lt;绿色&gt;</span>'


@pytest.mark.parametrize("value, expected", [(None, ""), (float("nan"), ""), ("", ""), (2022.0, "2022"), (1.5, "1.5"),
                                             ("T01", "T01")])
def test_cell_text(value, expected):
    assert markup.cell_text(value) == expected


def test_value_text_carries_qualifier_and_unit():
    assert markup.value_text(40, "%", ">") == "more than 40 %"
    assert markup.value_text(None, "%", ">") == ""


def test_links_come_from_the_site_map():
    assert markup.page_href("targets", "target-T01") == page("targets").output.as_posix() + "#target-T01"
    for key, theme_page in themes().items():
        assert markup.chapter_link(key) == f'<a href="{theme_page.output.as_posix()}">{theme_page.nav_text}</a>'
    assert home().output.as_posix() in markup.chapter_link("no-such-theme")


def test_filtered_block_loads_the_filter_module_that_the_site_ships():
    block = markup.filtered_block("x-list", markup.filter_select("x-list-kind", "Kind", "kind", [("a", "A")]), 3, "")
    assert '<label for="x-list-kind">Kind</label>' in block and "Showing 3 of 3" in block
    assert f'src="{markup.FILTER_SCRIPT_PATH}"' in block  # tests run at the repo root: no prefix
    assert (REPO_ROOT / markup.FILTER_SCRIPT_PATH).is_file()
    resources = yaml.safe_load((REPO_ROOT / "_quarto.yml").read_text(encoding="utf-8"))["project"]["resources"]
    assert "/" + markup.FILTER_SCRIPT_PATH in resources  # anchored at the project root


def test_front_door_css_is_in_the_site_stylesheet_not_in_notebooks():
    css = (REPO_ROOT / "assets" / "site.css").read_text(encoding="utf-8")
    for rule in (".gm-front-table", ".gm-filters", ".gm-entry", "mark.gm-claim-mark", ".gm-pagemap"):
        assert rule in css, rule
    for front_page in pages():
        assert "<style" not in (REPO_ROOT / front_page.source).read_text(encoding="utf-8"), front_page.source
