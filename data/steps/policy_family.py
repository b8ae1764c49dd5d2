"""The policy family (curated/policy_family.yaml): documents, milestones and task areas.

Shared by the three steps that write processed/policy_documents_family.csv, policy_milestones.csv and
policy_task_areas.csv. Each source in the YAML names its publisher and outlet (ids of curated/publishers.yaml) and the
address it was seen at; the address goes in as `url`, and data/steps/sources.py keeps it there only on the outlet's
own site, as `mirror_url` evidence only on a listed reprint host (curated/reprint_hosts.yaml), and otherwise nowhere.
"""
from __future__ import annotations

from data.steps.common import curated
from greenmfg.data.data_tables import DataValidationError

NAME = "policy_family"
FILE = f"curated/{NAME}.yaml"


def public_source(entry: dict) -> dict:
    """The entry with its `address` as the `url` the source step sorts (outlet's page, evidence, or withheld)."""
    row = {k: v for k, v in entry.items() if k != "address"}
    return {**row, "url": entry["address"]} if entry.get("address") else row


def _text(value) -> object:
    """YAML scalars as the CSV writes them (whole numbers without '.0')."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def document_rows() -> list[dict]:
    """One row per document, in the YAML's order."""
    return [public_source(d) for d in curated(NAME)["documents"]]


def milestone_rows() -> list[dict]:
    """One row per milestone, with its measure's names; running_total defaults to 'no' for numeric milestones."""
    family = curated(NAME)
    rows = []
    for m in family["milestones"]:
        measure = family["measures"].get(m["measure_id"])
        if measure is None:
            raise DataValidationError([f"{FILE}: milestones '{m['milestone_id']}': measure '{m['measure_id']}' is not "
                                       "under 'measures:'"])
        row = {**public_source(m), "measure_en": measure["en"], "measure_zh": measure["zh"]}
        if "value" in m:
            row["value"] = _text(m["value"])
            row.setdefault("running_total", "no")
        rows.append(row)
    return rows


def task_area_rows() -> list[dict]:
    """One row per area, general requirements first."""
    return [public_source(a) for a in sorted(curated(NAME)["task_areas"], key=lambda a: a["area"])]
