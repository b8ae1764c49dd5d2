"""Front-door pages: HTML builders, charts, variables and the about page's citation metadata."""
from __future__ import annotations

import re

import nbformat
import pandas as pd
import pytest
import yaml

from greenmfg import targets as target_math
from greenmfg.pages import frontdoor as fd
from greenmfg.paths import REPO_ROOT


@pytest.fixture(scope="module")
def frames():
    return fd.load_front()


def test_source_html_links_originals_and_names_mirrors():
    assert fd.source_html("Xinhua", "2024-03-01", "http://a.example/x", "") == \
        '<a href="http://a.example/x">Xinhua, 2024-03-01</a>'
    mirror = fd.source_html("CCTV", "", "", "http://mirror.example/y")
    assert "mirror.example" not in mirror and "CCTV" in mirror and "<a" not in mirror


def test_html_is_escaped():
    assert "<b>" not in fd.source_html("<b>bad</b>", "", "", "")


def test_claim_marks_split_overlaps_and_link_every_claim():
    text = "甲乙丙丁戊"
    claims = pd.DataFrame({"claim_id": ["a", "b"], "paragraph_id": ["p01", "p01"], "claim_text": ["甲乙丙", "乙丙丁"]})
    out = fd.marked_paragraph_html(text, claims, {"a": 1, "b": 2})
    assert out.count('href="#claim-a"') == 1 and out.count('href="#claim-b"') == 1
    assert '<mark class="gm-claim-mark" data-claims="a b">乙丙</mark>' in out
    assert re.sub(r"<[^>]+>|\[\d\]", "", out) == text


def test_claim_text_missing_from_paragraph_is_an_error():
    claims = pd.DataFrame({"claim_id": ["a"], "paragraph_id": ["p01"], "claim_text": ["不在"]})
    with pytest.raises(ValueError):
        fd.marked_paragraph_html("甲乙", claims, {"a": 1})


def test_article_marks_every_claim_once(frames):
    out = fd.article_html(frames["article_paragraphs"], frames["claims"])
    for cid in frames["claims"]["claim_id"]:
        assert out.count(f'href="#claim-{cid}"') == 1, cid
    assert 'lang="zh-Hans"' in out and out.count("<section") == frames["article_paragraphs"]["section"].nunique()


def test_ledger_lists_every_claim_with_filters(frames):
    out = fd.ledger_html(frames["claims"])
    ids = re.findall(r'<li class="gm-entry" id="claim-([^"]+)"', out)
    assert ids == list(frames["claims"]["claim_id"])
    assert '<label for="front-ledger-status">' in out and '<label for="front-ledger-theme">' in out


def test_tracker_shows_every_numeric_target_with_status_from_targets_module(frames):
    out = fd.tracker_html(frames["policy_targets"], frames["progress"])
    numeric = frames["policy_targets"].query("target_kind == 'quantitative'")["target_id"].tolist()
    assert re.findall(r'<tr id="target-([^"]+)"', out) == numeric
    for status in frames["progress"]["status"]:
        assert status in target_math.STATUSES and f">{status}<" in out
    assert '<label for="front-tracker-sector">' in out


def test_tracker_shows_the_kind_of_each_recent_pace(frames):
    out = fd.tracker_html(frames["policy_targets"], frames["progress"])
    rows = dict(re.findall(r'<tr id="target-([^"]+)"(.*?)</tr>', out, flags=re.S))
    # T03: 54 % → more than 55 %, so the pace is a floor and the status no longer "needs faster progress".
    assert "at least 1 pt/yr" in rows["T03"] and "lower bound: the latest figure" in rows["T03"]
    assert ">not enough data<" in rows["T03"] and "may or may not be enough" in rows["T03"]
    # T01: more than 17 % → more than 20 %: the pace between two floors is unknown.
    assert "undetermined" in rows["T01"] and ">not enough data<" in rows["T01"]
    assert ">needs faster progress<" in rows["T05"] and "at least" not in rows["T05"]


@pytest.mark.parametrize("value, unit, kind, expected", [
    (7 / 6, "%", "exact", "1.17 pts/yr"),
    (1.0, "%", "lower bound", "at least 1 pt/yr"),
    (0.5, "亿吨", "upper bound", "at most 0.5 亿吨/yr"),
    (3.0, "%", "undetermined", "undetermined"),
    (None, "%", "", "—"),
])
def test_pace_text_carries_the_kind(value, unit, kind, expected):
    assert fd._pace_text(value, unit, kind) == expected


def test_pace_kind_counts():
    progress = pd.DataFrame({"recent_pace_kind": ["exact", "lower bound", "lower bound", "undetermined", "", "upper bound"],
                             "status": ["needs faster progress", "on track", "not enough data", "not enough data",
                                        "not enough data", "needs faster progress"]})
    assert fd.pace_kind_counts(progress) == {"pace_from_bounds": "4", "pace_bounds_no_verdict": "2", "pace_none": "1"}


def test_front_variables_count_statuses_from_the_targets_module(frames):
    out = fd.variables()["front"]
    counts = frames["progress"]["status"].value_counts()
    assert out["pace_not_enough_data"] == str(counts.get(target_math.NOT_ENOUGH_DATA, 0))
    assert int(out["pace_on_track"]) + int(out["pace_needs_faster_progress"]) + int(out["pace_not_enough_data"]) \
        == int(out["targets_tracked"])
    assert int(out["pace_bounds_no_verdict"]) <= int(out["pace_from_bounds"])


