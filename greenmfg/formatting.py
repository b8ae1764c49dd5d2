"""Deterministic number and value formatting for prose, tooltips and Quarto variables."""
from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

from .i18n import language

_EN_QUALIFIER = {"=": "", ">": "more than ", "≥": "at least ", "<": "less than ", "≤": "at most ", "≈": "≈ "}
_ZH_QUALIFIER = {"=": "", ">": "超过", "≥": "不低于", "<": "低于", "≤": "不超过", "≈": "约"}
_NO_UNIT = {"", "count"}
# Units Chinese text writes in words: a change of a percentage is so many 个百分点.
_ZH_UNITS = {"pp": "个百分点"}


def _is_missing(value) -> bool:
    """True for None, NaN, pandas NA and empty strings."""
    if value is None or (isinstance(value, str) and value.strip() == ""):
        return True
    try:
        return bool(value != value) or (isinstance(value, float) and math.isnan(value))
    except TypeError:
        return True


def fmt_number(value, decimals: int | None = None) -> str:
    """Format a number with thousands separators; round half-up to `decimals` (default: up to 6) and trim trailing zeros."""
    if _is_missing(value):
        return ""
    d = Decimal(str(float(value))) if not isinstance(value, Decimal) else value
    places = 6 if decimals is None else decimals
    d = d.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP) if places >= 0 else d
    text = f"{d:,.{max(places, 0)}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _is_cjk(ch: str) -> bool:
    """True if the character is a CJK ideograph (units like 万辆, 亿吨 attach without a space)."""
    return "\u4e00" <= ch <= "\u9fff"


def fmt_value(value, unit: str = "", qualifier: str = "=", lang: str | None = None, decimals: int | None = None) -> str:
    """Format value + unit + qualifier, e.g. 'more than 40 %', '958.7万辆', '≈ 20 %' (lang 'en' or 'zh'; default:
    the page's language)."""
    lang = lang or language()
    if _is_missing(value):
        return ""
    qualifier = qualifier if isinstance(qualifier, str) and qualifier else "="
    table = _ZH_QUALIFIER if lang == "zh" else _EN_QUALIFIER
    if qualifier not in table:
        raise ValueError(f"unknown qualifier {qualifier!r}")
    number = fmt_number(value, decimals)
    unit = "" if unit in _NO_UNIT else unit
    unit = _ZH_UNITS.get(unit, unit) if lang == "zh" else unit
    if not unit:
        body = number
    elif _is_cjk(unit[0]) or (lang == "zh" and unit == "%"):
        body = f"{number}{unit}"
    else:
        body = f"{number} {unit}"
    return f"{table[qualifier]}{body}"
