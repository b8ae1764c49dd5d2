"""fmt_number / fmt_value are deterministic and follow the house style."""
from __future__ import annotations

import math

import pytest

from greenmfg.formatting import fmt_number, fmt_value


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


def test_fmt_value_rejects_unknown_qualifier():
    with pytest.raises(ValueError):
        fmt_value(1, "%", "~")


def test_chinese_writes_a_change_of_percentages_in_points():
    from greenmfg.formatting import fmt_value

    assert fmt_value(0.8, "pp", "=", "zh") == "0.8个百分点"
    assert fmt_value(0.8, "pp", "=", "en") == "0.8 pp"
