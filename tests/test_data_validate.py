"""The validator rejects corrupted copies of data/ (one defect each), naming file, column and row."""
from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from greenmfg.data import csvfiles
from greenmfg.data import validate as validate_module
from greenmfg.data.validate import validate
from greenmfg.paths import DEFAULT_DATA_DIR, REPO_ROOT

PROC = "processed"


def read(d: Path, name: str) -> tuple[list[str], list[dict]]:
    """Header and rows of a processed table, read as the package's CSVs are."""
    return csvfiles.read_dicts(d / PROC / name)


def write(d: Path, name: str, header: list[str], rows: list[dict]) -> None:
    """Write a processed table back as the package's CSVs are written (cells of columns not in header left out)."""
    csvfiles.write_dicts(d / PROC / name, header, [{c: r.get(c, "") for c in header} for r in rows])


def matches(where) -> Callable[[dict], bool]:
    """A row predicate: `where` itself if callable, else a dict of column values the row must have."""
    return where if callable(where) else lambda row: all(row[k] == v for k, v in where.items())


def edit(d: Path, name: str, where, **changes) -> int:
    """Apply changes to the first row matching `where`; return its CSV line number (header = line 1)."""
    header, rows = read(d, name)
    for i, row in enumerate(rows):
        if matches(where)(row):
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


def case(file: str, where, changes: dict, column: str, contains: str, id: str):
    """One row of CELL_EDITS: edit `changes` into the first row of `file` matching `where`; expect `contains` there."""
    return pytest.param(file, where, changes, column, contains, id=id)


