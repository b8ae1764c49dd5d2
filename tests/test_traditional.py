"""Unit and spec tests for the traditional chapter (greenmfg.pages.traditional) and its notebook."""
from __future__ import annotations

import re

import nbformat
import pandas as pd
import pytest

from greenmfg.card import compile_specs
from greenmfg.pages import traditional as T
from greenmfg.paths import REPO_ROOT
from greenmfg.targets import target_progress

NOTEBOOK = REPO_ROOT / "chapters" / "traditional.ipynb"


# ---------------------------------------------------------------- calculations


def test_press_filter_arithmetic_doubling_with_40_percent_less_energy_is_minus_70_percent():
    assert T.energy_per_unit_change(2.0, -0.4) == pytest.approx(-0.7)


@pytest.mark.parametrize("capacity, energy, expected", [(1.0, 0.0, 0.0), (1.0, -0.4, -0.4), (2.0, 0.0, -0.5),
                                                         (1.5, 0.5, 0.0)])
def test_energy_per_unit_change_cases(capacity, energy, expected):
    assert T.energy_per_unit_change(capacity, energy) == pytest.approx(expected)


def test_energy_per_unit_change_refuses_zero_capacity():
    with pytest.raises(ValueError):
        T.energy_per_unit_change(0, -0.4)


def test_eaf_tonnage_needed():
    assert T.eaf_tonnage_needed(1000.0, 20.0) == pytest.approx(200.0)


def test_share_of_target_reached():
    assert T.share_of_target_reached(55, 62) == pytest.approx(88.709677, rel=1e-6)


@pytest.mark.parametrize("value, unit, expected", [(4, "亿吨", 400), (9600, "万吨", 96), (960.8, "Mt", 960.8)])
def test_to_megatonnes(value, unit, expected):
    assert T.to_megatonnes(value, unit) == pytest.approx(expected)


def test_to_megatonnes_refuses_unknown_unit():
    with pytest.raises(ValueError):
        T.to_megatonnes(1, "kg")


def test_run_segments_break_at_missing_years():
    assert list(T.run_segments(pd.Series([2016, 2019, 2020, 2021, 2025]))) == [0, 1, 1, 1, 2]


def test_labels_keep_qualifiers_and_units():
    assert T.value_label(55, "%", ">") == "more than 55 %"
    assert T.value_label(4, "亿吨", ">") == "more than 4亿吨 (400 Mt)"
    assert T.gap_label(7, "%") == "7 percentage points"
    assert T.pace_label(7 / 6, "%") == "+1.17 percentage points a year"
    assert T.pace_label(None, "%") == "no same-basis series"
    assert T.pace_label(1.0, "%") == "+1 percentage point a year"
    assert T.pace_label(-0.5, "亿吨") == "−0.5 亿吨 a year"


def test_pace_label_shows_the_kind_of_the_pace():
    assert T.pace_label(1.0, "%", "lower bound") == "at least +1 percentage point a year (from a lower bound)"
    assert T.pace_label(0.5, "%", "upper bound") == "at most +0.5 percentage points a year (from an earlier lower bound)"
    assert T.pace_label(3.0, "%", "undetermined") == "undetermined (its end figures are bounds)"
    assert T.pace_label(1.0, "%", "exact") == T.pace_label(1.0, "%")


def test_status_sentence_counts_in_words():
    sentence = T.status_sentence(pd.Series(["needs faster progress"] * 3 + ["not enough data"]))
    assert sentence == "Pace status of the four targets — needs faster progress: three; not enough data: one"


def test_target_rows_are_dated_by_publication_not_horizon():
    row = pd.Series({"source_org": "X", "source_date": "2024-03-04", "url": "u", "mirror_url": "", "as_of": "2030"})
    assert T.target_provenance(row)["as_of"] == "2024-03-04"


# ---------------------------------------------------------------- frames from the real data


@pytest.fixture(scope="module")
def frames():
    return T.chart_frames(T.load_page_data())


