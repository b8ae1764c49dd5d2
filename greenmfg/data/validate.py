"""Validate a data directory: the Frictionless descriptor (data/datapackage.json) checked by the pinned
`frictionless` library, the curated YAML, plus the project's own rules named in each resource's ``greenmfg:checks``.

Checks run in stages, each only on what passed the one before, so that every malformed input is named once and no
check meets input it cannot read: the descriptor (not JSON, not a data package: nothing else runs); the curated
YAML (parses, holds the keys the build steps read); each table's schema (file, columns, then types, dates,
constraints and keys); then the rules, on the tables that passed their schema and with lookups from those tables
only. A rule problem in a table that fails its schema therefore shows once the schema problem is fixed.

Messages have the form ``<file>: row <n>: column '<col>': <problem>``, where ``<file>`` is the path relative to
the data directory and ``<n>`` is the CSV line number (the header is line 1, so the first data row is row 2,
as in a spreadsheet); YAML and JSON files give ``line <n>`` and ``key '<key>'`` instead. File- and column-level
problems omit the row part. Nothing is fixed or dropped. Results are cached on a digest of the descriptor, the
tables, curated files, snapshots and this validator, so an unchanged data directory is not validated twice.
CLI: ``python -m greenmfg.data.validate DATA_DIR`` (exit 1 on error).
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
from importlib.metadata import version
from pathlib import Path

from greenmfg.data import curated
from greenmfg.data.data_tables import (
    DESCRIPTOR,
    SNAPSHOT_DIR,
    DataValidationError,
    check_header,
    descriptor_path,
    latest_snapshot,
    load_descriptor,
    msg,
    read_rows,
    resource,
    snapshot_paths,
)
from greenmfg.data.validate_rules import EVERY_TABLE, HAN, RULES, SCHEMA_CHECKS
from greenmfg.data.validate_schema import descriptor_messages, frictionless_messages
from greenmfg.data.validate_sources import sources_known, withheld_hosts
from greenmfg.paths import BUILD_DIR
from greenmfg.paths import data_dir as _data_dir

CACHE_DIR = BUILD_DIR / "validation"
CACHE_KEEP = 64
RULE_MODULES = ("validate.py", "validate_rules.py", "validate_schema.py", "validate_sources.py", "hosts.py",
                "data_tables.py", "curated.py", "csvfiles.py")
_memo: dict[str, list[str]] = {}
TWIN_OF = "greenmfg:twin_of"
# ---------------------------------------------------------------- the whole package, cached on its digest


def _context(passed: dict[str, list[tuple[int, dict]]], d: Path) -> tuple[dict, list[str]]:
    """Cross-table lookups from the tables that passed, the newest snapshot (left out if unreadable) and its problems."""
    lookups = {"paragraphs": ("article_paragraphs", lambda rows: {r["paragraph_id"]: r["text_zh"] for r in rows}),
               "target_ids": ("policy_targets", lambda rows: {r["target_id"]: r.get("attribution_status") for r in rows}),
               "series_ids": ("context_series", lambda rows: {r["series_id"] for r in rows}),
               "series_rows": ("context_series", lambda rows: {(r["series_id"], r["year"]): r for r in rows}),
               "publisher_sites": ("publishers", lambda rows: {r.get("id"): (r.get("hosts") or "").split() for r in rows})}
    context = {key: make([r for _, r in passed[name]]) for key, (name, make) in lookups.items() if name in passed}
    context["withheld_hosts"] = withheld_hosts(d)
    try:
        context["snapshot"] = latest_snapshot(d)
    except DataValidationError as e:
        return context, e.messages
    return context, []


def twins(descriptor: dict) -> dict[str, dict[str, str]]:
    """Per table file: each Chinese twin column and the English column it translates (``greenmfg:twin_of``)."""
    return {res["path"]: {f["name"]: f[TWIN_OF] for f in res["schema"]["fields"] if TWIN_OF in f}
            for res in descriptor["resources"]}


def _no_chinese(item: dict, key: str) -> bool:
    """The item has English text under key but no Chinese under key_zh."""
    return bool(item.get(key)) and not HAN.search(str(item.get(f"{key}_zh", "")))


def untranslated(descriptor: dict) -> list[str]:
    """Descriptor text a reader sees (titles and descriptions of the package, its sources, licences, checks, tables and
    fields) that lacks its Chinese twin, and twin columns that do not name their English column, named by the file to edit."""
    msgs = [msg("package.yaml", f"'{key}' has no Chinese twin '{key}_zh'") for key in ("title", "description")
            if _no_chinese(descriptor, key)]
    msgs += [msg("package.yaml", f"{kind} '{item['title']}' has no Chinese twin 'title_zh'")
             for kind in ("sources", "licenses") for item in descriptor.get(kind, []) if _no_chinese(item, "title")]
    checks_zh = descriptor.get("greenmfg:check_descriptions_zh", {})
    msgs += [msg("package.yaml", f"check '{name}' has no Chinese description in greenmfg:check_descriptions_zh")
             for name in descriptor.get("greenmfg:check_descriptions", {}) if not HAN.search(checks_zh.get(name, ""))]
    for res in descriptor["resources"]:
        file = f"processed/{res['name']}.resource.yaml"
        items = [(None, res, "title"), (None, res, "description")] + [
            (None, item, "title") for kind in ("sources", "licenses") for item in res.get(kind, [])]
        names = {f["name"] for f in res["schema"]["fields"]}
        items += [(f["name"], f, "description") for f in res["schema"]["fields"]]
        msgs += [msg(file, f"'{key}' has no Chinese twin '{key}_zh'", column=column) for column, item, key in items
                 if _no_chinese(item, key)]
        msgs += [msg(file, f"twin of '{f[TWIN_OF]}' must be a column named '{f[TWIN_OF].removesuffix('_en')}_zh'",
                     column=f["name"]) for f in res["schema"]["fields"]
                 if TWIN_OF in f and (f[TWIN_OF] not in names or f["name"] != f[TWIN_OF].removesuffix("_en") + "_zh")]
    return msgs


def _read_tables(d: Path, descriptor: dict) -> tuple[dict[str, list[tuple[int, dict]]], dict[str, list[str]]]:
    """Each table's rows (if its header is the schema's: cell checks assume it) and its file, header, date problems."""
    readable, problems = {}, {}
    for res in descriptor["resources"]:
        header, rows, msgs = read_rows(d, res)
        header_msgs = check_header(res["path"], header, res["schema"]["fields"]) if header is not None else []
        if header is not None and not header_msgs:
            readable[res["name"]] = rows
            msgs += [m for check in SCHEMA_CHECKS for m in check(res["path"], rows, {})]
        problems[res["name"]] = msgs + header_msgs
    return readable, problems


def _schema_stage(d: Path, descriptor: dict) -> tuple[dict[str, list[tuple[int, dict]]], list[str]]:
    """Rows of the tables with no schema problem (only they reach the rules, which assume it), and every problem."""
    readable, problems = _read_tables(d, descriptor)
    failed = {name for name, msgs in problems.items() if msgs}
    for name, msgs in frictionless_messages(d, descriptor, readable, failed).items():
        problems[name] += msgs
    passed = {name: rows for name, rows in readable.items() if not problems[name]}
    return passed, [m for msgs in problems.values() for m in msgs]


def _rule_messages(descriptor: dict, passed: dict[str, list[tuple[int, dict]]], context: dict) -> list[str]:
    """The project's rules (each table's ``greenmfg:checks`` and those of every table) on the tables that passed."""
    schema_checks = {check.__name__ for check in SCHEMA_CHECKS}
    msgs = []
    for res in (r for r in descriptor["resources"] if r["name"] in passed):
        rules = [RULES[name] for name in res.get("greenmfg:checks", []) if name not in schema_checks] + list(EVERY_TABLE)
        rules += [sources_known] if res.get("greenmfg:sources") else []
        msgs += [m for rule in rules for m in rule(res["path"], passed[res["name"]], context)]
    return msgs


def _validate_uncached(d: Path, descriptor: dict) -> list[str]:
    """Every message: descriptor, curated YAML, each table's schema, then the rules on the tables that passed."""
    msgs = descriptor_messages(descriptor, RULES)
    if msgs:
        return msgs  # every later check reads the descriptor
    passed, schema_msgs = _schema_stage(d, descriptor)
    context, snapshot_msgs = _context(passed, d)
    context["twins"] = twins(descriptor)
    context["source_groups"] = {res["path"]: res.get("greenmfg:sources", []) for res in descriptor["resources"]}
    msgs = untranslated(descriptor) + curated.messages(d, descriptor) + schema_msgs + snapshot_msgs
    return list(dict.fromkeys(msgs + _rule_messages(descriptor, passed, context)))


