"""The about page: citation text and BibTeX from the page's citation metadata, and the licence files."""
from __future__ import annotations

import pytest
import yaml

from greenmfg.data.freshness import last_updated
from greenmfg.locale.formatting import reader_date
from greenmfg.pages import about
from greenmfg.pages.about import citation
from greenmfg.pages.project import page, quarto_config
from greenmfg.pages.variables import build_variables
from greenmfg.paths import REPO_ROOT


@pytest.fixture(scope="module")
def data():
    return about.load()


def test_citation_and_bibtex():
    entry = citation.bibtex("2025-10-31", "0.1.0")
    assert entry.startswith("@misc{greenmfg_explainer,") and "year = {2025}" in entry
    assert entry.count("{") == entry.count("}"), "BibTeX braces must balance"
    for line in entry.splitlines()[1:-1]:
        assert line.rstrip(",").count("{") == line.rstrip(",").count("}"), line
    title, author = citation.citation_meta()
    assert f"title = {{{title}}}" in entry and f"author = {{{{{author}}}}}" in entry
    assert citation.citation_text("2025-10-31", "0.1.0").startswith(f"{author}. {title}. ")
    assert "last data update 2025-10-31" in citation.citation_text("2025-10-31", "0.1.0")


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
    from greenmfg.locale.i18n import using

    en, zh = page("about").front_matter["citation"], page("about", "zh").front_matter["citation"]
    en_author, zh_author = (c["author"][0]["name"]["literal"] for c in (en, zh))
    assert zh_author != en_author and zh_author.startswith("greenmfg ") and "团队" in zh_author
    assert str(zh["issued"]) == str(en["issued"]) and zh["type"] == en["type"]
    with using("zh"):
        title, author = citation.citation_meta()
        text, entry = citation.citation_text("2025-10-31", "0.1.0"), citation.bibtex("2025-10-31", "0.1.0")
    assert title == zh["title"] and title.startswith(quarto_config("zh")["website"]["title"] + "：")
    assert text.startswith(f"{author}. {title}") and "数据最后更新于2025-10-31" in text
    assert f"title = {{{title}}}" in entry and "note = {数据版本0.1.0" in entry
