"""Tooltip lines every chart shares: the source and the date it was published, never blank.

The data leaves ``source_date`` empty where a publication date is unknown (see the data package); tooltips say so
in words, while chart CSVs keep the empty cell. The date is shown as the edition writes it (21 January 2025,
2025年1月21日: greenmfg.locale.formatting.reader_date), never as the data's ISO date.
"""
from __future__ import annotations

import json

import altair as alt
import pandas as pd

from greenmfg.locale.formatting import reader_date
from greenmfg.locale.i18n import tr

SOURCE_DATE_LABEL = "source_date_label"
DATE_UNKNOWN = "date not known"


def source_lines(source_title: str = "Source") -> list[alt.Tooltip]:
    """The source and its publication date as tooltip lines, titled in the page's language."""
    return [alt.Tooltip("source_org:N", title=tr(source_title)),
            alt.Tooltip(f"{SOURCE_DATE_LABEL}:N", title=tr("Published"))]


def with_source_dates(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """``chart`` with the date its tooltips show: the source's date as readers write it, or words saying it is not
    known. The words for each date of the chart's rows are written here, once, so the browser only looks them up."""
    dates = chart.data["source_date"] if isinstance(chart.data, pd.DataFrame) and "source_date" in chart.data else []
    words = {str(d): reader_date(d) for d in dict.fromkeys(dates) if isinstance(d, str) and d.strip()}
    table = json.dumps(words, ensure_ascii=False, sort_keys=True)
    unknown = json.dumps(tr(DATE_UNKNOWN), ensure_ascii=False)
    return chart.transform_calculate(**{SOURCE_DATE_LABEL: f"{table}[datum.source_date] || {unknown}"})