def _digest(d: Path, descriptor_text: str, descriptor) -> str:
    """Digest of what the result depends on: validator, frictionless version, descriptor, tables, curated, snapshots."""
    h = hashlib.sha256()
    for name in RULE_MODULES:
        h.update((Path(__file__).parent / name).read_bytes())
    h.update(version("frictionless").encode() + descriptor_text.encode("utf-8"))
    resources = descriptor.get("resources") if isinstance(descriptor, dict) else None
    tables = [r["path"] for r in resources if isinstance(r, dict) and isinstance(r.get("path"), str)] \
        if isinstance(resources, list) else []
    files = tables + [f"{curated.CURATED_DIR}/{name}.yaml" for name in curated.SHAPES] + \
        [f"{SNAPSHOT_DIR}/{p.name}" for p in snapshot_paths(d)]
    for name in files:
        path = d / name
        h.update(name.encode("utf-8") + b"\0" + (path.read_bytes() if path.is_file() else b"<missing>") + b"\0")
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


def _parse_descriptor(path: Path) -> tuple[str, object, list[str]]:
    """(text, parsed descriptor, problems): one line if datapackage.json is not UTF-8 JSON."""
    rebuild = "rebuild it with python -m greenmfg.data.datapackage"
    try:
        text = path.read_bytes().decode("utf-8")
        return text, json.loads(text), []
    except UnicodeDecodeError as e:
        return "", None, [f"{DESCRIPTOR}: not valid UTF-8 (byte {e.start}); {rebuild}"]
    except json.JSONDecodeError as e:
        return text, None, [f"{DESCRIPTOR}: line {e.lineno}: not valid JSON ({e.msg}); {rebuild}"]


def validate(data_dir=None) -> list[str]:
    """Validate every resource of the package in data_dir; return all messages (empty list = valid)."""
    d = _data_dir(data_dir)
    if not d.is_dir():
        return [msg(str(d), "data directory does not exist")]
    descriptor_text, descriptor, problems = _parse_descriptor(descriptor_path(d))
    if problems:
        return problems
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
