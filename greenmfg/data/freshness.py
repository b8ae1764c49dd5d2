"""How fresh a figure is: the latest period of a series, when its next official figure usually appears (a schedule
from data/processed/release_schedule.csv, never a dated forecast) and whether it is stale.

Staleness is measured against the day the sources were last checked (``greenmfg:sources_checked`` in
data/package.yaml, ``stale_reference`` below): a figure is stale when it is old by the time we last looked for a newer
one. That day comes from the data, never from the clock, so two builds of the same data say the same thing.
"""
from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Any

import pandas as pd

from greenmfg.data import loaders
from greenmfg.data.data_tables import AS_OF_PATTERN, load_descriptor
from greenmfg.data.frames import PROVENANCE, PUBLISHED, is_missing, published_rows
from greenmfg.data.sources import publisher_name
from greenmfg.locale.formatting import month_span, reader_date, year_span
from greenmfg.locale.i18n import pick, tr

STALE_AFTER_MONTHS = 18
YEAR = re.compile(r"\d{4}")
CADENCE_WORDS = {"monthly": "every month", "quarterly": "every quarter", "irregular": "no fixed date"}


def period_end(as_of: Any) -> date:
    """Last day of the period a date names: '2024' -> 2024-12-31, '2025-07' -> 2025-07-31, a full date -> itself."""
    match = AS_OF_PATTERN.match(str(as_of).strip())
    if not match:
        raise ValueError(f"{as_of!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(part) if part else None for part in match.groups())
    month = month or 12
    return date(year, month, day or calendar.monthrange(year, month)[1])


def add_months(day: date, months: int) -> date:
    """The same day `months` calendar months later, moved back to the month's last day where it has fewer days."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def is_stale(latest_as_of: Any, last_updated: Any) -> bool:
    """True when the latest observation's period ends more than 18 months before the data's last_updated."""
    return add_months(period_end(latest_as_of), STALE_AFTER_MONTHS) < period_end(last_updated)


def _schedule(schedule: pd.DataFrame | None) -> pd.DataFrame:
    """The release schedule indexed by series_id (loaded from the data when not given)."""
    frame = loaders.load_release_schedule() if schedule is None else schedule
    return frame.set_index("series_id") if "series_id" in frame.columns else frame


def _phrase(entry: pd.Series) -> str:
    """'MIIT, usually each January–March' (Chinese: '工业和信息化部，通常在每年1—3月'): publisher and when, which says
    the cadence ('every month', 'no fixed date')."""
    cadence, first, last = entry["cadence"], entry["release_month_first"], entry["release_month_last"]
    if cadence == "annual" and not is_missing(first):
        when = tr("usually each {months}", months=month_span(first, last))
    else:
        when = tr(CADENCE_WORDS.get(cadence, "once a year"))
    # 'usually each January', 'every month', 'no fixed date' say the cadence already: no '(annual)' after them
    return tr("{publisher}, {when}", publisher=release_source(entry), when=when)


def release_source(entry: pd.Series) -> str:
    """Who releases a series' next figure and in what: 'MIIT (year-end press conference)', '一次性报告或文章'."""
    names = [publisher_name(pid) for pid in str(entry["publisher_ids"]).split()]
    release = pick(entry, "release")
    if not names:
        return release
    who = names[0] if len(names) == 1 else tr("{names} and {last}", names=tr(", ").join(names[:-1]), last=names[-1])
    return tr("{publisher} ({release})", publisher=who, release=release) if release else who


def schedule_text(series_id: str, schedule: pd.DataFrame | None = None) -> str:
    """When the series' next official figure usually appears, e.g. 'Next: MIIT, usually each January–March'."""
    table = _schedule(schedule)
    if series_id not in table.index:
        raise KeyError(f"release_schedule has no series {series_id!r}")
    return tr("Next: {phrase}", phrase=_phrase(table.loc[series_id]))


def _row_series(rows: list[dict], context: pd.DataFrame) -> list[tuple[str, str]]:
    """(series_id, as_of) of each row that is a context_series figure: by its series_id column, else by provenance
    (a source shared by two series gives both)."""
    def source_key(row) -> tuple[str, ...]:
        return tuple("" if is_missing(row.get(c)) else str(row.get(c)) for c in PROVENANCE)

    by_source: dict[tuple[str, ...], list[str]] = {}
    for _, row in context.iterrows():
        by_source.setdefault(source_key(row), []).append(row["series_id"])
    known = set(context["series_id"])
    found = []
    for row in rows:
        if is_missing(row.get("as_of")):
            continue
        series_ids = [row["series_id"]] if row.get("series_id") in known else by_source.get(source_key(row), [])
        found += [(series_id, str(row["as_of"])) for series_id in dict.fromkeys(series_ids)]
    return found


def _baseline_observations(targets: pd.DataFrame) -> pd.DataFrame:
    """Targets' baselines that are not series rows, as observations: an official figure shown on a card counts
    towards its latest data even when it comes from the target table (it has no release schedule)."""
    rows = targets[targets["baseline_value"].map(lambda v: not is_missing(v))]
    return pd.DataFrame({
        "series_id": "baseline of " + rows["target_id"].astype(str),
        "as_of": rows["baseline_year"].map(lambda y: "" if is_missing(y) else str(int(float(y)))),
        **{c: rows[f"baseline_{c}"] for c in ("publisher", "source_org", "source_date", "url")}})


def latest_periods(found: list[tuple[str, str]]) -> str:
    """The card's latest period; when its series end in different periods, the span of their latest ones (2021–2025,
    depending on the series), so a card whose newest figure is one series' 2025 does not read as all 2025."""
    latest_of: dict[str, str] = {}
    for series_id, as_of in found:
        if series_id not in latest_of or period_end(as_of) > period_end(latest_of[series_id]):
            latest_of[series_id] = as_of
    first, last = (f(latest_of.values(), key=period_end) for f in (min, max))
    if period_end(first) == period_end(last):
        return reader_date(last)
    if YEAR.fullmatch(first) and YEAR.fullmatch(last):
        span = year_span(first, last)
    else:
        span = tr("{first} to {last}", first=reader_date(first), last=reader_date(last))
    return tr("{span}, depending on the series", span=span)


def card_freshness(rows: list[dict] | pd.DataFrame, context: pd.DataFrame | None = None,
                   schedule: pd.DataFrame | None = None, targets: pd.DataFrame | None = None) -> str | None:
    """'Latest data: 2025. Next: CAAM, usually each January.' for a chart card's rows; None when no row is a
    context_series figure or a target's baseline. Rows are matched by a series_id column, or else by provenance."""
    if isinstance(rows, pd.DataFrame):
        rows = rows.to_dict("records")
    context = loaders.load_context_series() if context is None else context
    context = published_rows(context[context["measure_kind"] != "target"])  # targets and derived rows are no release
    targets = loaders.load_policy_targets() if targets is None else targets
    observations = pd.concat([context, _baseline_observations(targets)], ignore_index=True)
    rows = [r for r in rows if is_missing(r.get("derivation")) and r.get("figure", tr(PUBLISHED)) == tr(PUBLISHED)]
    found = _row_series(rows, observations)
    if not found:
        return None
    table = _schedule(schedule)
    phrases = list(dict.fromkeys(_phrase(table.loc[sid]) for sid, _ in found if sid in table.index))
    text = tr("Latest data: {period}.", period=latest_periods(found))
    return text + (tr(" Next: {phrases}.", phrases=tr("; ").join(phrases)) if phrases else "")


NO_SCHEDULE = "Next: no regular release recorded (the figure comes from a statement, not a series)"


def target_freshness(targets: pd.DataFrame, progress: pd.DataFrame, schedule: pd.DataFrame,
                     last_updated: str) -> pd.DataFrame:
    """Per tracked target: latest_period (of its latest figure), next_release (a schedule) and stale (18 months)."""
    series_of = targets.set_index("target_id")["baseline_series_id"]
    scheduled = set(schedule["series_id"])
    rows = []
    for _, row in progress.iterrows():
        series_id = series_of.get(row["target_id"])
        series_id = "" if is_missing(series_id) else str(series_id)
        as_of = str(row["latest_year"]) if is_missing(row["as_of"]) else str(row["as_of"])
        rows.append({"target_id": row["target_id"], "latest_period": reader_date(as_of),
                     "next_release": schedule_text(series_id, schedule) if series_id in scheduled
                     else tr(NO_SCHEDULE), "stale": is_stale(as_of, last_updated)})
    return pd.DataFrame(rows, columns=["target_id", "latest_period", "next_release", "stale"])


SOURCE_DATES = (("context_series", "source_date"), ("policy_targets", "source_date"),
                ("policy_targets", "baseline_source_date"), ("claims", "evidence_date"),
                ("policy_document", "source_date"))


def last_updated(tables: dict[str, pd.DataFrame]) -> str:
    """The newest source date across the data's dated columns (data.last_updated on every page)."""
    dates = [str(d) for name, column in SOURCE_DATES for d in tables[name][column].tolist() if d]
    return max(dates) if dates else ""


def data_last_updated(data_dir=None) -> str:
    """data.last_updated computed from the data (pages that measure staleness against it load it here)."""
    return last_updated({"context_series": loaders.load_context_series(data_dir),
                         "policy_targets": loaders.load_policy_targets(data_dir), "claims": loaders.load_claims(data_dir),
                         "policy_document": loaders.load_policy_document(data_dir)})


SOURCES_CHECKED = "greenmfg:sources_checked"


def sources_checked_on(descriptor: dict) -> str:
    """The day the sources were last searched ('2026-12-07'): the newest date the data package records for a search
    of the sources (``greenmfg:sources_checked`` in data/package.yaml, each with its basis). A package that records
    none is an error: the pages never guess it from the clock."""
    dates = [str(entry["date"]) for entry in descriptor.get(SOURCES_CHECKED, []) if entry.get("date")]
    if not dates:
        raise ValueError(f"data/package.yaml records no {SOURCES_CHECKED}: when were the sources last searched?")
    return max(dates, key=period_end)


def stale_reference(data_dir=None) -> str:
    """The day staleness is counted to: the last recorded search of the sources, not the newest source's date (a
    2022 figure is four years old when the sources were searched in December 2026, whatever the newest source)."""
    return sources_checked_on(load_descriptor(data_dir))


def sources_checked(descriptor: dict) -> str:
    """The month the sources were last searched ('2026-12'), as pages state it."""
    return sources_checked_on(descriptor)[:7]


def freshness_statement(newest_source: str, checked: str) -> str:
    """The one statement of the data's age on every page, in the page's language, each date labelled as what it is:
    'Latest source published 19 March 2026; sources last checked December 2026'. The first date is when the newest
    source came out, not the end of the period the figures cover, so it is not worded 'data as of' (数据截至)."""
    return tr("Latest source published {newest}; sources last checked {checked}",
              newest=reader_date(newest_source), checked=reader_date(checked))
