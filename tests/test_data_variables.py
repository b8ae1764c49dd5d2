"""build_variables: keys, values and plugin merging."""
from __future__ import annotations

import re
import types

import pytest

from greenmfg.pages import values, variables
from greenmfg.pages.variables import build_variables

KEY = re.compile(r"^[a-z][a-z0-9_]*$")


def walk(d, path=""):
    """Yield (dotted key, value) for every leaf."""
    for k, v in d.items():
        assert KEY.match(k), f"bad key {path}{k}"
        if isinstance(v, dict):
            yield from walk(v, f"{path}{k}.")
        else:
            yield f"{path}{k}", v


def test_keys_values_and_examples(monkeypatch):
    monkeypatch.setattr(variables, "page_modules", lambda: [])  # core keys only; page modules belong to other owners
    v = build_variables()
    leaves = dict(walk(v))
    assert all(isinstance(x, str) for x in leaves.values())
    assert leaves["series.nev_production.y2023"] == "9.587 million vehicles"  # English counts in millions, not 万
    assert leaves["series.nev_sales.y2023"] == "9.495 million vehicles"
    assert leaves["series.nev_production.latest_year"] == "2025"
    assert leaves["target.t01.display"] == "more than 40 %"
    assert leaves["target.t01.horizon"] == "2030"
    assert leaves["target.t03.baseline"] == "more than 55 %"
    assert leaves["claim.nev_output_sales_2023.status"] == "partly confirmed"
    assert leaves["doc.date_public"] == "1 March 2024"
    assert leaves["doc.issuers_count"] == "7"
    assert leaves["counts.targets"] == "15"  # T01..T10 and the five 2030 goals known from translations
    assert re.match(r"^(\d{1,2} [A-Z][a-z]+ )?([A-Z][a-z]+ )?\d{4}$", leaves["data.last_updated"])


def test_deterministic_sorted(monkeypatch):
    monkeypatch.setattr(variables, "page_modules", lambda: [])
    a, b = build_variables(), build_variables()
    assert a == b and list(a) == sorted(a)


def test_page_plugins_are_merged_and_collisions_rejected(monkeypatch):
    mod = types.ModuleType("greenmfg.pages._fake")
    mod.variables = lambda data_dir: {"page": {"fake": {"answer": "42"}}}
    monkeypatch.setattr(variables, "page_modules", lambda: [mod])
    assert build_variables()["page"]["fake"]["answer"] == "42"
    mod.variables = lambda data_dir: {"doc": {"title_zh": "x"}}
    with pytest.raises(ValueError, match="collision"):
        build_variables()


def _page(name, names, values=None):
    """A fake page package declaring short names (and, optionally, variables of its own)."""
    mod = types.ModuleType(f"greenmfg.pages.{name}")
    mod.NAMES = names
    if values is not None:
        mod.variables = lambda data_dir: values
    return mod


def test_short_names_stand_for_existing_values_in_each_edition(monkeypatch):
    page = _page("fakepage", {"nev.year": "series.nev_sales.latest_year", "nev.made": "fakepage.made",
                              "nev.then": values.phrase("{level} in {year}", level="series.nev_sales.y2023",
                                                           year="fakepage.claim_year")},
                 {"fakepage": {"made": "9.587 million vehicles", "claim_year": "2023"}})
    monkeypatch.setattr(variables, "page_modules", lambda: [page])
    en, zh = build_variables(lang="en"), build_variables(lang="zh")
    assert en["nev"] == {"made": "9.587 million vehicles", "then": "9.495 million vehicles in 2023",
                         "year": en["series"]["nev_sales"]["latest_year"]}
    assert zh["nev"]["then"] == "2023年的949.5万辆"  # the phrase in the edition's words (locale/zh)
    assert set(en["nev"]) == set(zh["nev"])


def test_a_short_name_means_one_value_across_the_site(monkeypatch):
    one = _page("emerging_fake", {"nev.sales": "series.nev_sales.latest"})
    same = _page("index_fake", {"nev.sales": "series.nev_sales.latest"})
    other = _page("digital_fake", {"nev.sales": "series.nev_sales.y2023"})
    monkeypatch.setattr(variables, "page_modules", lambda: [one, same])
    assert build_variables()["nev"]["sales"] == build_variables()["series"]["nev_sales"]["latest"]
    monkeypatch.setattr(variables, "page_modules", lambda: [one, other])
    with pytest.raises(ValueError, match=r"'nev\.sales' is declared by page 'emerging_fake' .* and by page 'digital_fake'"):
        build_variables()


@pytest.mark.parametrize("names, message", [
    ({"claim.year": "doc.issuers_count"}, r"'claim\.year' would sit inside the existing 'claim' keys"),
    ({"nev.sales": "series.nev_sales.nope"}, r"page 'fakepage': short name 'nev\.sales' stands for 'series\.nev_sales\.nope'"),
    ({"nev.sales.last": "series.nev_sales.latest"}, r"must be 'group\.name'"),
    ({"Nev.sales": "series.nev_sales.latest"}, r"must be 'group\.name'"),
    ({"nev.on": "series.nev_sales.latest"}, r"must be 'group\.name'"),  # YAML 1.1 reads 'on' as a boolean
    ({"nev": "series.nev_sales.latest", "nev.year": "series.nev_sales.latest_year"}, "collision"),
])
def test_short_names_that_cannot_be_built(monkeypatch, names, message):
    monkeypatch.setattr(variables, "page_modules", lambda: [_page("fakepage", names)])
    with pytest.raises(ValueError, match=message):
        build_variables()
