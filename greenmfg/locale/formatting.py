"""Numbers, quantities and dates as each edition's readers write them: the one place for both conventions.

CLDR data through Babel does what CLDR covers: Chinese dates (2026年3月19日, 2025年11月), English dates
(19 March 2026, November 2025), each edition's decimal sign and Chinese large numbers in 万 and 亿 (10.65亿吨,
1.18万亿千瓦时). Rules of our own, for what CLDR does not cover:

- Chinese figures carry no thousands separator (1649万辆, as NBS and CAAM print them); English ones do (1,649). The
  charts follow the same rule through the Vega number locale each edition's theme carries (vega_number_locale).
- A range of months within a year is written the statistical bureau's way: 2025年1—10月 (an em dash between the
  months, 年 once, 月 once), January–October 2025 in English. Months are always digits in Chinese (2018年11月, never
  2018年十一月).
- Chinese charts count large quantities in the desk's units: tonnes in 亿吨 (10.05亿吨, not 1,005 Mt or 百万吨),
  electricity in 亿千瓦时 and 万千瓦时 (8340亿千瓦时, 2200万千瓦时; not TWh, 太瓦时 or 百万千瓦时); English charts
  keep Mt, TWh and million kWh (chart_unit).
"""
from __future__ import annotations

import calendar
import math
import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from babel.dates import format_skeleton
from babel.lists import format_list
from babel.numbers import format_compact_decimal, get_decimal_symbol

from greenmfg.data.data_tables import AS_OF_PATTERN
from greenmfg.locale.i18n import language

_EN_QUALIFIER = {"=": "", ">": "more than ", "≥": "at least ", "<": "less than ", "≤": "at most ", "≈": "≈ "}
# Chinese for ≥ is the documents' own verb: every source coded ≥ here says 达到 (达到62%, 达到30%以上) or …以上, none 不低于.
_ZH_QUALIFIER = {"=": "", ">": "超过", "≥": "达到", "<": "低于", "≤": "不超过", "≈": "约"}
# A negative percentage is a change: Chinese says how far it fell (下降40%, 下降超过51%), never "-40%" or "低于-51%".
# qualifier of the signed value -> how the fall is worded ({} is its size): < -51 % is a fall of more than 51 %.
# The same table words a goal's fall in both editions (fmt_goal); 'or_more' is a fall the document words with 以上.
_ZH_FALL = {"=": "下降{}", "<": "下降超过{}", "≤": "至少下降{}", ">": "下降不到{}", "≥": "至多下降{}", "≈": "下降{}左右",
            "or_more": "下降{}以上"}
_EN_FALL = {"=": "{} lower", "<": "more than {} lower", "≤": "at least {} lower", ">": "less than {} lower",
            "≥": "at most {} lower", "≈": "about {} lower", "or_more": "at least {} lower"}
_NO_UNIT = {"", "count"}
# Units Chinese text writes in words: a change of a percentage is so many 个百分点; an emission factor is so many
# 千克/千瓦时; a plant's capacity so many 兆瓦, as the CCTV report writes it (20兆瓦光伏发电项目).
_ZH_UNITS = {"pp": "个百分点", "kg/kWh": "千克/千瓦时", "MW": "兆瓦"}
# Quantities Chinese text states in 万/亿 of a base unit: the unit, its size in base units, the base unit's word.
_ZH_SCALED = {"Mt": (1e6, "吨"), "万吨": (1e4, "吨"), "亿吨": (1e8, "吨"), "TWh": (1e9, "千瓦时"), "亿千瓦时": (1e8, "千瓦时"),
              "million kWh": (1e6, "千瓦时"), "万千瓦时": (1e4, "千瓦时"), "万辆": (1e4, "辆")}
# The unit a chart's axis, tooltip and CSV count a quantity in, per edition: unit -> (factor, unit shown). A Chinese
# desk counts tonnes in 亿吨 and electricity in 亿千瓦时 (large) or 万千瓦时 (a plant's output); English keeps the data's.
CHART_UNITS = {"zh": {"Mt": (0.01, "亿吨"), "TWh": (10.0, "亿千瓦时"), "million kWh": (100.0, "万千瓦时")}}
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


def table_number(value: float, lang: str | None = None) -> str:
    """A number in a card's table: up to ten significant digits, grouped as the edition writes figures (1,649 in
    English, 1649 in Chinese, as the prose beside it writes 1649万辆)."""
    return f"{value:{',' if (lang or language()) != 'zh' else ''}.10g}"


