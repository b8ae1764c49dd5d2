"""Which of a chart's columns readers get in its table and CSV.

A chart draws from one DataFrame, and some of its columns exist only for the drawing: sort keys, placement dates,
label positions, line segments, short point labels, ids the chart selects by while another column names the thing
for readers. A chart names those columns once, with :func:`drawing_only`, which records them in the spec's
``usermeta``. The live chart keeps every column; the card's table, its CSV and the embed page's table carry only
:func:`reader_columns`. Provenance columns always stay (the card checks and lists them).
"""
from __future__ import annotations

from typing import Any

import altair as alt

from greenmfg.data.frames import PROVENANCE

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


def reader_table(rows: list[dict[str, Any]], columns: list[str]) -> list[dict[str, Any]]:
    """The rows with only the readers' columns."""
    return [{c: row.get(c) for c in columns} for row in rows]
