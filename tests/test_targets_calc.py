"""Unit tests for the shared target arithmetic (greenmfg.data.targets)."""
from __future__ import annotations

import pandas as pd
import pytest

from greenmfg.data.targets import (
    NEEDS_FASTER,
    NOT_ENOUGH_DATA,
    ON_TRACK,
    PACE_EXACT,
    PACE_LOWER_BOUND,
    PACE_UNDETERMINED,
    PACE_UPPER_BOUND,
    PROGRESS_COLUMNS,
    gap_to_target,
    pace_kind,
    pace_label,
    pace_status,
    recent_annual_change,
    recent_pace,
    required_annual_change,
    status_reason,
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
    assert pace_status(required, recent, gap, PACE_EXACT) == expected  # 'exact' is the default kind


@pytest.mark.parametrize("first, latest, expected", [
    ("=", "=", PACE_EXACT),
    ("≈", "=", PACE_EXACT),
    ("=", "≈", PACE_EXACT),
    (None, "=", PACE_EXACT),            # a missing qualifier reads as '='
    ("=", ">", PACE_LOWER_BOUND),       # latest a floor, first exact: true pace ≥ computed
    ("≈", "≥", PACE_LOWER_BOUND),
    (">", "=", PACE_UPPER_BOUND),       # first a floor, latest exact: true pace ≤ computed
    ("≥", "≈", PACE_UPPER_BOUND),
    (">", ">", PACE_UNDETERMINED),      # two floors: the pace between them is unknown
    ("≥", ">", PACE_UNDETERMINED),
    ("=", "<", PACE_UNDETERMINED),      # anything else
    ("<", "=", PACE_UNDETERMINED),
])
def test_pace_kind(first, latest, expected):
    assert pace_kind(first, latest) == expected


@pytest.mark.parametrize("required, recent, gap, kind, expected", [
    (1.0, 1.2, 5.0, PACE_EXACT, ON_TRACK),
    (1.0, 0.5, 5.0, PACE_EXACT, NEEDS_FASTER),
    (1.0, 1.2, 5.0, PACE_LOWER_BOUND, ON_TRACK),            # even the floor is fast enough
    (1.0, 1.0, 5.0, PACE_LOWER_BOUND, ON_TRACK),
    (1.0, 0.5, 5.0, PACE_LOWER_BOUND, NOT_ENOUGH_DATA),     # the floor is too slow; the true pace may not be
    (1.0, 0.5, 5.0, PACE_UPPER_BOUND, NEEDS_FASTER),        # even the ceiling is too slow
    (1.0, 1.0, 5.0, PACE_UPPER_BOUND, NOT_ENOUGH_DATA),     # the ceiling is fast enough; the true pace may not be
    (1.0, 1.2, 5.0, PACE_UPPER_BOUND, NOT_ENOUGH_DATA),
    (1.0, 9.0, 5.0, PACE_UNDETERMINED, NOT_ENOUGH_DATA),
    (1.0, -9.0, 5.0, PACE_UNDETERMINED, NOT_ENOUGH_DATA),
    (1.0, None, 5.0, "", NOT_ENOUGH_DATA),
    (1.0, float("nan"), 5.0, PACE_LOWER_BOUND, NOT_ENOUGH_DATA),
    (-1.0, -2.0, -3.0, PACE_UNDETERMINED, ON_TRACK),        # already met, whatever the pace
    (-1.0, None, -3.0, "", ON_TRACK),
])
def test_pace_status_with_kind(required, recent, gap, kind, expected):
    assert pace_status(required, recent, gap, kind) == expected


@pytest.mark.parametrize("required, recent, gap, kind, words", [
    (1.0, 1.2, 5.0, PACE_EXACT, "at least the pace needed"),
    (1.0, 0.5, 5.0, PACE_EXACT, "slower than"),
    (1.0, 1.2, 5.0, PACE_LOWER_BOUND, "even the lower bound"),
    (1.0, 0.5, 5.0, PACE_LOWER_BOUND, "may or may not"),
    (1.0, 0.5, 5.0, PACE_UPPER_BOUND, "even the upper bound"),
    (1.0, 1.2, 5.0, PACE_UPPER_BOUND, "may or may not"),
    (1.0, 1.2, 5.0, PACE_UNDETERMINED, "both figures"),
    (1.0, None, 5.0, "", "not two figures"),
    (1.0, 0.5, -1.0, PACE_EXACT, "already met"),
])
def test_status_reason_follows_the_same_rules(required, recent, gap, kind, words):
    assert words in status_reason(required, recent, gap, kind)


def test_recent_pace_carries_the_kind_of_its_end_points():
    points = pd.DataFrame({"year": [2024, 2020, 2022], "value": [4.0, 3.8, 3.9], "qualifier": [">", "=", ">"]})
    value, kind = recent_pace(points)
    assert value == pytest.approx(0.05) and kind == PACE_LOWER_BOUND  # first (2020) exact, last (2024) a floor
    assert recent_pace(points.drop(columns="qualifier")) == (pytest.approx(0.05), PACE_EXACT)
    assert recent_pace(points.iloc[:1]) == (None, "")


def _targets(**overrides) -> pd.DataFrame:
    row = {"target_id": "TX", "metric_en": "Rate", "target_kind": "quantitative", "horizon_year": 2030,
           "value": 62.0, "qualifier": "≥", "unit": "%", "baseline_value": 55.0, "baseline_qualifier": ">",
           "baseline_unit": "%", "baseline_year": 2024, "baseline_basis": "b", "baseline_series_id": "s",
           "baseline_source_org": "Org", "baseline_source_date": "2025-01-21", "baseline_url": "",
           "baseline_publisher": "Org"}
    row.update(overrides)
    qualitative = {**row, "target_id": "TQ", "target_kind": "qualitative", "value": None}
    return pd.DataFrame([row, qualitative])


def _series(rows) -> pd.DataFrame:
    base = {"series_id": "s", "unit": "%", "basis": "b", "qualifier": "=", "source_org": "Org",
            "source_date": "", "url": "http://o.example", "publisher": "Org", "as_of": ""}
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
    assert row["recent_pace_kind"] == PACE_LOWER_BOUND
    assert row["recent_from_year"] == 2023
    # Was NEEDS_FASTER when a "more than" latest value was read as exact: a floor of 1.0 pt/yr below the
    # 7/6 needed does not show that the true pace is too slow, so the figures allow no verdict.
    assert row["status"] == NOT_ENOUGH_DATA
    assert row["url"] == "http://o.example" and row["as_of"] == "2024"


def test_solid_waste_case_a_lower_bound_pace_below_the_need_gives_no_verdict():
    # 54 % (2023, exact) → more than 55 % (2024): pace ≥ 1.0 pt/yr, 7/6 needed; MIIT's +1.2 pp would suffice.
    series = _series([{"year": 2023, "value": 54.0}, {"year": 2024, "value": 55.0, "qualifier": ">"}])
    row = target_progress(_targets(), series).iloc[0]
    assert row["recent_pace_kind"] == PACE_LOWER_BOUND and row["status"] == NOT_ENOUGH_DATA


def test_a_lower_bound_pace_that_reaches_the_need_is_on_track():
    series = _series([{"year": 2023, "value": 53.0}, {"year": 2024, "value": 55.0, "qualifier": ">"}])
    row = target_progress(_targets(), series).iloc[0]
    assert row["recent_annual_change"] == pytest.approx(2.0)
    assert row["recent_pace_kind"] == PACE_LOWER_BOUND and row["status"] == ON_TRACK


def test_green_factory_case_two_lower_bounds_leave_the_pace_undetermined():
    # more than 17 % (2023) → more than 20 % (2024), target more than 40 % by 2030.
    targets = _targets(value=40.0, qualifier=">", baseline_value=20.0)
    series = _series([{"year": 2023, "value": 17.0, "qualifier": ">"},
                      {"year": 2024, "value": 20.0, "qualifier": ">"}])
    row = target_progress(targets, series).iloc[0]
    assert row["recent_annual_change"] == pytest.approx(3.0)  # the arithmetic, kept for reference only
    assert row["recent_pace_kind"] == PACE_UNDETERMINED and row["status"] == NOT_ENOUGH_DATA


def test_an_upper_bound_pace_below_the_need_needs_faster_progress():
    targets = _targets(baseline_qualifier="=")
    series = _series([{"year": 2020, "value": 53.0, "qualifier": ">"}, {"year": 2024, "value": 55.0}])
    row = target_progress(targets, series).iloc[0]
    assert row["recent_annual_change"] == pytest.approx(0.5)
    assert row["recent_pace_kind"] == PACE_UPPER_BOUND and row["status"] == NEEDS_FASTER
    assert not row["latest_is_lower_bound"]


def test_an_upper_bound_pace_above_the_need_gives_no_verdict():
    series = _series([{"year": 2022, "value": 50.0, "qualifier": ">"}, {"year": 2024, "value": 55.0}])
    row = target_progress(_targets(), series).iloc[0]
    assert row["recent_pace_kind"] == PACE_UPPER_BOUND and row["status"] == NOT_ENOUGH_DATA


def test_exact_points_keep_the_exact_verdict():
    series = _series([{"year": 2023, "value": 54.0}, {"year": 2024, "value": 55.0, "qualifier": "≈"}])
    row = target_progress(_targets(), series).iloc[0]
    assert row["recent_pace_kind"] == PACE_EXACT and row["status"] == NEEDS_FASTER


def test_pace_label_words_a_pace_with_its_unit_and_kind():
    assert pace_label(7 / 6, "%") == "+1.17 percentage points a year"
    assert pace_label(None, "%") == "no same-basis series"
    assert pace_label(float("nan"), "%") == "no same-basis series"
    assert pace_label(1.0, "%") == "+1 percentage point a year"
    assert pace_label(-0.5, "亿吨") == "−50 Mt a year"  # English counts 亿吨 in Mt
    assert pace_label(1.0, "%", PACE_LOWER_BOUND) == "at least +1 percentage point a year (from a lower bound)"
    assert pace_label(0.5, "%", PACE_UPPER_BOUND) == "at most +0.5 percentage points a year (from an earlier lower bound)"
    assert pace_label(3.0, "%", PACE_UNDETERMINED) == "undetermined (its end figures are bounds)"
    assert pace_label(1.0, "%", PACE_EXACT) == pace_label(1.0, "%")


def test_target_progress_falls_back_to_baseline_columns_without_series():
    out = target_progress(_targets(baseline_series_id=""), _series([{"year": 2020, "value": 1.0}]))
    row = out.iloc[0]
    assert row["latest_value"] == 55.0 and row["source_org"] == "Org"
    assert row["publisher"] == "Org" and not row["url"]
    assert row["recent_annual_change"] is None or pd.isna(row["recent_annual_change"])
    assert row["recent_pace_kind"] == ""
    assert row["status"] == NOT_ENOUGH_DATA


def test_target_progress_ignores_points_on_another_basis():
    series = _series([{"year": 2020, "value": 40.0, "basis": "other"}, {"year": 2024, "value": 55.0}])
    row = target_progress(_targets(), series).iloc[0]
    assert pd.isna(row["recent_annual_change"])
    assert row["status"] == NOT_ENOUGH_DATA


def test_target_progress_on_the_real_data():
    from greenmfg.data.loaders import load_context_series, load_policy_targets

    out = target_progress(load_policy_targets(), load_context_series()).set_index("target_id")
    assert {"T02", "T03", "T04", "T05"} <= set(out.index)
    assert out.loc["T03", "latest_is_lower_bound"]
    assert set(out["status"]) <= {ON_TRACK, NEEDS_FASTER, NOT_ENOUGH_DATA}
    assert (out["source_org"] != "").all()
    # 54 % (2023) → more than 55 % (2024): a lower-bound pace below the pace needed, so no verdict.
    assert out.loc["T03", "recent_pace_kind"] == PACE_LOWER_BOUND and out.loc["T03", "status"] == NOT_ENOUGH_DATA
    # more than 17 % → more than 20 %: two floors, the pace between them is unknown.
    assert out.loc["T01", "recent_pace_kind"] == PACE_UNDETERMINED and out.loc["T01", "status"] == NOT_ENOUGH_DATA
    # recycled resources: one figure on the target's nine-category basis (NDRC, 2021), so a distance but no pace;
    # MIIT's ten-category figure for 2024 is another count and is not its latest value.
    assert out.loc["T02", "latest_year"] == 2021 and out.loc["T02", "latest_value"] == 3.85
    assert out.loc["T02", "recent_pace_kind"] == "" and out.loc["T02", "status"] == NOT_ENOUGH_DATA


def test_pace_and_reason_words_in_chinese():
    from greenmfg.locale.i18n import using
    with using("zh"):
        assert pace_label(1.0, "%", PACE_LOWER_BOUND) == "至少年均+1个百分点（按下限值计算）"
        assert pace_label(-0.5, "亿吨") == "年均−0.5亿吨"
        assert pace_label(None, "%") == "无同口径序列"
        assert status_reason(1.0, 2.0, 5.0) == "近期年均进度不低于所需进度"
    assert pace_label(1.0, "%", PACE_LOWER_BOUND) == "at least +1 percentage point a year (from a lower bound)"


def test_the_2030_goals_quote_the_simplified_copy_without_glosses():
    """T11..T15 quote the simplified-character reprint of the 2030 goals sentence: no traditional characters and no
    pinyin glosses (指導(dǎo)) in the data, every clause of the goals in it."""
    import re

    from greenmfg.data.loaders import load_policy_targets

    goals = load_policy_targets().set_index("target_id").loc[["T11", "T12", "T13", "T14", "T15"]]
    for target_id, row in goals.iterrows():
        assert re.search(r"[\u4e00-\u9fff]\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)", row["quote"]) is None, target_id
        assert not set("國綠業轉產發顯") & set(row["quote"]), target_id
        assert row["metric_zh"] in row["quote"], target_id
