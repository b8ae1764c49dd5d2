"""Verdicts on milestones: met, not met or cannot tell, from the context series on the milestone's basis and year only.

Synthetic rows pin the rules (same basis, same year, bounds, part-year figures, derived and target rows, which side
meets, release schedule); the real data pins the verdicts the family page shows.
"""
from __future__ import annotations

import re

import pandas as pd
import pytest

from greenmfg.data import loaders, milestones
from greenmfg.data.freshness import data_last_updated
from greenmfg.locale.i18n import using

BASIS = "MIIT indicator (industry only)"
LAST_UPDATED = "2026-03-19"


def _milestone(**extra) -> dict:
    base = {"milestone_id": "m", "measure_id": "waste", "year": 2025, "value": 57.0, "qualifier": "≥", "unit": "%",
            "direction": "higher", "running_total": "no", "label_en": "", "label_zh": "", "verification": "confirmed",
            "outcome_series_id": "waste_rate", "outcome_basis": BASIS, "basis_note": "", "basis_note_zh": "",
            "search_note": "", "search_note_zh": ""}
    return {**base, **extra}


def _row(year=2025, value=58.0, qualifier="=", basis=BASIS, as_of=None, series="waste_rate", kind="share",
         derivation="", unit="%") -> dict:
    return {"series_id": series, "year": year, "value": value, "qualifier": qualifier, "unit": unit, "basis": basis,
            "basis_zh": "工业口径" if basis == BASIS else "其他口径",
            "as_of": as_of or str(year), "measure_kind": kind, "derivation": derivation, "source_org": "MIIT",
            "source_date": f"{year + 1}-01-21", "url": "https://example.org/a", "mirror_url": ""}


SCHEDULE = pd.DataFrame([
    {"series_id": "waste_rate", "publisher_ids": "miit", "release": "year-end press conference",
     "release_zh": "年终新闻发布会", "cadence": "annual",
     "release_month_first": "1", "release_month_last": "1", "schedule_note": ""},
    {"series_id": "pue", "publisher_ids": "miit", "release": "press conferences and speeches",
     "release_zh": "新闻发布会和讲话", "cadence": "irregular",
     "release_month_first": "", "release_month_last": "", "schedule_note": ""}])


def judge(milestone: dict, rows: list[dict], last_updated: str = LAST_UPDATED):
    return milestones.verdict(pd.Series(milestone), pd.DataFrame(rows), SCHEDULE, last_updated)


def test_a_figure_on_the_same_basis_and_year_decides():
    assert judge(_milestone(), [_row(value=58)]).verdict == milestones.MET
    assert judge(_milestone(), [_row(value=57)]).verdict == milestones.MET  # 达到57% is met by 57 %
    assert judge(_milestone(), [_row(value=56.2)]).verdict == milestones.NOT_MET
    assert judge(_milestone(qualifier=">"), [_row(value=57)]).verdict == milestones.NOT_MET  # 超过57% is not


def test_never_across_bases():
    """A figure for the right year on another basis never decides, however far it is from the milestone."""
    result = judge(_milestone(), [_row(value=90, basis="NDRC bulk solid waste incl. straw")])
    assert result.verdict == milestones.CANNOT_TELL
    assert "NDRC bulk solid waste incl. straw" in result.reason and "not compared" in result.reason


def test_never_across_years():
    result = judge(_milestone(), [_row(year=2024, value=90), _row(year=2026, value=90)])
    assert result.verdict == milestones.CANNOT_TELL and result.outcome is None


def test_a_bound_decides_only_on_the_safe_side():
    assert judge(_milestone(), [_row(value=55, qualifier=">")]).verdict == milestones.CANNOT_TELL  # floor below
    assert judge(_milestone(), [_row(value=57, qualifier=">")]).verdict == milestones.MET
    assert judge(_milestone(), [_row(value=50, qualifier="<")]).verdict == milestones.NOT_MET
    assert judge(_milestone(), [_row(value=60, qualifier="<")]).verdict == milestones.CANNOT_TELL
    floor = judge(_milestone(), [_row(value=55, qualifier=">")])
    assert "only a bound" in floor.reason


