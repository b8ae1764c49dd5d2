"""build_variables: keys, values and plugin merging."""
from __future__ import annotations

import re
import types

import pytest

from greenmfg import variables
from greenmfg.variables import build_variables

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
    assert leaves["series.nev_production.y2023"] == "958.7万辆"
    assert leaves["series.nev_sales.y2023"] == "949.5万辆"
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
