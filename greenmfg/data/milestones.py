"""Verdicts on the milestones of the policy family (data/processed/policy_milestones.csv): met, not met, cannot tell.

A milestone is judged only once its year has ended before the data's ``last_updated`` (never by the clock), and only
from the rows of its ``outcome_series_id`` in context_series that are on its ``outcome_basis``, for its year,
published (not derived) and not targets: never across bases or years. A figure that is a bound ("more than 55 %")
decides only when every value it allows falls on one side. A figure for part of the year decides only a running total
it already reaches. Where the year's figure is missing, the reason says when the publisher usually releases it
(data/processed/release_schedule.csv). Every reason is written in the page's language.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd

from greenmfg.data.frames import is_missing, published_rows, rescale
from greenmfg.data.freshness import period_end, schedule_text
from greenmfg.locale.formatting import fmt_value, reader_date
from greenmfg.locale.i18n import language, pick, tr

MET, NOT_MET, CANNOT_TELL, NOT_YET_DUE, NOT_FOUND = "met", "not met", "cannot tell", "not yet due", "no milestone found"
VERDICTS = (MET, NOT_MET, CANNOT_TELL, NOT_YET_DUE, NOT_FOUND)
# Why a past-due milestone cannot be told, in a few words a reader can count by: the year's figure is not out yet,
# was due but not seen, exists only on another basis or unit, covers part of the year, is only a bound; or the
# milestone is stated in words.
NOT_YET_PUBLISHED, NOT_SEEN, OTHER_BASIS = "figure not yet published", "no official figure seen", "no figure on the same basis"
PART_YEAR, BOUND_ONLY, IN_WORDS = "part-year figure only", "figure only a bound", "goal stated in words"
CAUSES = (NOT_YET_PUBLISHED, NOT_SEEN, OTHER_BASIS, PART_YEAR, BOUND_ONLY, IN_WORDS)
# Units English readers get instead of the source's (万/亿 are rescaled by greenmfg.data.frames.rescale).
EN_UNITS = {"万亿元": (1.0, "trillion yuan")}
INF = math.inf


@dataclass
class Verdict:
    """A milestone's verdict, the reason in words, and the context_series row it rests on (None if none)."""

    verdict: str
    reason: str
    outcome: pd.Series | None = None
    cause: str = ""  # one of CAUSES when the verdict is CANNOT_TELL


def value_label(value: Any, unit: Any, qualifier: Any = "=") -> str:
    """A value as the page's readers read it: 'more than 480 Mt' / '超过4.8亿吨', '≈ 20 %', 'less than 1.5 PUE'."""
    if is_missing(value):
        return ""
    unit, qualifier = ("" if is_missing(unit) else str(unit)), (str(qualifier) if not is_missing(qualifier) else "=")
    if language() == "zh":
        return fmt_value(value, unit, qualifier)
    factor, shown = EN_UNITS.get(unit, (None, None))
    number, shown = (float(value) * factor, shown) if factor else rescale(float(value), unit)
    return fmt_value(number, shown, qualifier)


def milestone_label(milestone: pd.Series) -> str:
    """The milestone as a value, or its words when it has none."""
    if is_missing(milestone.get("value")):
        return pick(milestone, "label_en")
    return value_label(milestone["value"], milestone["unit"], milestone["qualifier"])


def _comparable(value: float, unit: str) -> tuple[float, str]:
    """A value in the unit figures are compared in (亿吨 and 万吨 as Mt)."""
    factor, shown = EN_UNITS.get(unit, (None, None))
    return (value * factor, shown) if factor else rescale(value, unit)


def _interval(value: float, qualifier: str) -> tuple[float, bool, float, bool]:
    """(low, low is open, high, high is open) of the values a figure allows ('>' 55: (55, open, inf))."""
    return {">": (value, True, INF, True), "≥": (value, False, INF, True), "<": (-INF, True, value, True),
            "≤": (-INF, True, value, False)}.get(qualifier, (value, False, value, False))


