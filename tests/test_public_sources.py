"""What readers see of sources: built pages of both editions, tooltips, chart CSVs and embeds cite only hosts of the
publisher table; the published data package keeps a reprint address only as evidence in its own column, never an IP
address or a withheld host; Chinese pages name publishers in Chinese wherever the table has a Chinese name."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from greenmfg.data import loaders
from greenmfg.data.data_tables import load_descriptor
from greenmfg.data.hosts import ADDRESS_IN_TEXT, HOST_IN_TEXT, host_of, is_ip_address, names_a_site, on_site
from greenmfg.data.validate_sources import withheld_hosts
from greenmfg.pages.project import repository_url, site_url
from greenmfg.paths import DEFAULT_DATA_DIR

# Addresses that are no source: XML namespaces in SVG, the Vega(-Lite) schema ids in chart specs, the licence.
NOT_SOURCES = ("http://www.w3.org/", "https://vega.github.io/schema/", "https://creativecommons.org/licenses/")


def publisher_sites() -> list[str]:
    """Every publisher's own sites, from the publisher table."""
    return [site for hosts in loaders.load_publishers()["hosts"] for site in hosts.split()]


def foreign_hosts(text: str, sites: list[str]) -> list[str]:
    """Addresses and host names in text that are on no publisher's site (nor the site's own address or repository)."""
    own, repository = host_of(site_url()), repository_url()
    found = [url for url in ADDRESS_IN_TEXT.findall(text) if not url.startswith((*NOT_SOURCES, repository))
             and host_of(url) != own and not on_site(url, sites)]
    bare = HOST_IN_TEXT.findall(ADDRESS_IN_TEXT.sub(" ", text))
    return found + [host for host in bare if not names_a_site(host, sites) and host.lower() != own]


def public_files(site: Path) -> list[Path]:
    """Built pages of both editions, their chart CSVs and embed pages (the data package is checked on its own)."""
    return sorted(p for p in site.rglob("*") if p.suffix in (".html", ".csv", ".json")
                  and not p.relative_to(site).as_posix().startswith(("data/", "assets/")))


def test_foreign_hosts_are_found():
    sites = ["www.miit.gov.cn", "github.com/owid"]
    text = ('<a href="https://www.miit.gov.cn/x">MIIT</a> https://github.com/owid/co2-data seen on javascriptjump.com, '
            'http://58.221.163.238:8082/a, https://github.com/other/repo and hardyporn.com/caijing')
    assert foreign_hosts(text, sites) == ["http://58.221.163.238:8082/a", "https://github.com/other/repo",
                                          "javascriptjump.com", "hardyporn.com"]


def reader_facing(path: Path) -> str:
    """What readers get of a built file: a page's text, link targets and chart data (tooltips, tables); a CSV or
    search index whole. Page scripts (Quarto's runtime, with its own comments) are code, not text."""
    text = path.read_text(encoding="utf-8")
    if path.name == "search.json":  # the index's texts as the search box reads them (a newline is not a letter n)
        return "\n".join(str(value) for entry in json.loads(text) for value in entry.values())
    if path.suffix != ".html":
        return text
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(text, "html.parser")
    payloads = [tag.get_text() for tag in soup.select('script[type="application/json"]')]
    links = [tag.get(attr) for attr in ("href", "src") for tag in soup.find_all(attrs={attr: True})]
    for tag in soup(["script", "style"]):
        tag.decompose()
    return "\n".join([soup.get_text(" "), *payloads, *links])


def test_public_pages_cite_only_publisher_sites(site):
    sites = publisher_sites()
    offenders = {}
    for path in public_files(site):
        hosts = foreign_hosts(reader_facing(path), sites)
        if hosts:
            offenders[path.relative_to(site).as_posix()] = sorted(set(hosts))[:8]
    assert offenders == {}, f"hosts not in data/curated/publishers.yaml: {offenders}"


def _source_columns() -> dict[str, tuple[set[str], set[str]]]:
    """Per table: its outlet-address columns and its reprint-evidence columns (``greenmfg:sources``)."""
    return {res["name"]: ({g["url"] for g in res.get("greenmfg:sources", [])},
                          {g["mirror_url"] for g in res.get("greenmfg:sources", [])})
            for res in load_descriptor()["resources"]}


def test_data_package_keeps_reprints_only_as_evidence():
    """In the published tables, every address and host name is a publisher's, except reprint addresses in their own
    column, which are never an IP address or a withheld (adult, gambling, link-farm) host."""
    sites, withheld, offenders = publisher_sites(), withheld_hosts(DEFAULT_DATA_DIR), []
    for name, (_urls, mirrors) in _source_columns().items():
        table = loaders.load_table(name, raw=True)
        for column in table.select_dtypes(exclude="number").columns:
            for line, cell in enumerate(table[column], start=2):
                if column in mirrors and cell:
                    bad = is_ip_address(host_of(cell)) or host_of(cell) in withheld
                    offenders += [f"{name}.csv: row {line}: column '{column}': {cell}"] if bad else []
                elif foreign_hosts(cell, sites):
                    offenders.append(f"{name}.csv: row {line}: column '{column}': {foreign_hosts(cell, sites)}")
    descriptor = (DEFAULT_DATA_DIR / "datapackage.json").read_text(encoding="utf-8")
    offenders += [f"datapackage.json: {host}" for host in foreign_hosts(descriptor, sites + ["creativecommons.org"])]
    assert offenders == [], offenders[:10]


def _latin_names_with_chinese_twin() -> re.Pattern:
    """English names and short names of publishers that have a Chinese name, as whole words."""
    table = loaders.load_publishers()
    names = {n for _, p in table[table["name_zh"] != ""].iterrows() for n in (p["name_en"], p["short_en"])}
    return re.compile(r"(?<![A-Za-z])(?:" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")(?![A-Za-z])")


def _without_addresses(text: str) -> str:
    return HOST_IN_TEXT.sub(" ", ADDRESS_IN_TEXT.sub(" ", text))


def _without_english_quotes(text: str) -> str:
    """Text without the data's verbatim quotes that are in English (a source's own words, e.g. a trade-press report
    naming MIIT, are quoted as found, not a name the page gives a publisher)."""
    tables = [loaders.load_table(res["name"], raw=True) for res in load_descriptor()["resources"]]
    quotes = {quote for table in tables for column in table.columns if column == "quote" or column.endswith("_quote")
              for quote in table[column] if quote and not re.search(r"[\u4e00-\u9fff]", quote)}
    for quote in sorted(quotes, key=len, reverse=True):
        text = text.replace(quote, " ")
    return text


def test_chinese_pages_name_publishers_in_chinese(site):
    """On zh pages, tooltips, chart CSVs and embeds a publisher's Latin name appears only where it has no Chinese name
    (verbatim English quotes aside)."""
    latin, offenders = _latin_names_with_chinese_twin(), {}
    for path in public_files(site / "zh"):
        found = sorted(set(latin.findall(_without_addresses(_without_english_quotes(reader_facing(path))))))
        if found:
            offenders[path.relative_to(site).as_posix()] = found
    assert offenders == {}, f"Latin names of publishers that have a Chinese name: {offenders}"


@pytest.mark.parametrize("text,found", [("来源：CAAM（2016–2025）", ["CAAM"]), ("来源：中国汽车工业协会", []),
                                        ("SteelOrbis报道", []), ("https://www.caam.org.cn/CAAM", [])])
def test_latin_publisher_names_are_found(text, found):
    assert _latin_names_with_chinese_twin().findall(_without_addresses(text)) == found
