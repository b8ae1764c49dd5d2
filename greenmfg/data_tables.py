"""The data directory as the validator reads it: the descriptor, its resources, CSV rows as strings, messages.

Messages have the form ``<file>: row <n>: column '<col>': <problem>``; ``<n>`` is the CSV line number (the
header is line 1, so the first data row is row 2, as in a spreadsheet).
"""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from greenmfg.paths import DEFAULT_DATA_DIR
from greenmfg.paths import data_dir as _data_dir

DESCRIPTOR = "datapackage.json"
# A date as the data writes it: a year, year-month or full date.
AS_OF_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# Committed copies of context_series as published before an update (raw/snapshots/context_series_<date>.csv).
SNAPSHOT_DIR = "raw/snapshots"
SNAPSHOT_NAME = re.compile(r"^context_series_(\d{4}-\d{2}-\d{2})\.csv$")


class DataValidationError(ValueError):
    """Raised by loaders when a table fails validation; `.messages` holds every problem found."""

    def __init__(self, messages: list[str]):
        """Keep the messages and show them all in the exception text."""
        self.messages = list(messages)
        super().__init__("\n".join(self.messages))


def load_descriptor(data_dir=None) -> dict:
    """The package descriptor: data_dir/datapackage.json if present, else the repository's canonical one."""
    return json.loads(descriptor_path(_data_dir(data_dir)).read_text(encoding="utf-8"))


def descriptor_path(d: Path) -> Path:
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




def snapshot_paths(data_dir) -> list[Path]:
    """The committed context_series snapshots, oldest first (their names carry the date)."""
    folder = Path(_data_dir(data_dir)) / SNAPSHOT_DIR
    return sorted(p for p in folder.glob("context_series_*.csv") if SNAPSHOT_NAME.match(p.name)) if folder.is_dir() else []


def latest_snapshot(data_dir) -> dict | None:
    """The newest snapshot as {'file', 'date', 'rows'} (rows keyed by (series_id, year)), or None if there is none."""
    paths = snapshot_paths(data_dir)
    if not paths:
        return None
    with paths[-1].open(encoding="utf-8", newline="") as f:
        rows = {(r["series_id"], r["year"]): r for r in csv.DictReader(f)}
    return {"file": f"{SNAPSHOT_DIR}/{paths[-1].name}", "date": SNAPSHOT_NAME.match(paths[-1].name)[1], "rows": rows}