def _has_provenance(frame: pd.DataFrame) -> None:
    for column in T.PROVENANCE:
        assert column in frame.columns
    assert (frame["source_org"] != "").all()
    assert ((frame["url"] != "") | (frame["mirror_url"] != "")).all()


def test_distance_frame_has_the_four_chapter_targets(frames):
    frame = frames["distance"]
    assert list(frame["target_id"]) == list(T.TARGET_IDS)
    _has_provenance(frame)
    lower = frame.set_index("target_id").loc["T03"]
    assert "more than" in lower["latest_label"] and "lower bound" in lower["gap_label"]
    # 54 % → more than 55 %: the recent pace is a floor below the pace needed, so no verdict (was "needs faster").
    assert lower["recent_label"].startswith("at least") and lower["recent_bound_mark"] == "at least"
    assert lower["status"] == "not enough data" and "lower bound" in lower["status_reason"]


def test_distance_frame_draws_no_bar_for_an_undetermined_pace(frames):
    progress = target_progress(T.load_page_data()["targets"], T.load_page_data()["series"])
    progress.loc[progress["target_id"] == "T03", "recent_pace_kind"] = "undetermined"
    row = T.distance_frame(progress).set_index("target_id").loc["T03"]
    assert pd.isna(row["recent_pct_a_year"]) and row["recent_label"].startswith("undetermined")


def test_steel_frame_breaks_lines_and_carries_the_target(frames):
    frame = frames["steel"]
    _has_provenance(frame)
    assert set(frame["measure"]) == {"crude steel", "EAF share", "target"}
    crude = frame[frame["measure"] == "crude steel"]
    assert crude["segment"].nunique() >= 2  # at least one gap in the years
    assert frame[frame["measure"] == "target"]["value_label"].str.contains("more than").all()


def test_what_if_and_press_filter_frames(frames):
    _has_provenance(frames["eaf_what_if"])
    _has_provenance(frames["press_filter"])
    assert frames["press_filter"]["default_capacity_multiplier"].iloc[0] == pytest.approx(2.0)
    assert frames["press_filter"]["default_energy_change_pct"].iloc[0] == pytest.approx(-40)


def test_page_variables_give_display_strings(frames):
    out = T.page_variables(T.load_page_data())["traditional"]
    assert out["press_filter"]["per_unit_fall"] == "70 %"
    assert out["T03"]["latest"].startswith("more than")
    assert all(isinstance(v, str) for block in out.values() if isinstance(block, dict) for v in block.values())
    assert out["as_of"].isdigit()
    assert out["status_sentence"].startswith("Pace status of the four targets")
    # Statuses follow the pace's kind: solid waste and recycling paces are floors below the need (no verdict);
    # the EAF share's two exact points show it is too slow.
    assert out["T03"]["pace_kind"] == "lower bound" and out["T03"]["status"] == "not enough data"
    assert out["T02"]["pace_kind"] == "lower bound" and out["T02"]["status"] == "not enough data"
    assert out["T05"]["pace_kind"] == "exact" and out["T05"]["status"] == "needs faster progress"
    assert out["T04"]["pace_kind"] == "none"


# ---------------------------------------------------------------- chart specs


def _layers(spec):
    for key in ("hconcat", "vconcat", "layer"):
        for sub in spec.get(key, []):
            yield from _layers(sub)
    if "mark" in spec:
        yield spec


def _mark_type(layer):
    return layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"]


def _common_checks(chart, chart_id):
    compile_specs(chart, chart_id)  # title, description >= 40 chars, one data frame with provenance
    spec = chart.to_dict()
    for layer in _layers(spec):
        assert "tooltip" in layer.get("encoding", {}) or _mark_type(layer) in ("rule", "text"), layer
    return spec