def decide(figure: float, figure_qualifier: str, threshold: float, qualifier: str, direction: str) -> str | None:
    """MET if every value the figure allows meets the milestone, NOT_MET if none does, None if it cannot tell."""
    low, low_open, high, high_open = _interval(figure, figure_qualifier or "=")
    strict = qualifier in (">", "<")
    if direction == "lower":  # x <= t is -x >= -t: mirror the interval and the threshold
        low, low_open, high, high_open, threshold = -high, high_open, -low, low_open, -threshold
    all_meet = low > threshold or (low == threshold and (low_open or not strict))
    none_meet = high < threshold or (high == threshold and (high_open or strict))
    return MET if all_meet else NOT_MET if none_meet else None


def _outcome_rows(milestone: pd.Series, context: pd.DataFrame) -> pd.DataFrame:
    """Published, non-target rows of the milestone's outcome series for its year (any basis)."""
    if context.empty:
        return context
    rows = context[(context["series_id"] == milestone["outcome_series_id"])
                   & (context["year"].astype(int) == int(milestone["year"]))]
    rows = rows[rows["measure_kind"] != "target"]
    return published_rows(rows) if not rows.empty else rows


def _with_note(text: str, milestone: pd.Series) -> str:
    """The reason followed by the milestone's curated basis note, if it has one."""
    note = pick(milestone, "basis_note")
    return text if is_missing(note) else tr("{reason} {note}", reason=text, note=note)


def _scheduled(milestone: pd.Series, schedule: pd.DataFrame) -> pd.Series | None:
    """The release-schedule entry of the milestone's outcome series, if it has one."""
    series_id = milestone.get("outcome_series_id")
    if is_missing(series_id) or series_id not in set(schedule["series_id"]):
        return None
    return schedule.set_index("series_id").loc[series_id]


def _is_yearly(entry: pd.Series) -> bool:
    return entry["cadence"] == "annual" and not is_missing(entry["release_month_first"])


def release_pending(milestone: pd.Series, schedule: pd.DataFrame, last_updated: str) -> bool:
    """True where the outcome series is released yearly and the usual release of the milestone year's figure has not
    passed by last_updated (its absence is expected); False where it has passed, or the release is irregular."""
    entry = _scheduled(milestone, schedule)
    if entry is None or not _is_yearly(entry):
        return False
    last_month = f"{int(milestone['year']) + 1}-{int(entry['release_month_last']):02d}"
    return period_end(last_month) >= period_end(last_updated)


def due_text(milestone: pd.Series, schedule: pd.DataFrame, last_updated: str) -> str:
    """When the outcome series' next figure usually appears, and whether the usual release for the year has passed."""
    entry = _scheduled(milestone, schedule)
    if entry is None:
        return ""
    text = schedule_text(milestone["outcome_series_id"], schedule)
    if not _is_yearly(entry):
        return tr("{next}.", next=text)
    year, first, last = int(milestone["year"]) + 1, int(entry["release_month_first"]), int(entry["release_month_last"])
    when = reader_date(f"{year}-{first:02d}" if first == last else f"{year}-{first:02d}/{year}-{last:02d}")
    message = ("{next}; the figure for {year} is due in {when}." if release_pending(milestone, schedule, last_updated)
               else "{next}; the usual release for {year}, {when}, has passed.")
    return tr(message, next=text, year=int(milestone["year"]), when=when)


def _missing(milestone: pd.Series, rows: pd.DataFrame, schedule: pd.DataFrame, last_updated: str) -> Verdict:
    """No row on the milestone's basis for its year: another basis is named; otherwise when the figure is due."""
    year = int(milestone["year"])
    if not rows.empty:
        basis = pick(rows.iloc[-1], "basis")
        return Verdict(CANNOT_TELL, _with_note(tr(
            "The figure for {year} in the data counts another basis ({basis}); figures on different bases are not "
            "compared.", year=year, basis=basis), milestone), cause=OTHER_BASIS)
    text = tr("No figure for {year} on the milestone's basis is in the data.", year=year)
    due = due_text(milestone, schedule, last_updated)
    cause = NOT_YET_PUBLISHED if release_pending(milestone, schedule, last_updated) else NOT_SEEN
    return Verdict(CANNOT_TELL, _with_note(tr("{reason} {due}", reason=text, due=due) if due else text, milestone),
                   cause=cause)