def zh_quantity(value, unit: str, decimals: int | None = None) -> str | None:
    """A quantity in a unit Chinese readers count in 万/亿 (Mt → 10.65亿吨, TWh → 1.18万亿千瓦时, 万辆 → 1649万辆,
    亿千瓦时 → 8342亿千瓦时); None for other units."""
    if unit not in _ZH_SCALED:
        return None
    size, word = _ZH_SCALED[unit]
    base = float(value) * size
    if abs(base) < 1e4:
        return f"{fmt_number(base, decimals, 'zh')}{word}"
    # `decimals` counts in ``unit``, as in English (0: whole Mt, 1,005 Mt -> 10.05亿吨), so the 万/亿/万亿 figure keeps
    # that precision, to at most two decimals (11354亿千瓦时 -> 1.14万亿千瓦时); without it, two decimals.
    power = 12 if abs(base) >= 1e12 else 8 if abs(base) >= 1e8 else 4
    digits = 2 if decimals is None else min(2, max(0, decimals + power - round(math.log10(size))))
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


def year_span(first, last, lang: str | None = None) -> str:
    """Years from ``first`` to ``last`` as the edition writes a span: 2016–2025 (English), 2016—2025年 (Chinese, an
    em dash and 年 once, as the statistical bureau writes 2025年1—10月); one year alone when they are equal."""
    first, last = int(first), int(last)
    if (lang or language()) == "zh":
        return f"{first}年" if first == last else f"{first}—{last}年"
    return str(first) if first == last else f"{first}–{last}"


def listed(items, lang: str | None = None) -> str:
    """Items in a sentence as the edition lists them (CLDR): 2020, 2022 and 2024; 2020、2022和2024."""
    return format_list([str(item) for item in items], locale=LOCALES[lang or language()])


def month_span(first: int, last: int, lang: str | None = None) -> str:
    """Months of a year, without the year: January–March, or 1—3月 in Chinese (an em dash, 月 once)."""
    first, last = int(first), int(last)
    if (lang or language()) == "zh":
        return f"{first}月" if first == last else f"{first}—{last}月"
    names = [calendar.month_name[m] for m in (first, last)]
    return names[0] if first == last else f"{names[0]}–{names[1]}"


def chart_unit(unit: str, lang: str | None = None) -> tuple[float, str]:
    """The factor from ``unit`` to the unit this edition's charts count in, and that unit: ('Mt', zh) -> (0.01,
    '亿吨'), ('TWh', zh) -> (10, '亿千瓦时'); (1, unit) where the edition keeps the unit."""
    return CHART_UNITS.get(lang or language(), {}).get(unit, (1.0, unit))


def in_chart_unit(value, unit: str, lang: str | None = None) -> tuple[float | None, str]:
    """A value in the unit this edition's charts count in, and that unit (1005.09 Mt -> 10.0509 亿吨 in Chinese)."""
    factor, shown = chart_unit(unit, lang)
    return (None if _is_missing(value) else round(float(value) * factor, 6)), shown


def chart_quantity(value, unit: str, qualifier: str = "=", decimals: int | None = None, lang: str | None = None) -> str:
    """A quantity as this edition's charts state it, for prose and takeaways that name a figure a chart draws: in
    Chinese 96 Mt is 0.96亿吨 beside a chart counting in 亿吨 (fmt_value would say 9600万吨, so one figure would read
    two ways); English, and units the charts keep, read as fmt_value."""
    lang = lang or language()
    shown_value, shown_unit = in_chart_unit(value, unit, lang)
    if shown_unit == unit or shown_value is None:
        return fmt_value(value, unit, qualifier, lang, decimals)
    places = None if decimals is None else chart_decimals(unit, decimals, lang)
    prefix = (_ZH_QUALIFIER if lang == "zh" else _EN_QUALIFIER)[qualifier or "="]
    return f"{prefix}{fmt_number(shown_value, places, lang)}{shown_unit}"


def chart_decimals(unit: str, decimals: int, lang: str | None = None) -> int:
    """Decimals that keep a figure's precision in this edition's chart unit: whole Mt are 亿吨 to 2 decimals, tenths
    of a million kWh are whole 万千瓦时."""
    factor, _ = chart_unit(unit, lang)
    return max(0, decimals + round(-math.log10(factor)))