def test_distance_chart_spec(frames):
    spec = _common_checks(T.distance_chart(frames["distance"]), "trad-distance-to-2030")
    assert "Distance to 2030" in spec["title"]["text"]
    left, right = spec["hconcat"]
    assert left["width"] <= 320 and right["width"] <= 320
    marks = [_mark_type(m) for m in _layers(spec)]
    assert marks.count("bar") == 2 and "rule" in marks
    bars = [m for m in _layers(spec) if _mark_type(m) == "bar"]
    assert bars[0]["encoding"]["x"]["field"] == "reached_pct" and bars[0]["encoding"]["x"]["type"] == "quantitative"
    assert bars[1]["encoding"]["yOffset"]["field"] == "kind"
    assert all("opacity" in b["encoding"] for b in bars)  # the selection highlights in both views
    params = [p for layer in _layers(spec) for p in layer.get("params", [])] + spec.get("params", [])
    assert any(p["name"] == "pick_target" and p["select"]["fields"] == ["target_id"] for p in params)
    tips = {t["title"] for t in bars[0]["encoding"]["tooltip"]}
    assert {"Latest value", "2030 target", "Gap", "Pace needed", "Recent pace", "Status", "Why"} <= tips
    texts = [m for m in _layers(spec) if _mark_type(m) == "text"]
    assert any(m["encoding"]["text"]["field"] == "recent_bound_mark" for m in texts)  # 'at least' on floor paces


def test_steel_chart_spec(frames):
    spec = _common_checks(T.steel_chart(frames["steel"]), "trad-steel")
    top, bottom = spec["vconcat"]
    top_marks = [_mark_type(m) for m in _layers(top)]
    assert "line" in top_marks and "point" in top_marks
    line = next(m for m in _layers(top) if _mark_type(m) == "line")
    assert line["encoding"]["detail"]["field"] == "segment"  # breaks the line at missing years
    bottom_marks = [_mark_type(m) for m in _layers(bottom)]
    assert "line" not in bottom_marks and {"point", "rule", "text"} <= set(bottom_marks)
    point = next(m for m in _layers(bottom) if _mark_type(m) == "point")
    assert point["encoding"]["x"]["field"] == "year" and point["encoding"]["y"]["type"] == "quantitative"
    assert {t["title"] for t in point["encoding"]["tooltip"]} >= {"Source", "Year", "Value"}


def test_eaf_what_if_chart_spec(frames):
    spec = _common_checks(T.eaf_what_if_chart(frames["eaf_what_if"]), "trad-eaf-what-if")
    params = {p["name"]: p for p in spec["params"]}
    assert {"output_2030", "eaf_share_2030"} <= set(params)
    assert params["output_2030"]["bind"]["input"] == "range" and params["output_2030"]["bind"]["name"].strip()
    calc = [t for layer in spec["layer"] for t in layer.get("transform", [])] + spec.get("transform", [])
    assert any("output_2030 * eaf_share_2030" in t.get("calculate", "") for t in calc)


def test_press_filter_chart_spec(frames):
    spec = _common_checks(T.press_filter_chart(frames["press_filter"]), "trad-press-filter")
    params = {p["name"]: p for p in spec["params"]}
    assert params["capacity_multiplier"]["value"] == pytest.approx(2.0)
    assert params["energy_change_pct"]["value"] == pytest.approx(-40)
    bar = next(m for m in _layers(spec) if _mark_type(m) == "bar")
    assert bar["encoding"]["x"]["field"] == "per_unit"


# ---------------------------------------------------------------- the notebook


def _cells(kind):
    nb = nbformat.read(NOTEBOOK, as_version=4)
    return [c for c in nb.cells if c.cell_type == kind]


def test_notebook_code_cells_are_short_and_output_free():
    for cell in _cells("code"):
        assert len(cell.source.splitlines()) <= 10
        assert not cell.get("outputs") and cell.get("execution_count") is None


def test_notebook_uses_only_defined_page_variables():
    keys = set(re.findall(r"\{\{< var traditional\.([^ >]+) >\}\}", "\n".join(c.source for c in _cells("markdown"))))
    out = T.page_variables(T.load_page_data())["traditional"]
    for key in keys:
        node = out
        for part in key.split("."):
            node = node[part]
        assert isinstance(node, str)