CS, PT, CL = "context_series.csv", "policy_targets.csv", "claims.csv"
NEV_SALES = {"series_id": "nev_sales"}
# NEV sales 2025 in the log: its first entry (the row added on 2026-11-28), whose old value is checked against the
# snapshot, and its last (a re-citation), whose new value is checked against the data. 2020 has a re-citation too.
NEV_SALES_2025_FIRST = {"series_id": "nev_sales", "year": "2025", "old_value": ""}
NEV_SALES_2025_LAST = {"series_id": "nev_sales", "year": "2025", "old_value": "1649"}
EAF_CLAIM = {"claim_id": "eaf-steel-2030"}
PV_MODULES = {"series_id": "pv_module_output"}
# One corrupted cell (or a few in one row) each: the message must name the file, the column and that row.
CELL_EDITS = [
    case(CS, NEV_SALES, {"value": "949,5"}, "value", "not a number", "number-with-comma"),
    case(CS, {"series_id": "pv_cell_output"}, {"year": "2023.5"}, "year", "not an integer", "year-not-an-integer"),
    case(CS, {"series_id": "nev_share_of_new_vehicle_sales"}, {"value": "131.6"}, "value", "outside 0..100",
         "share-above-100"),
    case(CS, {"series_id": "owid_coal_share_elec"}, {"value": "-3"}, "value", "outside 0..100", "share-negative"),
    case(CS, {"series_id": "nev_sales", "year": "2023"}, {"value": "-949.5"}, "value", "negative", "level-negative"),
    case(CL, EAF_CLAIM, {"status": "verified"}, "status", "unknown value", "enum-claim-status"),
    case(CL, EAF_CLAIM, {"theme": "economy"}, "theme", "unknown value", "enum-claim-theme"),
    case(CL, EAF_CLAIM, {"claim_type": "forecast"}, "claim_type", "unknown value", "enum-claim-type"),
    case(CS, PV_MODULES, {"measure_kind": "ratio"}, "measure_kind", "unknown value", "enum-measure-kind"),
    case(CS, PV_MODULES, {"qualifier": "~"}, "qualifier", "unknown value", "enum-series-qualifier"),
    case(CS, PV_MODULES, {"topic": "solar"}, "topic", "unknown value", "enum-topic"),
    case(PT, {"target_id": "T01"}, {"qualifier": "more than"}, "qualifier", "unknown value", "enum-target-qualifier"),
    case("policy_document.csv", {"field": "document_number"}, {"status": "probably"}, "status", "unknown value",
         "enum-document-status"),
    case(PT, {"target_id": "T12"}, {"wording_language": "xx"}, "wording_language", "unknown value 'xx'",
         "enum-wording-language"),
    case(CS, NEV_SALES, {"url": "", "mirror_url": "", "publisher_id": ""}, "url", "neither url nor mirror_url nor publisher_id",
         "numeric-row-without-url"),
    case(PT, {"target_id": "T03"}, {"quote": ""}, "quote", "no quote", "numeric-row-without-quote"),
    case(PT, {"target_id": "T02"}, {"baseline_url": "", "baseline_mirror_url": "", "baseline_publisher_id": ""}, "baseline_url", "",
         "baseline-without-source"),
    case(CL, {"status": "confirmed"}, {"evidence_url": "", "evidence_mirror_url": "", "evidence_publisher_id": ""}, "evidence_url",
         "needs evidence_url", "claim-without-evidence"),
    case(CL, {"status": "partly confirmed"}, {"evidence_quote": ""}, "evidence_quote", "", "claim-without-evidence-quote"),
    case(CL, {"status": "not found"}, {"search_note": ""}, "search_note", "", "not-found-claim-without-search-note"),
    case(CS, {"series_id": "owid_solar_electricity"}, {"year": "1999"}, "year", "below the minimum", "year-below-2000"),
    case(PT, {"target_id": "T09"}, {"horizon_year": "2060"}, "horizon_year", "above the maximum", "horizon-year-above-2036"),
    case(CL, {"claim_id": "green-factory-share-2030"}, {"as_of": "2040"}, "as_of", "out of range", "as-of-after-2036"),
    case(CS, NEV_SALES, {"as_of": "2023/12"}, "as_of", "not YYYY", "as-of-with-slash"),
    case(CS, {"series_id": "nev_sales", "year": "2024"}, {"unit": "辆"}, "unit", "one unit per series", "two-units-in-a-series"),
    case(CL, {"claim_id": "nev-output-sales-2023"}, {"claim_text": "新能源汽车产销超过960万辆"}, "claim_text",
         "not found in paragraph", "claim-text-not-in-paragraph"),
    case(CL, {"claim_id": "bulk-solid-waste-2030"}, {"status": "partly confirmed"}, "status",
         "differs from target T03's attribution_status 'confirmed'", "claim-and-target-give-two-verdicts"),
    case(CL, {"claim_id": "nev-output-sales-2023"}, {"related_series_id": "nev_sales_alt"}, "related_series_id",
         "unknown series", "claim-unknown-series"),
    case("glossary.csv", {"term_id": "green-factory"}, {"term_zh": ""}, "term_zh", "required", "required-value-empty"),
    case(CL, EAF_CLAIM, {"paragraph_id": "p99"}, "paragraph_id", "unknown paragraph_id 'p99'", "unknown-paragraph"),
    case(CL, EAF_CLAIM, {"unit": " %"}, "unit", "leading or trailing spaces", "padded-cell"),
    case(CL, EAF_CLAIM, {"evidence_url": "ftp://example.org/x"}, "evidence_url", "not an http(s) URL", "non-http-url"),
    case("series_changes.csv", NEV_SALES_2025_LAST, {"new_value": "1650"}, "new_value",
         "series 'nev_sales' year 2025: new_value '1650' is not the current value in context_series ('1649')",
         "log-new-value-is-not-the-data"),
    case("series_changes.csv", NEV_SALES_2025_FIRST, {"old_value": "1500"}, "old_value",
         "old_value '1500' is not the value in raw/snapshots/context_series_2026-11-28.csv ('')",
         "log-old-value-is-not-the-snapshot"),
    case("release_schedule.csv", {"cadence": "irregular"}, {"release_month_first": "3", "release_month_last": "3"},
         "release_month_first", "takes no usual release month", "release-month-of-a-non-annual-series"),
    case(PT, {"target_id": "T11"}, {"metric_zh": "", "metric_zh_note": ""}, "metric_zh_note", "metric_zh is empty",
         "goal-without-chinese-says-why"),
    case(PT, {"target_id": "T11"}, {"wording_language": "en"}, "wording_language", "does not match the script of the quote",
         "wording-language-not-the-quotes-script"),
    case(CL, lambda r: r["note"] != "", {"note_zh": ""}, "note_zh", "Chinese twin of 'note' is empty", "twin-missing"),
    case(CL, lambda r: r["search_note"] == "", {"search_note_zh": "检索说明"}, "search_note_zh",
         "English field 'search_note' is empty", "twin-without-english"),
    case(CL, lambda r: r["note"] != "", {"note_zh": "Qualitative goal: no value."}, "note_zh", "no Chinese characters",
         "twin-left-in-english"),
]


