"""fmt_number / fmt_value are deterministic and follow the house style."""
from __future__ import annotations

import math

import pytest

from greenmfg.locale.formatting import fmt_number, fmt_value, reader_date
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