def test_lower_is_better_for_ceilings_and_falls():
    pue = _milestone(value=1.5, qualifier="<", unit="PUE", direction="lower", outcome_series_id="pue")
    assert judge(pue, [_row(series="pue", value=1.42, unit="PUE")]).verdict == milestones.MET
    assert judge(pue, [_row(series="pue", value=1.5, unit="PUE")]).verdict == milestones.NOT_MET
    fall = _milestone(value=-16, qualifier="=", direction="lower")
    assert judge(fall, [_row(value=-25, qualifier="≈")]).verdict == milestones.MET
    assert judge(fall, [_row(value=-12)]).verdict == milestones.NOT_MET


def test_a_part_year_figure_meets_only_a_running_total_it_already_reaches():
    part = [_row(value=600, unit="Mt", as_of="2025-07")]
    running = _milestone(value=530, unit="Mt", qualifier="=", running_total="yes")
    assert judge(running, part).verdict == milestones.MET
    assert judge(_milestone(value=530, unit="Mt", qualifier="="), part).verdict == milestones.CANNOT_TELL
    assert judge(running, [_row(value=500, unit="Mt", as_of="2025-07")]).verdict == milestones.CANNOT_TELL


def test_units_are_compared_after_rescaling():
    """6亿吨 is 600 Mt: a milestone in Mt is judged from a series in 亿吨."""
    result = judge(_milestone(value=530, unit="Mt", qualifier="="), [_row(value=6, unit="亿吨")])
    assert result.verdict == milestones.MET


def test_derived_and_target_rows_never_decide():
    assert judge(_milestone(), [_row(value=60, derivation="Derived: a ratio")]).verdict == milestones.CANNOT_TELL
    assert judge(_milestone(), [_row(value=60, kind="target")]).verdict == milestones.CANNOT_TELL


def test_a_missing_figure_says_when_it_is_due():
    before = judge(_milestone(), [], last_updated="2025-12-20")
    assert before.verdict == milestones.NOT_YET_DUE
    result = judge(_milestone(), [_row(year=2024, value=55, qualifier=">")])
    assert result.verdict == milestones.CANNOT_TELL
    assert "usually each January" in result.reason and "January 2026" in result.reason
    assert "has passed" in result.reason  # 19 March 2026 is after the usual January release
    early = judge(_milestone(), [], last_updated="2026-01-05")
    assert "has passed" not in early.reason and "January 2026" in early.reason
    irregular = judge(_milestone(outcome_series_id="pue", value=1.5, qualifier="<", direction="lower", unit="PUE"), [])
    assert "no fixed date" in irregular.reason


def test_milestones_without_a_series_or_a_value_cannot_be_told_and_say_why():
    no_series = judge(_milestone(outcome_series_id="", outcome_basis="", basis_note="The site has no series."), [])
    assert no_series.verdict == milestones.CANNOT_TELL and "The site has no series." in no_series.reason
    words = judge(_milestone(value=float("nan"), qualifier="", direction="", label_en="a larger fall",
                             outcome_series_id="", outcome_basis=""), [])
    assert words.verdict == milestones.CANNOT_TELL and "in words" in words.reason


def test_each_cannot_tell_says_why_in_a_word_readers_can_count_by():
    """'Not yet published' only while the usual release is ahead; once it has passed, 'no official figure seen'."""
    cause = {name: judge(_milestone(**extra), rows, **when).cause for name, extra, rows, when in [
        ("early", {}, [], {"last_updated": "2026-01-05"}), ("late", {}, [], {}),
        ("irregular", {"outcome_series_id": "pue", "value": 1.5, "qualifier": "<", "direction": "lower",
                       "unit": "PUE"}, [], {}),
        ("basis", {}, [_row(value=90, basis="NDRC bulk solid waste incl. straw")], {}),
        ("no_series", {"outcome_series_id": "", "outcome_basis": ""}, [], {}),
        ("elsewhere", {"outcome_series_id": "", "outcome_basis": "", "figures_elsewhere": "another basis"}, [], {}),
        ("part_year", {}, [_row(value=40, as_of="2025-06")], {}), ("bound", {}, [_row(value=55, qualifier=">")], {}),
        ("words", {"value": float("nan"), "outcome_series_id": ""}, [], {}),
        ("met", {}, [_row(value=58)], {})]}
    assert cause == {"early": milestones.NOT_YET_PUBLISHED, "late": milestones.NOT_SEEN,
                     "irregular": milestones.NOT_SEEN, "basis": milestones.OTHER_BASIS,
                     "no_series": milestones.NOT_SEEN, "elsewhere": milestones.OTHER_BASIS, "part_year": milestones.PART_YEAR,
                     "bound": milestones.BOUND_ONLY, "words": milestones.IN_WORDS, "met": ""}