@pytest.mark.parametrize("file,where,changes,column,contains", CELL_EDITS)
def test_a_bad_cell_is_rejected_on_its_row(data_copy, file, where, changes, column, contains):
    line = edit(data_copy, file, where, **changes)
    assert_rejected(data_copy, file, column, line, contains)


def drop_rows(file: str, where):
    """A corruption: remove every row of `file` matching `where` (no row to name)."""
    def corrupt(d: Path) -> None:
        header, rows = read(d, file)
        write(d, file, header, [r for r in rows if not matches(where)(r)])
    return corrupt


def drop_column(file: str, column: str):
    """A corruption: rewrite `file` without one column (no row to name)."""
    def corrupt(d: Path) -> None:
        header, rows = read(d, file)
        write(d, file, [c for c in header if c != column], rows)
    return corrupt


def add_column(file: str, column: str, value: str):
    """A corruption: rewrite `file` with one more column, `value` in every row (no row to name)."""
    def corrupt(d: Path) -> None:
        header, rows = read(d, file)
        write(d, file, header + [column], [{**r, column: value} for r in rows])
    return corrupt


def rename_column(file: str, column: str, new: str):
    """A corruption: rewrite `file` with one column renamed, cells kept (no row to name)."""
    def corrupt(d: Path) -> None:
        header, rows = read(d, file)
        write(d, file, [new if c == column else c for c in header], [{**r, new: r[column]} for r in rows])
    return corrupt


def duplicate_row(file: str, where):
    """A corruption: repeat the first row matching `where` right below it; return the copy's line."""
    def corrupt(d: Path) -> int:
        header, rows = read(d, file)
        i = next(i for i, r in enumerate(rows) if matches(where)(r))
        write(d, file, header, rows[: i + 1] + [dict(rows[i])] + rows[i + 1:])
        return i + 3
    return corrupt


def append_first_row(file: str):
    """A corruption: repeat the first row as the last one; return its line."""
    def corrupt(d: Path) -> int:
        header, rows = read(d, file)
        write(d, file, header, rows + [dict(rows[0])])
        return len(rows) + 2
    return corrupt


def bytes_of(path: str, change):
    """A corruption: replace the bytes of data/<path> by change(bytes) (no row to name)."""
    def corrupt(d: Path) -> None:
        p = d / path
        p.write_bytes(change(p.read_bytes()))
    return corrupt


def _changed_value_without_entry(d: Path) -> None:
    edit(d, CS, {"series_id": "nev_sales", "year": "2023"}, value="950")


# A whole-file corruption each: (file the message names, corrupt(d) -> row or None, column, text in the message).
FILE_CORRUPTIONS = [
    pytest.param(CL, lambda d: (d / PROC / CL).unlink(), None, "file is missing", id="missing-file"),
    pytest.param("glossary.csv", bytes_of(f"{PROC}/glossary.csv", lambda b: b""), None, "file is empty", id="empty-file"),
    pytest.param(PT, drop_rows(PT, lambda r: True), None, "no data rows", id="header-only-file"),
    pytest.param(CS, drop_column(CS, "quote"), "quote", "missing column", id="missing-column"),
    pytest.param(PT, add_column(PT, "extra", "x"), "extra", "unexpected column", id="unexpected-column"),
    pytest.param("glossary.csv", bytes_of(f"{PROC}/glossary.csv", lambda b: b.replace(b"\n", b"\r\n")), None, "line endings",
                 id="crlf-line-endings"),
    pytest.param(CS, duplicate_row(CS, {"series_id": "nev_production"}), "series_id+year", "duplicate key",
                 id="duplicate-series-year"),
    pytest.param(CL, append_first_row(CL), "claim_id", "duplicate key", id="duplicate-claim-id"),
    pytest.param("series_changes.csv", _changed_value_without_entry, None,
                 "no entry for series 'nev_sales' year 2023: old '949.5' → new '950' since "
                 "raw/snapshots/context_series_2026-11-28.csv; add one to curated/changes.yaml",
                 id="changed-value-without-log-entry"),
    pytest.param("series_changes.csv", drop_rows("series_changes.csv", NEV_SALES), None,
                 "no entry for series 'nev_sales' year 2025: old '' → new '1649'", id="new-row-without-log-entry"),
    pytest.param("release_schedule.csv", drop_rows("release_schedule.csv", NEV_SALES), "series_id",
                 "series 'nev_sales' of context_series has no release schedule: add it under 'series:' in "
                 "curated/release_schedule.yaml", id="series-without-release-schedule"),
]


