"""Validate a data directory against the Frictionless descriptor (data/datapackage.json) and the team's rules.

Messages have the form ``<file>: row <n>: column '<col>': <problem>``, where ``<file>`` is the path relative to
the data directory and ``<n>`` is the CSV line number (the header is line 1, so the first data row is row 2,
as in a spreadsheet). File- and column-level problems omit the row part. Nothing is fixed or dropped: every
problem found is reported. CLI: ``python -m greenmfg.validate DATA_DIR`` (exit 1 on any error).
"""
from __future__ import annotations

import csv
import io
import json
import math
import re
import sys
from pathlib import Path

from greenmfg.paths import DEFAULT_DATA_DIR
from greenmfg.paths import data_dir as _data_dir

DESCRIPTOR = "datapackage.json"
YEAR_MIN, YEAR_MAX = 2000, 2036
_AS_OF = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_INT = re.compile(r"^[+-]?\d+$")
_NUM = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_URL = re.compile(r"^https?://\S+$")


class DataValidationError(ValueError):
    """Raised by loaders when a table fails validation; `.messages` holds every problem found."""

    def __init__(self, messages: list[str]):
        """Keep the messages and show them all in the exception text."""
        self.messages = list(messages)
        super().__init__("\n".join(self.messages))


def load_descriptor(data_dir=None) -> dict:
    """The package descriptor: data_dir/datapackage.json if present, else the repository's canonical one."""
    d = _data_dir(data_dir)
    path = d / DESCRIPTOR if (d / DESCRIPTOR).is_file() else DEFAULT_DATA_DIR / DESCRIPTOR
    return json.loads(path.read_text(encoding="utf-8"))


def resource(descriptor: dict, name: str) -> dict:
    """The descriptor entry of one resource, by name."""
    for r in descriptor["resources"]:
        if r["name"] == name:
            return r
    raise KeyError(f"{DESCRIPTOR}: no resource named '{name}'")


def _msg(file: str, problem: str, row: int | None = None, column: str | None = None) -> str:
    """Format one message as '<file>: row <n>: column '<col>': <problem>'."""
    parts = [file]
    if row is not None:
        parts.append(f"row {row}")
    if column is not None:
        parts.append(f"column '{column}'")
    return ": ".join(parts + [problem])


def read_rows(data_dir, res: dict) -> tuple[list[str] | None, list[tuple[int, dict]], list[str]]:
    """Read a resource's CSV as strings: (header, [(line_number, row)], messages). Header is None if unreadable."""
    file = res["path"]
    path = Path(_data_dir(data_dir)) / file
    if not path.is_file():
        return None, [], [_msg(file, "file is missing")]
    raw = path.read_bytes()
    if not raw.strip():
        return None, [], [_msg(file, "file is empty")]
    msgs = []
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        return None, [], [_msg(file, f"not valid UTF-8 ({e})")]
    if text.startswith("\ufeff"):
        msgs.append(_msg(file, "starts with a byte-order mark; save as UTF-8 without BOM"))
        text = text[1:]
    if "\r" in text:
        msgs.append(_msg(file, "uses \\r line endings; use \\n"))
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        return None, [], [_msg(file, "file is empty")]
    rows = []
    start = reader.line_num + 1
    for cells in reader:
        line = start
        start = reader.line_num + 1
        if not any(c.strip() for c in cells):
            msgs.append(_msg(file, "blank line", row=line))
            continue
        if len(cells) != len(header):
            msgs.append(_msg(file, f"has {len(cells)} cells but the header has {len(header)}", row=line))
            continue
        rows.append((line, dict(zip(header, cells))))
    if not rows:
        msgs.append(_msg(file, "file has a header but no data rows"))
    return header, rows, msgs


