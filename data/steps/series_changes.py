"""processed/series_changes.csv: the "What changed" log (curated/changes.yaml), each entry with the series label,
unit, qualifiers and source of its rows in the newest snapshot (old) and in processed/context_series.csv (new), and
the kind of change those two rows show (change_kind).

Reads the context_series table this build wrote, so it runs after that step; the validator checks every entry
against both tables and asks for an entry for every value that changed.
"""
from __future__ import annotations

import sys

from data.steps.common import PROCESSED, curated, run
from greenmfg.data import csvfiles
from greenmfg.data.data_tables import latest_snapshot

TABLE = "series_changes"
SOURCE_COLUMNS = ("source_org", "source_date", "url", "mirror_url")


def _current() -> dict[tuple[str, str], dict]:
    """context_series rows by (series_id, year)."""
    return {(r["series_id"], r["year"]): r for r in csvfiles.read_dicts(PROCESSED / "context_series.csv")[1]}


def change_kind(old: str, new: str, was: dict, now: dict) -> str:
    """What changed, from the log's old and new value and the row before (the snapshot's) and now: a new or removed
    figure, its value (or qualifier), else its source (organisation, date or address), else only its label, period or
    note ('details'). A figure changed twice since the snapshot has no stored row before its second change: with its
    value unchanged, what changed is 'source or details' (the reason says which)."""
    if old == "":
        return "added"
    if new == "":
        return "removed"
    if float(old) != float(new) or (was and (was.get("qualifier") or "=") != (now.get("qualifier") or "=")):
        return "value"
    if not was:
        return "source or details"
    return "source" if any(was.get(c, "") != now.get(c, "") for c in SOURCE_COLUMNS) else "details"


def _row(entry: dict, was: dict, now: dict) -> dict:
    """One log row: the curated entry (reason and its Chinese twin), with labels, unit and source from the current row
    (else the snapshot's)."""
    shown = now or was
    source = {c: entry[c] for c in SOURCE_COLUMNS if entry.get(c)} or {c: shown.get(c, "") for c in SOURCE_COLUMNS}
    return {"changed_on": entry["changed_on"], "series_id": entry["series_id"], "year": entry["year"],
            "series_label_en": shown.get("series_label_en", ""), "series_label_zh": shown.get("series_label_zh", ""),
            "old_value": entry["old"],
            "old_qualifier": was.get("qualifier", "") if entry["old"] != "" else "", "new_value": entry["new"],
            "new_qualifier": now.get("qualifier", "") if entry["new"] != "" else "", "unit": shown.get("unit", ""),
            "change": change_kind(entry["old"], entry["new"], was, now),
            "reason": entry["reason"], "reason_zh": entry.get("reason_zh", ""), **source}


def rows() -> list[dict]:
    """Every curated entry, newest first, then by series and year."""
    current, snapshot = _current(), latest_snapshot(PROCESSED.parent) or {"rows": {}}
    out = []
    for entry in curated("changes")["changes"]:
        key = (entry["series_id"], str(entry["year"]))
        out.append(_row(entry, snapshot["rows"].get(key, {}), current.get(key, {})))
    return sorted(sorted(out, key=lambda r: (r["series_id"], int(r["year"]))), key=lambda r: r["changed_on"], reverse=True)


def main() -> int:
    """Write (or --check) the table."""
    return run(TABLE, rows)


if __name__ == "__main__":
    sys.exit(main())
