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

import yaml

from greenmfg.data import csvfiles
from greenmfg.paths import DEFAULT_DATA_DIR
from greenmfg.paths import data_dir as _data_dir

DESCRIPTOR = "datapackage.json"
# A date as the data writes it: a year, year-month or full date.
AS_OF_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# Committed copies of context_series as published before an update (raw/snapshots/context_series_<date>.csv).
SNAPSHOT_DIR = "raw/snapshots"
SNAPSHOT_NAME = re.compile(r"^context_series_(\d{4}-\d{2}-\d{2})\.csv$")
# The columns of a snapshot that the changes log compares with the current table.
SNAPSHOT_COLUMNS = ("series_id", "year", "value", "qualifier")


class DataValidationError(ValueError):
    """Raised when a table or file fails validation (loaders, build steps); `.messages` holds every problem found."""

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


def read_yaml(path: Path, file: str) -> tuple[object, yaml.Node]:
    """A YAML file's document and node tree (it knows each value's line); one-line DataValidationError if unreadable."""
    if not path.is_file():
        raise DataValidationError([msg(file, "file is missing")])
    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(path.read_text(encoding="utf-8"))
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except UnicodeDecodeError as e:
        raise DataValidationError([msg(file, f"not valid UTF-8 (byte {e.start}); save it as UTF-8")]) from None
    except yaml.MarkedYAMLError as e:
        where = [f"line {e.problem_mark.line + 1}"] if e.problem_mark else []
        problem = f"not valid YAML ({e.problem or e.context}); check the indentation, colons and quotes on that line"
        raise DataValidationError([": ".join([file, *where, problem])]) from None
    if data is None:
        raise DataValidationError([msg(file, "file is empty")])
    return data, node


def read_rows(data_dir, res: dict) -> tuple[list[str] | None, list[tuple[int, dict]], list[str]]:
    """A resource's CSV as strings: (header, [(line, row)], file-level messages); header None if unreadable.

    Read as every package CSV is (greenmfg.data.csvfiles: UTF-8, the byte-order mark dropped, so the header never
    starts with '\\ufeff'). Checks what Frictionless does not: \\r line endings, a header without data rows.
    Blank lines are skipped here (Frictionless reports them).
    """
    file = res["path"]
    path = Path(_data_dir(data_dir)) / file
    if not path.is_file():
        return None, [], [msg(file, "file is missing")]
    try:
        text = csvfiles.read_text(path)
    except UnicodeDecodeError as e:
        return None, [], [msg(file, f"not valid UTF-8 (byte {e.start}); save it as UTF-8")]
    if not text.strip():
        return None, [], [msg(file, "file is empty")]
    msgs = []
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


def _resource_file(file: str) -> str:
    """The file that lists a table's columns: processed/<table>.resource.yaml."""
    return file.removesuffix(".csv") + ".resource.yaml"


def _place(expected: list[str], column: str) -> str:
    """Where a column belongs: 'first' or 'after '<previous column>''."""
    i = expected.index(column)
    return "first" if i == 0 else f"after '{expected[i - 1]}'"


def check_header(file: str, header: list[str], fields: list[dict]) -> list[str]:
    """Missing, renamed (unknown where a missing one belongs), unexpected, duplicated and out-of-order columns, once each."""
    expected, listed = [f["name"] for f in fields], f"as in {_resource_file(file)}"
    msgs = [msg(file, "duplicate column", column=col) for i, col in enumerate(header) if col in header[:i]]
    missing = [col for col in expected if col not in header]
    renamed = {got: want for got, want in zip(header, expected) if got not in expected and want in missing}
    msgs += [msg(file, f"unknown column where '{want}' is expected (rename it to '{want}', {listed})", column=got)
             for got, want in renamed.items()]
    msgs += [msg(file, f"missing column (expected {_place(expected, col)}, {listed})", column=col)
             for col in missing if col not in renamed.values()]
    msgs += [msg(file, f"unexpected column (not in {_resource_file(file)})", column=col) for col in header
             if col not in expected and col not in renamed]
    if not msgs and header != expected:
        got, want, i = next((g, w, i) for i, (g, w) in enumerate(zip(header, expected), start=1) if g != w)
        msgs.append(msg(file, f"column order differs from datapackage.json: position {i} should be '{want}'", column=got))
    return msgs


def snapshot_paths(data_dir) -> list[Path]:
    """The committed context_series snapshots, oldest first (their names carry the date)."""
    folder = Path(_data_dir(data_dir)) / SNAPSHOT_DIR
    return sorted(p for p in folder.glob("context_series_*.csv") if SNAPSHOT_NAME.match(p.name)) if folder.is_dir() else []


def latest_snapshot(data_dir) -> dict | None:
    """The newest snapshot as {'file', 'date', 'rows' by (series_id, year)} or None; DataValidationError if unreadable."""
    paths = snapshot_paths(data_dir)
    if not paths:
        return None
    file = f"{SNAPSHOT_DIR}/{paths[-1].name}"
    header, rows, msgs = read_rows(data_dir, {"path": file})
    needs = ", ".join(SNAPSHOT_COLUMNS[:-1]) + " and " + SNAPSHOT_COLUMNS[-1]
    msgs += [msg(file, f"missing column (a snapshot needs {needs})", column=col) for col in SNAPSHOT_COLUMNS
             if header is not None and col not in header]
    if msgs:
        raise DataValidationError(msgs)
    return {"file": file, "date": SNAPSHOT_NAME.match(paths[-1].name)[1],
            "rows": {(r["series_id"], r["year"]): r for _, r in rows}}
