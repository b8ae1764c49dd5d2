"""Tooltip lines every chart shares: the source and the date the data has for it, never blank.

The line is titled 'Date' and says which date it is: the source's publication date where the data has one
('published 21 January 2025', 2025年1月21日发布), else the period its figures are for ('figures for 2024',
数据所属期为2024年) where the data leaves ``source_date`` empty, so a reader is never told a date is unknown while the
row holds one. Only a row with neither says that no publication date was seen; chart CSVs keep the data's cells. Dates are shown as the
edition writes them (greenmfg.locale.formatting.reader_date), never as the data's ISO date.
"""
from __future__ import annotations

import json

import altair as alt
import pandas as pd

from greenmfg.locale.formatting import reader_date
from greenmfg.locale.i18n import tr

SOURCE_DATE_LABEL = "source_date_label"
DATE_UNKNOWN = "no publication date seen"
PUBLISHED_ON, FIGURES_FOR = "published {date}", "figures for {period}"


def source_lines(source_title: str = "Source") -> list[alt.Tooltip]:
    """The source and its date as tooltip lines, titled in the page's language."""
    return [alt.Tooltip("source_org:N", title=tr(source_title)),
            alt.Tooltip(f"{SOURCE_DATE_LABEL}:N", title=tr("Date"))]


def _words(frame, column: str, message: str, field: str) -> dict[str, str]:
    values = frame[column] if isinstance(frame, pd.DataFrame) and column in frame else []
    return {str(v): tr(message, **{field: reader_date(v)}) for v in dict.fromkeys(values)
            if isinstance(v, str) and v.strip()}


def with_source_dates(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """``chart`` with the date its tooltips show: the source's date, else the period of its figures, as readers write
    them, or words saying neither is known. The words for each date of the chart's rows are written here, once, so
    the browser only looks them up."""
    published = json.dumps(_words(chart.data, "source_date", PUBLISHED_ON, "date"), ensure_ascii=False, sort_keys=True)
    periods = json.dumps(_words(chart.data, "as_of", FIGURES_FOR, "period"), ensure_ascii=False, sort_keys=True)
    unknown = json.dumps(tr(DATE_UNKNOWN), ensure_ascii=False)
    return chart.transform_calculate(
        **{SOURCE_DATE_LABEL: f"{published}[datum.source_date] || {periods}[datum.as_of] || {unknown}"})
