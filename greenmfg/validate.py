"""Validate a data directory: the Frictionless descriptor (data/datapackage.json) checked by the pinned
`frictionless` library, plus the project's own rules named in each resource's ``greenmfg:checks``.

Messages have the form ``<file>: row <n>: column '<col>': <problem>``, where ``<file>`` is the path relative to
the data directory and ``<n>`` is the CSV line number (the header is line 1, so the first data row is row 2,
as in a spreadsheet). File- and column-level problems omit the row part. Nothing is fixed or dropped: every
problem found is reported. Results are cached on a digest of the descriptor, the tables and this validator, so
an unchanged data directory is not validated twice. CLI: ``python -m greenmfg.validate DATA_DIR`` (exit 1 on error).
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import sys
from importlib.metadata import version
from pathlib import Path

from greenmfg.paths import BUILD_DIR, DEFAULT_DATA_DIR
from greenmfg.paths import data_dir as _data_dir

DESCRIPTOR = "datapackage.json"
CACHE_DIR = BUILD_DIR / "validation"
CACHE_KEEP = 64
YEAR_MIN, YEAR_MAX = 2000, 2036
DATE_COLUMNS = ("as_of", "source_date", "evidence_date", "baseline_source_date")
_AS_OF = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_URL = re.compile(r"^https?://\S+$")
_memo: dict[str, list[str]] = {}


class DataValidationError(ValueError):
    """Raised by loaders when a table fails validation; `.messages` holds every problem found."""

    def __init__(self, messages: list[str]):
        """Keep the messages and show them all in the exception text."""
        self.messages = list(messages)
        super().__init__("\n".join(self.messages))


def load_descriptor(data_dir=None) -> dict:
    """The package descriptor: data_dir/datapackage.json if present, else the repository's canonical one."""
    return json.loads(_descriptor_path(_data_dir(data_dir)).read_text(encoding="utf-8"))


def _descriptor_path(d: Path) -> Path:
    """data_dir/datapackage.json if present, else the repository's."""
    return d / DESCRIPTOR if (d / DESCRIPTOR).is_file() else DEFAULT_DATA_DIR / DESCRIPTOR


def resource(descriptor: dict, name: str) -> dict:
    """The descriptor entry of one resource, by name."""
    for r in descriptor["resources"]:
        if r["name"] == name:
            return r
    raise KeyError(f"{DESCRIPTOR}: no resource named '{name}'")


def msg(file: str, problem: str, row: int | None = None, column: str | None = None) -> str:
    """Format one message as '<file>: row <n>: column '<col>': <problem>'."""
    parts = [file]
    if row is not None:
        parts.append(f"row {row}")
    if column is not None:
        parts.append(f"column '{column}'")
    return ": ".join(parts + [problem])


def read_rows(data_dir, res: dict) -> tuple[list[str] | None, list[tuple[int, dict]], list[str]]:
    """A resource's CSV as strings: (header, [(line, row)], file-level messages); header None if unreadable.

    Checks what Frictionless does not: a byte-order mark, \\r line endings, a header without data rows.
    Blank lines are skipped here (Frictionless reports them).
    """
    file = res["path"]
    path = Path(_data_dir(data_dir)) / file
    if not path.is_file():
        return None, [], [msg(file, "file is missing")]
    raw = path.read_bytes()
    if not raw.strip():
        return None, [], [msg(file, "file is empty")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        return None, [], [msg(file, f"not valid UTF-8 ({e})")]
    msgs = []
    if text.startswith("\ufeff"):
        msgs.append(msg(file, "starts with a byte-order mark; save as UTF-8 without BOM"))
        text = text[1:]
    if "\r" in text:
        msgs.append(msg(file, "uses \\r line endings; use \\n"))
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader)
    rows = []
    start = reader.line_num + 1
    for cells in reader:
        line, start = start, reader.line_num + 1
        if any(c.strip() for c in cells):
            rows.append((line, dict(zip(header, cells))))
    if not rows:
        msgs.append(msg(file, "file has a header but no data rows"))
    return header, rows, msgs


def check_header(file: str, header: list[str], fields: list[dict]) -> list[str]:
    """Missing, unexpected, duplicated and out-of-order columns (Frictionless matches fields by name)."""
    expected = [f["name"] for f in fields]
    msgs = [msg(file, "duplicate column", column=col) for i, col in enumerate(header) if col in header[:i]]
    msgs += [msg(file, "missing column", column=col) for col in expected if col not in header]
    msgs += [msg(file, "unexpected column (not in datapackage.json)", column=col) for col in header if col not in expected]
    if not msgs and header != expected:
        got, want, i = next((g, w, i) for i, (g, w) in enumerate(zip(header, expected), start=1) if g != w)
        msgs.append(msg(file, f"column order differs from datapackage.json: position {i} should be '{want}'", column=got))
    return msgs


