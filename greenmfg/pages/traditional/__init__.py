"""Chapter "Traditional industries go green": its data, and the derived numbers its prose and cards quote.

One module per chart (distance_to_2030, steel, eaf_what_if, ultra_low_emission, press_filter), each with CHART_ID,
frame(data) and chart(frame); progress holds the chapter's targets and the words for their progress; names.py holds
the short names the prose uses for these numbers.
"""
from __future__ import annotations

import pandas as pd

from greenmfg.data import loaders
from greenmfg.data.frames import latest_row
from greenmfg.data.targets import gap_text, pace_label, target_progress
from greenmfg.locale.formatting import chart_quantity, fmt_number, fmt_value
from greenmfg.locale.i18n import tr
from greenmfg.pages.traditional import steel
from greenmfg.pages.traditional import ultra_low_emission as ule
from greenmfg.pages.traditional.eaf_what_if import eaf_tonnage_needed
from greenmfg.pages.traditional.names import NAMES  # noqa: F401 - the prose's short names, read by greenmfg.pages.variables
from greenmfg.pages.traditional.press_filter import PER_UNIT_FORMULA, energy_per_unit_change
from greenmfg.pages.traditional.progress import (
    MT_GLOSSED_UNITS,
    TARGET_IDS,
    count_words,
    eaf_target,
    gap_label,
    megatonnes,
    pace_kind_of,
    status_reason_of,
    value_label,
)

PAGE_KEY = __name__.rpartition(".")[2]  # the package is named after its page


def load(data_dir=None) -> dict:
    """The tables this page reads, loaded (and validated) through greenmfg.data.loaders."""
    return {"series": loaders.load_context_series(data_dir), "targets": loaders.load_policy_targets(data_dir),
            "claims": loaders.load_claims(data_dir), "seed_article": loaders.seed_article(data_dir)}


def status_sentence(statuses: pd.Series) -> str:
    """How many of the chapter's targets are in each pace status, in words ('… needs faster progress: three; …')."""
    parts = [tr("{status}: {count}", status=tr(status), count=count_words(count))
             for status, count in statuses.value_counts().items()]
    return tr("Pace status of the {count} targets — {parts}", count=count_words(len(statuses)), parts=tr("; ").join(parts))


def _target_variables(row: pd.Series) -> dict[str, str]:
    """Gap, paces and status of one target; its latest and target values only where the page adds Mt to them
    (otherwise the prose quotes the generic series.* / target.* values)."""
    required = pace_label(row["required_annual_change"], row["unit"])
    recent = pace_label(row["recent_annual_change"], row["unit"], pace_kind_of(row))
    gap = gap_text(row["gap"], row["unit"], bool(row["latest_is_lower_bound"]), gap_label(row["gap"], row["unit"]))
    out = {"gap": gap, "required": required, "recent": recent,
           "required_rise": required.removeprefix("+"), "recent_rise": recent.removeprefix("+"),
           "status": tr(row["status"]), "status_reason": status_reason_of(row)}
    if row["unit"] in MT_GLOSSED_UNITS:
        out["latest"] = value_label(row["latest_value"], row["unit"], row["latest_qualifier"])
        out["target"] = value_label(row["target_value"], row["unit"], row["target_qualifier"])
    return out


def _steel_variables(data: dict[str, pd.DataFrame]) -> dict[str, str]:
    """EAF tonnage: reported (Mt), needed at the latest output and the target share, and how many times more; the
    peak of crude-steel output among the published figures."""
    crude, eaf = latest_row(data["series"], "crude_steel_output"), latest_row(data["series"], "eaf_steel_output")
    needed = eaf_tonnage_needed(float(crude["value"]), float(eaf_target(data["targets"])["value"]))
    eaf_mt = megatonnes(float(eaf["value"]), eaf["unit"])
    peak = steel.peak_row(data["series"])
    # the what-if chart draws both tonnages in its unit (亿吨 in Chinese): the prose names them as the chart does
    return {"eaf_latest_mt": chart_quantity(eaf_mt, "Mt", eaf["qualifier"], decimals=0),
            "eaf_needed_mt": chart_quantity(needed, "Mt", decimals=0), "eaf_needed_multiple": fmt_number(needed / eaf_mt, 1),
            "crude_peak": fmt_value(peak["value"], peak["unit"], peak["qualifier"]),
            "crude_peak_year": str(int(peak["year"]))}


def _ule_variables(data: dict) -> dict[str, str]:
    """Ultra-low-emission retrofits: the latest published counts and their date, and the firms added since the
    previous count (difference of the two newest published firm counts, over the whole months between them)."""
    frame = ule.frame(data)
    firms = frame[(frame["measure"] == ule.FIRMS) & (frame["style"] == "published")].sort_values("date")
    capacity = ule.latest(frame, ule.CAPACITY)
    previous, last = firms.iloc[-2], firms.iloc[-1]
    first_capacity = frame[(frame["measure"] == ule.CAPACITY) & (frame["style"] == "published")].sort_values("date")
    return {"latest_when": last["when"], "firms_latest": last["short_label"], "capacity_latest": capacity["value_label"],
            "first_when": firms.iloc[0]["when"], "firms_first": firms.iloc[0]["short_label"],
            "capacity_first": first_capacity.iloc[0]["value_label"], "capacity_first_when": first_capacity.iloc[0]["when"],
            "claim_position": ule.claim_position(frame),
            "previous_when": previous["when"], "firms_added": fmt_number(last["value"] - previous["value"]),
            "months_between": str(ule.months_between(previous["date"], last["date"]))}


def _press_filter_variables(claims: pd.DataFrame) -> dict[str, str]:
    """The press-filter case's arithmetic: capacity ×, energy change, energy left, and energy per unit after."""
    by_id = claims.set_index("claim_id")
    capacity = 1 + float(by_id.loc["dezhou-filter-press-capacity", "value"]) / 100
    energy = float(by_id.loc["dezhou-filter-press-energy", "value"]) / 100
    per_unit = energy_per_unit_change(capacity, energy)
    return {"capacity_multiplier": fmt_number(capacity, 1), "energy_change": fmt_value(abs(energy) * 100, "%"),
            "energy_left": fmt_number(1 + energy, 2), "per_unit_index": fmt_number(1 + per_unit, 2),
            "per_unit_fall": fmt_value(abs(per_unit) * 100, "%", decimals=0), "per_unit_formula": tr(PER_UNIT_FORMULA)}


def variables(data_dir=None) -> dict[str, dict]:
    """This page's derived numbers for _variables.yml, under its key: per-target progress, steel, the case, as-of."""
    data = load(data_dir)
    progress = target_progress(data["targets"], data["series"]).set_index("target_id").loc[list(TARGET_IDS)]
    out: dict = {target_id: _target_variables(row) for target_id, row in progress.iterrows()}
    out["steel"] = _steel_variables(data)
    out["press_filter"] = _press_filter_variables(data["claims"])
    out["ule"] = _ule_variables(data)
    out["status_sentence"] = status_sentence(progress["status"])
    crude_year = int(latest_row(data["series"], "crude_steel_output")["year"])
    out["as_of"] = str(max([*progress["latest_year"].astype(int), crude_year]))
    return {PAGE_KEY: out}
