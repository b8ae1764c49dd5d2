"""The policy family (curated/policy_family.yaml): documents, milestones and task areas, with public addresses.

Shared by the three steps that write processed/policy_documents_family.csv, policy_milestones.csv and
policy_task_areas.csv. Each source in the YAML gives the address it was seen at and whether that is the outlet's own
page; this module decides what a reader may see of it: an original page is `url`, a reprint on a listed news,
newspaper or government host is `mirror_url` (never linked), and any other reprint, and every bare IP address, keeps
no address here ('reprint, address withheld'), so spam, link-farm and adult hosts never reach a public column.
"""
from __future__ import annotations

import ipaddress
from urllib.parse import urlparse

from data.steps.common import curated
from greenmfg.data.data_tables import DataValidationError

NAME = "policy_family"
FILE = f"curated/{NAME}.yaml"
ORIGINAL, REPRINT, WITHHELD = "original", "reprint", "reprint, address withheld"


def hosts() -> tuple[set[str], set[str]]:
    """(original outlets' hosts, hosts whose reprints are kept as evidence)."""
    family = curated(NAME)
    return set(family["original_hosts"]), set(family["evidence_hosts"])


def _host(address: str) -> str:
    return (urlparse(address).hostname or "").lower()


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _entries() -> list[tuple[str, dict]]:
    """Every entry with an address: (where, entry) over documents, milestones and task areas."""
    family = curated(NAME)
    keys = {"documents": "document_id", "milestones": "milestone_id", "task_areas": "area"}
    return [(f"{FILE}: {key} '{entry[ident]}'", entry) for key, ident in keys.items() for entry in family[key]
            if entry.get("address")]


def withheld_hosts() -> set[str]:
    """Hosts of reprints whose address is withheld (not evidence hosts, or bare IP addresses)."""
    _, evidence = hosts()
    return {_host(e["address"]) for _, e in _entries()
            if e.get("seen_in") == REPRINT and (_host(e["address"]) not in evidence or _is_ip(_host(e["address"])))}


def public_source(where: str, entry: dict) -> dict:
    """The entry without `address`, with url / mirror_url / seen_in as readers may see them."""
    row = {k: v for k, v in entry.items() if k != "address"}
    address, seen_in = entry.get("address", ""), entry.get("seen_in", "")
    if not address:
        return row
    original, evidence = hosts()
    host = _host(address)
    if seen_in == ORIGINAL:
        if host not in original or _is_ip(host):
            raise DataValidationError([f"{where}: {host} is not listed under original_hosts; list it there if it is "
                                       "the outlet's own site, or mark the address seen_in: reprint"])
        return {**row, "url": address, "seen_in": ORIGINAL}
    if seen_in != REPRINT:
        raise DataValidationError([f"{where}: seen_in must be 'original' or 'reprint', not {seen_in!r}"])
    if host in evidence and not _is_ip(host):
        return {**row, "mirror_url": address, "seen_in": REPRINT}
    return {**row, "seen_in": WITHHELD}


def _text(value) -> object:
    """YAML scalars as the CSV writes them (whole numbers without '.0')."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def document_rows() -> list[dict]:
    """One row per document, in the YAML's order."""
    return [public_source(f"{FILE}: documents '{d['document_id']}'", d) for d in curated(NAME)["documents"]]


def milestone_rows() -> list[dict]:
    """One row per milestone, with its measure's names; running_total defaults to 'no' for numeric milestones."""
    family = curated(NAME)
    rows = []
    for m in family["milestones"]:
        where = f"{FILE}: milestones '{m['milestone_id']}'"
        measure = family["measures"].get(m["measure_id"])
        if measure is None:
            raise DataValidationError([f"{where}: measure '{m['measure_id']}' is not under 'measures:'"])
        row = {**public_source(where, m), "measure_en": measure["en"], "measure_zh": measure["zh"]}
        if "value" in m:
            row["value"] = _text(m["value"])
            row.setdefault("running_total", "no")
        rows.append(row)
    return rows


def task_area_rows() -> list[dict]:
    """One row per area, general requirements first."""
    areas = sorted(curated(NAME)["task_areas"], key=lambda a: a["area"])
    return [public_source(f"{FILE}: task_areas '{a['area']}'", a) for a in areas]
