"""Helpers every page's frames share: provenance columns, a series' rows (published or derived), year runs, units.

Page packages build their chart frames from these, so a provenance rule or a unit exists once.
"""
from __future__ import annotations

import math
from typing import Any

import pandas as pd

from greenmfg.locale.formatting import fmt_value
from greenmfg.locale.i18n import language, tr

# The columns every chart row carries so the card can name and link its source: the publisher's short name, the
# source's label (greenmfg.data.sources), its date, the outlet's own page ('' when seen in a reprint) and the period.
PROVENANCE = ("publisher", "source_org", "source_date", "url", "as_of")
# How a chart row's figure came about (frames' `figure` column; see figure_label).
PUBLISHED, DERIVED = "published figure", "derived"

# Units of the sources -> units shown to English readers (pure rescaling: 万 = 10^4, 亿 = 10^8).
UNITS = {
    "万辆": (0.01, "million vehicles"),
    "万吨": (0.01, "Mt"),
    "亿吨": (100.0, "Mt"),
    "Mt": (1.0, "Mt"),
    "万千瓦时": (0.01, "million kWh"),
    "亿千瓦时": (100.0, "million kWh"),  # the data's 亿千瓦时 are a plant's output (5.1亿千瓦时: 510 million kWh)
    "万标准机架": (0.01, "million standard racks"),
}


def is_missing(value: Any) -> bool:
    """None, NaN and pandas' NA are missing; '' is missing too (CSV cells)."""
    if value is None or value is pd.NA:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and value == ""


def with_provenance(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with provenance columns as strings ('' for missing), so the card's checks and links are exact."""
    frame = frame.copy()
    for column in PROVENANCE:
        frame[column] = frame[column].fillna("").astype(str)
    return frame


def provenance_of(row: pd.Series | dict) -> dict[str, str]:
    """The provenance cells of one row, as strings."""
    return {c: "" if is_missing(row.get(c)) else str(row.get(c)) for c in PROVENANCE}


def series_rows(context: pd.DataFrame, series_id: str) -> pd.DataFrame:
    """Rows of one context series sorted by year, derived ones included; KeyError when the series is missing."""
    rows = context[context["series_id"] == series_id].sort_values("year")
    if rows.empty:
        raise KeyError(f"context_series has no series {series_id!r}")
    return rows


def is_derived(rows: pd.DataFrame) -> pd.Series:
    """True for rows computed here from published figures (a non-empty ``derivation``); all False without the column."""
    if "derivation" not in rows.columns:
        return pd.Series(False, index=rows.index)
    return rows["derivation"].map(lambda text: not is_missing(text))


def published_rows(rows: pd.DataFrame) -> pd.DataFrame:
    """The rows a source publishes: what a latest figure, a baseline or a pace may rest on (never a derived row)."""
    return rows[~is_derived(rows)]


def figure_label(row: pd.Series | dict) -> str:
    """'published figure', or 'derived: <method>' for a derived row: the words tooltips and chart CSVs carry."""
    derivation = row.get("derivation")
    if is_missing(derivation):
        return tr(PUBLISHED)
    if language() == "zh":  # the data's Chinese twin reads "推算：<method>"
        return str(row.get("derivation_zh"))
    return DERIVED + ": " + str(derivation).removeprefix("Derived: ")


def latest_row(context: pd.DataFrame, series_id: str) -> pd.Series:
    """The most recent published row of one series (derived rows never count as its latest figure)."""
    rows = published_rows(series_rows(context, series_id))
    if rows.empty:
        raise KeyError(f"series {series_id!r} has only derived rows")
    return rows.iloc[-1]


def year_runs(years: list[int] | pd.Series) -> list[int]:
    """Run number (from 0) of each year in a sorted list: consecutive years share a run, so lines break at gaps."""
    years = [int(y) for y in years]
    runs, run = [], 0
    for i, year in enumerate(years):
        if i and year != years[i - 1] + 1:
            run += 1
        runs.append(run)
    return runs


def rescale(value: float, unit: str) -> tuple[float, str]:
    """A source value in the unit shown on the page (万辆 -> million vehicles); other units pass through."""
    factor, shown = UNITS.get(unit, (1.0, unit))
    return round(value * factor, 6), shown


def reader_units(value: float, unit: str, lang: str | None = None) -> tuple[float, str]:
    """A source value in the unit this edition's readers count in, and that unit: Chinese pages keep the sources' 万
    and 亿 units (958.7万辆, 3.85亿吨); English pages rescale them (UNITS: 3.85亿吨 -> 385 Mt, 5.1亿千瓦时 -> 510 million kWh)."""
    if is_missing(value):
        return value, unit
    if (lang or language()) == "zh" and str(unit)[:1] in ("万", "亿"):
        return round(float(value), 6), unit
    return rescale(value, unit)


def reader_decimals(unit: str, decimals: int, lang: str | None = None) -> int:
    """Decimals that keep a figure's precision once reader_units has rescaled it: 0.14亿吨 to two decimals is 14 Mt
    to none; never fewer than none."""
    if (lang or language()) == "zh" and str(unit)[:1] in ("万", "亿"):
        return decimals
    factor, _ = UNITS.get(unit, (1.0, unit))
    return max(0, decimals - round(math.log10(factor)))


def reader_value(value: float, unit: str, qualifier: str = "=", decimals: int | None = None) -> str:
    """A figure as this edition's readers read it, qualifier and unit included: 'more than 55 %', 3.85亿吨 in Chinese
    and 385 Mt in English (reader_units), keeping its precision when rescaled (reader_decimals)."""
    places = None if decimals is None else reader_decimals(unit, decimals)
    return fmt_value(*reader_units(value, unit), qualifier, decimals=places)


def year_span(frame: pd.DataFrame) -> str:
    """First and last year of a frame as the edition writes a span (2015–2025, 2015—2025年: the one formatter's
    year_span), so chart titles follow the data."""
    from greenmfg.locale.formatting import year_span as span  # formatting imports this package: import on use

    return span(frame["year"].min(), frame["year"].max())