def _check_header(file: str, header: list[str], fields: list[dict]) -> list[str]:
    """Missing, unexpected, duplicated and out-of-order columns."""
    expected = [f["name"] for f in fields]
    msgs = []
    seen = set()
    for col in header:
        if col in seen:
            msgs.append(_msg(file, "duplicate column", column=col))
        seen.add(col)
    for col in expected:
        if col not in header:
            msgs.append(_msg(file, "missing column", column=col))
    for col in header:
        if col not in expected:
            msgs.append(_msg(file, "unexpected column (not in datapackage.json)", column=col))
    if not msgs and header != expected:
        for i, (got, want) in enumerate(zip(header, expected), start=1):
            if got != want:
                msgs.append(_msg(file, f"column order differs from datapackage.json: position {i} should be '{want}'", column=got))
                break
    return msgs


def _check_as_of(value: str) -> str | None:
    """Problem with an as_of / date string (format, real month/day, year range), or None."""
    m = _AS_OF.match(value)
    if not m:
        return f"'{value}' is not YYYY, YYYY-MM or YYYY-MM-DD"
    year, month, day = m.groups()
    if not YEAR_MIN <= int(year) <= YEAR_MAX:
        return f"year {year} is out of range {YEAR_MIN}..{YEAR_MAX}"
    if month and not 1 <= int(month) <= 12:
        return f"month {month} is not 01..12"
    if day and not 1 <= int(day) <= 31:
        return f"day {day} is not 01..31"
    return None


def _check_cell(file: str, line: int, field: dict, value: str) -> list[str]:
    """Type and constraint checks of one cell against its descriptor field."""
    name, ftype = field["name"], field.get("type", "string")
    cons = field.get("constraints", {})
    if value == "":
        return [_msg(file, "required value is empty", line, name)] if cons.get("required") else []
    if value != value.strip():
        return [_msg(file, f"value '{value}' has leading or trailing spaces", line, name)]
    num = None
    if ftype == "integer":
        if not _INT.match(value):
            return [_msg(file, f"'{value}' is not an integer", line, name)]
        num = int(value)
    elif ftype == "number":
        if not _NUM.match(value):
            return [_msg(file, f"'{value}' is not a number", line, name)]
        num = float(value)
        if not math.isfinite(num):
            return [_msg(file, f"'{value}' is not a finite number", line, name)]
    msgs = []
    if "enum" in cons and value not in cons["enum"]:
        allowed = ", ".join(repr(x) for x in cons["enum"])
        msgs.append(_msg(file, f"unknown value '{value}' (allowed: {allowed})", line, name))
    if num is not None and "minimum" in cons and num < cons["minimum"]:
        msgs.append(_msg(file, f"{value} is below the minimum {cons['minimum']}", line, name))
    if num is not None and "maximum" in cons and num > cons["maximum"]:
        msgs.append(_msg(file, f"{value} is above the maximum {cons['maximum']}", line, name))
    if "pattern" in cons and not re.fullmatch(cons["pattern"], value):
        if cons["pattern"].startswith(r"^\d{4}(") and _AS_OF.match(value) is None:
            msgs.append(_msg(file, f"'{value}' is not YYYY, YYYY-MM or YYYY-MM-DD", line, name))
        else:
            msgs.append(_msg(file, f"'{value}' does not match pattern {cons['pattern']}", line, name))
    if field.get("format") == "uri" and not _URL.match(value):
        msgs.append(_msg(file, f"'{value}' is not an http(s) URL", line, name))
    if name in ("as_of", "source_date", "evidence_date", "baseline_source_date"):
        problem = _check_as_of(value)
        if problem and _AS_OF.match(value):
            msgs.append(_msg(file, problem, line, name))
    return msgs


def _check_keys(file: str, schema: dict, rows: list[tuple[int, dict]]) -> list[str]:
    """Duplicate primary keys and duplicate values in unique fields."""
    msgs = []
    pk = schema.get("primaryKey") or []
    pk = [pk] if isinstance(pk, str) else pk
    keysets = [pk] if pk else []
    keysets += [[f["name"]] for f in schema["fields"] if f.get("constraints", {}).get("unique") and [f["name"]] != pk]
    for cols in keysets:
        seen: dict[tuple, int] = {}
        for line, row in rows:
            key = tuple(row.get(c, "") for c in cols)
            if key in seen:
                shown = ", ".join(f"{c}={v!r}" for c, v in zip(cols, key))
                msgs.append(_msg(file, f"duplicate key ({shown}); first seen in row {seen[key]}", line, "+".join(cols)))
            else:
                seen[key] = line
    return msgs