def _judged(milestone: pd.Series, row: pd.Series) -> Verdict:
    """The verdict from one row on the milestone's basis and year."""
    figure, figure_unit = _comparable(float(row["value"]), str(row["unit"]))
    threshold, unit = _comparable(float(milestone["value"]), str(milestone["unit"]))
    values = {"figure": value_label(row["value"], row["unit"], row["qualifier"]), "period": reader_date(row["as_of"]),
              "milestone": milestone_label(milestone), "year": int(milestone["year"])}
    if figure_unit != unit:
        return Verdict(CANNOT_TELL, tr("The figure for {period}, {figure}, is in another unit than the milestone "
                                       "({milestone}).", **values), row, OTHER_BASIS)
    outcome = decide(figure, str(row["qualifier"]), threshold, str(milestone["qualifier"]), str(milestone["direction"]))
    part_year = period_end(row["as_of"]) < date(int(milestone["year"]), 12, 31)
    if part_year and not (outcome == MET and milestone.get("running_total") == "yes"):
        return Verdict(CANNOT_TELL, tr("The only figure for {year} is for {period}, part of the year ({figure}); it "
                                       "cannot settle a milestone for the whole year ({milestone}).", **values), row,
                       PART_YEAR)
    if outcome is None:
        return Verdict(CANNOT_TELL, tr("The figure for {period}, {figure}, is only a bound: it may or may not meet "
                                       "the milestone ({milestone}).", **values), row, BOUND_ONLY)
    if part_year:
        return Verdict(MET, tr("The figure for {period}, {figure}, already meets the milestone ({milestone}), and "
                               "the count only grows.", **values), row)
    message = ("The figure for {period}, {figure}, meets the milestone ({milestone})." if outcome == MET
               else "The figure for {period}, {figure}, misses the milestone ({milestone}).")
    return Verdict(outcome, tr(message, **values), row)


def verdict(milestone: pd.Series, context: pd.DataFrame, schedule: pd.DataFrame, last_updated: str) -> Verdict:
    """The verdict on one milestone as of the data's last_updated (see the module's rules)."""
    if milestone["verification"] == "not found":
        return Verdict(NOT_FOUND, pick(milestone, "search_note"))
    year = int(milestone["year"])
    if period_end(str(year)) >= period_end(last_updated):
        due = due_text(milestone, schedule, last_updated)
        text = tr("Due by the end of {year}; not judged before then.", year=year)
        return Verdict(NOT_YET_DUE, tr("{reason} {due}", reason=text, due=due) if due else text)
    if is_missing(milestone.get("value")):
        return Verdict(CANNOT_TELL, _with_note(tr("A milestone stated in words; no figure in the data can settle "
                                                  "it."), milestone), cause=IN_WORDS)
    if is_missing(milestone.get("outcome_series_id")):
        note = pick(milestone, "basis_note")
        cause = OTHER_BASIS if milestone.get("figures_elsewhere") == "another basis" else NOT_SEEN
        return Verdict(CANNOT_TELL, note if not is_missing(note) else tr("No series in the data counts the same "
                                                                         "thing as the milestone."), cause=cause)
    rows = _outcome_rows(milestone, context)
    same = rows[rows["basis"] == milestone["outcome_basis"]] if not rows.empty else rows
    if same.empty:
        return _missing(milestone, rows, schedule, last_updated)
    row = same.sort_values("as_of", key=lambda s: s.map(period_end)).iloc[-1]
    result = _judged(milestone, row)
    return Verdict(result.verdict, _with_note(result.reason, milestone), result.outcome, result.cause)


OUTCOME_COLUMNS = ("value", "unit", "qualifier", "source_org", "source_date", "url", "mirror_url")


def verdicts(milestones: pd.DataFrame, context: pd.DataFrame, schedule: pd.DataFrame,
             last_updated: str) -> pd.DataFrame:
    """One row per milestone: verdict, reason, and the figure it rests on (label, period and source), if any."""
    rows = []
    for _, milestone in milestones.iterrows():
        result = verdict(milestone, context, schedule, last_updated)
        row = result.outcome
        rows.append({"milestone_id": milestone["milestone_id"], "verdict": result.verdict, "reason": result.reason,
                     "cause": result.cause,
                     "outcome_label": "" if row is None else value_label(row["value"], row["unit"], row["qualifier"]),
                     "outcome_period": "" if row is None else reader_date(row["as_of"]),
                     **{f"outcome_{c}": "" if row is None or is_missing(row.get(c)) else row[c]
                        for c in OUTCOME_COLUMNS}})
    return pd.DataFrame(rows)
