"""Schema, type, enum, required and key checks by the pinned `frictionless` library, in the project's message format."""
from __future__ import annotations

import json
import re
from pathlib import Path

from greenmfg.data_tables import AS_OF_PATTERN, DESCRIPTOR, msg

_CONSTRAINT = re.compile(r'constraint "(\w+)"')
_POSITION = re.compile(r"position \"?(\d+)")


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
    if name == "pattern" and cons["pattern"].startswith(r"^\d{4}(") and not AS_OF_PATTERN.match(cell):
        return f"'{cell}' is not YYYY, YYYY-MM or YYYY-MM-DD"
    if name == "pattern":
        return f"'{cell}' does not match pattern {cons['pattern']}"
    return f"'{cell}' breaks constraint {name}: {note}"


def _type_problem(field: dict, cell: str) -> str:
    """Our wording of a Frictionless type error on one cell."""
    kind = {"integer": "an integer", "number": "a number"}.get(field.get("type", "string"))
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


def frictionless_messages(d: Path, descriptor: dict, names: set[str], rows: dict[str, list[tuple[int, dict]]]) -> list[str]:
    """Frictionless's findings on the named resources (fields matched by name), in our message format."""
    from frictionless import FrictionlessException, Package  # imported only when the cache misses

    matched_by_name = json.loads(json.dumps(descriptor))
    for res in matched_by_name["resources"]:
        res["schema"]["fieldsMatch"] = "partial"
    try:
        package = Package(matched_by_name, basepath=str(d))
    except FrictionlessException as e:
        return [msg(DESCRIPTOR, f"not a valid Frictionless descriptor: {e}")]
    msgs = []
    for res in descriptor["resources"]:
        if res["name"] not in names:
            continue
        by_line = dict(rows[res["name"]])
        errors = package.get_resource(res["name"]).validate().tasks[0].errors
        broken = {e.row_number for e in errors if e.type in ("blank-row", "extra-cell", "missing-cell")}
        for error in errors:
            if getattr(error, "row_number", None) in broken and error.type not in ("blank-row", "extra-cell", "missing-cell"):
                continue
            message = _error_message(res["path"], error, res["schema"], by_line)
            if message:
                msgs.append(message)
    return msgs


