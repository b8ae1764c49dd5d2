"""The frame helpers every page shares: provenance cells, series rows, year runs and spans, units."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from greenmfg.data import frames


def test_year_runs_break_at_missing_years():
    assert frames.year_runs([2015, 2017, 2020, 2021, 2022]) == [0, 1, 2, 2, 2]
    assert frames.year_runs([]) == []


def test_year_span_follows_the_data():
    assert frames.year_span(pd.DataFrame({"year": [2024, 2016, 2020]})) == "2016–2024"


def test_rescale_to_the_units_readers_see():
    assert frames.rescale(958.7, "万辆") == (9.587, "million vehicles")
    assert frames.rescale(143.0, "万吨") == (1.43, "Mt")
    assert frames.rescale(5.1, "亿吨") == (510.0, "Mt")
    assert frames.rescale(654.0, "GW") == (654.0, "GW")


@pytest.mark.parametrize("value", [None, math.nan, pd.NA, ""])
def test_missing_values(value):
    assert frames.is_missing(value)


def test_present_values_are_not_missing():
    assert not frames.is_missing(0) and not frames.is_missing("0") and not frames.is_missing(0.0)


def test_provenance_cells_are_strings_and_series_rows_are_sorted():
    rows = pd.DataFrame({"series_id": ["a", "a", "b"], "year": [2024, 2022, 2020], "source_org": ["x", None, "y"],
                         "source_date": ["2025", "", ""], "url": ["u", "", ""], "publisher": [None, "m", ""],
                         "as_of": ["2024", "2022", "2020"]})
    cleaned = frames.with_provenance(rows)
    assert list(cleaned["source_org"]) == ["x", "", "y"] and list(cleaned["publisher"]) == ["", "m", ""]
    assert list(frames.series_rows(rows, "a")["year"]) == [2022, 2024]
    assert frames.latest_row(rows, "a")["year"] == 2024
    assert frames.provenance_of(rows.iloc[1]) == {"publisher": "m", "source_org": "", "source_date": "", "url": "",
                                                  "as_of": "2022"}
    with pytest.raises(KeyError, match="no series 'c'"):
        frames.series_rows(rows, "c")