def _num(value: str) -> float | None:
    """Parse a number cell, or None if empty/unparseable (type errors are reported elsewhere)."""
    try:
        return float(value) if value != "" else None
    except ValueError:
        return None


def _rule_checks(file: str, checks: list[str], rows: list[tuple[int, dict]], context: dict) -> list[str]:
    """Cross-field rules named in the resource's 'greenmfg:checks' list (as_of_range is enforced per cell)."""
    msgs = []
    for line, r in rows:
        value = _num(r.get("value", ""))
        has_value = r.get("value", "") != ""
        if "numeric_row_sourced" in checks and has_value:
            if not (r.get("url") or r.get("mirror_url")):
                msgs.append(_msg(file, "numeric row has neither url nor mirror_url", line, "url"))
            if not r.get("quote"):
                msgs.append(_msg(file, "numeric row has no quote", line, "quote"))
            for col in ("qualifier", "unit", "measure_kind", "source_org"):
                if not r.get(col):
                    msgs.append(_msg(file, f"numeric row has no {col}", line, col))
        if "share_0_100" in checks and r.get("measure_kind") == "share" and value is not None and not 0 <= value <= 100:
            msgs.append(_msg(file, f"share {r['value']} is outside 0..100", line, "value"))
        if "level_non_negative" in checks and r.get("measure_kind") == "level" and value is not None and value < 0:
            msgs.append(_msg(file, f"level {r['value']} is negative", line, "value"))
        if "baseline_sourced" in checks and r.get("baseline_value"):
            if not (r.get("baseline_url") or r.get("baseline_mirror_url")):
                msgs.append(_msg(file, "baseline has neither baseline_url nor baseline_mirror_url", line, "baseline_url"))
            if not r.get("baseline_quote"):
                msgs.append(_msg(file, "baseline has no baseline_quote", line, "baseline_quote"))
            if r.get("baseline_series_id") and context.get("series_ids") is not None \
                    and r["baseline_series_id"] not in context["series_ids"]:
                msgs.append(_msg(file, f"unknown series '{r['baseline_series_id']}' (not in context_series)", line, "baseline_series_id"))
        if "document_sourced" in checks and r.get("status") in ("confirmed", "reported"):
            if not r.get("source_org"):
                msgs.append(_msg(file, f"status '{r['status']}' needs a source_org", line, "source_org"))
            if not (r.get("url") or r.get("mirror_url")):
                msgs.append(_msg(file, f"status '{r['status']}' needs url or mirror_url", line, "url"))
        if "glossary_sourced" in checks:
            for col in ("quote", "source_org"):
                if not r.get(col):
                    msgs.append(_msg(file, "term has no source", line, col))
        if "claim_evidence" in checks:
            if r.get("status") == "not found":
                if not r.get("search_note"):
                    msgs.append(_msg(file, "status 'not found' needs a search_note saying what was searched", line, "search_note"))
            elif r.get("status"):
                if not (r.get("evidence_url") or r.get("evidence_mirror_url")):
                    msgs.append(_msg(file, f"status '{r['status']}' needs evidence_url or evidence_mirror_url", line, "evidence_url"))
                if not r.get("evidence_quote"):
                    msgs.append(_msg(file, f"status '{r['status']}' needs an evidence_quote", line, "evidence_quote"))
            if has_value and not r.get("unit"):
                msgs.append(_msg(file, "claim with a value has no unit", line, "unit"))
        if "claim_text_in_paragraph" in checks and context.get("paragraphs") is not None and r.get("claim_text"):
            pid = r.get("paragraph_id", "")
            text = context["paragraphs"].get(pid)
            if text is None:
                msgs.append(_msg(file, f"unknown paragraph '{pid}' (not in article_paragraphs)", line, "paragraph_id"))
            elif r["claim_text"] not in text:
                msgs.append(_msg(file, f"claim_text is not found in paragraph {pid}", line, "claim_text"))
        if "claim_references" in checks:
            if r.get("related_target_id") and context.get("target_ids") is not None \
                    and r["related_target_id"] not in context["target_ids"]:
                msgs.append(_msg(file, f"unknown target '{r['related_target_id']}' (not in policy_targets)", line, "related_target_id"))
            if r.get("related_series_id") and context.get("series_ids") is not None \
                    and r["related_series_id"] not in context["series_ids"]:
                msgs.append(_msg(file, f"unknown series '{r['related_series_id']}' (not in context_series)", line, "related_series_id"))
    if "one_unit_per_series" in checks:
        first: dict[str, tuple[str, int]] = {}
        for line, r in rows:
            sid, unit = r.get("series_id", ""), r.get("unit", "")
            if sid not in first:
                first[sid] = (unit, line)
            elif unit != first[sid][0]:
                msgs.append(_msg(file, f"series '{sid}' has unit '{unit}' here but '{first[sid][0]}' in row {first[sid][1]} (one unit per series)", line, "unit"))
    return msgs


