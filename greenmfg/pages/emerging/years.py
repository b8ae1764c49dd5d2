"""Year wording shared by the emerging page's chart titles (not a chart: no CHART_ID)."""
from __future__ import annotations

import pandas as pd


def year_span(frame: pd.DataFrame) -> str:
    """First and last year of a frame as 'first–last', so titles follow the data."""
    return f"{int(frame['year'].min())}–{int(frame['year'].max())}"