# ---------------------------------------------------------------- Frictionless: schema, types, enums, required, keys
_CONSTRAINT = re.compile(r'constraint "(\w+)"')
_POSITION = re.compile(r"position \"?(\d+)")


def _constraint_problem(field: dict, cell: str, note: str) -> str:
    """Our wording of a Frictionless constraint error on one cell."""
    cons = field.get("constraints", {})
    name = (_CONSTRAINT.search(note) or [None, ""])[1]
    if name == "required":
        return "required value is empty"
    if name == "enum":
        return f"unknown value '{cell}' (allowed: {', '.join(repr(x) for x in cons['enum'])})"
    if name in ("minimum", "maximum"):
        return f"{cell} is {'below' if name == 'minimum' else 'above'} the {name} {cons[name]}"
    if name == "pattern" and cons["pattern"].startswith(r"^\d{4}(") and not _AS_OF.match(cell):
        return f"'{cell}' is not YYYY, YYYY-MM or YYYY-MM-DD"
    if name == "pattern":
        return f"'{cell}' does not match pattern {cons['pattern']}"
    return f"'{cell}' breaks constraint {name}: {note}"


def _type_problem(field: dict, cell: str) -> str:
    """Our wording of a Frictionless type error on one cell."""
    kind = {"integer": "an integer", "number": "a number"}.get(field.get("type", "string"))
    if kind:
        return f"'{cell}' is not {kind}"
    return f"'{cell}' is not an http(s) URL" if field.get("format") == "uri" else f"'{cell}' is not a valid {field['type']}"


def _key_problem(error, schema: dict, row: dict) -> tuple[str, str]:
    """(problem, column) for a Frictionless primary-key, unique or foreign-key error."""
    if error.type == "foreign-key":
        fk = schema["foreignKeys"][0]
        col = fk["fields"] if isinstance(fk["fields"], str) else "+".join(fk["fields"])
        return f"unknown {col} '{row.get(col, '')}' (not in {fk['reference']['resource']})", col
    cols = [error.field_name] if error.type == "unique-error" else schema["primaryKey"]
    cols = [cols] if isinstance(cols, str) else cols
    shown = ", ".join(f"{c}={row.get(c, '')!r}" for c in cols)
    first = (_POSITION.search(error.note) or [None, "?"])[1]
    return f"duplicate key ({shown}); first seen in row {first}", "+".join(cols)


def _error_message(file: str, error, schema: dict, rows: dict[int, dict]) -> str | None:
    """One Frictionless error in our message format (None for errors reported otherwise)."""
    line = getattr(error, "row_number", None)
    fields = {f["name"]: f for f in schema["fields"]}
    field = fields.get(getattr(error, "field_name", None) or "")
    cell = str(getattr(error, "cell", "") or "")
    if error.type == "blank-row":
        return msg(file, "blank line", line)
    if error.type in ("extra-cell", "missing-cell"):
        return msg(file, f"has {'more' if error.type == 'extra-cell' else 'fewer'} cells than the header", line)
    if error.type == "type-error" and field:
        return msg(file, _type_problem(field, cell), line, field["name"])
    if error.type == "constraint-error" and field:
        return msg(file, _constraint_problem(field, cell, error.note), line, field["name"])
    if error.type == "unique-error" and [error.field_name] in (schema.get("primaryKey"), [schema.get("primaryKey")]):
        return None  # the primary-key error says it
    if error.type in ("primary-key", "unique-error", "foreign-key"):
        problem, column = _key_problem(error, schema, rows.get(line, {}))
        return msg(file, problem, line, column)
    if error.type.endswith("-label"):
        return None  # check_header reports columns by name
    return msg(file, f"{error.title}: {error.note}", line, field["name"] if field else None)


def frictionless_messages(d: Path, descriptor: dict, names: set[str], rows: dict[str, list[tuple[int, dict]]]) -> list[str]:
    """Frictionless's findings on the named resources (fields matched by name), in our message format."""
    from frictionless import FrictionlessException, Package  # imported only when the cache misses

    matched_by_name = json.loads(json.dumps(descriptor))
    for res in matched_by_name["resources"]:
        res["schema"]["fieldsMatch"] = "partial"
    try:
        package = Package(matched_by_name, basepath=str(d))
    except FrictionlessException as e:
        return [msg(DESCRIPTOR, f"not a valid Frictionless descriptor: {e}")]
    msgs = []
    for res in descriptor["resources"]:
        if res["name"] not in names:
            continue
        by_line = dict(rows[res["name"]])
        errors = package.get_resource(res["name"]).validate().tasks[0].errors
        broken = {e.row_number for e in errors if e.type in ("blank-row", "extra-cell", "missing-cell")}
        for error in errors:
            if getattr(error, "row_number", None) in broken and error.type not in ("blank-row", "extra-cell", "missing-cell"):
                continue
            message = _error_message(res["path"], error, res["schema"], by_line)
            if message:
                msgs.append(message)
    return msgs


