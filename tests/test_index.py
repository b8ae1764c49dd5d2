"""The home page: goals, identity, page map and the dumbbell chart of targets against the latest figures."""
from __future__ import annotations

import pytest

from greenmfg.markup import page_href
from greenmfg.pages import index
from greenmfg.pages.index import goals, identity, page_map, targets_vs_latest
from greenmfg.project import home, pages


@pytest.fixture(scope="module")
def data():
    return index.load()


def test_goals_show_both_horizons(data):
    out = goals.goals_html(data["policy_targets"])
    assert "By 2030" in out and "By 2035" in out
    assert out.count(page_href("targets", "target-")) == len(data["policy_targets"])


def test_identity_names_title_issuers_and_task_areas(data):
    out = identity.policy_identity_html(data["policy_document"])
    facts = identity.document_facts(data["policy_document"])
    assert facts["title_zh"]["value_zh"] in out and facts["issuers"] and facts["task_areas"]
    assert out.count("<li>") == len(facts["issuers"]) + len(facts["task_areas"])


def test_page_map_lists_every_page_but_home_from_the_site_map():
    out = page_map.page_map_html()
    others = [p for p in pages() if p != home()]
    assert out.count("<li>") == len(others)
    for other in others:
        assert f'href="{other.output.as_posix()}"' in out and other.description.replace("'", "&#x27;") in out


def test_targets_vs_latest_chart_spec(data):
    assert targets_vs_latest.CHART_ID == "index-targets-vs-latest"
    frame = targets_vs_latest.frame(data)
    assert len(frame) == 2 * len(data["progress"]) and set(frame["kind"]) == {"latest", "target"}
    spec = targets_vs_latest.chart(frame).to_dict()
    assert spec["title"]["text"] and len(spec["description"]) >= 40
    latest_years = frame.loc[frame["kind"] == "latest", "year"]
    assert f"{len(data['progress'])} numeric" in spec["description"]
    assert f"years {latest_years.min()} to {latest_years.max()}" in spec["description"]
    assert spec["resolve"]["scale"]["x"] == "independent"
    marks = [layer["mark"]["type"] for layer in spec["spec"]["layer"]]
    assert marks == ["rule", "point"]
    point = spec["spec"]["layer"][1]["encoding"]
    assert point["x"]["type"] == "quantitative" and {t["field"] for t in point["tooltip"]} >= {"value_label", "year"}
