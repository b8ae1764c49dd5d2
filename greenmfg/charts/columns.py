"""Which of a chart's columns readers get in its table and CSV.

A chart draws from one DataFrame, and some of its columns exist only for the drawing: sort keys, placement dates,
label positions, line segments, short point labels, ids the chart selects by while another column names the thing
for readers. A chart names those columns once, with :func:`drawing_only`, which records them in the spec's
``usermeta``. The live chart keeps every column; the card's table, its CSV and the embed page's table carry only
:func:`reader_columns`. Provenance columns always stay (the card checks and lists them).

The CSV is for a desk working in a spreadsheet, and :func:`csv_table` writes every chart's the same way: the period
column (``as_of``) in ISO form (2025, 2025-06, 2025-06-30), so it sorts and filters, followed by the period as the
edition writes it (``as_of_text``: 2025年6月, June 2025); other dates (a release's) as the edition writes them, for a
credit line; a data qualifier (a column ``qualifier`` or
``<name>_qualifier``, the data's codes > ≥ < ≤ ≈ =) as words saying whether the number beside it is exact, a lower
bound, an upper bound or approximate (``value_type``, ``<name>_value_type``); whole numbers without a trailing .0.
The card's table (:func:`page_table`) has the same columns but the period text, with dates as the edition writes them.
"""
from __future__ import annotations

import re
from typing import Any

import altair as alt

from greenmfg.data.frames import PROVENANCE, is_missing
from greenmfg.locale.formatting import reader_date, reader_period
from greenmfg.locale.i18n import tr

PERIOD, PERIOD_TEXT = "as_of", "as_of_text"
QUALIFIER = re.compile(r"^(?:(?P<of>.+)_)?qualifier$")
# What a qualifier says of the number it qualifies: more than 71.8 % makes 71.8 a lower bound.
VALUE_TYPES = {"=": "exact figure", ">": "lower bound", "≥": "lower bound", "<": "upper bound", "≤": "upper bound",
               "≈": "approximate figure"}

USERMETA_KEY = "drawing_only"


class ColumnsError(ValueError):
    """A chart names as drawing-only a column its data lacks, or one readers must keep."""


def drawing_only(chart: alt.TopLevelMixin, *columns: str) -> alt.TopLevelMixin:
    """``chart`` with ``columns`` marked as needed for the drawing only: readers' tables and CSVs leave them out."""
    meta = chart.usermeta if isinstance(getattr(chart, "usermeta", None), dict) else {}
    return chart.properties(usermeta={**meta, USERMETA_KEY: list(columns)})


def reader_columns(spec: dict[str, Any], columns: list[str], chart_id: str) -> list[str]:
    """The columns readers get, in the data's order: all but those the spec marks as drawing-only."""
    hidden = (spec.get("usermeta") or {}).get(USERMETA_KEY, [])
    unknown = [c for c in hidden if c not in columns]
    if unknown:
        raise ColumnsError(f"chart {chart_id!r}: drawing-only columns {unknown} are not in its data")
    kept = [c for c in hidden if c in PROVENANCE]
    if kept:
        raise ColumnsError(f"chart {chart_id!r}: provenance columns {kept} cannot be drawing-only")
    return [c for c in columns if c not in hidden]


def value_type(qualifier: Any) -> str:
    """The words for a data qualifier: 'lower bound' for > and ≥ (下限), 'upper bound' for < and ≤ (上限),
    'approximate' for ≈ (约数), 'exact' for = (确数); '' where the row has no figure."""
    if is_missing(qualifier):
        return ""
    if qualifier not in VALUE_TYPES:
        raise ColumnsError(f"unknown qualifier {qualifier!r}")
    return tr(VALUE_TYPES[qualifier])


def iso_period(value: Any) -> str:
    """A period cell in ISO form as the data keeps it ('2025', '2025-06', '2025-06-30'): a year stored as a number
    becomes its four digits."""
    if is_missing(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def csv_cell(value: Any) -> Any:
    """A cell as the CSV writes it: whole numbers without '.0' (409, not 409.0), missing as empty."""
    if is_missing(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _column_name(column: str) -> str:
    """A qualifier column's name for readers: value_type (share_qualifier -> share_value_type)."""
    match = QUALIFIER.match(column)
    if not match:
        return column
    return f"{match['of']}_value_type" if match["of"] else "value_type"


def csv_columns(columns: list[str]) -> list[str]:
    """The CSV's columns: readers' columns with qualifiers named as value types and the period text after the period."""
    out = []
    for column in columns:
        out.append(_column_name(column))
        if column == PERIOD:
            out.append(PERIOD_TEXT)
    return out


def csv_table(rows: list[dict[str, Any]], columns: list[str]) -> tuple[list[str], list[list[Any]]]:
    """The CSV's header (field names) and rows, the same for every chart: ISO periods with their text beside them,
    qualifiers as value types, whole numbers whole."""
    out = []
    for row in rows:
        cells = []
        for column in columns:
            value = row.get(column)
            if QUALIFIER.match(column):
                cells.append(value_type(value))
            elif column == PERIOD:
                period = iso_period(value)
                cells += [period, reader_date(period)]
            else:  # dates other than the period as the edition writes them (发布日期 2025年1月21日), as the table
                cells.append(csv_cell(reader_period(value)))
        out.append(cells)
    return csv_columns(columns), out


def page_table(rows: list[dict[str, Any]], columns: list[str]) -> list[dict[str, Any]]:
    """The card's table: the CSV's columns but the period text, dates and periods as the edition writes them."""
    return [{_column_name(c): value_type(row.get(c)) or None if QUALIFIER.match(c) else reader_period(row.get(c))
             for c in columns} for row in rows]
