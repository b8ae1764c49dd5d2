"""The project's own data rules, one function each, named in each resource's ``greenmfg:checks``."""
from __future__ import annotations

import calendar
import re

from greenmfg.data.data_tables import AS_OF_PATTERN, SNAPSHOT_DIR, msg

YEAR_MIN, YEAR_MAX = 2000, 2036
DATE_COLUMNS = ("as_of", "source_date", "evidence_date", "baseline_source_date", "changed_on")
HTTP_URL = re.compile(r"^https?://\S+$")
HAN = re.compile(r"[\u4e00-\u9fff]")
CHANGES_FILE = "curated/changes.yaml"
SCHEDULE_FILE = "curated/release_schedule.yaml"

# Each takes (file, rows, context) and returns messages; context holds lookups from the other tables.


def _num(value: str) -> float | None:
    """Parse a number cell, or None if empty/unparseable (type errors are reported by Frictionless)."""
    try:
        return float(value) if value != "" else None
    except ValueError:
        return None


def numeric_row_sourced(file, rows, context) -> list[str]:
    """Every row with a value has url, mirror_url or publisher_id (seen in a reprint), a quote, a qualifier, unit,
    measure_kind and source_org."""
    msgs = []
    for line, r in rows:
        if r.get("value", "") == "":
            continue
        if not (r.get("url") or r.get("mirror_url") or r.get("publisher_id")):
            msgs.append(msg(file, "numeric row has neither url nor mirror_url nor publisher_id", line, "url"))
        if not r.get("quote"):
            msgs.append(msg(file, "numeric row has no quote", line, "quote"))
        msgs += [msg(file, f"numeric row has no {col}", line, col)
                 for col in ("qualifier", "unit", "measure_kind", "source_org") if not r.get(col)]
    return msgs


def _date_problem(year: str, month: str | None, day: str | None) -> str | None:
    """What makes a YYYY[-MM[-DD]] date impossible here: a year outside 2000..2036, a month or day not in the calendar."""
    if not YEAR_MIN <= int(year) <= YEAR_MAX:
        return f"year {year} is out of range {YEAR_MIN}..{YEAR_MAX}"
    if month and not 1 <= int(month) <= 12:
        return f"month {month} is not 01..12"
    last = calendar.monthrange(int(year), int(month))[1] if month else 31
    if day and not 1 <= int(day) <= last:
        return f"day {day} is not a day of {year}-{month} (01..{last})"
    return None


def as_of_range(file, rows, context) -> list[str]:
    """Dates (as_of, source dates, changed_on) are calendar dates with years 2000..2036; the format is a schema pattern."""
    return [msg(file, problem, line, col) for line, r in rows for col in DATE_COLUMNS
            if (m := AS_OF_PATTERN.match(r.get(col, ""))) and (problem := _date_problem(*m.groups()))]


def share_0_100(file, rows, context) -> list[str]:
    """Rows with measure_kind 'share' have 0 <= value <= 100."""
    return [msg(file, f"share {r['value']} is outside 0..100", line, "value") for line, r in rows
            if r.get("measure_kind") == "share" and (v := _num(r.get("value", ""))) is not None and not 0 <= v <= 100]


def level_non_negative(file, rows, context) -> list[str]:
    """Rows with measure_kind 'level' have value >= 0."""
    return [msg(file, f"level {r['value']} is negative", line, "value") for line, r in rows
            if r.get("measure_kind") == "level" and (v := _num(r.get("value", ""))) is not None and v < 0]


def one_unit_per_series(file, rows, context) -> list[str]:
    """All rows of one series_id share one unit."""
    msgs, first = [], {}
    for line, r in rows:
        sid, unit = r.get("series_id", ""), r.get("unit", "")
        if sid not in first:
            first[sid] = (unit, line)
        elif unit != first[sid][0]:
            msgs.append(msg(file, f"series '{sid}' has unit '{unit}' here but '{first[sid][0]}' in row {first[sid][1]} "
                                  "(one unit per series)", line, "unit"))
    return msgs