@pytest.mark.parametrize("file,corrupt,column,contains", FILE_CORRUPTIONS)
def test_a_corrupted_file_is_rejected(data_copy, file, corrupt, column, contains):
    row = corrupt(data_copy)
    assert_rejected(data_copy, file, column, row, contains)


def test_a_table_without_the_byte_order_mark_reads_the_same(data_copy):
    path = data_copy / PROC / "glossary.csv"
    assert path.read_bytes().startswith(csvfiles.BOM)
    header = read(data_copy, "glossary.csv")[0]
    path.write_bytes(path.read_bytes().removeprefix(csvfiles.BOM))
    assert read(data_copy, "glossary.csv")[0] == header and not header[0].startswith("\ufeff")
    assert [m for m in validate(data_copy) if m.startswith(f"{PROC}/glossary.csv")] == []


def test_changes_may_be_negative_or_exceed_100(data_copy):
    edit(data_copy, CS, lambda r: r["measure_kind"] == "change", value="-150")
    edit(data_copy, CS, {"series_id": "industry_water_intensity_change"}, value="250")
    assert [m for m in validate(data_copy) if m.startswith("processed/context_series.csv")] == []


def test_every_message_is_reported_not_just_the_first(data_copy):
    edit(data_copy, "context_series.csv", lambda r: r["series_id"] == "nev_sales" and r["year"] == "2022", value="x")
    edit(data_copy, "claims.csv", lambda r: r["claim_id"] == "eaf-steel-2030", status="maybe")
    msgs = validate(data_copy)
    assert any("context_series.csv" in m for m in msgs) and any("claims.csv" in m for m in msgs)


def test_cli_exit_codes(data_copy):
    ok = subprocess.run([sys.executable, "-m", "greenmfg.data.validate", str(DEFAULT_DATA_DIR)], capture_output=True, text=True, cwd=REPO_ROOT)
    assert ok.returncode == 0 and ok.stdout.startswith("OK")
    edit(data_copy, "context_series.csv", lambda r: r["series_id"] == "nev_sales", qualifier="about")
    bad = subprocess.run([sys.executable, "-m", "greenmfg.data.validate", str(data_copy)], capture_output=True, text=True, cwd=REPO_ROOT)
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


def test_a_logged_change_is_accepted(data_copy):
    """Editing a value and logging it (old from the snapshot, new from the data) satisfies the validator."""
    edit(data_copy, "context_series.csv", lambda r: r["series_id"] == "nev_sales" and r["year"] == "2023", value="950")
    header, rows = read(data_copy, "series_changes.csv")
    rows.append({**rows[0], "changed_on": "2026-12-01", "series_id": "nev_sales", "year": "2023", "old_value": "949.5",
                 "old_qualifier": "=", "new_value": "950", "new_qualifier": "=", "reason": "Corrected by CAAM."})
    write(data_copy, "series_changes.csv", header, rows)
    assert validate(data_copy) == []


# ---------------------------------------------------------------- malformed input: one line naming it, never a traceback

SNAPSHOT = "raw/snapshots/context_series_2026-11-28.csv"
CHANGES = "series_changes.csv"


def cell(file: str, where, **changes):
    """A corruption: edit() on the copy; returns the row it edited."""
    return lambda d: edit(d, file, where, **changes)


def snapshot_without(column: str):
    """A corruption: the newest context_series snapshot loses one column (no row to name)."""
    def corrupt(d: Path) -> None:
        header, rows = csvfiles.read_dicts(d / SNAPSHOT)
        kept = [c for c in header if c != column]
        csvfiles.write_dicts(d / SNAPSHOT, kept, [{c: r[c] for c in kept} for r in rows])
    return corrupt


