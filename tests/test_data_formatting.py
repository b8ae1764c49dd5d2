"""fmt_number / fmt_value are deterministic and follow the house style."""
from __future__ import annotations

import math

import pytest

from greenmfg.locale.formatting import (
    chart_decimals,
    fmt_number,
    fmt_value,
    in_chart_unit,
    reader_date,
    reader_period,
    vega_number_locale,
)
from greenmfg.locale.i18n import using


@pytest.mark.parametrize("value,decimals,expected", [
    (1234567.891, None, "1,234,567.891"), (958.70, None, "958.7"), (40.0, None, "40"), (-13.5, None, "-13.5"),
    (2.345, 2, "2.35"), (0.5, 0, "1"), (1288.8, 0, "1,289"), (0, None, "0"), (None, None, ""), (math.nan, None, ""),
])
def test_fmt_number(value, decimals, expected):
    assert fmt_number(value, decimals) == expected


@pytest.mark.parametrize("args,expected", [
    ((40, "%", ">"), "more than 40 %"), ((958.7, "万辆"), "958.7万辆"), ((20, "%", "≈"), "≈ 20 %"),
    ((30, "%", "≥"), "at least 30 %"), ((6430, "count"), "6,430"), ((1170, "GWh", ">"), "more than 1,170 GWh"),
    ((5.1, "亿吨", "≥"), "at least 5.1亿吨"), ((1.3, "PUE", "<"), "less than 1.3 PUE"), ((None, "%"), ""),
])
def test_fmt_value_en(args, expected):
    assert fmt_value(*args) == expected


def test_fmt_value_zh():
    assert fmt_value(40, "%", ">", lang="zh") == "超过40%"
    assert fmt_value(25, "%", "≈", lang="zh") == "约25%"
    assert fmt_value(62, "%", "≥", lang="zh") == "达到62%"  # the official wording, never 不低于62%


def test_fmt_value_rejects_unknown_qualifier():
    with pytest.raises(ValueError):
        fmt_value(1, "%", "~")


def test_chinese_writes_a_change_of_percentages_in_points():
    from greenmfg.locale.formatting import fmt_value

    assert fmt_value(0.8, "pp", "=", "zh") == "0.8个百分点"
    assert fmt_value(0.8, "pp", "=", "en") == "0.8 pp"


@pytest.mark.parametrize(("lang", "value", "unit", "qualifier", "expected"), [
    ("zh", 1053, "Mt", "=", "10.53亿吨"),
    ("zh", 600, "Mt", "=", "6亿吨"),
    ("zh", 1649, "万辆", "=", "1649万辆"),
    ("zh", 1180, "TWh", ">", "超过1.18万亿千瓦时"),
    ("zh", 39, "TWh", "=", "390亿千瓦时"),
    ("zh", 8000, "count", ">", "超过8000"),
    ("en", 1053, "Mt", "=", "1,053 Mt"),
    ("en", 8000, "count", ">", "more than 8,000"),
], ids=lambda v: str(v))
def test_quantities_as_each_editions_readers_write_them(lang, value, unit, qualifier, expected):
    """Chinese counts large quantities in 万 and 亿 without thousands separators; English keeps the data's unit."""
    with using(lang):
        assert fmt_value(value, unit, qualifier) == expected


@pytest.mark.parametrize(("lang", "value", "expected"), [
    ("zh", "2025", "2025年"), ("zh", "2025-11", "2025年11月"), ("zh", "2026-03-19", "2026年3月19日"),
    ("zh", "2025-01/2025-10", "2025年1—10月"),
    ("en", "2025", "2025"), ("en", "2025-11", "November 2025"), ("en", "2026-03-19", "19 March 2026"),
    ("en", "2025-01/2025-10", "January–October 2025"),
])
def test_one_date_function_for_both_editions(lang, value, expected):
    with using(lang):
        assert reader_date(value) == expected


@pytest.mark.parametrize(("lang", "value", "unit", "expected"), [
    ("zh", 1005.09, "Mt", (10.0509, "亿吨")), ("zh", 834.2, "TWh", (8342.0, "亿千瓦时")),
    ("zh", 22.0, "million kWh", (2200.0, "万千瓦时")), ("zh", 20.0, "%", (20.0, "%")),
    ("en", 1005.09, "Mt", (1005.09, "Mt")), ("en", 834.2, "TWh", (834.2, "TWh")),
])
def test_charts_count_in_each_editions_units(lang, value, unit, expected):
    """Chinese charts count tonnes in 亿吨 and electricity in 亿千瓦时 / 万千瓦时; English keeps Mt and TWh."""
    assert in_chart_unit(value, unit, lang) == expected


@pytest.mark.parametrize(("value", "unit", "decimals", "expected"), [
    (1005.09, "Mt", 0, "10.05亿吨"), (192.16, "Mt", 0, "1.92亿吨"), (8342.4, "亿千瓦时", 0, "8342亿千瓦时"),
    (11354.0, "亿千瓦时", 0, "1.14万亿千瓦时"), (2200.0, "万千瓦时", 0, "2200万千瓦时"),
])
def test_decimals_count_in_the_given_unit_in_chinese_too(value, unit, decimals, expected):
    """Whole Mt are 亿吨 to two decimals: rounding to 'decimals' never drops a Chinese figure to 2亿吨 for 207 Mt."""
    assert fmt_value(value, unit, lang="zh", decimals=decimals) == expected
    assert chart_decimals("Mt", 0, "zh") == 2 and chart_decimals("Mt", 0, "en") == 0


def test_chart_numbers_are_grouped_as_each_edition_writes_them():
    assert vega_number_locale("en")["thousands"] == "," and vega_number_locale("zh")["thousands"] == ""
    assert vega_number_locale("zh")["decimal"] == "."


@pytest.mark.parametrize(("lang", "value", "expected"), [
    ("zh", "2025-01-21", "2025年1月21日"), ("zh", "2025-09", "2025年9月"), ("zh", "2025", "2025"),
    ("en", "2025-01-21", "21 January 2025"), ("en", 2025, 2025), ("zh", "see 2025-01", "see 2025-01"),
])
def test_table_cells_read_iso_periods_as_dates(lang, value, expected):
    with using(lang):
        assert reader_period(value) == expected