def _unknown_series(file, line, r, column, context) -> list[str]:
    """A message if r[column] names a series that context_series does not have."""
    known = context.get("series_ids")
    if r.get(column) and known is not None and r[column] not in known:
        return [msg(file, f"unknown series '{r[column]}' (not in context_series)", line, column)]
    return []


def baseline_sourced(file, rows, context) -> list[str]:
    """A baseline_value needs baseline_url or baseline_mirror_url, a baseline_quote and a known series."""
    msgs = []
    for line, r in rows:
        if not r.get("baseline_value"):
            continue
        if not (r.get("baseline_url") or r.get("baseline_mirror_url") or r.get("baseline_publisher_id")):
            msgs.append(msg(file, "baseline has neither baseline_url nor baseline_mirror_url nor baseline_publisher_id",
                            line, "baseline_url"))
        if not r.get("baseline_quote"):
            msgs.append(msg(file, "baseline has no baseline_quote", line, "baseline_quote"))
        msgs += _unknown_series(file, line, r, "baseline_series_id", context)
    return msgs


def document_sourced(file, rows, context) -> list[str]:
    """Rows with status confirmed or reported name a source_org and a url or mirror_url."""
    msgs = []
    for line, r in rows:
        if r.get("status") not in ("confirmed", "reported"):
            continue
        if not r.get("source_org"):
            msgs.append(msg(file, f"status '{r['status']}' needs a source_org", line, "source_org"))
        if not (r.get("url") or r.get("mirror_url") or r.get("publisher_id")):
            msgs.append(msg(file, f"status '{r['status']}' needs url, mirror_url or publisher_id", line, "url"))
    return msgs


def glossary_sourced(file, rows, context) -> list[str]:
    """Every term has a quote and a source_org."""
    return [msg(file, "term has no source", line, col) for line, r in rows for col in ("quote", "source_org")
            if not r.get(col)]


def claim_evidence(file, rows, context) -> list[str]:
    """'not found' needs a search_note; any other status needs evidence (url or mirror, quote); a value needs a unit."""
    msgs = []
    for line, r in rows:
        status = r.get("status")
        if status == "not found" and not r.get("search_note"):
            msgs.append(msg(file, "status 'not found' needs a search_note saying what was searched", line, "search_note"))
        elif status and status != "not found":
            if not (r.get("evidence_url") or r.get("evidence_mirror_url") or r.get("evidence_publisher_id")):
                msgs.append(msg(file, f"status '{status}' needs evidence_url, evidence_mirror_url or evidence_publisher_id",
                                line, "evidence_url"))
            if not r.get("evidence_quote"):
                msgs.append(msg(file, f"status '{status}' needs an evidence_quote", line, "evidence_quote"))
        quote, language = r.get("evidence_quote", ""), r.get("evidence_language", "")
        if quote and bool(HAN.search(quote)) != (language in ("", "zh-Hant")):
            msgs.append(msg(file, f"evidence_language '{language or 'empty (Chinese)'}' does not match the script of the "
                                  "quote", line, "evidence_language"))
        elif quote and language in ("en", "de") and not HAN.search(r.get("evidence_gloss_zh", "")):
            msgs.append(msg(file, "a quote in another language needs its gist in Chinese in evidence_gloss_zh", line,
                            "evidence_gloss_zh"))
        if r.get("value", "") != "" and not r.get("unit"):
            msgs.append(msg(file, "claim with a value has no unit", line, "unit"))
    return msgs


def claim_text_in_paragraph(file, rows, context) -> list[str]:
    """claim_text occurs verbatim in its paragraph (an unknown paragraph_id is a Frictionless foreign-key error)."""
    paragraphs = context.get("paragraphs") or {}
    return [msg(file, f"claim_text is not found in paragraph {r['paragraph_id']}", line, "claim_text") for line, r in rows
            if r.get("claim_text") and r.get("paragraph_id") in paragraphs and r["claim_text"] not in paragraphs[r["paragraph_id"]]]