def check_resource(name: str, data_dir=None, descriptor: dict | None = None, context: dict | None = None) -> list[str]:
    """All messages for one resource (file, header, cells, keys and its rules); context enables cross-table rules."""
    descriptor = descriptor or load_descriptor(data_dir)
    res = resource(descriptor, name)
    header, rows, msgs = read_rows(data_dir, res)
    if header is None:
        return msgs
    fields = res["schema"]["fields"]
    header_msgs = _check_header(res["path"], header, fields)
    msgs += header_msgs
    present = [f for f in fields if f["name"] in header]
    for line, row in rows:
        for f in present:
            msgs += _check_cell(res["path"], line, f, row[f["name"]])
    msgs += _check_keys(res["path"], res["schema"], rows)
    msgs += _rule_checks(res["path"], res.get("greenmfg:checks", []), rows, context or {})
    return msgs


def _context(data_dir, descriptor: dict) -> dict:
    """Lookup tables for cross-table rules, read leniently (their own problems are reported separately)."""
    ctx: dict = {}
    names = {r["name"] for r in descriptor["resources"]}
    if "article_paragraphs" in names:
        header, rows, _ = read_rows(data_dir, resource(descriptor, "article_paragraphs"))
        if header and "paragraph_id" in header and "text_zh" in header:
            ctx["paragraphs"] = {r["paragraph_id"]: r["text_zh"] for _, r in rows}
    if "policy_targets" in names:
        header, rows, _ = read_rows(data_dir, resource(descriptor, "policy_targets"))
        if header and "target_id" in header:
            ctx["target_ids"] = {r["target_id"] for _, r in rows}
    if "context_series" in names:
        header, rows, _ = read_rows(data_dir, resource(descriptor, "context_series"))
        if header and "series_id" in header:
            ctx["series_ids"] = {r["series_id"] for _, r in rows}
    return ctx


def validate(data_dir=None) -> list[str]:
    """Validate every resource of the package in data_dir; return all messages (empty list = valid)."""
    d = _data_dir(data_dir)
    if not d.is_dir():
        return [_msg(str(d), "data directory does not exist")]
    descriptor = load_descriptor(d)
    ctx = _context(d, descriptor)
    msgs: list[str] = []
    for res in descriptor["resources"]:
        msgs += check_resource(res["name"], d, descriptor, ctx)
    return msgs


def main(argv: list[str] | None = None) -> int:
    """CLI: print every message and return 1 on any error, else print a one-line OK summary and return 0."""
    argv = sys.argv[1:] if argv is None else argv
    d = _data_dir(argv[0] if argv else None)
    msgs = validate(d)
    for m in msgs:
        print(m)
    if msgs:
        print(f"FAILED: {len(msgs)} problem(s) in {d}", file=sys.stderr)
        return 1
    descriptor = load_descriptor(d)
    n = sum(len(read_rows(d, r)[1]) for r in descriptor["resources"])
    print(f"OK: {len(descriptor['resources'])} tables, {n} rows valid in {d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
