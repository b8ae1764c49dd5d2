"""Earlier plans' milestones beside each 2030 target (greenmfg.data.predecessors): one step per year and value, the pace to
2030 measured from the observed value in a milestone's year only where that is better founded than the latest value."""
from __future__ import annotations

import pandas as pd
import pytest

from greenmfg.data import loaders, predecessors
from greenmfg.data import targets as pace_math

BASIS = "MIIT indicator (industry only)"


@pytest.fixture(scope="module")
def steps():
    return predecessors.steps(loaders.load_policy_targets(), predecessors.load())


def test_steps_are_before_the_target_year_in_its_unit(steps):
    targets = loaders.load_policy_targets().set_index("target_id")
    assert not steps.empty and steps[["year", "value", "qualifier"]].notna().all().all()
    for _, step in steps.iterrows():
        target = targets.loc[step["target_id"]]
        assert step["year"] < target["horizon_year"] and step["unit"] == target["unit"]
    # plans that set the same step are listed together: two documents set T03's 57 % for 2025
    t03 = steps[(steps["target_id"] == "T03") & (steps["year"] == 2025)]
    assert len(t03) == 1 and ", " in t03.iloc[0]["documents"]


def test_summary_names_each_step_once_with_every_plan_that_set_it_and_its_verdict(steps):
    """Two plans set T04's 25 % for 2025, two T03's 57 % for 2025 and two T02's 4.5亿吨 (nine categories) for 2025:
    one line each, naming both plans."""
    assert predecessors.summary("T04", steps) == ("at least 25 % by 2025 (Non-ferrous peak plan, Aluminium energy "
                                                  "plan): cannot tell")
    t03 = predecessors.summary("T03", steps).split("; ")
    assert t03[0] == "at least 57 % by 2025 (Resources plan, Industrial green plan): cannot tell"
    assert len(t03) == len(set(t03)) == len(steps[steps["target_id"] == "T03"])
    # MIIT's ten-category 4.8亿吨 is another count than the target's: only the NDRC's nine-category step leads to it
    assert predecessors.summary("T02", steps) == ("at least 450 Mt by 2025 (Waste materials opinion, Waste recycling "
                                                  "opinion): cannot tell")
    # the same year, value and verdict worded two ways ("more than" in one plan, "at least" in others): one line
    assert predecessors.summary("T05", steps) == ("more than 15 % or at least 15 % by 2025 (Industry peak plan, Air "
                                                  "quality plan, Steel energy plan): cannot tell")
    assert predecessors.summary("T01", steps) == "no earlier milestone found"


def test_plans_that_set_one_step_with_different_verdicts_are_two_steps():
    """One line per distinct milestone (year, value, verdict): the same value judged on another basis is its own."""
    family = predecessors.load()
    rows = family["milestones"]
    twin = rows[rows["milestone_id"] == "al_2025_aluminium_energy"].iloc[0]
    # the second plan's 25 % for 2025, now judged (met) on a basis the data has a 2025 figure for
    context = pd.DataFrame([{**family["context"].iloc[0].to_dict(), "series_id": "aluminium_test", "year": 2025,
                             "value": 30.0, "qualifier": "=", "unit": "%", "basis": "test basis", "as_of": "2025",
                             "measure_kind": "published", "derivation": None}])
    family = {**family, "last_updated": "2026-06-30", "context": pd.concat([family["context"], context], ignore_index=True),
              "milestones": pd.concat([rows[rows["milestone_id"] != twin["milestone_id"]], pd.DataFrame([{
                  **twin.to_dict(), "outcome_series_id": "aluminium_test", "outcome_basis": "test basis"}])],
                  ignore_index=True)}
    t04 = predecessors.steps(loaders.load_policy_targets(), family)
    t04 = t04[(t04["target_id"] == "T04") & (t04["year"] == 2025)]
    assert sorted(t04["verdict"]) == ["cannot tell", "met"] and sorted(t04["documents"]) == [
        "Aluminium energy plan", "Non-ferrous peak plan"]


def _progress(latest_qualifier: str) -> pd.DataFrame:
    return pd.DataFrame([{"target_id": "T03", "target_value": 62.0, "target_year": 2030, "latest_value": 58.0,
                          "latest_year": 2026, "latest_qualifier": latest_qualifier, "latest_basis": BASIS,
                          "latest_is_lower_bound": latest_qualifier in pace_math.LOWER_BOUND_QUALIFIERS,
                          "gap": 4.0, "required_annual_change": 1.0, "recent_annual_change": 0.5,
                          "recent_pace_kind": pace_math.PACE_EXACT, "status": pace_math.NEEDS_FASTER}])


STEP = pd.DataFrame([{"target_id": "T03", "year": 2025, "value": 57.0, "qualifier": "≥", "step_label": "≥ 57 % by 2025",
                      "documents": "Resources plan", "verdict": "met", "outcome_value": "57.5", "outcome_qualifier": "=", "outcome_basis": BASIS}])


def test_pace_starts_from_the_latest_value_when_it_is_exact():
    out = predecessors.with_milestone_pace(_progress("="), STEP).iloc[0]
    assert out["required_annual_change"] == 1.0 and out["pace_from"] == "the latest official value (2026)"


def test_pace_starts_from_the_observed_value_in_the_milestone_year_when_the_latest_is_a_bound():
    """A 'more than 58 %' latest value leaves the pace needed only a bound; the exact 57.5 % of 2025 on the same basis
    (the figure the milestone's verdict rests on, never the milestone's own 57 %) is the better start."""
    out = predecessors.with_milestone_pace(_progress(">"), STEP).iloc[0]
    assert out["required_annual_change"] == pytest.approx((62 - 57.5) / 5)
    assert out["pace_from"] == "the observed value in the milestone year (2025)"
    assert out["status"] == pace_math.NEEDS_FASTER  # 0.5 a year is short of 0.9
    other_basis = STEP.assign(outcome_basis="another basis")
    assert predecessors.with_milestone_pace(_progress(">"), other_basis).iloc[0]["required_annual_change"] == 1.0