def test_due_years_not_yet_passed():
    result = judge(_milestone(year=2030), [_row(year=2030, value=99)])
    assert result.verdict == milestones.NOT_YET_DUE and "2030" in result.reason


def test_reasons_in_chinese_are_chinese():
    with using("zh"):
        for rows in ([_row(value=58)], [_row(value=56)], [_row(value=90, basis="other")], []):
            reason = judge(_milestone(), rows).reason
            assert re.search(r"[\u4e00-\u9fff]", reason) and not re.search(r"\b(the|figure|milestone)\b", reason)


# ---- the real data


@pytest.fixture(scope="module")
def real():
    frame = loaders.load_policy_milestones()
    return milestones.verdicts(frame, loaders.load_context_series(), loaders.load_release_schedule(),
                               data_last_updated()).set_index("milestone_id")


def test_real_verdicts(real):
    assert real.loc["nev_2025_nev_plan", "verdict"] == milestones.MET  # 47.9 % in 2025 against about 20 %
    assert real.loc["water_2025_green_14fyp", "verdict"] == milestones.MET  # about -25 % against -16 %
    assert real.loc["ule_2025_green_14fyp", "verdict"] == milestones.MET  # 6亿吨 by July 2025 against 530 Mt
    assert real.loc["eaf_2025_air_quality", "verdict"] == milestones.CANNOT_TELL  # no 2025 EAF share yet
    assert real.loc["waste_rate_2025_resource_use", "verdict"] == milestones.CANNOT_TELL
    assert "usually each January" in real.loc["waste_rate_2025_resource_use", "reason"]
    assert real.loc["al_2025_nonferrous_peak", "verdict"] == milestones.CANNOT_TELL  # only another basis
    for milestone_id in ("eaf_2030_industry_peak", "recycled_2030_solid_waste", "waste_rate_2027_traditional"):
        assert real.loc[milestone_id, "verdict"] == milestones.NOT_YET_DUE
    assert (real.loc[["green_factory_earlier", "syngas_earlier"], "verdict"] == milestones.NOT_FOUND).all()
    assert set(real["verdict"]) <= set(milestones.VERDICTS)
    assert (real["reason"] != "").all()
    cannot_tell = real["verdict"] == milestones.CANNOT_TELL
    assert real.loc[cannot_tell, "cause"].isin(milestones.CAUSES).all() and (real.loc[~cannot_tell, "cause"] == "").all()


def test_a_missing_figure_says_where_it_was_looked_for(real):
    """Each past-due milestone whose figure is missing names, in both languages, the releases in which it was not
    found (the January 2026 press conferences, the associations' releases), not only that the data lacks it."""
    frame = loaders.load_policy_milestones().set_index("milestone_id")
    missing = real[real["reason"].str.startswith("No figure for 2025 on the milestone's basis")].index
    assert len(missing) >= 10
    for milestone_id in missing:
        note, note_zh = frame.loc[milestone_id, "basis_note"], frame.loc[milestone_id, "basis_note_zh"]
        assert re.search(r"\bfound\b", note) and "2025" in note, milestone_id
        assert "未见" in note_zh, milestone_id
    assert "21 January 2026" in real.loc["waste_rate_2025_resource_use", "reason"]
    with using("zh"):
        zh = milestones.verdicts(loaders.load_policy_milestones(), loaders.load_context_series(),
                                 loaders.load_release_schedule(), data_last_updated()).set_index("milestone_id")
    assert "2026年1月21日国新办发布会" in zh.loc["waste_rate_2025_resource_use", "reason"]