def yaml_replace(name: str, old: str, new: str):
    """A corruption: replace the first `old` in curated/<name>.yaml by `new`; return the line it starts on."""
    def corrupt(d: Path) -> int:
        p = d / "curated" / f"{name}.yaml"
        text = p.read_text(encoding="utf-8")
        at = text.index(old)
        p.write_text(text[:at] + new + text[at + len(old):], encoding="utf-8")
        return text.count("\n", 0, at) + 1
    return corrupt


def yaml_drop_key(name: str, key: str):
    """A corruption: drop the first `key:` line of a list entry in curated/<name>.yaml; return the entry's first line."""
    def corrupt(d: Path) -> int:
        p = d / "curated" / f"{name}.yaml"
        lines = p.read_text(encoding="utf-8").split("\n")
        at = next(i for i, line in enumerate(lines) if line.startswith(f"  {key}: "))
        p.write_text("\n".join(lines[:at] + lines[at + 1:]), encoding="utf-8")
        return next(i for i in range(at, -1, -1) if lines[i].startswith("- ")) + 1
    return corrupt


def malformed(corrupt, expected: str, id: str):
    """One row of MALFORMED: corrupt(d) returns the row or line it broke (or None), which `expected` names as {at}."""
    return pytest.param(corrupt, expected, id=id)


CHANGES_KEYS = "changed_on, series_id, year, old, new, reason"
CLAIMS_KEYS = "claim_id, paragraph_id, claim_text, claim_text_en, theme, claim_type, status"
# Each malformed input and the one line the validator prints for it.
MALFORMED = [
    malformed(drop_column(CS, "year"),
              "processed/context_series.csv: column 'year': missing column (expected after 'series_id', as in "
              "processed/context_series.resource.yaml)", "dropped-year-column"),
    malformed(rename_column(CS, "year", "yr"),
              "processed/context_series.csv: column 'yr': unknown column where 'year' is expected (rename it to 'year', "
              "as in processed/context_series.resource.yaml)", "renamed-year-column"),
    malformed(drop_column("article_paragraphs.csv", "paragraph_id"),
              "processed/article_paragraphs.csv: column 'paragraph_id': missing column (expected first, as in "
              "processed/article_paragraphs.resource.yaml)", "dropped-column-other-tables-refer-to"),
    malformed(bytes_of("processed/article_paragraphs.csv", lambda b: b""),
              "processed/article_paragraphs.csv: file is empty", "empty-file-other-tables-refer-to"),
    malformed(bytes_of("processed/glossary.csv", lambda b: b"\xef\xbb\xbf"),
              "processed/glossary.csv: file is empty", "file-with-only-a-byte-order-mark"),
    malformed(bytes_of("processed/glossary.csv", lambda b: b[:13] + b"\xff" + b[13:]),
              "processed/glossary.csv: not valid UTF-8 (byte 13); save it as UTF-8", "bad-byte-counted-with-the-mark"),
    malformed(cell(CS, {}, value="about 950"),
              "processed/context_series.csv: row {at}: column 'value': 'about 950' is not a number (expected digits "
              "such as 949.5, without words or units)", "text-where-a-number-is-expected"),
    malformed(cell(CS, {}, year="twenty"),
              "processed/context_series.csv: row {at}: column 'year': 'twenty' is not an integer (expected a whole number "
              "from 2000 to 2036)", "text-where-a-year-is-expected"),
    malformed(cell(CHANGES, {}, changed_on="2026-02-30"),
              "processed/series_changes.csv: row {at}: column 'changed_on': day 30 is not a day of 2026-02 (01..28)",
              "date-that-is-not-in-the-calendar"),
    malformed(cell(CHANGES, {}, changed_on="28 Nov 2026"),
              "processed/series_changes.csv: row {at}: column 'changed_on': '28 Nov 2026' is not YYYY-MM-DD",
              "date-in-words"),
    malformed(cell(CS, NEV_SALES, as_of="2023-02-30"),
              "processed/context_series.csv: row {at}: column 'as_of': day 30 is not a day of 2023-02 (01..28)",
              "as-of-date-that-is-not-in-the-calendar"),
    malformed(snapshot_without("year"),
              f"{SNAPSHOT}: column 'year': missing column (a snapshot needs series_id, year, value and qualifier)",
              "snapshot-without-year"),
    malformed(bytes_of("datapackage.json", lambda b: b"{ not json" + b),
              "datapackage.json: line 1: not valid JSON (Expecting property name enclosed in double quotes); rebuild it "
              "with python -m greenmfg.data.datapackage", "descriptor-that-is-not-json"),
    malformed(yaml_replace("claims", "  theme: overview\n", "  theme: overview: all\n"),
              "curated/claims.yaml: line {at}: not valid YAML (mapping values are not allowed in this context); check "
              "the indentation, colons and quotes on that line", "unparseable-curated-yaml"),  # libyaml's words
    malformed(yaml_drop_key("changes", "reason"),
              f"curated/changes.yaml: line {{at}}: key 'reason': missing (each entry of 'changes' needs {CHANGES_KEYS})",
              "curated-entry-without-a-required-key"),
    malformed(yaml_drop_key("claims", "status"),
              f"curated/claims.yaml: line {{at}}: key 'status': missing (each entry of 'claims' needs {CLAIMS_KEYS})",
              "curated-entry-without-a-column-its-table-requires"),
    malformed(yaml_replace("changes", "  year: 2025\n", "  year: twenty\n"),
              "curated/changes.yaml: line {at}: key 'year': 'twenty' is not a year (expected four digits such as 2025)",
              "curated-year-in-words"),
]


