"""A milestone's or a target's value as its document words it (greenmfg.locale.formatting.fmt_goal), for the family
page and the target tracker.

The data's ``qualifier`` says how a value bounds the measure (≥ for both 达到57% and 30%以上), not how the document
words it. Two words it leaves out are read from the row: ``aim`` (the document sets the value as an aim, 力争) and
``or_more`` (it says 以上), each 'yes' or 'no' where the data records them; where it does not, from the exact Chinese
sentence in ``quote``: 力争 in the clause that holds the figure, 以上 right after the figure and its unit. A quote in
another language decides neither (a report's 'aiming to' is the reporter's word, not the document's); for a target so
quoted, the Chinese words the CCTV report gives its figure (``value_wording``, 达到20%以上) decide them.
"""
from __future__ import annotations

import re
from typing import Any

import pandas as pd

from greenmfg.data import milestones as verdict_rules
from greenmfg.data.frames import is_missing, rescale
from greenmfg.locale.formatting import fmt_goal, fmt_number
from greenmfg.locale.i18n import language
from greenmfg.locale.punctuation import zh_clauses, zh_punctuation

AIM_WORDS = ("力争", "力爭")
CLAUSE_END = re.compile(r"[，,；;。:：]")
UNIT_WORDS = r"\s*(?:%|％|万吨|萬噸|亿吨|億噸|万亿元|萬億元)?\s*"


def _figure(value: float) -> re.Pattern:
    """The figure as the quote writes it, not inside a longer number (15 never matches in 2015 or 15.5)."""
    return re.compile(rf"(?<![\d.]){re.escape(fmt_number(abs(value), lang='zh'))}(?![\d.])")


def _flag(row: pd.Series | dict, name: str) -> bool | None:
    value = row.get(name)
    return None if value is None or is_missing(value) else str(value) == "yes"


def goal_flags(row: pd.Series | dict, value_column: str = "value") -> dict[str, bool]:
    """{'aim': …, 'or_more': …} for the row's value (see the module's rules)."""
    aim, or_more = _flag(row, "aim"), _flag(row, "or_more")
    quote, value = row.get("quote"), row.get(value_column)
    if row.get("wording_language") != "zh":  # a translation: the Chinese words seen of the figure, where there are any
        quote = row.get("value_wording")
    if (aim is None or or_more is None) and not is_missing(quote) and not is_missing(value):
        pattern = _figure(float(value))
        for clause in CLAUSE_END.split(str(quote)):
            found = pattern.search(clause)
            if found:
                aim = any(word in clause for word in AIM_WORDS) if aim is None else aim
                rest = clause[found.end():]
                or_more = re.match(UNIT_WORDS + "以上", rest) is not None if or_more is None else or_more
                break
    return {"aim": bool(aim), "or_more": bool(or_more)}


def goal_label(row: pd.Series | dict, value: Any = None, unit: Any = None, qualifier: Any = None) -> str:
    """The row's value (or the one given, from the same document) as the document words it, in the page's units and
    language: 力争80%以上, 下降18%, PUE降到1.35以下; 'aim for at least 80 %', '18 % lower', 'more than 480 Mt'."""
    value = row.get("value") if value is None else value
    if is_missing(value):
        return ""
    unit = str(row.get("unit") if unit is None else unit or "")
    qualifier = str(row.get("qualifier") if qualifier is None else qualifier or "=")
    flags = goal_flags({**dict(row), "value": value})
    number = float(value)
    if language() == "en" and unit != "PUE":
        factor, shown = verdict_rules.EN_UNITS.get(unit, (None, None))
        number, unit = (number * factor, shown) if factor else rescale(number, unit)
    return fmt_goal(number, unit, qualifier, **flags)


def milestone_words(row: pd.Series) -> str:
    """A milestone as its document words it, or its words when it has no value (verdict_rules.milestone_label's
    counterpart with the document's qualifiers)."""
    return verdict_rules.milestone_label(row) if is_missing(row.get("value")) else goal_label(row)


def target_name(target: pd.Series | dict) -> str:
    """What the target measures, whole: its Chinese wording on Chinese pages where the data has one (punctuated
    full-width), else the English. Readers know a target by this, never by its id."""
    if language() == "zh" and not is_missing(target.get("metric_zh")):
        return zh_punctuation(target["metric_zh"])
    return str(target["metric_en"])


def target_title(target: pd.Series | dict, term: str = "") -> str:
    """How a link or a note names a target to readers: by what it measures, never by its id. A goal in words that
    joins several clauses is named on a Chinese page by its clause that holds ``term`` (else its first)."""
    clauses = zh_clauses(target["metric_zh"]) if language() == "zh" and not is_missing(target.get("metric_zh")) else []
    if target.get("target_kind") == "quantitative" or len(clauses) < 2:
        return target_name(target)
    return next((clause for clause in clauses if term and term in clause), clauses[0])
