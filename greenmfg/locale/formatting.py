"""Numbers, quantities and dates as each edition's readers write them: the one place for both conventions.

CLDR data through Babel does what CLDR covers: Chinese dates (2026年3月19日, 2025年11月), English dates
(19 March 2026, November 2025) and Chinese large numbers in 万 and 亿 (10.53亿吨, 1.18万亿千瓦时). Two rules of our
own, for what CLDR does not cover: Chinese figures carry no thousands separator (1649万辆, as NBS and CAAM print
them), and a range of months within a year is written the statistical bureau's way (2025年1—10月).
"""
from __future__ import annotations

import math
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from babel.dates import format_skeleton
from babel.numbers import format_compact_decimal

from greenmfg.data.data_tables import AS_OF_PATTERN
from greenmfg.locale.i18n import language

_EN_QUALIFIER = {"=": "", ">": "more than ", "≥": "at least ", "<": "less than ", "≤": "at most ", "≈": "≈ "}
# Chinese for ≥ is the documents' own verb: every source coded ≥ here says 达到 (达到62%, 达到30%以上) or …以上, none 不低于.
_ZH_QUALIFIER = {"=": "", ">": "超过", "≥": "达到", "<": "低于", "≤": "不超过", "≈": "约"}
_NO_UNIT = {"", "count"}
# Units Chinese text writes in words: a change of a percentage is so many 个百分点.
_ZH_UNITS = {"pp": "个百分点"}
# Quantities Chinese text states in 万/亿 of a base unit: the unit, its size in base units, the base unit's word.
_ZH_SCALED = {"Mt": (1e6, "吨"), "万吨": (1e4, "吨"), "亿吨": (1e8, "吨"), "TWh": (1e9, "千瓦时"), "亿千瓦时": (1e8, "千瓦时"),
              "million kWh": (1e6, "千瓦时"), "万辆": (1e4, "辆")}
LOCALES = {"en": "en_GB", "zh": "zh_Hans_CN"}
DATE_SKELETONS = {1: "y", 2: "yMMMM", 3: "yMMMMd"}  # year; year and month; full date


def _is_missing(value) -> bool:
    """True for None, NaN, pandas NA and empty strings."""
    if value is None or (isinstance(value, str) and value.strip() == ""):
        return True
    try:
        return bool(value != value) or (isinstance(value, float) and math.isnan(value))
    except TypeError:
        return True


def fmt_number(value, decimals: int | None = None, lang: str | None = None) -> str:
    """Format a number, rounded half-up to `decimals` (default: up to 6) with trailing zeros trimmed: with thousands
    separators in English (1,649), without in Chinese (1649)."""
    if _is_missing(value):
        return ""
    d = Decimal(str(float(value))) if not isinstance(value, Decimal) else value
    places = 6 if decimals is None else decimals
    d = d.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP) if places >= 0 else d
    grouping = "" if (lang or language()) == "zh" else ","
    text = f"{d:{grouping}.{max(places, 0)}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def zh_quantity(value, unit: str, decimals: int | None = None) -> str | None:
    """A quantity in a unit Chinese readers count in 万/亿 (Mt → 10.53亿吨, TWh → 1.18万亿千瓦时, 万辆 → 1649万辆);
    None for other units."""
    if unit not in _ZH_SCALED:
        return None
    size, word = _ZH_SCALED[unit]
    base = float(value) * size
    if abs(base) < 1e4:
        return f"{fmt_number(base, decimals, 'zh')}{word}"
    digits = 2 if decimals is None else decimals
    return format_compact_decimal(base, locale=LOCALES["zh"], fraction_digits=digits).replace(",", "") + word


def reader_date(value) -> str:
    """A date or period from the data as the page's readers write it: 2025, November 2025, 19 March 2026 (Chinese:
    2025年, 2025年11月, 2026年3月19日); a range within a year 'YYYY-MM/YYYY-MM' as January–October 2025 (2025年1—10月).
    Anything else is returned as it is."""
    text = str(value or "").strip()
    lang = language()
    if "/" in text:
        start, end = (AS_OF_PATTERN.match(part) for part in text.split("/", 1))
        if start and end and start[1] == end[1] and start[2] and end[2] and not (start[3] or end[3]):
            year, first, last = start[1], int(start[2]), int(end[2])
            if lang == "zh":
                return f"{year}年{first}—{last}月"
            return f"{reader_date(f'{year}-{first:02d}')[:-5]}–{reader_date(f'{year}-{last:02d}')}"
        return text
    match = AS_OF_PATTERN.match(text)
    if not match:
        return text
    parts = [int(p) for p in match.groups() if p]
    day = date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    return format_skeleton(DATE_SKELETONS[len(parts)], day, locale=LOCALES[lang])


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
    if lang == "zh" and (quantity := zh_quantity(value, unit, decimals)) is not None:
        return f"{table[qualifier]}{quantity}"
    number = fmt_number(value, decimals, lang)
    unit = "" if unit in _NO_UNIT else unit
    unit = _ZH_UNITS.get(unit, unit) if lang == "zh" else unit
    if not unit:
        body = number
    elif _is_cjk(unit[0]) or (lang == "zh" and unit == "%"):
        body = f"{number}{unit}"
    else:
        body = f"{number} {unit}"
    return f"{table[qualifier]}{body}"
