"""The chapter's four 2030 targets and how the page words their progress: values, gaps, reasons, counts.

The distance chart's tooltips and the page variables say the same things, so the wording lives here once.
"""
from __future__ import annotations

import pandas as pd

from greenmfg.data.frames import is_missing, provenance_of, reader_value, rescale
from greenmfg.data.targets import PACE_EXACT, gap_amount, status_reason
from greenmfg.locale.i18n import language, tr
from greenmfg.pages.family.wording import goal_label

TARGET_IDS = ("T03", "T02", "T04", "T05")
EAF_TARGET_ID = "T05"
SHORT_LABELS = {
    "T02": "Recycled resources used",
    "T03": "Bulk solid waste utilised",
    "T04": "Renewables in aluminium",
    "T05": "EAF share of steel",
}
MT_GLOSSED_UNITS = ("亿吨",)  # tonnages the chapter's variables word with value_label (Mt in English)
COUNT_WORDS = {0: "none", 1: "one", 2: "two", 3: "three", 4: "four", 5: "five"}


def count_words(count: int) -> str:
    """A small count in words ('four', 四); digits from six on."""
    return tr(COUNT_WORDS[int(count)]) if int(count) in COUNT_WORDS else str(count)


def megatonnes(value: float, unit: str) -> float:
    """A tonnage in Mt, 亿吨 (100 Mt) or 万吨 (0.01 Mt) in Mt; any other unit is an error."""
    tonnes, shown = rescale(value, unit)
    if shown != "Mt":
        raise ValueError(f"unknown tonnage unit {unit!r}")
    return tonnes


def value_label(value: float, unit: str, qualifier: str = "=", decimals: int | None = None) -> str:
    """Reader-facing value with its qualifier, e.g. 'more than 55 %', in the unit the edition's readers count in:
    3.85亿吨 in Chinese, 385 Mt in English (greenmfg.data.frames.reader_units)."""
    return reader_value(value, unit, qualifier, decimals)


def gap_label(gap: float, unit: str) -> str:
    """A distance to target in words: percentage points for rates, the unit (and Mt) for tonnages."""
    return gap_amount(gap, unit) if unit == "%" else value_label(gap, unit)


def pace_kind_of(row: pd.Series) -> str:
    """The recent pace's kind of a target-progress row ('exact' when the column is absent or empty)."""
    return row.get("recent_pace_kind", PACE_EXACT) or PACE_EXACT


def status_reason_of(row: pd.Series) -> str:
    """Why a target-progress row has its status (greenmfg.data.targets.status_reason on the row's figures)."""
    recent = None if is_missing(row["recent_annual_change"]) else float(row["recent_annual_change"])
    return status_reason(row["required_annual_change"], recent, row["gap"], pace_kind_of(row))


def target_provenance(target: pd.Series) -> dict[str, str]:
    """Provenance of a target row; its 'as of' is when the target was reported, not its horizon year."""
    provenance = provenance_of(target)
    provenance["as_of"] = target["source_date"] if isinstance(target["source_date"], str) else ""
    return provenance


def goal_words(targets: pd.DataFrame, target_id: str) -> str:
    """A target's value as its document words it, as every page words it (greenmfg.pages.family.wording.goal_label):
    20%以上, not 达到20%; a tonnage on English pages in Mt, as the page's other tonnages."""
    target = targets[targets["target_id"] == target_id].iloc[0]
    if language() == "en" and target["unit"] in MT_GLOSSED_UNITS:
        return value_label(target["value"], target["unit"], target["qualifier"])
    return goal_label(target)


def eaf_target(targets: pd.DataFrame) -> pd.Series:
    """The 2030 EAF-share target row, which the steel charts draw and compute with."""
    return targets[targets["target_id"] == EAF_TARGET_ID].iloc[0]
