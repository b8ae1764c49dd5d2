"""Validate a data directory: the Frictionless descriptor (data/datapackage.json) checked by the pinned
`frictionless` library, plus the project's own rules named in each resource's ``greenmfg:checks``.

Messages have the form ``<file>: row <n>: column '<col>': <problem>``, where ``<file>`` is the path relative to
the data directory and ``<n>`` is the CSV line number (the header is line 1, so the first data row is row 2,
as in a spreadsheet). File- and column-level problems omit the row part. Nothing is fixed or dropped: every
problem found is reported. Results are cached on a digest of the descriptor, the tables and this validator, so
an unchanged data directory is not validated twice. CLI: ``python -m greenmfg.validate DATA_DIR`` (exit 1 on error).
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
from importlib.metadata import version
from pathlib import Path

from greenmfg.data_tables import (
    SNAPSHOT_DIR,
    check_header,
    descriptor_path,
    latest_snapshot,
    load_descriptor,
    msg,
    read_rows,
    resource,
    snapshot_paths,
)
from greenmfg.paths import BUILD_DIR
from greenmfg.paths import data_dir as _data_dir
from greenmfg.validate_rules import EVERY_TABLE, HAN, RULES
from greenmfg.validate_schema import frictionless_messages
from greenmfg.validate_sources import sources_known, withheld_hosts

CACHE_DIR = BUILD_DIR / "validation"
CACHE_KEEP = 64
RULE_MODULES = ("validate.py", "validate_rules.py", "validate_schema.py", "validate_sources.py", "hosts.py", "data_tables.py")
_memo: dict[str, list[str]] = {}
TWIN_OF = "greenmfg:twin_of"
# ---------------------------------------------------------------- the whole package, cached on its digest


def _context(tables: dict[str, tuple[list[str] | None, list[tuple[int, dict]]]], d: Path) -> dict:
    """Lookups for cross-table rules from the tables read so far (a table that could not be read is left out),
    plus the newest committed snapshot of context_series (for the changes log)."""
    lookups = {"paragraphs": ("article_paragraphs", lambda rows: {r.get("paragraph_id"): r.get("text_zh", "") for r in rows}),
               "target_ids": ("policy_targets", lambda rows: {r.get("target_id") for r in rows}),
               "series_ids": ("context_series", lambda rows: {r.get("series_id") for r in rows}),
               "series_rows": ("context_series", lambda rows: {(r.get("series_id"), r.get("year")): r for r in rows}),
               "publisher_sites": ("publishers", lambda rows: {r.get("id"): r.get("hosts", "").split() for r in rows})}
    context = {key: make([r for _, r in tables[name][1]]) for key, (name, make) in lookups.items()
               if name in tables and tables[name][0] is not None}
    context["snapshot"] = latest_snapshot(d)
    context["withheld_hosts"] = withheld_hosts(d)
    return context


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


def _validate_uncached(d: Path, descriptor: dict) -> list[str]:
    """Every message for the package: file and header checks, Frictionless, then the project's rules."""
    tables = {}
    msgs: list[str] = untranslated(descriptor)
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
    context = _context(tables, d)
    context["twins"] = twins(descriptor)
    context["source_groups"] = {res["path"]: res.get("greenmfg:sources", []) for res in descriptor["resources"]}
    rows_by_name = {name: rows for name, (_, rows) in tables.items()}
    msgs += frictionless_messages(d, descriptor, checkable, rows_by_name)
    for res in descriptor["resources"]:
        header, rows = tables[res["name"]]
        if header is None:
            continue
        rules = [RULES[name] for name in res.get("greenmfg:checks", []) if name != "as_of_range"] + list(EVERY_TABLE)
        rules += [sources_known] if res.get("greenmfg:sources") else []
        for rule in rules:
            msgs += rule(res["path"], rows, context)
    return list(dict.fromkeys(msgs))


def _digest(d: Path, descriptor_text: str, descriptor: dict) -> str:
    """Digest of what the result depends on: the validator's modules, the frictionless version, descriptor and tables."""
    h = hashlib.sha256()
    for name in RULE_MODULES:
        h.update((Path(__file__).parent / name).read_bytes())
    h.update(version("frictionless").encode() + descriptor_text.encode("utf-8"))
    files = [res["path"] for res in descriptor["resources"]] + [f"{SNAPSHOT_DIR}/{p.name}" for p in snapshot_paths(d)]
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


def validate(data_dir=None) -> list[str]:
    """Validate every resource of the package in data_dir; return all messages (empty list = valid)."""
    d = _data_dir(data_dir)
    if not d.is_dir():
        return [msg(str(d), "data directory does not exist")]
    descriptor_text = descriptor_path(d).read_text(encoding="utf-8")
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
