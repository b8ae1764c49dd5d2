"""The curated YAML (data/curated/<name>.yaml) as the build steps and the validator read it: parsed, and holding the
keys the build steps look up, or else one message per problem naming file, line and key.

Each file's shape is a JSON Schema checked by the pinned `jsonschema`; files whose entries become table rows as they
are (claims, glossary, policy_document, targets) need the columns their table requires (``constraints.required`` in
the descriptor), so a missing key is named in the YAML being edited, not later in the generated CSV.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from greenmfg.data.data_tables import DataValidationError, read_yaml

CURATED_DIR = "curated"
YEAR = {"type": ["integer", "string"], "pattern": r"^\d{4}$"}
HOSTS = {"type": "array", "items": {"type": "string"}}
# Per file, per top-level key: the keys every entry needs (a list), the table whose required columns they are (a
# string), or a whole schema (a dict). Entries keyed by id (a mapping, not a list) are marked BY_ID.
BY_ID = "by id"
SERIES_KEYS = ["topic", "unit", "measure_kind", "label_en", "label_zh", "basis"]
SHAPES = {
    "bases_zh": {"bases": ["en", "zh"]},
    "changes": {"changes": ["changed_on", "series_id", "year", "old", "new", "reason"]},
    "claims": {"claims": "claims"},
    "glossary": {"terms": "glossary"},
    "policy_document": {"fields": "policy_document"},
    "publishers": {"publishers": ["id", "name_en", "short_en", "hosts"]},
    "policy_family": {"measures": {"type": "object", "additionalProperties": {"type": "object", "required": ["en", "zh"]}},
                      "documents": "policy_documents_family", "milestones": ["milestone_id", "measure_id", "verification"],
                      "task_areas": "policy_task_areas"},
    "release_schedule": {"series": (BY_ID, ["publisher_ids", "cadence", "note"])},
    "reprint_hosts": {"evidence": HOSTS, "withheld": {"type": "object", "additionalProperties": HOSTS}},
    "source_attribution": {"sources": (BY_ID, ["publisher"])},
    "series_corrections": {"series": (BY_ID, SERIES_KEYS), "row_corrections": ["series_id", "year"],
                           "added_rows": ["series_id", "year"]},
    "targets": {"targets": "policy_targets"},
}
# The JSON Schema types, and the Python types YAML gives, in a message's words.
KINDS = {"object": "keys with values", "array": "a list of entries", "string": "text", "integer": "a whole number",
         "number": "a number", "boolean": "true or false", "null": "nothing"}
FOUND = {dict: "keys with values", list: "a list", str: "text", int: "a whole number", float: "a number",
         bool: "true or false", type(None): "nothing"}


def required_columns(descriptor: dict, table: str) -> list[str]:
    """The columns a table requires, in the descriptor's order."""
    fields = next((r["schema"]["fields"] for r in descriptor["resources"] if r["name"] == table), [])
    return [f["name"] for f in fields if f.get("constraints", {}).get("required")]


def _entries(spec, descriptor: dict) -> dict:
    """The JSON Schema of one top-level key from its SHAPES spec."""
    if isinstance(spec, dict):
        return spec
    by_id, keys = spec if isinstance(spec, tuple) else (None, spec)
    keys = required_columns(descriptor, keys) if isinstance(keys, str) else keys
    entry = {"type": "object", "required": keys, "properties": {"year": YEAR} if "year" in keys else {}}
    return {"type": "object", "additionalProperties": entry} if by_id else {"type": "array", "items": entry}


def schema(name: str, descriptor: dict) -> dict:
    """The JSON Schema of curated/<name>.yaml."""
    keys = {key: _entries(spec, descriptor) for key, spec in SHAPES[name].items()}
    return {"type": "object", "required": list(keys), "properties": keys}


def _node_at(node: yaml.Node, path) -> yaml.Node:
    """The node at a JSON path (keys and list indexes), or the deepest one found on the way."""
    for step in path:
        if isinstance(node, yaml.MappingNode):
            found = [v for k, v in node.value if k.value == str(step)]
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            found = [node.value[step]]
        else:
            found = []
        if not found:
            break
        node = found[-1]
    return node


def _where(file: str, node: yaml.Node, key: str | None = None) -> str:
    """'<file>: line <n>: key '<key>'' for a message about a node."""
    return ": ".join([file, f"line {node.start_mark.line + 1}"] + ([f"key '{key}'"] if key is not None else []))


def _problem(error) -> tuple[list, str | None, str]:
    """(path to the node, key named, what is wrong and what is expected) for one jsonschema error."""
    path, parent = list(error.absolute_path), [str(p) for p in error.absolute_path if isinstance(p, str)]
    if error.validator == "required":
        missing = next(k for k in error.validator_value if k not in error.instance)
        owner = f"each entry of '{parent[0]}' needs" if path else "the file needs the top-level keys"
        return path, missing, f"missing ({owner} {', '.join(error.validator_value)})"
    key = parent[-1] if parent else None
    if error.validator == "pattern" and error.schema is YEAR:
        return path, key, f"'{error.instance}' is not a year (expected four digits such as 2025)"
    expected = error.validator_value if error.validator == "type" else None
    want = " or ".join(KINDS.get(t, t) for t in ([expected] if isinstance(expected, str) else expected or []))
    return path, key, f"expected {want or 'another value'}, found {FOUND.get(type(error.instance), 'a value')}"


def _duplicate_keys(file: str, node: yaml.Node | None) -> list[str]:
    """Keys given twice in one mapping (YAML keeps only the last, silently)."""
    if isinstance(node, yaml.SequenceNode):
        return [m for child in node.value for m in _duplicate_keys(file, child)]
    if not isinstance(node, yaml.MappingNode):
        return []
    keys = [k for k, _ in node.value]
    msgs = [f"{_where(file, k, k.value)}: given twice here (YAML keeps only the last); keep one" for i, k in enumerate(keys)
            if k.value in [e.value for e in keys[:i]] and k.value != "<<"]
    return msgs + [m for _, v in node.value for m in _duplicate_keys(file, v)]


def check(d: Path, name: str, descriptor: dict) -> tuple[object, list[str]]:
    """(document, problems) of curated/<name>.yaml: missing, empty, not YAML, keys given twice, keys or types missing."""
    file = f"{CURATED_DIR}/{name}.yaml"
    try:
        data, node = read_yaml(Path(d) / file, file)
    except DataValidationError as e:
        return None, e.messages
    from jsonschema import Draft202012Validator  # imported only when the validator's cache misses

    found = []
    for path, key, problem in map(_problem, Draft202012Validator(schema(name, descriptor)).iter_errors(data)):
        at = _node_at(node, path)
        found.append((at.start_mark.line, f"{_where(file, at, key)}: {problem}"))
    return data, list(dict.fromkeys(_duplicate_keys(file, node) + [m for _, m in sorted(found)]))


def load(d: Path, name: str, descriptor: dict):
    """The parsed curated/<name>.yaml; raises DataValidationError naming every problem (the build steps' reader)."""
    data, msgs = check(d, name, descriptor)
    if msgs:
        raise DataValidationError(msgs)
    return data


def messages(d: Path, descriptor: dict) -> list[str]:
    """Every problem of every curated file (the validator's check)."""
    return [m for name in SHAPES for m in check(d, name, descriptor)[1]]
