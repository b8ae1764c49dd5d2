"""Schema, type, enum, required and key checks by the pinned `frictionless` library, in the project's message format."""
from __future__ import annotations

import json
import re
from graphlib import TopologicalSorter
from pathlib import Path

from greenmfg.data.data_tables import DESCRIPTOR, msg

_CONSTRAINT = re.compile(r'constraint "(\w+)"')
_POSITION = re.compile(r"position \"?(\d+)")
# Date patterns of the schema, in the words a message uses for them.
DATE_FORMATS = {r"^\d{4}(-\d{2}(-\d{2})?)?$": "YYYY, YYYY-MM or YYYY-MM-DD", r"^\d{4}-\d{2}-\d{2}$": "YYYY-MM-DD"}
# What a cell of each type looks like, for type errors (an integer field with a range says the range instead).
EXPECTED = {"integer": "an integer (expected whole digits)",
            "number": "a number (expected digits such as 949.5, without words or units)"}
BROKEN_ROW = ("blank-row", "extra-cell", "missing-cell")


def _constraint_problem(field: dict, cell: str, note: str) -> str:
    """Our wording of a Frictionless constraint error on one cell."""
    cons = field.get("constraints", {})
    name = (_CONSTRAINT.search(note) or [None, ""])[1]
    if name == "required":
        return "required value is empty"
    if name == "enum":
        return f"unknown value '{cell}' (allowed: {', '.join(repr(x) for x in cons['enum'])})"
    if name in ("minimum", "maximum"):
        return f"{cell} is {'below' if name == 'minimum' else 'above'} the {name} {cons[name]}"
    if name == "pattern" and cons["pattern"] in DATE_FORMATS:
        return f"'{cell}' is not {DATE_FORMATS[cons['pattern']]}"
    if name == "pattern":
        return f"'{cell}' does not match pattern {cons['pattern']}"
    return f"'{cell}' breaks constraint {name}: {note}"


def _type_problem(field: dict, cell: str) -> str:
    """Our wording of a Frictionless type error on one cell."""
    cons, kind = field.get("constraints", {}), EXPECTED.get(field.get("type", "string"))
    if kind and field.get("type") == "integer" and {"minimum", "maximum"} <= cons.keys():
        return f"'{cell}' is not an integer (expected a whole number from {cons['minimum']} to {cons['maximum']})"
    if kind:
        return f"'{cell}' is not {kind}"
    return f"'{cell}' is not an http(s) URL" if field.get("format") == "uri" else f"'{cell}' is not a valid {field['type']}"


def _key_problem(error, schema: dict, row: dict) -> tuple[str, str]:
    """(problem, column) for a Frictionless primary-key, unique or foreign-key error."""
    if error.type == "foreign-key":
        fk = schema["foreignKeys"][0]
        col = fk["fields"] if isinstance(fk["fields"], str) else "+".join(fk["fields"])
        return f"unknown {col} '{row.get(col, '')}' (not in {fk['reference']['resource']})", col
    cols = [error.field_name] if error.type == "unique-error" else schema["primaryKey"]
    cols = [cols] if isinstance(cols, str) else cols
    shown = ", ".join(f"{c}={row.get(c, '')!r}" for c in cols)
    first = (_POSITION.search(error.note) or [None, "?"])[1]
    return f"duplicate key ({shown}); first seen in row {first}", "+".join(cols)


def _error_message(file: str, error, schema: dict, rows: dict[int, dict]) -> str | None:
    """One Frictionless error in our message format (None for errors reported otherwise)."""
    line = getattr(error, "row_number", None)
    fields = {f["name"]: f for f in schema["fields"]}
    field = fields.get(getattr(error, "field_name", None) or "")
    cell = str(getattr(error, "cell", "") or "")
    if error.type == "blank-row":
        return msg(file, "blank line", line)
    if error.type in ("extra-cell", "missing-cell"):
        return msg(file, f"has {'more' if error.type == 'extra-cell' else 'fewer'} cells than the header", line)
    if error.type == "type-error" and field:
        return msg(file, _type_problem(field, cell), line, field["name"])
    if error.type == "constraint-error" and field:
        return msg(file, _constraint_problem(field, cell, error.note), line, field["name"])
    if error.type == "unique-error" and [error.field_name] in (schema.get("primaryKey"), [schema.get("primaryKey")]):
        return None  # the primary-key error says it
    if error.type in ("primary-key", "unique-error", "foreign-key"):
        problem, column = _key_problem(error, schema, rows.get(line, {}))
        return msg(file, problem, line, column)
    if error.type.endswith("-label"):
        return None  # check_header reports columns by name
    return msg(file, f"{error.title}: {error.note}", line, field["name"] if field else None)


