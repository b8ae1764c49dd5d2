"""Digital and green, converging: the Taishan Steel rooftop-PV case, China's power mix and the green-manufacturing system.

load() reads data/ once. Each chart module (pv_calculator, grid_factor, power_mix, green_system) shapes its frame
from that data and draws it; taishan holds the case's arithmetic; variables() gives the prose its derived numbers,
names.py the short names the prose uses for them.
"""
from __future__ import annotations

from typing import Any

import pandas as pd

from greenmfg.data import loaders
from greenmfg.data.frames import series_rows
from greenmfg.locale.formatting import fmt_number, fmt_value, reader_date
from greenmfg.locale.i18n import tr
from greenmfg.pages.digital import grid_factor, power_mix
from greenmfg.pages.digital.names import NAMES  # noqa: F401 - the prose's short names, read by greenmfg.pages.variables
from greenmfg.pages.digital.taishan import case_quantity, co2_avoided_tonnes, taishan_case

PAGE_KEY = __name__.rpartition(".")[2]


def load(data_dir=None) -> dict[str, Any]:
    """Everything the page shows, read once from data/: the Taishan case, the context series and the targets."""
    case = taishan_case(loaders.load_claims(data_dir), loaders.load_article_paragraphs(data_dir),
                        loaders.seed_article(data_dir))
    return {"case": case, "context": loaders.load_context_series(data_dir),
            "targets": loaders.load_policy_targets(data_dir)}


def _case_values(case: dict[str, Any]) -> dict[str, str]:
    """The case's figures as the prose writes them (MW, years; lifetime kWh and t with their unit: 510 million kWh and
    0.48 Mt, 5.1亿千瓦时 and 48万吨 in Chinese) and the hours and factor they imply."""
    return {
        "case_mw": fmt_number(case["capacity_mw"]), "case_years": fmt_number(case["years"]),
        "case_kwh": case_quantity(case["lifetime_kwh"], "kWh"), "case_co2": case_quantity(case["co2_tonnes"], "t"),
        "case_hours": fmt_number(case["full_load_hours"], 0), "case_factor": fmt_number(case["factor_kg_per_kwh"], 2),
        # with its unit as the edition writes it: 0.94 kg/kWh, 0.94千克/千瓦时 (greenmfg.locale.formatting)
        "case_factor_per_kwh": fmt_value(case["factor_kg_per_kwh"], "kg/kWh", decimals=2),
    }


def _grid_values(grid: pd.DataFrame, case: dict[str, Any]) -> dict[str, str]:
    """The grid average in its first and latest year, the case's tonnes at each, and its factor as a multiple of the latest."""
    first, latest = grid.iloc[0], grid.iloc[-1]
    return {
        "grid_first_year": str(int(first["year"])),
        "grid_first": fmt_number(first["grid_kg_per_kwh"], 2), "grid_latest": fmt_number(latest["grid_kg_per_kwh"], 2),
        "case_co2_at_first_grid": case_quantity(first["avoided_at_grid_t"], "t"),
        "case_co2_at_latest_grid": case_quantity(latest["avoided_at_grid_t"], "t"),
        "factor_vs_latest_grid": fmt_number(case["factor_kg_per_kwh"] / latest["grid_kg_per_kwh"], 1),
    }


# The official baselines the case is set against: MEE and NBS's national average factor (emissions of the average
# kWh consumed) and the North China grid's operating-margin factor used for certified reductions (the plants a
# project displaces at the margin). They answer different questions, so the page shows the case's tonnes at both.
NATIONAL_FACTOR_SERIES = "grid_co2_factor_national_mee"
OM_FACTOR_SERIES = "grid_om_factor_north_china"


def _baseline_values(context: pd.DataFrame, case: dict[str, Any]) -> dict[str, str]:
    """The case's lifetime tonnes (with their unit: 0.54 Mt, 54万吨) at the latest national average factor and at the
    latest and earliest North China operating-margin factors (kg/kWh, as MEE and the baseline compilation give them),
    and the OM's first year."""
    national, om = series_rows(context, NATIONAL_FACTOR_SERIES), series_rows(context, OM_FACTOR_SERIES)

    def tonnes(rows: pd.DataFrame, at: int) -> str:
        return case_quantity(co2_avoided_tonnes(case["lifetime_kwh"], float(rows["value"].iloc[at])), "t")

    return {"case_co2_at_national_factor": tonnes(national, -1), "case_co2_at_om_latest": tonnes(om, -1),
            "case_co2_at_om_first": tonnes(om, 0), "om_first_year": str(int(om["year"].iloc[0]))}


def _english() -> dict[str, str]:
    """The mix's category names in the page's language -> the English ones the code reads."""
    return {tr(name): name for name in power_mix.MIX_SERIES.values()}


def _mix_values(mix: pd.DataFrame) -> dict[str, str]:
    """Solar, wind (with their unit: 834 TWh, 8342亿千瓦时) and coal's share (%) in the mix's first year and each
    series' latest, and solar's growth (the frame names its categories in the page's language)."""
    first_year = int(mix["year"].min())
    first = mix[mix["year"] == first_year].set_index("category")["value"].rename(index=_english())
    latest = mix.groupby("category")["value"].last().rename(index=_english())  # sorted by category, then year
    unit = mix.loc[mix["category"] == tr("solar"), "unit"].iloc[0]  # TWh; 亿千瓦时 in Chinese
    generation = {f"{kind}_{when}": fmt_value(values[kind], unit, decimals=0)  # 834 TWh, 8342亿千瓦时
                  for when, values in (("first", first), ("latest", latest)) for kind in ("solar", "wind")}
    return {
        "mix_first_year": str(first_year), **generation,
        "solar_growth": fmt_number(latest["solar"] / first["solar"], 0),
        "coal_first": fmt_number(first["coal"], 1), "coal_latest": fmt_number(latest["coal"], 1),
    }


def variables(data_dir=None) -> dict[str, dict[str, str]]:
    """The page's derived numbers for _variables.yml, under its key; as_of is the latest period of the power data
    (a year: '2025', Chinese '2025年')."""
    data = load(data_dir)
    grid, mix = grid_factor.frame(data), power_mix.frame(data)
    return {PAGE_KEY: {**_case_values(data["case"]), **_grid_values(grid, data["case"]), **_mix_values(mix),
                       **_baseline_values(data["context"], data["case"]),
                       "as_of": reader_date(max(grid["as_of"].max(), mix["as_of"].max()))}}