@pytest.mark.parametrize("corrupt,expected", MALFORMED)
def test_a_malformed_input_gives_one_line_naming_it(data_copy, corrupt, expected):
    at = corrupt(data_copy)
    assert validate(data_copy) == [expected.format(at=at)]


CLI_CASES = ("dropped-year-column", "descriptor-that-is-not-json", "unparseable-curated-yaml")


@pytest.mark.parametrize("corrupt,expected", [p for p in MALFORMED if p.id in CLI_CASES])
def test_make_validate_data_prints_that_line_and_no_traceback(data_copy, corrupt, expected):
    at = corrupt(data_copy)
    run = subprocess.run([sys.executable, "-m", "greenmfg.data.validate", str(data_copy)], capture_output=True, text=True,
                         cwd=REPO_ROOT)
    assert run.returncode == 1 and "Traceback" not in run.stdout + run.stderr, run.stderr
    assert run.stdout.splitlines() == [expected.format(at=at)]


STEP_CASES = ("unparseable-curated-yaml", "curated-entry-without-a-required-key", "curated-year-in-words")


@pytest.mark.parametrize("corrupt,expected", [p for p in MALFORMED if p.id in STEP_CASES])
def test_make_data_stops_on_a_malformed_curated_file_with_that_line(data_copy, corrupt, expected):
    """The copy's own build steps (python -m data.steps, run beside the copy) refuse the file in one line."""
    at = corrupt(data_copy)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(data_copy.parent), str(REPO_ROOT)])}
    run = subprocess.run([sys.executable, "-m", "data.steps"], capture_output=True, text=True, cwd=data_copy.parent,
                         env=env)
    assert run.returncode == 1 and "Traceback" not in run.stdout + run.stderr, run.stderr
    assert run.stderr.splitlines() == [expected.format(at=at)]


def test_a_correction_with_a_new_source_needs_its_own_quote(data_copy):
    """A replace_with that gives a new value or address but no quote would keep the research row's quote under a source
    that never printed it: make data stops and names the correction."""
    yaml_replace("series_corrections", "    quote: 2024年电解铝产量达4380万吨,约占全球60%\n", "")(data_copy)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(data_copy.parent), str(REPO_ROOT)])}
    run = subprocess.run([sys.executable, "-m", "data.steps"], capture_output=True, text=True, cwd=data_copy.parent,
                         env=env)
    assert run.returncode == 1 and "Traceback" not in run.stdout + run.stderr, run.stderr
    assert run.stderr.splitlines() == ["curated/series_corrections.yaml: row_corrections "
                                       "aluminium_china_share_global_output 2024: replace_with gives a new value or "
                                       "source, so it needs that source's `quote` too"]
