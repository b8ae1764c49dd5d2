"""Derived rows (a figure computed from published figures): marked, validated, and never an official statement.

A series whose newest row is derived keeps its latest figure, the tracker's latest value and pace, and its
page variables on the newest published row; the validator refuses a derived marker without a method.
"""
from __future__ import annotations

import pandas as pd
import pytest

from data.steps import context_series as step
from greenmfg.data import csvfiles, frames, loaders
from greenmfg.data.targets import target_progress
from greenmfg.data.validate import validate
from greenmfg.pages.variables import _series_vars

METHOD = "Derived: 2023 level 50 % plus the stated rise of 2 points"


@pytest.fixture
def series() -> pd.DataFrame:
    """A fixture series: two published yearly shares and a derived, newer one (plus a published other series)."""
    rows = [("s", 2021, 46.0, "=", ""), ("s", 2023, 50.0, "=", ""), ("s", 2024, 52.0, "≈", METHOD),
            ("t", 2024, 7.0, "=", "")]
    frame = pd.DataFrame(rows, columns=["series_id", "year", "value", "qualifier", "derivation"])
    frame["year"] = frame["year"].astype("Int64")
    return frame.assign(unit="%", basis="same basis", source_org="X", source_date="2025", url="https://x.example/",
                        publisher="X", as_of=frame["year"].astype(str))


def _target(**overrides) -> pd.DataFrame:
    row = {"target_id": "TX", "metric_en": "a share", "unit": "%", "value": 60.0, "qualifier": "≥",
           "horizon_year": 2030, "target_kind": "quantitative", "baseline_value": 46.0, "baseline_year": 2021,
           "baseline_qualifier": "=", "baseline_basis": "same basis", "baseline_series_id": "s",
           "baseline_source_org": "X", "baseline_source_date": "2022", "baseline_url": "https://x.example/",
           "baseline_publisher": "X"}
    return pd.DataFrame([{**row, **overrides}])


def test_derived_rows_are_recognised_and_labelled(series):
    assert list(frames.is_derived(series)) == [False, False, True, False]
    assert frames.is_derived(series.drop(columns="derivation")).sum() == 0  # no column: every row is published
    assert list(frames.published_rows(series)["year"]) == [2021, 2023, 2024]
    assert frames.figure_label(series.iloc[0]) == "published figure"
    assert frames.figure_label(series.iloc[2]) == "derived: 2023 level 50 % plus the stated rise of 2 points"


def test_latest_row_skips_a_newer_derived_row(series):
    assert frames.latest_row(series, "s")["year"] == 2023
    assert list(frames.series_rows(series, "s")["year"]) == [2021, 2023, 2024]  # charts still get every row
    with pytest.raises(KeyError, match="only derived rows"):
        frames.latest_row(series[series["year"] == 2024].head(1), "s")


def test_series_variables_never_make_a_derived_row_the_latest(series):
    node = _series_vars(series)["s"]
    assert node["latest_year"] == "2023" and node["latest"] == "50 %"
    assert node["y2024_derived"] == "≈ 52 % (derived)" and "y2024" not in node
    assert node["y2023"] == "50 %"


def test_tracker_latest_value_and_pace_ignore_a_derived_row(series):
    row = target_progress(_target(), series).iloc[0]
    assert row["latest_year"] == 2023 and row["latest_value"] == 50.0
    assert row["recent_annual_change"] == pytest.approx(2.0)  # (50 − 46) / 2, not (52 − 46) / 3
    assert row["required_annual_change"] == pytest.approx(10 / 7)


def test_tracker_falls_back_to_the_baseline_when_only_a_derived_row_is_newer(series):
    only_derived_after = series[(series["series_id"] == "s") & (series["year"] != 2023)]
    row = target_progress(_target(baseline_year=2022, baseline_value=48.0), only_derived_after).iloc[0]
    assert row["latest_year"] == 2022 and row["latest_value"] == 48.0  # the baseline, not the derived 2024


def test_the_step_refuses_a_derived_row_without_its_method():
    meta = {"s": {"label_en": "S", "label_zh": "S", "topic": "steel", "unit": "%", "measure_kind": "share",
                  "basis": "b"}}
    assert step.added_row({"series_id": "s", "year": "2024", "derivation": METHOD}, meta)["derivation"] == METHOD
    with pytest.raises(SystemExit, match="needs its method"):
        step.added_row({"series_id": "s", "year": "2024", "derivation": ""}, meta)


# ---------------------------------------------------------------- the validator on corrupted copies


def _set_derivation(d, text: str) -> int:
    """Give the first context_series row a derivation; return its CSV line number."""
    path = d / "processed" / "context_series.csv"
    header, rows = csvfiles.read_dicts(path)
    rows[0]["derivation"] = text
    rows[0]["derivation_zh"] = "推算：" + text.removeprefix("Derived: ") if text else ""
    csvfiles.write_dicts(path, header, rows)
    return 2


@pytest.mark.parametrize("text", ["Derived:", "Derived: x", "derived", "computed by us"])
def test_validator_requires_a_method_on_a_derived_row(data_copy, text):
    line = _set_derivation(data_copy, text)
    msgs = [m for m in validate(data_copy) if "context_series.csv" in m and "derivation" in m]
    assert msgs and f"row {line}" in msgs[0], validate(data_copy)


def test_validator_accepts_a_derived_row_with_its_method(data_copy):
    _set_derivation(data_copy, METHOD)
    assert validate(data_copy) == []


def test_published_data_marks_every_derived_row_with_its_method():
    table = loaders.load_context_series()
    derived = table[frames.is_derived(table)]
    assert derived["derivation"].str.startswith("Derived: ").all()
    assert (table.loc[~frames.is_derived(table), "derivation"] == "").all()


def test_the_derived_2025_aluminium_share_is_never_the_latest():
    table = loaders.load_context_series()
    series_id = "aluminium_china_share_global_output"
    newest = frames.series_rows(table, series_id).iloc[-1]
    assert frames.is_derived(newest.to_frame().T).all()  # IAI China ÷ world, computed here
    assert frames.latest_row(table, series_id)["year"] < newest["year"]
    node = _series_vars(table)[series_id]
    assert node["latest_year"] == str(int(frames.latest_row(table, series_id)["year"]))
    assert node[f"y{int(newest['year'])}_derived"].endswith("(derived)")
