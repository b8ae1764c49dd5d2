"""The seed article's Taishan Steel rooftop-PV case: its figures in base units and what they imply.

Pure functions. The figures come from the claims ledger and the article's own paragraph, never typed in here,
so the calculator, the grid comparison and the prose all test the same numbers.
"""
from __future__ import annotations

import re
from typing import Any

import pandas as pd

from greenmfg.locale.formatting import fmt_value
from greenmfg.locale.i18n import language

CASE_CLAIMS = {"capacity": "taishan-pv-capacity", "output": "taishan-pv-output", "co2": "taishan-pv-co2"}
# Multipliers from the units the case claims use to base units (kWh, t, MW). frames.UNITS rescales to display
# units (million kWh, Mt) and has no 亿千瓦时, so the case keeps this small table.
TO_BASE_UNITS = {"亿千瓦时": 1e8, "万吨": 1e4, "MW": 1.0}


def to_base_units(value: float, unit: str) -> float:
    """A claim's value in kWh, t or MW (from 亿千瓦时, 万吨 or MW); ValueError for any other unit."""
    if unit not in TO_BASE_UNITS:
        raise ValueError(f"unit {unit!r} has no conversion")
    return round(float(value) * TO_BASE_UNITS[unit], 6)


def implied_full_load_hours(lifetime_kwh: float, capacity_mw: float, years: float) -> float:
    """Full-load hours a year a plant of this size must run to produce lifetime_kwh: kWh / (MW·1000·years)."""
    if capacity_mw <= 0 or years <= 0:
        raise ValueError("capacity and years must be positive")
    return lifetime_kwh / (capacity_mw * 1000 * years)


def implied_emission_factor(tonnes_co2: float, kwh: float) -> float:
    """kg CO2 avoided per kWh implied by a claim of tonnes avoided for kWh generated (t / kWh, in kg)."""
    if kwh <= 0:
        raise ValueError("kWh must be positive")
    return tonnes_co2 * 1000 / kwh


def co2_avoided_tonnes(kwh: float, factor_kg_per_kwh: float) -> float:
    """Tonnes of CO2 avoided when kWh displace electricity emitting factor_kg_per_kwh."""
    return kwh * factor_kg_per_kwh / 1000


def lifetime_years_from_text(text: str) -> int:
    """The project life stated in the case paragraph ('在25年的寿命周期内'); ValueError if absent."""
    match = re.search(r"(\d+)\s*年的?寿命周期", text)
    if not match:
        raise ValueError("no project life ('…年的寿命周期') in the paragraph")
    return int(match.group(1))


def taishan_case(claims: pd.DataFrame, paragraphs: pd.DataFrame, seed: dict[str, str]) -> dict[str, Any]:
    """The article's Taishan Steel figures in base units, what they imply, and their claim status."""
    rows = {key: claims.loc[claims["claim_id"] == claim_id].iloc[0] for key, claim_id in CASE_CLAIMS.items()}
    paragraph_id = rows["output"]["paragraph_id"]
    text = paragraphs.loc[paragraphs["paragraph_id"] == paragraph_id, "text_zh"].iloc[0]
    mw = to_base_units(rows["capacity"]["value"], rows["capacity"]["unit"])
    kwh = to_base_units(rows["output"]["value"], rows["output"]["unit"])
    tonnes = to_base_units(rows["co2"]["value"], rows["co2"]["unit"])
    years = lifetime_years_from_text(text)
    return {
        "capacity_mw": mw, "years": years, "lifetime_kwh": kwh, "co2_tonnes": tonnes,
        "full_load_hours": implied_full_load_hours(kwh, mw, years),
        "factor_kg_per_kwh": implied_emission_factor(tonnes, kwh),
        "status": {key: row["status"] for key, row in rows.items()}, "paragraph_id": paragraph_id, "seed": seed,
    }


def case_provenance(case: dict[str, Any]) -> dict[str, str]:
    """Provenance cells for rows that carry the case's figures: the seed article (seen in a reprint)."""
    seed = case["seed"]
    return {**seed, "as_of": seed["source_date"][:7]}


# The case's totals as each edition states them, in prose and in the charts' live readouts alike: English in
# million kWh and Mt (510 million kWh, 0.48 Mt), Chinese in 亿千瓦时 and 万吨 (5.1亿千瓦时, 48万吨). Base unit (kWh or t)
# -> the unit the one formatter words it in, the base units in one of it, and its decimals.
CASE_UNITS = {"kWh": ("million kWh", 1e6, 0), "t": ("Mt", 1e6, 2)}
# The same in a Vega expression, which the one formatter cannot reach: (multiplier from base units, d3 format, unit).
READOUT_UNITS = {"en": {"kWh": (1e-6, ",.0f", " million kWh"), "t": (1e-6, ",.2f", " Mt")},
                 "zh": {"kWh": (1e-8, ".1f", "亿千瓦时"), "t": (1e-4, ".0f", "万吨")}}


def case_quantity(value: float, base: str) -> str:
    """kWh or t of the case as the edition's prose writes them: 510 million kWh, 0.48 Mt (5.1亿千瓦时, 48万吨)."""
    unit, size, decimals = CASE_UNITS[base]
    return fmt_value(float(value) / size, unit, decimals=decimals)


def readout_quantity(expression: str, base: str) -> str:
    """A piece of a Vega string expression (inside single quotes) giving kWh or t computed by ``expression`` as
    case_quantity words it: "' + format(datum.total_kwh * 1e-06, ',.0f') + ' million kWh"."""
    return f"' + {readout_number(expression, base)} + '{READOUT_UNITS[language()][base][2]}"


def readout_number(expression: str, base: str) -> str:
    """A Vega expression giving the number of case_quantity's words for kWh or t computed by ``expression``."""
    factor, number_format, _ = READOUT_UNITS[language()][base]
    return f"format({expression} * {factor}, '{number_format}')"


def readout_unit(base: str) -> str:
    """The unit a readout states kWh or t in: 'million kWh', 'Mt' (亿千瓦时, 万吨)."""
    return READOUT_UNITS[language()][base][2].strip()