def vega_number_locale(lang: str | None = None) -> dict:
    """The d3/Vega number locale of an edition's charts: CLDR's decimal sign, and thousands grouped as the edition
    writes them (',' in English; none in Chinese, our rule), so axis labels, tooltips and format() in chart
    expressions read 8340, not 8,340, on Chinese pages."""
    lang = lang or language()
    return {"decimal": get_decimal_symbol(LOCALES[lang]), "thousands": "" if lang == "zh" else ",",
            "grouping": [3], "currency": ["", ""]}


ISO_PERIOD = re.compile(r"^\d{4}-\d{2}(?:-\d{2})?(?:/\d{4}-\d{2})?$")


def reader_period(value):
    """``value`` as a reader reads it where it is an ISO month or day (2025-01-21 -> 2025年1月21日 / 21 January
    2025), else unchanged: years, numbers and text stay as they are. For cells of tables readers download."""
    return reader_date(value) if isinstance(value, str) and ISO_PERIOD.match(value.strip()) else value


def is_cjk(ch: str) -> bool:
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
    if lang == "zh" and unit == "%" and float(value) < 0:
        return _ZH_FALL[qualifier].format(f"{fmt_number(-float(value), decimals, lang)}%")
    number = fmt_number(value, decimals, lang)
    unit = "" if unit in _NO_UNIT else unit
    unit = _ZH_UNITS.get(unit, unit) if lang == "zh" else unit
    if not unit:
        body = number
    elif is_cjk(unit[0]) or (lang == "zh" and unit == "%"):
        body = f"{number}{unit}"
    else:
        body = f"{number} {unit}"
    return f"{table[qualifier]}{body}"


# A goal's value as the documents word it (fmt_goal) is fmt_value's wording, but for two things: an approximate goal
# reads as the documents write it, the figure then 左右 ('about' in English), not fmt_value's 约/≈ of a measured value;
# and a fall is worded by the fall table above.
_GOAL_ABOUT = {"zh": "{}左右", "en": "about {}"}
# PUE is a ratio named before its figure: 'PUE降到1.35以下' (the plans' own words), 'PUE below 1.35'.
_ZH_PUE = {"=": "PUE为{n}", ">": "PUE超过{n}", "≥": "PUE不低于{n}", "<": "PUE降到{n}以下", "≤": "PUE不超过{n}",
           "≈": "PUE约为{n}"}
_EN_PUE = {"=": "PUE of {n}", ">": "PUE above {n}", "≥": "PUE of at least {n}", "<": "PUE below {n}",
           "≤": "PUE of at most {n}", "≈": "PUE of about {n}"}


def fmt_goal(value, unit: str = "", qualifier: str = "=", lang: str | None = None, *, aim: bool = False,
             or_more: bool = False) -> str:
    """A goal's value worded as the documents word it, in both editions: a fall in words, never a minus sign
    (下降18%, 下降13%左右; '18 % lower', 'about 13 % lower'), a PUE ceiling with the measure first (PUE降到1.35以下,
    'PUE below 1.35'), '以上' where the document says it (30%以上, 'at least 30 %'; 达到57% where it says 达到) and
    力争 where it sets the goal as an aim (力争80%以上, 'aim for at least 80 %'; 力争达到15%, 'aim for 15 %').
    ``value`` and ``unit`` as the edition counts them (those of fmt_value)."""
    lang = lang or language()
    if _is_missing(value):
        return ""
    qualifier = qualifier if isinstance(qualifier, str) and qualifier else "="
    zh, number = lang == "zh", float(value)
    if unit == "PUE":
        text = (_ZH_PUE if zh else _EN_PUE)[qualifier].format(n=fmt_number(number, lang=lang))
    elif number < 0:  # a fall: its size after the verb, 'about'/'at least' as the document has it
        wording = "or_more" if or_more and qualifier in ("=", "≥", "≤") else qualifier
        text = (_ZH_FALL if zh else _EN_FALL)[wording].format(fmt_value(-number, unit, "=", lang))
    elif qualifier == "≈":
        text = _GOAL_ABOUT[lang].format(fmt_value(number, unit, "=", lang))
    elif or_more and qualifier in ("=", "≥"):  # 30%以上: 'at least 30 %'
        text = fmt_value(number, unit, "=", lang) + "以上" if zh else fmt_value(number, unit, "≥", lang)
    elif aim and qualifier == "≥" and not zh:  # 力争达到15%: 'aim for 15 %', the aim being to reach it
        text = fmt_value(number, unit, "=", lang)
    else:
        text = fmt_value(number, unit, qualifier, lang)
    return ("力争" + text if zh else "aim for " + text) if aim else text
