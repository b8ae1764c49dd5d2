"""What every build step shares: the data directory, curated YAML, column order and the one CSV writer."""
from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).resolve().parents[1]
CURATED = DATA_DIR / "curated"
PROCESSED = DATA_DIR / "processed"


def curated(name: str):
    """The parsed data/curated/<name>.yaml."""
    return yaml.safe_load((CURATED / f"{name}.yaml").read_text(encoding="utf-8"))


def columns(table: str) -> list[str]:
    """Column order of a processed table, from its field list in processed/<table>.resource.yaml."""
    meta = yaml.safe_load((PROCESSED / f"{table}.resource.yaml").read_text(encoding="utf-8"))
    return [f["name"] for f in meta["schema"]["fields"]]


def source_groups(table: str) -> list[dict]:
    """The table's source columns (``greenmfg:sources`` of processed/<table>.resource.yaml), one dict per source."""
    meta = yaml.safe_load((PROCESSED / f"{table}.resource.yaml").read_text(encoding="utf-8"))
    return meta.get("greenmfg:sources", [])


def to_csv(table: str, rows: list[dict]) -> str:
    """Rows as UTF-8 CSV text with the table's column order and \\n line endings; unknown keys are an error."""
    cols = columns(table)
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=cols, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        unknown = set(row) - set(cols)
        if unknown:
            raise ValueError(f"{table}: keys {sorted(unknown)} are not columns of the table (row {row.get(cols[0])!r})")
        writer.writerow({c: row.get(c, "") for c in cols})
    return buf.getvalue()


def table_text(table: str, rows: list[dict]) -> str:
    """The CSV text of a processed table: its rows with their sources filled (data/steps/sources.py)."""
    from data.steps.sources import with_sources  # it reads curated files through this module

    return to_csv(table, with_sources(table, rows, source_groups(table)))


def run(table: str, rows: list[dict], argv: list[str] | None = None) -> int:
    """Write processed/<table>.csv, or with --check only report whether it is stale (exit status 1)."""
    argv = sys.argv[1:] if argv is None else argv
    path = PROCESSED / f"{table}.csv"
    text = table_text(table, rows)
    if "--check" in argv:
        current = path.is_file() and path.read_text(encoding="utf-8") == text
        print(f"{path.relative_to(DATA_DIR)} is {'up to date' if current else 'STALE: run python -m data.steps'}")
        return 0 if current else 1
    path.write_text(text, encoding="utf-8", newline="")
    print(f"wrote {path.relative_to(DATA_DIR)}")
    return 0