def claim_references(file, rows, context) -> list[str]:
    """Targets and series a claim names exist; a claim checking a target gives the target's attribution_status."""
    msgs, targets = [], context.get("target_ids")
    for line, r in rows:
        target = r.get("related_target_id")
        if target and targets is not None and target not in targets:
            msgs.append(msg(file, f"unknown target '{target}' (not in policy_targets)", line, "related_target_id"))
        elif target and targets is not None and r.get("claim_type") == "target" and r.get("status") != targets[target]:
            msgs.append(msg(file, f"status '{r.get('status')}' differs from target {target}'s attribution_status "
                                  f"'{targets[target]}' (curated/targets.yaml): set both to one verdict", line, "status"))
        msgs += _unknown_series(file, line, r, "related_series_id", context)
    return msgs


def cells_are_trimmed(file, rows, context) -> list[str]:
    """No cell has leading or trailing spaces (every table)."""
    return [msg(file, f"value '{v}' has leading or trailing spaces", line, col) for line, r in rows
            for col, v in r.items() if v != v.strip()]


def urls_are_http(file, rows, context) -> list[str]:
    """URL columns hold http(s) addresses (every table); Frictionless accepts any URI."""
    return [msg(file, f"'{v}' is not an http(s) URL", line, col) for line, r in rows
            for col, v in r.items() if v and col.endswith("url") and not HTTP_URL.match(v)]


def twins_complete(file, rows, context) -> list[str]:
    """A Chinese twin (``greenmfg:twin_of`` in the schema) has text exactly where its English field has, in Chinese."""
    msgs = []
    for line, r in rows:
        for twin, english in (context.get("twins") or {}).get(file, {}).items():
            en, zh = r.get(english, ""), r.get(twin, "")
            if en and not zh:
                msgs.append(msg(file, f"Chinese twin of '{english}' is empty but '{english}' is not: add {twin}", line, twin))
            elif zh and not en:
                msgs.append(msg(file, f"'{twin}' has text but its English field '{english}' is empty", line, twin))
            elif zh and not HAN.search(zh):
                msgs.append(msg(file, f"'{twin}' has no Chinese characters (it must be the Chinese of '{english}')", line, twin))
    return msgs


def chinese_wording_noted(file, rows, context) -> list[str]:
    """An empty metric_zh says why in metric_zh_note; wording_language agrees with the script of the quote."""
    msgs = []
    for line, r in rows:
        language, quote = r.get("wording_language", ""), r.get("quote", "")
        if not r.get("metric_zh") and not r.get("metric_zh_note"):
            msgs.append(msg(file, "metric_zh is empty, so metric_zh_note must say why (no Chinese wording was found); "
                                  "never put a translation back into Chinese in metric_zh", line, "metric_zh_note"))
        if language == "zh" and not r.get("metric_zh"):
            msgs.append(msg(file, "the quote is Chinese (wording_language zh) but metric_zh is empty", line, "metric_zh"))
        if quote and language in ("zh", "en", "de", "it") and bool(HAN.search(quote)) != (language == "zh"):
            msgs.append(msg(file, f"wording_language '{language}' does not match the script of the quote", line,
                            "wording_language"))
    return msgs


def release_schedule_complete(file, rows, context) -> list[str]:
    """Every context_series series has one schedule row; release months are given for annual series only, 1..12."""
    msgs = [m for line, r in rows for m in _unknown_series(file, line, r, "series_id", context)]
    listed = {r.get("series_id") for _, r in rows}
    msgs += [msg(file, f"series '{sid}' of context_series has no release schedule: add it under 'series:' in "
                       f"{SCHEDULE_FILE}", None, "series_id")
             for sid in sorted((context.get("series_ids") or set()) - listed)]
    for line, r in rows:
        months = [r.get("release_month_first", ""), r.get("release_month_last", "")]
        if r.get("cadence") != "annual" and any(months):
            msgs.append(msg(file, f"cadence {r.get('cadence')!r} takes no usual release month; leave both months empty", line,
                            "release_month_first"))
        elif "" in months and any(months):
            msgs.append(msg(file, "give both release_month_first and release_month_last, or neither", line,
                            "release_month_last"))
    return msgs