# ---------------------------------------------------------------- the project's rules, one function each
# Each takes (file, rows, context) and returns messages; context holds lookups from the other tables.


def _num(value: str) -> float | None:
    """Parse a number cell, or None if empty/unparseable (type errors are reported by Frictionless)."""
    try:
        return float(value) if value != "" else None
    except ValueError:
        return None


def numeric_row_sourced(file, rows, context) -> list[str]:
    """Every row with a value has url or mirror_url, a quote, a qualifier, unit, measure_kind and source_org."""
    msgs = []
    for line, r in rows:
        if r.get("value", "") == "":
            continue
        if not (r.get("url") or r.get("mirror_url")):
            msgs.append(msg(file, "numeric row has neither url nor mirror_url", line, "url"))
        if not r.get("quote"):
            msgs.append(msg(file, "numeric row has no quote", line, "quote"))
        msgs += [msg(file, f"numeric row has no {col}", line, col)
                 for col in ("qualifier", "unit", "measure_kind", "source_org") if not r.get(col)]
    return msgs


def as_of_range(file, rows, context) -> list[str]:
    """Dates (as_of, source dates) are real months and days with years 2000..2036; the format is a schema pattern."""
    msgs = []
    for line, r in rows:
        for col in DATE_COLUMNS:
            m = _AS_OF.match(r.get(col, ""))
            if not m:
                continue
            year, month, day = m.groups()
            if not YEAR_MIN <= int(year) <= YEAR_MAX:
                msgs.append(msg(file, f"year {year} is out of range {YEAR_MIN}..{YEAR_MAX}", line, col))
            elif month and not 1 <= int(month) <= 12:
                msgs.append(msg(file, f"month {month} is not 01..12", line, col))
            elif day and not 1 <= int(day) <= 31:
                msgs.append(msg(file, f"day {day} is not 01..31", line, col))
    return msgs


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
        if not (r.get("baseline_url") or r.get("baseline_mirror_url")):
            msgs.append(msg(file, "baseline has neither baseline_url nor baseline_mirror_url", line, "baseline_url"))
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
        if not (r.get("url") or r.get("mirror_url")):
            msgs.append(msg(file, f"status '{r['status']}' needs url or mirror_url", line, "url"))
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
            if not (r.get("evidence_url") or r.get("evidence_mirror_url")):
                msgs.append(msg(file, f"status '{status}' needs evidence_url or evidence_mirror_url", line, "evidence_url"))
            if not r.get("evidence_quote"):
                msgs.append(msg(file, f"status '{status}' needs an evidence_quote", line, "evidence_quote"))
        if r.get("value", "") != "" and not r.get("unit"):
            msgs.append(msg(file, "claim with a value has no unit", line, "unit"))
    return msgs


def claim_text_in_paragraph(file, rows, context) -> list[str]:
    """claim_text occurs verbatim in its paragraph (an unknown paragraph_id is a Frictionless foreign-key error)."""
    paragraphs = context.get("paragraphs") or {}
    return [msg(file, f"claim_text is not found in paragraph {r['paragraph_id']}", line, "claim_text") for line, r in rows
            if r.get("claim_text") and r.get("paragraph_id") in paragraphs and r["claim_text"] not in paragraphs[r["paragraph_id"]]]


def claim_references(file, rows, context) -> list[str]:
    """related_target_id and related_series_id exist in policy_targets / context_series."""
    msgs = []
    targets = context.get("target_ids")
    for line, r in rows:
        if r.get("related_target_id") and targets is not None and r["related_target_id"] not in targets:
            msgs.append(msg(file, f"unknown target '{r['related_target_id']}' (not in policy_targets)", line, "related_target_id"))
        msgs += _unknown_series(file, line, r, "related_series_id", context)
    return msgs


def cells_are_trimmed(file, rows, context) -> list[str]:
    """No cell has leading or trailing spaces (every table)."""
    return [msg(file, f"value '{v}' has leading or trailing spaces", line, col) for line, r in rows
            for col, v in r.items() if v != v.strip()]


def urls_are_http(file, rows, context) -> list[str]:
    """URL columns hold http(s) addresses (every table); Frictionless accepts any URI."""
    return [msg(file, f"'{v}' is not an http(s) URL", line, col) for line, r in rows
            for col, v in r.items() if v and col.endswith("url") and not _URL.match(v)]