def _description_file(res, i: int) -> str:
    """The file that describes the i-th table: processed/<name>.resource.yaml, or its place in datapackage.json."""
    name = res.get("name") if isinstance(res, dict) else None
    return f"processed/{name}.resource.yaml" if isinstance(name, str) else f"{DESCRIPTOR}: table {i}"


def descriptor_messages(descriptor, rules: dict) -> list[str]:
    """What makes datapackage.json unusable (invalid package or table description, unknown check), by file to edit."""
    from frictionless import Package, Resource  # imported only when the cache misses

    resources = descriptor.get("resources") if isinstance(descriptor, dict) else None
    msgs = []
    for i, res in enumerate(resources if isinstance(resources, list) else [], start=1):
        file = _description_file(res, i)
        errors = Resource.validate_descriptor(res).errors if isinstance(res, dict) else []
        msgs += [msg(file, f"not a valid table description: {e.message}") for e in errors]
        msgs += [msg(file, f"greenmfg:checks names '{name}', which is not a check (known: {', '.join(rules)})")
                 for name in (res.get("greenmfg:checks") or [] if isinstance(res, dict) else []) if name not in rules]
    if not msgs:
        msgs = [msg("package.yaml", f"not a valid data package: {e.message}")
                for e in Package.validate_descriptor(descriptor).errors]
    return msgs


def _check_order(descriptor: dict) -> list[dict]:
    """The resources with each one after the tables its foreign keys refer to."""
    refers = {res["name"]: {fk["reference"]["resource"] for fk in res["schema"].get("foreignKeys", [])} - {"", res["name"]}
              for res in descriptor["resources"]}
    by_name = {res["name"]: res for res in descriptor["resources"]}
    return [by_name[name] for name in TopologicalSorter(refers).static_order() if name in by_name]


def _table_messages(resource, res: dict, rows: list[tuple[int, dict]]) -> list[str]:
    """One Frictionless resource's findings in our format (a cell error in a row that is broken as a whole is left out)."""
    from frictionless import FrictionlessException

    try:
        errors = resource.validate().tasks[0].errors
    except FrictionlessException as e:
        return [msg(res["path"], f"cannot be read as a CSV table: {e.error.note}")]
    broken = {e.row_number for e in errors if e.type in BROKEN_ROW}
    found = (_error_message(res["path"], e, res["schema"], dict(rows)) for e in errors
             if e.type in BROKEN_ROW or getattr(e, "row_number", None) not in broken)
    return [m for m in found if m]


def frictionless_messages(d: Path, descriptor: dict, readable: dict[str, list[tuple[int, dict]]],
                          failed: set[str]) -> dict[str, list[str]]:
    """Frictionless's findings per readable table; foreign keys only to tables that passed, so a broken one shows once."""
    from frictionless import Package  # imported only when the cache misses

    matched_by_name = json.loads(json.dumps(descriptor))
    for res in matched_by_name["resources"]:
        res["schema"]["fieldsMatch"] = "partial"
    package = Package(matched_by_name, basepath=str(d))
    found: dict[str, list[str]] = {}
    for res in _check_order(descriptor):
        if res["name"] not in readable:
            continue
        resource = package.get_resource(res["name"])
        if any(fk["reference"]["resource"] in failed for fk in res["schema"].get("foreignKeys", [])):
            resource.schema.foreign_keys = []
        found[res["name"]] = _table_messages(resource, res, readable[res["name"]])
        if found[res["name"]]:
            failed.add(res["name"])
    return found
