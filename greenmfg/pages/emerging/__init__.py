"""Emerging industries page: NEVs, batteries, photovoltaics, industry structure and green computing.

``load`` reads the data once; each chart module (nev, batteries, pv, structure, pue) turns it into a frame
and a chart; ``variables`` gives the derived numbers of the prose (plain figures use the generic series.*,
claim.* keys); ``NAMES`` (names.py) gives the prose short names for them.
"""
from __future__ import annotations

import pandas as pd

from greenmfg.data import loaders
from greenmfg.data.frames import latest_row, series_rows
from greenmfg.locale.formatting import fmt_goal, fmt_number, fmt_value, reader_date, year_span
from greenmfg.locale.i18n import tr
from greenmfg.pages.emerging import batteries, nev, pue, pv, structure
from greenmfg.pages.emerging.names import NAMES  # noqa: F401 - the prose's short names, read by greenmfg.pages.variables
from greenmfg.pages.emerging.units import shown

HIGHTECH_MONTHLY_SERIES = "hightech_industry_share_monthly_Nov"
RACKS_SERIES = "computing_centre_racks_in_use"
JJJ_CLAIM_ID = "jjj-computing-centre-savings"
VEHICLES = {"million vehicles": 1e6, "万辆": 1e4}  # vehicles in one unit of the NEV figures as each edition shows them


def load(data_dir=None) -> dict:
    """The tables the page draws from: context series and the claims ledger."""
    return {"context": loaders.load_context_series(data_dir), "claims": loaders.load_claims(data_dir)}


def shortfall(threshold: float, value: float) -> float:
    """How far ``value`` falls below ``threshold`` (0 when it reaches it)."""
    return round(max(threshold - value, 0.0), 6)


def label_in(rows: pd.DataFrame, year: int, field: str = "value_label") -> str:
    """The label of the row for ``year``; KeyError when that year has no row, so the prose cannot go stale."""
    match = rows[rows["year"] == year]
    if match.empty:
        raise KeyError(f"no row for {year}")
    return str(match.iloc[0][field])


def rescaled_label(row: pd.Series) -> str:
    """A series or claim value in the unit shown on the page (万 rescaled), with its qualifier."""
    return fmt_value(*shown(row["value"], row["unit"]), row["qualifier"])


def _nev_values(nev_frame: pd.DataFrame) -> dict:
    """NEV sales first and last (million vehicles), the years the chart draws a sourced share for, and the claim
    year's figures against the article's claim."""
    claim = nev_frame.attrs["claim"]
    production = nev_frame[nev_frame["measure"] == "production"]
    sales = nev_frame[nev_frame["measure"] == "sales"]
    share_years = nev_frame.loc[nev_frame["measure"] == "share", "year"]
    first_year = int(nev_frame["year"].min())
    sales_at_claim = sales[sales["year"] == claim["year"]].iloc[0]["value"]
    return {
        "nev_first_year": str(first_year),
        "nev_sales_first": label_in(sales, first_year),
        "nev_sales_last": label_in(sales, int(sales["year"].max())),
        "nev_share_years": year_span(share_years.min(), share_years.max()),
        "nev_production_claim_year": label_in(production, claim["year"]),
        "nev_sales_claim_year": label_in(sales, claim["year"]),
        "nev_sales_shortfall": fmt_value(round(shortfall(claim["value"], sales_at_claim) * VEHICLES[claim["unit"]]),
                                         tr("vehicles")),
    }


def _hightech_values(context: pd.DataFrame) -> dict:
    """The month of the monthly high-tech share the chart leaves out (November 2018, 2018年11月)."""
    monthly = latest_row(context, HIGHTECH_MONTHLY_SERIES)  # a single month's share, never drawn with the years
    return {"hightech_monthly_period": reader_date(monthly["as_of"])}


def directed_change(value: float, direction: str) -> str:
    """The size of a change for prose that names its direction ('fell', 'rose'); ValueError if the sign disagrees,
    so the prose cannot silently contradict the data."""
    if (value < 0) != (direction == "fall") or value == 0:
        raise ValueError(f"a change of {value} is not a {direction}")
    return fmt_value(abs(value), "%")


def _pv_part_year_values(pv_frame: pd.DataFrame, context: pd.DataFrame) -> dict:
    """CPIA's part-year period, polysilicon's part-year output, and each stage's change in words the prose uses."""
    part = pv_frame[pv_frame["measure"] == pv.PART_YEAR_MEASURE].set_index("stage")
    directions = {"polysilicon": "fall", "wafers": "fall", "cells": "rise", "modules": "rise"}
    return {"pv_part_year": pv.part_year_period(int(part["year"].max())),
            "pv_polysilicon_part_year": pv.part_year_level(context, "polysilicon")[0],
            **{f"pv_{stage}_{way}": directed_change(part.loc[stage, "value"], way) for stage, way in directions.items()}}


def _pue_values(pue_frame: pd.DataFrame) -> dict:
    """The national average PUE of computing centres, first and latest (rows newest first), and the target's ceiling."""
    national = pue_frame[pue_frame["series_id"] == pue.NATIONAL]
    target = pue_frame[pue_frame["series_id"] == pue.NATIONAL_TARGET].iloc[0]
    return {"pue_first": national.iloc[-1]["value_label"], "pue_first_period": national.iloc[-1]["period"],
            "pue_latest": national.iloc[0]["value_label"], "pue_latest_period": national.iloc[0]["period"],
            "pue_target": fmt_number(target["pue"]), "pue_target_period": target["period"]}


def variables(data_dir=None) -> dict:
    """Derived display strings for the prose of the emerging page, under the key ``emerging``."""
    data = load(data_dir)
    frames = {"nev": nev.frame(data), "battery": batteries.frame(data), "pv": pv.frame(data),
              "structure": structure.frame(data)}
    battery, pv_frame = frames["battery"], frames["pv"]
    power = battery[battery["battery_type"] == "power"]
    total_last_year = int(battery[battery["battery_type"] == "total"]["year"].max())
    polysilicon = pv_frame[(pv_frame["measure"] == "output") & (pv_frame["stage"] == "polysilicon")]
    jjj = data["claims"].set_index("claim_id").loc[JJJ_CLAIM_ID]
    racks_rows = series_rows(data["context"], RACKS_SERIES)
    racks, racks_first = racks_rows.iloc[-1], racks_rows.iloc[0]
    values = {
        "data_as_of": reader_date(max(date for frame in frames.values() for date in frame["source_date"] if date)),
        **_nev_values(frames["nev"]),
        "battery_power_share_last": label_in(power, total_last_year, "share_label"),
        "battery_storage_share_last": label_in(battery[battery["battery_type"] == "storage"], total_last_year,
                                               "share_label"),
        "pv_polysilicon_last": label_in(polysilicon, int(polysilicon["year"].max())),
        **_pv_part_year_values(pv_frame, data["context"]),
        **_hightech_values(data["context"]),
        **_pue_values(pue.frame(data)),
        "dc_racks": rescaled_label(racks),
        "dc_racks_first": rescaled_label(racks_first),
        "dc_racks_first_period": pue.period_label(racks_first["as_of"], racks_first["measure_kind"]),
        "dc_racks_period": pue.period_label(racks["as_of"], racks["measure_kind"]),
        # as the report words it: 节电量在400万度以上 -> 400万千瓦时以上 ('at least …'), not 达到
        "jjj_savings": fmt_goal(*shown(jjj["value"], jjj["unit"]), jjj["qualifier"],
                                or_more="以上" in str(jjj.get("value_wording") or "")),
    }
    return {"emerging": values}
