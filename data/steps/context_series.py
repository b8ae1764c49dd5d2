"""processed/context_series.csv from the research leads (raw/research/context_series.csv) and curated corrections.

Every value, URL and quote is carried over from the research file; curated/series_corrections.yaml supplies
(a) clean units, topics, labels, bases and measure kinds per series, (b) qualifiers ("more than"/"approx."),
(c) the alternative source to prefer where the research has `_alt` duplicates (the other source is named in
`confidence`), (d) rows moved to a split series with a different basis, and rows replaced by or added from
research/policy_structure.md §4. Sources are named and addressed from the publisher table (data/steps/sources.py).
A figure computed from published figures is added with `derivation: 'Derived: <method>'` (empty for every
published figure): readers see it marked as derived, and it never counts as a latest figure or a baseline.
Chinese twins: `derivation_zh` ('推算：<method>') beside each derivation, and `basis_zh` from curated/bases_zh.yaml.
"""
from __future__ import annotations

import re
import sys
from urllib.parse import urlparse

from data.steps.common import DATA_DIR, curated, run
from data.steps.sources import site_owner
from greenmfg.data import csvfiles
from greenmfg.data.data_tables import DataValidationError

TABLE = "context_series"
LEAD = DATA_DIR / "raw" / "research" / "context_series.csv"
# Research series ids ending in these are second sources of the series named by the rest of the id.
ALT_SUFFIXES = ("_alt_source", "_alt")

_DATE_IN_TEXT = re.compile(r"(20\d\d)-(\d\d)-(\d\d)")
_DATE_IN_URL = [
    re.compile(r"/(20\d\d)-(\d\d)/(\d\d)/"),
    re.compile(r"/(20\d\d)/(\d\d)(\d\d)/"),
    re.compile(r"[/t_](20\d\d)(\d\d)(\d\d)(?:\d|_|\.|/)"),
    re.compile(r"/(20\d\d)(\d\d)/(\d\d)/"),
    re.compile(r"/(20\d\d)-(\d\d)/"),
]


def source_date(row: dict) -> str:
    """Publication date of the source where the research states it or the URL encodes it; else ''."""
    for text in (row["source_org"], row["note"]):
        m = _DATE_IN_TEXT.search(text)
        if m:
            return "-".join(m.groups())
    path = urlparse(row["source_url"]).path
    for pattern in _DATE_IN_URL:
        m = pattern.search(path)
        if m:
            parts = [g for g in m.groups() if g]
            if 1 <= int(parts[1]) <= 12 and (len(parts) < 3 or 1 <= int(parts[2]) <= 31):
                return "-".join(parts)
    return ""


# The leads' notes speak about how they were compiled; readers get what that means for the figure.
READER_WORDING = {
    "unit-converted by researcher from the source figure quoted": "converted here from the unit of the figure quoted",
    "was not seen in a source during this task": "is not quoted from a source here",
}


def reader_note(note: str) -> str:
    """A lead's note in words for readers (see READER_WORDING)."""
    for process, reader in READER_WORDING.items():
        note = note.replace(process, reader)
    return note


def confidence(row: dict, original: bool, alt_note: str) -> str:
    """A short confidence note for readers: level from host quality and the lead's note, plus that note."""
    note = reader_note(row["note"].strip())
    low = "LOW" in note or "machine" in note.lower() or "low-authority" in note.lower()
    level = "low" if low else ("high" if original else "medium")
    why = "original outlet page" if original else "copy on a third-party/mirror host; cite the outlet, not the page"
    parts = [f"{level}: {why}"]
    if row.get("unit"):
        parts.append(f"unit as published: '{row['unit']}'")
    if note:
        parts.append(f"note: {note}")
    if alt_note:
        parts.append(alt_note)
    return ". ".join(parts)


def series_fields(series: dict, series_id: str) -> dict:
    """The per-series columns (labels, topic, unit, measure kind, basis) of one series from the curated metadata."""
    if series_id not in series:
        raise DataValidationError([f"curated/series_corrections.yaml: key 'series': no entry for '{series_id}', which has "
                                   "rows; add its topic, unit, measure_kind, label_en, label_zh and basis"])
    meta = series[series_id]
    return {"series_label_en": meta["label_en"], "series_label_zh": meta["label_zh"], "topic": meta["topic"],
            "unit": meta["unit"], "measure_kind": meta["measure_kind"], "basis": meta["basis"]}


