"""Unit tests for the shared target arithmetic (greenmfg.targets)."""
from __future__ import annotations

import pandas as pd
import pytest

from greenmfg.targets import (
    NEEDS_FASTER,
    NOT_ENOUGH_DATA,
    ON_TRACK,
    PROGRESS_COLUMNS,
    gap_to_target,
    pace_status,
    recent_annual_change,
    required_annual_change,
    target_progress,
)


def test_gap_is_target_minus_latest():
    assert gap_to_target(55, 62) == 7
    assert gap_to_target(70, 62) == -8


def test_required_annual_change_is_linear():
    assert required_annual_change(55, 2024, 62, 2030) == pytest.approx(7 / 6)
    assert required_annual_change(4.0, 2024, 5.1, 2030) == pytest.approx(1.1 / 6)


@pytest.mark.parametrize("target_year", [2024, 2020])
def test_required_annual_change_refuses_past_or_same_year(target_year):
    with pytest.raises(ValueError):
        required_annual_change(55, 2024, 62, target_year)


def test_recent_annual_change_uses_first_and_last_point():
    points = pd.DataFrame({"year": [2022, 2020, 2024], "value": [9.0, 8.0, 12.0]})
    assert recent_annual_change(points) == pytest.approx(1.0)


def test_recent_annual_change_needs_two_points():
    assert recent_annual_change(pd.DataFrame({"year": [2024], "value": [55.0]})) is None
    assert recent_annual_change(pd.DataFrame({"year": [], "value": []})) is None


def test_recent_annual_change_refuses_mixed_bases():
    points = pd.DataFrame({"year": [2020, 2024], "value": [1.0, 2.0], "basis": ["a", "b"]})
    with pytest.raises(ValueError):
        recent_annual_change(points)


@pytest.mark.parametrize("required, recent, gap, expected", [
    (1.0, 1.2, 5.0, ON_TRACK),
    (1.0, 1.0, 5.0, ON_TRACK),
    (1.0, 0.5, 5.0, NEEDS_FASTER),
    (1.0, None, 5.0, NOT_ENOUGH_DATA),
    (-1.0, None, -3.0, ON_TRACK),   # already met
    (0.0, -0.5, 0.0, ON_TRACK),     # exactly met
])
def test_pace_status(required, recent, gap, expected):
    assert pace_status(required, recent, gap) == expected


def _targets(**overrides) -> pd.DataFrame:
    row = {"target_id": "TX", "metric_en": "Rate", "target_kind": "quantitative", "horizon_year": 2030,
           "value": 62.0, "qualifier": "≥", "unit": "%", "baseline_value": 55.0, "baseline_qualifier": ">",
           "baseline_unit": "%", "baseline_year": 2024, "baseline_basis": "b", "baseline_series_id": "s",
           "baseline_source_org": "Org", "baseline_source_date": "2025-01-21", "baseline_url": "",
           "baseline_mirror_url": "http://m.example/1"}
    row.update(overrides)
    qualitative = {**row, "target_id": "TQ", "target_kind": "qualitative", "value": None}
    return pd.DataFrame([row, qualitative])


def _series(rows) -> pd.DataFrame:
    base = {"series_id": "s", "unit": "%", "basis": "b", "qualifier": "=", "source_org": "Org",
            "source_date": "", "url": "http://o.example", "mirror_url": "", "as_of": ""}
    return pd.DataFrame([{**base, **r, "as_of": str(r["year"])} for r in rows])


def test_target_progress_one_row_per_quantitative_target_with_provenance():
    series = _series([{"year": 2023, "value": 54.0}, {"year": 2024, "value": 55.0, "qualifier": ">"}])
    out = target_progress(_targets(), series)
    assert list(out.columns) == PROGRESS_COLUMNS
    assert list(out["target_id"]) == ["TX"]
    row = out.iloc[0]
    assert row["latest_value"] == 55.0 and row["latest_year"] == 2024 and row["latest_is_lower_bound"]
    assert row["gap"] == pytest.approx(7.0)
    assert row["required_annual_change"] == pytest.approx(7 / 6)
    assert row["recent_annual_change"] == pytest.approx(1.0)
    assert row["recent_from_year"] == 2023
    assert row["status"] == NEEDS_FASTER
    assert row["url"] == "http://o.example" and row["as_of"] == "2024"


def test_target_progress_falls_back_to_baseline_columns_without_series():
    out = target_progress(_targets(baseline_series_id=""), _series([{"year": 2020, "value": 1.0}]))
    row = out.iloc[0]
    assert row["latest_value"] == 55.0 and row["source_org"] == "Org"
    assert row["mirror_url"] == "http://m.example/1"
    assert row["recent_annual_change"] is None or pd.isna(row["recent_annual_change"])
    assert row["status"] == NOT_ENOUGH_DATA


def test_target_progress_ignores_points_on_another_basis():
    series = _series([{"year": 2020, "value": 40.0, "basis": "other"}, {"year": 2024, "value": 55.0}])
    row = target_progress(_targets(), series).iloc[0]
    assert pd.isna(row["recent_annual_change"])
    assert row["status"] == NOT_ENOUGH_DATA


def test_target_progress_on_the_real_data():
    from greenmfg.loaders import load_context_series, load_policy_targets

    out = target_progress(load_policy_targets(), load_context_series()).set_index("target_id")
    assert {"T02", "T03", "T04", "T05"} <= set(out.index)
    assert out.loc["T03", "latest_is_lower_bound"]
    assert set(out["status"]) <= {ON_TRACK, NEEDS_FASTER, NOT_ENOUGH_DATA}
    assert (out["source_org"] != "").all()