def _same_value(a: str, b: str) -> bool:
    """Two value cells are equal as numbers (1662.6 == 1662.60), or as text when either is not a number."""
    x, y = _num(a), _num(b)
    return a == b if x is None or y is None else x == y


def _shown(row: dict | None) -> str:
    """A context_series value as the changes messages show it: qualifier and value ('' when there is no row)."""
    if not row:
        return ""
    qualifier = row.get("qualifier", "")
    return ("" if qualifier in ("", "=") else qualifier + " ") + row.get("value", "")


def _differs(was: dict | None, now: dict | None) -> bool:
    """A row added, removed, or with another value or qualifier than in the snapshot."""
    if was is None or now is None:
        return was is not now
    return not _same_value(was.get("value", ""), now.get("value", "")) or was.get("qualifier") != now.get("qualifier")


def _entries_since(rows, since: str) -> dict[tuple[str, str], list[tuple[int, dict]]]:
    """Changes entries dated on or after the snapshot, by (series_id, year), in date order."""
    by_key: dict[tuple[str, str], list[tuple[int, dict]]] = {}
    for line, r in sorted(rows, key=lambda item: item[1].get("changed_on", "")):
        if r.get("changed_on", "") >= since:
            by_key.setdefault((r.get("series_id", ""), r.get("year", "")), []).append((line, r))
    return by_key


def changes_logged(file, rows, context) -> list[str]:
    """Against the newest snapshot: every changed or new (series_id, year) has an entry; its first entry's old_value is
    the snapshot's value and its last entry's new_value the current one."""
    current, snapshot = context.get("series_rows"), context.get("snapshot")
    if current is None or "snapshot" not in context:
        return []  # context_series or the snapshot failed its schema, which is reported
    if snapshot is None:
        return [msg(file, f"no snapshot {SNAPSHOT_DIR}/context_series_<date>.csv to compare the changes with")]
    msgs, entries = [], _entries_since(rows, snapshot["date"])
    for (sid, year), logged in entries.items():
        (first_line, first), (last_line, last) = logged[0], logged[-1]
        was, now = snapshot["rows"].get((sid, year)), current.get((sid, year))
        if not _same_value(first.get("old_value", ""), (was or {}).get("value", "")):
            msgs.append(msg(file, f"series '{sid}' year {year}: old_value '{first.get('old_value', '')}' is not the value "
                                  f"in {snapshot['file']} ('{_shown(was)}'); fix it in {CHANGES_FILE}", first_line, "old_value"))
        if not _same_value(last.get("new_value", ""), (now or {}).get("value", "")):
            msgs.append(msg(file, f"series '{sid}' year {year}: new_value '{last.get('new_value', '')}' is not the current "
                                  f"value in context_series ('{_shown(now)}'); fix it in {CHANGES_FILE}", last_line, "new_value"))
    for key in sorted(set(snapshot["rows"]) | set(current)):
        was, now = snapshot["rows"].get(key), current.get(key)
        if _differs(was, now) and key not in entries:
            msgs.append(msg(file, f"no entry for series '{key[0]}' year {key[1]}: old '{_shown(was)}' → new '{_shown(now)}' "
                                  f"since {snapshot['file']}; add one to {CHANGES_FILE} (changed_on, series_id, year, old, "
                                  "new, reason)"))
    return msgs


RULES = {f.__name__: f for f in (numeric_row_sourced, as_of_range, share_0_100, level_non_negative, one_unit_per_series,
                                 baseline_sourced, document_sourced, glossary_sourced, claim_evidence,
                                 claim_text_in_paragraph, claim_references, chinese_wording_noted,
                                 release_schedule_complete, changes_logged)}
EVERY_TABLE = (cells_are_trimmed, urls_are_http, twins_complete)
# Checks of cell types that Frictionless cannot express: run with the schema, before any rule sees the table.
SCHEMA_CHECKS = (as_of_range,)