def split_alternatives(lead: list[dict]) -> tuple[list[dict], dict[tuple[str, str], list[dict]]]:
    """Research rows as (main rows, {(series_id, year): [second-source rows]})."""
    alts: dict[tuple[str, str], list[dict]] = {}
    main: list[dict] = []
    for r in lead:
        sid = r["series_id"]
        base = next((sid[: -len(s)] for s in ALT_SUFFIXES if sid.endswith(s)), None)
        if base:
            alts.setdefault((base, r["year"]), []).append(r)
        else:
            main.append(r)
    return main, alts


def processed_row(r: dict, fix: dict, series: dict, alt_note: str) -> dict:
    """One processed row from a research row and the corrections curated for it (the address is sorted into url or
    mirror_url by the source step)."""
    sid = fix.get("move_to_series", r["series_id"])
    original = site_owner(r["source_url"], "") is not None
    out = {
        "series_id": sid, "year": r["year"], **series_fields(series, sid), "geography": r["geography"],
        "value": r["value"], "qualifier": fix.get("qualifier", "="), "as_of": fix.get("as_of", r["year"]),
        "source_org": r["source_org"], "source_title": "", "source_date": source_date(r),
        "url": r["source_url"], "mirror_url": "",
        "quote": r["quote"], "confidence": confidence(r, original, alt_note),
    }
    if sid.startswith("owid_"):
        commit = r["source_url"].split("/blob/")[1].split("/")[0][:12]
        out["source_title"] = r["source_url"].rsplit("/", 1)[-1] + " at commit " + commit
    if "confidence_note" in fix:
        out["confidence"] += ". " + fix["confidence_note"]
    replacement = fix.get("replace_with", {})
    if replacement.keys() & {"value", "url", "mirror_url", "source_org"} and "quote" not in replacement:
        raise SystemExit(f"curated/series_corrections.yaml: row_corrections {r['series_id']} {r['year']}: replace_with "
                         "gives a new value or source, so it needs that source's `quote` too")
    out.update(replacement)
    return out


def added_row(entry: dict, series: dict) -> dict:
    """One curated added row with its series' columns; a `derivation` key must hold the method, never be empty (its
    Chinese twin `derivation_zh` is required by the validator)."""
    if "derivation" in entry and not str(entry["derivation"] or "").strip():
        raise SystemExit(f"added row {entry['series_id']} {entry['year']}: a derived row needs its method in `derivation`")
    return {**series_fields(series, entry["series_id"]), **entry}


def with_chinese_basis(rows: list[dict]) -> list[dict]:
    """Each row with basis_zh, the Chinese of its basis from curated/bases_zh.yaml; a basis without one stops the build."""
    chinese = {entry["en"]: entry["zh"] for entry in curated("bases_zh")["bases"]}
    missing = sorted({r["basis"] for r in rows} - set(chinese))
    if missing:
        raise SystemExit(f"curated/bases_zh.yaml has no Chinese for these bases (add en/zh pairs): {missing}")
    return [{**r, "basis_zh": chinese[r["basis"]]} for r in rows]


def rows() -> list[dict]:
    """Processed context_series rows, sorted by series_id and year."""
    corrections = curated("series_corrections")
    series = corrections["series"]
    fixes = {(c["series_id"], str(c["year"])): c for c in corrections["row_corrections"]}  # year: 2024 or '2024'
    main, alts = split_alternatives(csvfiles.read_dicts(LEAD)[1])
    out = []
    for r in main:
        key = (r["series_id"], r["year"])
        fix = fixes.get(key, {})
        if fix.get("prefer_alternative_source"):
            better = alts.pop(key)[0]
            alts[key] = [dict(r)]
            r = {**better, "series_id": r["series_id"]}
        alt_note = "".join(f"Second source not used: {a['value']} ({a['unit']}), {a['source_org']} — quote: {a['quote']}"
                           for a in alts.pop(key, []))
        out.append(processed_row(r, fix, series, alt_note))
    if alts:
        raise SystemExit(f"unmatched _alt rows: {sorted(alts)}")
    out += [added_row(e, series) for e in corrections["added_rows"]]
    return sorted(with_chinese_basis(out), key=lambda x: (x["series_id"], int(x["year"])))


def main() -> int:
    """Write (or --check) the table."""
    return run(TABLE, rows)


if __name__ == "__main__":
    sys.exit(main())
