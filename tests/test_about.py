"""The about page: citation text and BibTeX from the page's citation metadata, and the licence files."""
from __future__ import annotations

import json

import pytest
import yaml

from greenmfg.data.freshness import last_updated
from greenmfg.locale.formatting import reader_date
from greenmfg.locale.i18n import using
from greenmfg.pages import about
from greenmfg.pages.about import citation
from greenmfg.pages.project import page, quarto_config, repository_url, site_url
from greenmfg.pages.variables import build_variables
from greenmfg.paths import REPO_ROOT


@pytest.fixture(scope="module")
def data():
    return about.load()


def test_citation_and_bibtex():
    entry = citation.bibtex("2025-10-31", "0.1.0", "2026-12-07")
    assert entry.startswith("@misc{greenmfg_explainer,") and "year = {2026}" in entry
    assert entry.count("{") == entry.count("}"), "BibTeX braces must balance"
    for line in entry.splitlines()[1:-1]:
        assert line.rstrip(",").count("{") == line.rstrip(",").count("}"), line
    title, author = citation.citation_meta()
    assert f"title = {{{title}}}" in entry and f"author = {{{{{author}}}}}" in entry
    text = citation.citation_text("2025-10-31", "0.1.0", "2026-12-07")
    assert text.startswith(f"{author}. {title}. ")
    assert "latest source published 31 October 2025, sources last checked December 2026" in text
    assert "last data update" not in text and text.endswith(site_url())


def test_zh_citation_is_gb_t_7714_for_an_online_resource():
    """主要责任者. 题名[EB/OL]. (更新或修改日期)[引用日期]. 获取和访问路径."""
    with using("zh"):
        title, author = citation.citation_meta()
        text = citation.citation_text("2025-10-31", "0.1.0", "2026-12-07")
    assert text == f"{author}. {title}[EB/OL]. (2026-12-07)[2026-12-07]. {site_url()}zh/."


def test_contact_names_the_publisher_and_the_repository_issue_tracker_from_the_config():
    repo = repository_url()
    assert repo == "https://github.com/" + site_url().split("//")[1].split(".")[0] + "/" + site_url().rstrip("/").split("/")[-1]
    for lang in ("en", "zh"):
        with using(lang):
            _, author = citation.citation_meta()
            html = citation.contact_html()
        assert author in html and f'href="{repo}"' in html and f'href="{repo}/issues"' in html
        assert "@" not in html, "no e-mail address: the config names none"


def test_about_page_states_no_file_name_and_one_freshness_line():
    for lang in ("en", "zh"):
        cells = json.loads((REPO_ROOT / page("about", lang).source).read_text(encoding="utf-8"))["cells"]
        text = "".join("".join(cell["source"]) for cell in cells if cell["cell_type"] == "markdown")
        assert "`LICENSE`" not in text and "last_updated" not in text and "最后更新" not in text
        assert text.count("{{< var data.freshness >}}") == 1


def test_citation_title_starts_with_the_site_title():
    title, _ = citation.citation_meta()
    assert title.startswith(quarto_config()["website"]["title"] + ": ")


def test_about_citation_metadata_matches_the_data(data):
    meta = page("about").front_matter["citation"]
    assert meta["type"] and meta["title"] and meta["author"]
    assert str(meta["issued"]) == last_updated(data), "update citation.issued in about.ipynb"
    cff = yaml.safe_load((REPO_ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert str(cff["date-released"]) == last_updated(data)


def test_last_data_update_is_the_generic_variable(data):
    """Two computations of one date (greenmfg.pages.variables writes data.last_updated): they must agree."""
    assert reader_date(last_updated(data)) == build_variables()["data"]["last_updated"]


def test_licence_files_exist():
    for name in ("LICENSE", "LICENSE-text.md", "LICENSE-data.md", "CITATION.cff"):
        assert (REPO_ROOT / name).is_file()


def test_zh_citation_is_the_chinese_title_with_the_authors_chinese_name_and_the_same_date():
    en, zh = page("about").front_matter["citation"], page("about", "zh").front_matter["citation"]
    en_author, zh_author = (c["author"][0]["name"]["literal"] for c in (en, zh))
    assert zh_author != en_author and zh_author.startswith("greenmfg ") and "团队" in zh_author
    assert str(zh["issued"]) == str(en["issued"]) and zh["type"] == en["type"]
    with using("zh"):
        title, author = citation.citation_meta()
        text, entry = citation.citation_text("2025-10-31", "0.1.0", "2026-12-07"), citation.bibtex("2025-10-31", "0.1.0", "2026-12-07")
    assert title == zh["title"] and title.startswith(quarto_config("zh")["website"]["title"] + "：")
    assert text.startswith(f"{author}. {title}")
    assert f"title = {{{title}}}" in entry and "note = {数据版本0.1.0；最新来源发布于2025年10月31日；来源核查至2026年12月}" in entry


def _bib_entry(bib: str, key: str) -> str:
    import re

    return re.search(rf"@misc\{{{key},.*?\n\}}", (REPO_ROOT / bib).read_text(encoding="utf-8"), re.S)[0]


@pytest.mark.parametrize("bib,missing,unconfirmed", [
    ("references.bib", "howpublished = {Official text not found online}", "original title not confirmed"),
    ("references-zh.bib", "howpublished = {官方原文网址未能找到}", "原题未能确认"),
])
def test_references_read_as_entries_not_templates(bib, missing, unconfirmed):
    """The CCTV report, whose title is not known, is described in plain words (no bracketed placeholder set as a
    title in title marks); the Opinions' entry says, where readers see it, that the official text was not found
    online, and gives no address and no document number (none was seen in any source)."""
    cctv, opinions = _bib_entry(bib, "cctv2024article"), _bib_entry(bib, "miit2024guiding")
    assert "title = " not in cctv and "[" not in cctv and unconfirmed in cctv and ("搜狐" in cctv or "Sohu" in cctv)
    assert missing in opinions and "url" not in opinions
    assert not any(mark in opinions for mark in ("〔", "号}", "No.")), opinions
