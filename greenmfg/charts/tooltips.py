"""Tooltip lines every chart shares: the source and the date it was published, never blank.

The data leaves ``source_date`` empty where a publication date is unknown (see the data package); tooltips say so
in words, while chart CSVs keep the empty cell.
"""
from __future__ import annotations

import json

import altair as alt

from greenmfg.locale.i18n import tr

SOURCE_DATE_LABEL = "source_date_label"
DATE_UNKNOWN = "date not known"


def source_lines(source_title: str = "Source") -> list[alt.Tooltip]:
    """The source and its publication date as tooltip lines, titled in the page's language."""
    return [alt.Tooltip("source_org:N", title=tr(source_title)),
            alt.Tooltip(f"{SOURCE_DATE_LABEL}:N", title=tr("Published"))]


def with_source_dates(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """``chart`` with the date its tooltips show: the source's date, or words saying it is not known."""
    unknown = json.dumps(tr(DATE_UNKNOWN), ensure_ascii=False)
    return chart.transform_calculate(**{SOURCE_DATE_LABEL: f"datum.source_date ? datum.source_date : {unknown}"})