def test_distance_summary_words_the_no_verdict_case(frames):
    frame = fd.distance_frame(frames["policy_targets"], frames["progress"])
    text = fd.distance_summary(frame)
    assert "allow no verdict" in text and "without enough data for a trend" not in text
    assert {"recent_label", "status_reason"} <= set(frame.columns)


def test_every_target_has_an_anchor_on_the_tracker_page(frames):
    html = fd.tracker_html(frames["policy_targets"], frames["progress"]) + fd.qualitative_goals_html(
        frames["policy_targets"], frames["claims"])
    for tid in frames["policy_targets"]["target_id"]:
        assert f'id="target-{tid}"' in html


def test_goals_show_both_horizons(frames):
    out = fd.goals_html(frames["policy_targets"])
    assert "By 2030" in out and "By 2035" in out
    assert out.count("targets.html#target-") == len(frames["policy_targets"])


def test_glossary_anchors_and_usage_links(frames):
    out = fd.glossary_html(frames["glossary"], frames["article_paragraphs"], frames["claims"], frames["policy_targets"])
    assert sorted(re.findall(r'id="term-([^"]+)"', out)) == sorted(frames["glossary"]["term_id"])
    uses = fd.term_usage("绿色工厂", frames["article_paragraphs"], frames["claims"], frames["policy_targets"])
    assert ("claims.html#para-p06", "article paragraph p06") in uses


def test_datasets_page_covers_every_resource(frames):
    descriptor = fd.read_descriptor()
    out = fd.datasets_html(descriptor, frames)
    for res in descriptor["resources"]:
        assert f'href="data/{res["path"]}"' in out
        for field in res["schema"]["fields"]:
            assert f"<code>{field['name']}</code>" in out


def test_coverage_text():
    frame = pd.DataFrame({"series_id": ["a", "a", "b"], "year": [2020, 2021, 2023]})
    assert fd.coverage_text("context_series", frame) == "3 rows; 2 series; years 2020–2023"


def test_mirror_counts():
    frame = pd.DataFrame({"url": ["http://x", "", ""], "mirror_url": ["", "http://m", ""]})
    assert fd.mirror_counts({"context_series": frame}) == {"sourced": 2, "mirror_only": 1}


def test_targets_vs_latest_chart_spec(frames):
    frame = fd.targets_vs_latest_frame(frames["policy_targets"], frames["progress"])
    assert len(frame) == 2 * len(frames["progress"]) and set(frame["kind"]) == {"latest", "target"}
    spec = fd.targets_vs_latest_chart(frame).to_dict()
    assert spec["title"]["text"] and len(spec["description"]) >= 40
    assert spec["resolve"]["scale"]["x"] == "independent"
    marks = [layer["mark"]["type"] for layer in spec["spec"]["layer"]]
    assert marks == ["rule", "point"]
    point = spec["spec"]["layer"][1]["encoding"]
    assert point["x"]["type"] == "quantitative" and {t["field"] for t in point["tooltip"]} >= {"value_label", "year"}


def test_distance_chart_spec_and_param(frames):
    frame = fd.distance_frame(frames["policy_targets"], frames["progress"])
    expected = (frames["progress"]["latest_value"] / frames["progress"]["target_value"] * 100).round(1)
    assert frame["percent_of_target"].tolist() == expected.tolist()
    spec = fd.distance_chart(frame).to_dict()
    assert spec["mark"]["type"] == "bar" and spec["encoding"]["x"]["field"] == "percent_of_target"
    assert spec["params"][0]["bind"]["input"] == "select" and spec["params"][0]["bind"]["name"].strip() == "Sector"
    assert spec["encoding"]["color"]["scale"]["domain"] == list(target_math.STATUSES)
    assert any(t["field"] == "latest_label" for t in spec["encoding"]["tooltip"])


def test_citation_and_bibtex():
    assert fd.bibtex("2025-10-31", "0.1.0").startswith("@misc{greenmfg_explainer,")
    assert "year = {2025}" in fd.bibtex("2025-10-31", "0.1.0")
    entry = fd.bibtex("2025-10-31", "0.1.0")
    assert entry.count("{") == entry.count("}"), "BibTeX braces must balance"
    for line in entry.splitlines()[1:-1]:
        assert line.rstrip(",").count("{") == line.rstrip(",").count("}"), line
    assert "last data update 2025-10-31" in fd.citation_text("2025-10-31", "0.1.0")


def test_about_citation_metadata_matches_the_data(frames):
    nb = nbformat.read(REPO_ROOT / "about.ipynb", as_version=4)
    meta = yaml.safe_load(nb.cells[0].source.strip().strip("-"))
    citation = meta["citation"]
    assert citation["type"] and citation["title"] and citation["author"]
    assert str(citation["issued"]) == fd.last_data_update(frames), "update citation.issued in about.ipynb"
    cff = yaml.safe_load((REPO_ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert str(cff["date-released"]) == fd.last_data_update(frames)


def test_variables_are_strings_under_the_page_key():
    out = fd.variables()
    assert list(out) == ["front"] and all(isinstance(v, str) and v for v in out["front"].values())
    assert int(out["front"]["claims_total"]) == sum(int(out["front"]["claims_" + fd.slug(s).replace("-", "_")])
                                                    for s in fd.CLAIM_STATUSES)


def test_licence_files_exist():
    for name in ("LICENSE", "LICENSE-text.md", "LICENSE-data.md", "CITATION.cff"):
        assert (REPO_ROOT / name).is_file()