RULES = {f.__name__: f for f in (numeric_row_sourced, as_of_range, share_0_100, level_non_negative, one_unit_per_series,
                                 baseline_sourced, document_sourced, glossary_sourced, claim_evidence,
                                 claim_text_in_paragraph, claim_references)}
EVERY_TABLE = (as_of_range, cells_are_trimmed, urls_are_http)


# ---------------------------------------------------------------- the whole package, cached on its digest


def _context(tables: dict[str, tuple[list[str] | None, list[tuple[int, dict]]]]) -> dict:
    """Lookups for cross-table rules from the tables read so far (a table that could not be read is left out)."""
    lookups = {"paragraphs": ("article_paragraphs", lambda rows: {r.get("paragraph_id"): r.get("text_zh", "") for r in rows}),
               "target_ids": ("policy_targets", lambda rows: {r.get("target_id") for r in rows}),
               "series_ids": ("context_series", lambda rows: {r.get("series_id") for r in rows})}
    return {key: make([r for _, r in tables[name][1]]) for key, (name, make) in lookups.items()
            if name in tables and tables[name][0] is not None}


def _validate_uncached(d: Path, descriptor: dict) -> list[str]:
    """Every message for the package: file and header checks, Frictionless, then the project's rules."""
    tables = {}
    msgs: list[str] = []
    checkable = set()
    for res in descriptor["resources"]:
        header, rows, file_msgs = read_rows(d, res)
        tables[res["name"]] = (header, rows)
        msgs += file_msgs
        if header is not None:
            header_msgs = check_header(res["path"], header, res["schema"]["fields"])
            msgs += header_msgs
            if not any("duplicate column" in m for m in header_msgs):
                checkable.add(res["name"])
    context = _context(tables)
    rows_by_name = {name: rows for name, (_, rows) in tables.items()}
    msgs += frictionless_messages(d, descriptor, checkable, rows_by_name)
    for res in descriptor["resources"]:
        header, rows = tables[res["name"]]
        if header is None:
            continue
        rules = [RULES[name] for name in res.get("greenmfg:checks", []) if name != "as_of_range"] + list(EVERY_TABLE)
        for rule in rules:
            msgs += rule(res["path"], rows, context)
    return list(dict.fromkeys(msgs))


def _digest(d: Path, descriptor_text: str, descriptor: dict) -> str:
    """Digest of what the result depends on: this validator, the frictionless version, descriptor and tables."""
    h = hashlib.sha256()
    h.update(Path(__file__).read_bytes())
    h.update(version("frictionless").encode() + descriptor_text.encode("utf-8"))
    for res in descriptor["resources"]:
        path = d / res["path"]
        h.update(res["path"].encode("utf-8") + b"\0" + (path.read_bytes() if path.is_file() else b"<missing>") + b"\0")
    return h.hexdigest()


def _cached(key: str) -> list[str] | None:
    """Messages stored for a digest, from memory or the cache directory."""
    if key not in _memo:
        try:
            _memo[key] = json.loads((CACHE_DIR / f"{key}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
    return _memo[key]


def _store(key: str, msgs: list[str]) -> None:
    """Remember messages for a digest; keep the newest CACHE_KEEP files (a read-only checkout just skips this)."""
    _memo[key] = msgs
    try:
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        tmp = CACHE_DIR / f"{key}.{os.getpid()}.tmp"
        tmp.write_text(json.dumps(msgs, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, CACHE_DIR / f"{key}.json")
        for old in sorted(CACHE_DIR.glob("*.json"), key=lambda p: p.stat().st_mtime)[:-CACHE_KEEP]:
            old.unlink(missing_ok=True)
    except OSError:
        pass


def validate(data_dir=None) -> list[str]:
    """Validate every resource of the package in data_dir; return all messages (empty list = valid)."""
    d = _data_dir(data_dir)
    if not d.is_dir():
        return [msg(str(d), "data directory does not exist")]
    descriptor_text = _descriptor_path(d).read_text(encoding="utf-8")
    descriptor = json.loads(descriptor_text)
    key = _digest(d, descriptor_text, descriptor)
    msgs = _cached(key)
    if msgs is None:
        msgs = _validate_uncached(d, descriptor)
        _store(key, msgs)
    return list(msgs)


def check_resource(name: str, data_dir=None) -> list[str]:
    """The messages of validate(data_dir) about one resource's file (its own and its cross-table rules)."""
    d = _data_dir(data_dir)
    prefix = resource(load_descriptor(d), name)["path"] + ":"
    return [m for m in validate(d) if m.startswith(prefix)]


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
