"""What every build step shares: the data directory, curated YAML, column order and the CSV text of a table
(written, as every package CSV, by greenmfg.data.csvfiles)."""
from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path

from greenmfg.data import csvfiles
from greenmfg.data import curated as curated_yaml
from greenmfg.data.data_tables import DataValidationError, resource
from greenmfg.data.datapackage import build_descriptor

DATA_DIR = Path(__file__).resolve().parents[1]
PROCESSED = DATA_DIR / "processed"


@functools.cache
def descriptor() -> dict:
    """The package descriptor as package.yaml and the resource files give it now (datapackage.json is written later)."""
    return build_descriptor(DATA_DIR)


def curated(name: str):
    """The parsed data/curated/<name>.yaml, with the keys the steps read (else DataValidationError naming file and line)."""
    return curated_yaml.load(DATA_DIR, name, descriptor())


def columns(table: str) -> list[str]:
    """Column order of a processed table, from its field list in processed/<table>.resource.yaml."""
    return [f["name"] for f in resource(descriptor(), table)["schema"]["fields"]]


def source_groups(table: str) -> list[dict]:
    """The table's source columns (``greenmfg:sources`` of processed/<table>.resource.yaml), one dict per source."""
    return resource(descriptor(), table).get("greenmfg:sources", [])


def to_csv(table: str, rows: list[dict]) -> str:
    """Rows as CSV text with the table's column order and \\n line endings; unknown keys are an error."""
    cols = columns(table)
    for row in rows:
        unknown = set(row) - set(cols)
        if unknown:
            raise ValueError(f"{table}: keys {sorted(unknown)} are not columns of the table (row {row.get(cols[0])!r})")
    return csvfiles.to_text(cols, [{c: row.get(c, "") for c in cols} for row in rows])


def table_text(table: str, rows: list[dict]) -> str:
    """The CSV text of a processed table: its rows with their sources filled (data/steps/sources.py)."""
    from data.steps.sources import with_sources  # it reads curated files through this module

    return to_csv(table, with_sources(table, rows, source_groups(table)))


_reported: set[str] = set()


def _report(messages: list[str]) -> None:
    """Print problems on stderr, each once per run (a broken resource file stops every step with the same line)."""
    for m in messages:
        if m not in _reported:
            _reported.add(m)
            print(m, file=sys.stderr)


def rows_step(table: str, rows: Callable[[], list[dict]]):
    """(rows, main) of a step that writes processed/<table>.csv from rows(): main writes it, or --checks it."""
    def main() -> int:
        """Write (or --check) the table."""
        return run(table, rows)
    return rows, main


def entries_step(table: str, name: str, key: str, sort_key: str | None = None):
    """(rows, main) of a step whose rows are the entries under `key` of curated/<name>.yaml (sorted by sort_key)."""
    def rows() -> list[dict]:
        """The curated entries, one per row."""
        entries = curated(name)[key]
        return sorted(entries, key=lambda entry: entry[sort_key]) if sort_key else entries
    return rows_step(table, rows)


def run(table: str, rows: Callable[[], list[dict]], argv: list[str] | None = None) -> int:
    """Write processed/<table>.csv from rows() or --check it (1 if stale); unreadable input: its lines on stderr, 1."""
    argv = sys.argv[1:] if argv is None else argv
    path = PROCESSED / f"{table}.csv"
    try:
        text = table_text(table, rows())
    except DataValidationError as e:
        _report(e.messages)
        return 1
    if "--check" in argv:
        current = csvfiles.is_written(path, text)
        print(f"{path.relative_to(DATA_DIR)} is {'up to date' if current else 'STALE: run python -m data.steps'}")
        return 0 if current else 1
    csvfiles.write(path, text)
    print(f"wrote {path.relative_to(DATA_DIR)}")
    return 0
