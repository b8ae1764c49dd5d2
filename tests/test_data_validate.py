"""The validator rejects corrupted copies of data/ (one defect each), naming file, column and row."""
from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from greenmfg import validate as validate_module
from greenmfg.paths import DEFAULT_DATA_DIR, REPO_ROOT
from greenmfg.validate import validate

PROC = "processed"


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A fresh copy of the data directory (descriptor, processed tables, raw text)."""
    dst = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, dst)
    return dst


def read(d: Path, name: str) -> tuple[list[str], list[dict]]:
    """Header and rows of a processed table."""
    with (d / PROC / name).open(encoding="utf-8", newline="") as f:
        r = csv.DictReader(f)
        return list(r.fieldnames), list(r)


def write(d: Path, name: str, header: list[str], rows: list[dict]) -> None:
    """Write a processed table back (\\n line endings)."""
    with (d / PROC / name).open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=header, lineterminator="\n", extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)


def edit(d: Path, name: str, where, **changes) -> int:
    """Apply changes to the first row matching `where`; return its CSV line number (header = line 1)."""
    header, rows = read(d, name)
    for i, row in enumerate(rows):
        if where(row):
            row.update(changes)
            write(d, name, header, rows)
            return i + 2
    raise AssertionError(f"no row in {name} matches")


def assert_rejected(d: Path, file: str, column: str | None, row: int | None = None, contains: str = "") -> None:
    """The validator reports at least one message naming file, column and row (where given)."""
    msgs = validate(d)
    assert msgs, "corrupted copy was accepted"
    prefix = f"{PROC}/{file}: "
    if row is not None:
        prefix += f"row {row}: "
    wanted = [m for m in msgs if m.startswith(prefix) and (column is None or f"column '{column}'" in m) and contains in m]
    assert wanted, f"no message with {prefix!r} column {column!r} {contains!r}; got:\n" + "\n".join(msgs)


def test_clean_data_is_valid():
    assert validate(DEFAULT_DATA_DIR) == []


def test_missing_file(data_copy):
    (data_copy / PROC / "claims.csv").unlink()
    assert_rejected(data_copy, "claims.csv", None, contains="file is missing")


def test_empty_file(data_copy):
    (data_copy / PROC / "glossary.csv").write_text("", encoding="utf-8")
    assert_rejected(data_copy, "glossary.csv", None, contains="file is empty")


def test_header_only_file(data_copy):
    header, _ = read(data_copy, "policy_targets.csv")
    write(data_copy, "policy_targets.csv", header, [])
    assert_rejected(data_copy, "policy_targets.csv", None, contains="no data rows")


def test_missing_column(data_copy):
    header, rows = read(data_copy, "context_series.csv")
    write(data_copy, "context_series.csv", [h for h in header if h != "quote"], rows)
    assert_rejected(data_copy, "context_series.csv", "quote", contains="missing column")


def test_unexpected_column(data_copy):
    header, rows = read(data_copy, "policy_targets.csv")
    for r in rows:
        r["extra"] = "x"
    write(data_copy, "policy_targets.csv", header + ["extra"], rows)
    assert_rejected(data_copy, "policy_targets.csv", "extra", contains="unexpected column")


def test_wrong_type_number(data_copy):
    line = edit(data_copy, "context_series.csv", lambda r: r["series_id"] == "nev_sales", value="949,5")
    assert_rejected(data_copy, "context_series.csv", "value", line, "not a number")


def test_wrong_type_integer(data_copy):
    line = edit(data_copy, "context_series.csv", lambda r: r["series_id"] == "pv_cell_output", year="2023.5")
    assert_rejected(data_copy, "context_series.csv", "year", line, "not an integer")


def test_share_outside_0_100(data_copy):
    line = edit(data_copy, "context_series.csv", lambda r: r["series_id"] == "nev_share_of_new_vehicle_sales", value="131.6")
    assert_rejected(data_copy, "context_series.csv", "value", line, "outside 0..100")


def test_negative_share(data_copy):
    line = edit(data_copy, "context_series.csv", lambda r: r["series_id"] == "owid_coal_share_elec", value="-3")
    assert_rejected(data_copy, "context_series.csv", "value", line, "outside 0..100")


def test_negative_level(data_copy):
    line = edit(data_copy, "context_series.csv", lambda r: r["series_id"] == "nev_sales" and r["year"] == "2023", value="-949.5")
    assert_rejected(data_copy, "context_series.csv", "value", line, "negative")


def test_changes_may_be_negative_or_exceed_100(data_copy):
    edit(data_copy, "context_series.csv", lambda r: r["measure_kind"] == "change", value="-150")
    edit(data_copy, "context_series.csv", lambda r: r["series_id"] == "industry_water_intensity_change", value="250")
    assert [m for m in validate(data_copy) if m.startswith("processed/context_series.csv")] == []


def test_duplicate_series_year(data_copy):
    header, rows = read(data_copy, "context_series.csv")
    i = next(i for i, r in enumerate(rows) if r["series_id"] == "nev_production")
    rows.insert(i + 1, dict(rows[i]))
    write(data_copy, "context_series.csv", header, rows)
    assert_rejected(data_copy, "context_series.csv", "series_id+year", i + 3, "duplicate key")


def test_duplicate_claim_id(data_copy):
    header, rows = read(data_copy, "claims.csv")
    rows.append(dict(rows[0]))
    write(data_copy, "claims.csv", header, rows)
    assert_rejected(data_copy, "claims.csv", "claim_id", len(rows) + 1, "duplicate key")


@pytest.mark.parametrize("file,column,where,bad", [
    ("claims.csv", "status", lambda r: r["claim_id"] == "eaf-steel-2030", "verified"),
    ("claims.csv", "theme", lambda r: r["claim_id"] == "eaf-steel-2030", "economy"),
    ("claims.csv", "claim_type", lambda r: r["claim_id"] == "eaf-steel-2030", "forecast"),
    ("context_series.csv", "measure_kind", lambda r: r["series_id"] == "pv_module_output", "ratio"),
    ("context_series.csv", "qualifier", lambda r: r["series_id"] == "pv_module_output", "~"),
    ("context_series.csv", "topic", lambda r: r["series_id"] == "pv_module_output", "solar"),
    ("policy_targets.csv", "qualifier", lambda r: r["target_id"] == "T01", "more than"),
    ("policy_document.csv", "status", lambda r: r["field"] == "document_number", "probably"),
])
def test_unknown_enumeration_value(data_copy, file, column, where, bad):
    line = edit(data_copy, file, where, **{column: bad})
    assert_rejected(data_copy, file, column, line, "unknown value")


def test_numeric_row_without_url_or_mirror(data_copy):
    line = edit(data_copy, "context_series.csv", lambda r: r["series_id"] == "nev_sales", url="", mirror_url="",
                publisher_id="")
    assert_rejected(data_copy, "context_series.csv", "url", line, "neither url nor mirror_url nor publisher_id")


def test_numeric_row_without_quote(data_copy):
    line = edit(data_copy, "policy_targets.csv", lambda r: r["target_id"] == "T03", quote="")
    assert_rejected(data_copy, "policy_targets.csv", "quote", line, "no quote")


def test_baseline_without_source(data_copy):
    line = edit(data_copy, "policy_targets.csv", lambda r: r["target_id"] == "T02", baseline_url="", baseline_mirror_url="",
                baseline_publisher_id="")
    assert_rejected(data_copy, "policy_targets.csv", "baseline_url", line)


def test_claim_without_evidence(data_copy):
    line = edit(data_copy, "claims.csv", lambda r: r["status"] == "confirmed", evidence_url="", evidence_mirror_url="",
                evidence_publisher_id="")
    assert_rejected(data_copy, "claims.csv", "evidence_url", line, "needs evidence_url")


def test_claim_without_evidence_quote(data_copy):
    line = edit(data_copy, "claims.csv", lambda r: r["status"] == "partly confirmed", evidence_quote="")
    assert_rejected(data_copy, "claims.csv", "evidence_quote", line)


def test_not_found_claim_without_search_note(data_copy):
    line = edit(data_copy, "claims.csv", lambda r: r["status"] == "not found", search_note="")
    assert_rejected(data_copy, "claims.csv", "search_note", line)


def test_year_out_of_range(data_copy):
    line = edit(data_copy, "context_series.csv", lambda r: r["series_id"] == "owid_solar_electricity", year="1999")
    assert_rejected(data_copy, "context_series.csv", "year", line, "below the minimum")


def test_horizon_year_out_of_range(data_copy):
    line = edit(data_copy, "policy_targets.csv", lambda r: r["target_id"] == "T09", horizon_year="2060")
    assert_rejected(data_copy, "policy_targets.csv", "horizon_year", line, "above the maximum")


def test_as_of_out_of_range(data_copy):
    line = edit(data_copy, "claims.csv", lambda r: r["claim_id"] == "green-factory-share-2030", as_of="2040")
    assert_rejected(data_copy, "claims.csv", "as_of", line, "out of range")


def test_as_of_bad_format(data_copy):
    line = edit(data_copy, "context_series.csv", lambda r: r["series_id"] == "nev_sales", as_of="2023/12")
    assert_rejected(data_copy, "context_series.csv", "as_of", line, "not YYYY")


def test_two_units_in_one_series(data_copy):
    line = edit(data_copy, "context_series.csv", lambda r: r["series_id"] == "nev_sales" and r["year"] == "2024", unit="辆")
    assert_rejected(data_copy, "context_series.csv", "unit", line, "one unit per series")


def test_claim_text_not_in_paragraph(data_copy):
    line = edit(data_copy, "claims.csv", lambda r: r["claim_id"] == "nev-output-sales-2023", claim_text="新能源汽车产销超过960万辆")
    assert_rejected(data_copy, "claims.csv", "claim_text", line, "not found in paragraph")


def test_claim_unknown_series(data_copy):
    line = edit(data_copy, "claims.csv", lambda r: r["claim_id"] == "nev-output-sales-2023", related_series_id="nev_sales_alt")
    assert_rejected(data_copy, "claims.csv", "related_series_id", line, "unknown series")


def test_required_value_empty(data_copy):
    line = edit(data_copy, "glossary.csv", lambda r: r["term_id"] == "green-factory", term_zh="")
    assert_rejected(data_copy, "glossary.csv", "term_zh", line, "required")


def test_crlf_line_endings(data_copy):
    p = data_copy / PROC / "glossary.csv"
    p.write_bytes(p.read_bytes().replace(b"\n", b"\r\n"))
    assert_rejected(data_copy, "glossary.csv", None, contains="line endings")


def test_every_message_is_reported_not_just_the_first(data_copy):
    edit(data_copy, "context_series.csv", lambda r: r["series_id"] == "nev_sales" and r["year"] == "2022", value="x")
    edit(data_copy, "claims.csv", lambda r: r["claim_id"] == "eaf-steel-2030", status="maybe")
    msgs = validate(data_copy)
    assert any("context_series.csv" in m for m in msgs) and any("claims.csv" in m for m in msgs)


def test_cli_exit_codes(data_copy):
    ok = subprocess.run([sys.executable, "-m", "greenmfg.validate", str(DEFAULT_DATA_DIR)], capture_output=True, text=True, cwd=REPO_ROOT)
    assert ok.returncode == 0 and ok.stdout.startswith("OK")
    edit(data_copy, "context_series.csv", lambda r: r["series_id"] == "nev_sales", qualifier="about")
    bad = subprocess.run([sys.executable, "-m", "greenmfg.validate", str(data_copy)], capture_output=True, text=True, cwd=REPO_ROOT)
    assert bad.returncode == 1
    assert "processed/context_series.csv: row " in bad.stdout and "column 'qualifier'" in bad.stdout


def test_missing_data_directory(tmp_path):
    assert validate(tmp_path / "nope")


def test_cached_result_follows_the_data_not_the_path(data_copy, monkeypatch):
    assert validate(data_copy) == []
    monkeypatch.setattr(validate_module, "_validate_uncached", lambda *a: pytest.fail("unchanged data was re-validated"))
    assert validate(data_copy) == []
    monkeypatch.undo()
    line = edit(data_copy, "glossary.csv", lambda r: r["term_id"] == "carbon-peak", chapter="elsewhere")
    assert_rejected(data_copy, "glossary.csv", "chapter", line, "unknown value")


def test_padded_cell_and_non_http_url(data_copy):
    line = edit(data_copy, "claims.csv", lambda r: r["claim_id"] == "eaf-steel-2030", unit=" %", evidence_url="ftp://example.org/x")
    assert_rejected(data_copy, "claims.csv", "unit", line, "leading or trailing spaces")
    assert_rejected(data_copy, "claims.csv", "evidence_url", line, "not an http(s) URL")


def test_unknown_paragraph_is_a_foreign_key_error(data_copy):
    line = edit(data_copy, "claims.csv", lambda r: r["claim_id"] == "eaf-steel-2030", paragraph_id="p99")
    assert_rejected(data_copy, "claims.csv", "paragraph_id", line, "unknown paragraph_id 'p99'")


# ---------------------------------------------------------------- the changes log, release schedules, goal wording


def test_a_changed_value_without_a_log_entry_is_rejected(data_copy):
    line = edit(data_copy, "context_series.csv", lambda r: r["series_id"] == "nev_sales" and r["year"] == "2023",
                value="950")
    assert line
    assert_rejected(data_copy, "series_changes.csv", None, contains=(
        "no entry for series 'nev_sales' year 2023: old '949.5' → new '950' since "
        "raw/snapshots/context_series_2026-11-28.csv; add one to curated/changes.yaml"))


def test_a_new_row_without_a_log_entry_is_rejected(data_copy):
    header, rows = read(data_copy, "series_changes.csv")
    write(data_copy, "series_changes.csv", header, [r for r in rows if r["series_id"] != "nev_sales"])
    assert_rejected(data_copy, "series_changes.csv", None, contains="no entry for series 'nev_sales' year 2025: old '' → new '1649'")


def test_a_log_entry_whose_new_value_is_not_the_data_is_rejected(data_copy):
    line = edit(data_copy, "series_changes.csv", lambda r: r["series_id"] == "nev_sales", new_value="1650")
    assert_rejected(data_copy, "series_changes.csv", "new_value", line,
                    "series 'nev_sales' year 2025: new_value '1650' is not the current value in context_series ('1649')")


def test_a_log_entry_whose_old_value_is_not_the_snapshot_is_rejected(data_copy):
    line = edit(data_copy, "series_changes.csv", lambda r: r["series_id"] == "nev_sales", old_value="1500")
    assert_rejected(data_copy, "series_changes.csv", "old_value", line,
                    "old_value '1500' is not the value in raw/snapshots/context_series_2026-11-28.csv ('')")


def test_a_logged_change_is_accepted(data_copy):
    """Editing a value and logging it (old from the snapshot, new from the data) satisfies the validator."""
    edit(data_copy, "context_series.csv", lambda r: r["series_id"] == "nev_sales" and r["year"] == "2023", value="950")
    header, rows = read(data_copy, "series_changes.csv")
    rows.append({**rows[0], "changed_on": "2026-12-01", "series_id": "nev_sales", "year": "2023", "old_value": "949.5",
                 "old_qualifier": "=", "new_value": "950", "new_qualifier": "=", "reason": "Corrected by CAAM."})
    write(data_copy, "series_changes.csv", header, rows)
    assert validate(data_copy) == []


def test_a_series_without_a_release_schedule_is_rejected(data_copy):
    header, rows = read(data_copy, "release_schedule.csv")
    write(data_copy, "release_schedule.csv", header, [r for r in rows if r["series_id"] != "nev_sales"])
    assert_rejected(data_copy, "release_schedule.csv", "series_id", contains=(
        "series 'nev_sales' of context_series has no release schedule: add it under 'series:' in "
        "curated/release_schedule.yaml"))


def test_release_months_only_for_annual_series(data_copy):
    line = edit(data_copy, "release_schedule.csv", lambda r: r["cadence"] == "irregular", release_month_first="3",
                release_month_last="3")
    assert_rejected(data_copy, "release_schedule.csv", "release_month_first", line, "takes no usual release month")


def test_a_goal_without_chinese_must_say_why(data_copy):
    line = edit(data_copy, "policy_targets.csv", lambda r: r["target_id"] == "T11", metric_zh_note="")
    assert_rejected(data_copy, "policy_targets.csv", "metric_zh_note", line, "metric_zh is empty")


def test_wording_language_must_match_the_quote(data_copy):
    line = edit(data_copy, "policy_targets.csv", lambda r: r["target_id"] == "T11", wording_language="zh")
    assert_rejected(data_copy, "policy_targets.csv", "wording_language", line, "does not match the script of the quote")
    line = edit(data_copy, "policy_targets.csv", lambda r: r["target_id"] == "T12", wording_language="xx")
    assert_rejected(data_copy, "policy_targets.csv", "wording_language", line, "unknown value 'xx'")
