"""The sources rule: every publisher and outlet id is in the publisher table, every url is on its outlet's own site,
and a reprint address kept as evidence is neither a bare IP nor on a withheld host (curated/reprint_hosts.yaml)."""
from __future__ import annotations

from pathlib import Path

import yaml

from greenmfg.data.data_tables import msg
from greenmfg.data.hosts import host_of, is_ip_address, on_site

PUBLISHERS = "processed/publishers.csv"
REPRINTS = "curated/reprint_hosts.yaml"


def withheld_hosts(data_dir: Path) -> set[str]:
    """Hosts whose addresses never enter the data package (adult, gambling, link-farm sites)."""
    path = data_dir / REPRINTS
    if not path.is_file():
        return set()
    lists = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {host for hosts in (lists.get("withheld") or {}).values() for host in hosts}


def _group_messages(file: str, line: int, r: dict, group: dict, context: dict) -> list[str]:
    """Problems with one row's source: unknown ids, a url off its outlet's site, a withheld reprint address."""
    sites, msgs = context.get("publisher_sites", {}), []
    for column in (group["publisher"], group["outlet"]):
        if r.get(column) and r[column] not in sites:
            msgs.append(msg(file, f"unknown publisher id '{r[column]}' (not in {PUBLISHERS})", line, column))
    url, outlet = r.get(group["url"], ""), r.get(group["outlet"], "")
    if url and outlet in sites and not on_site(url, sites[outlet]):
        msgs.append(msg(file, f"host '{host_of(url)}' is not a site of outlet '{outlet}' in {PUBLISHERS}", line, group["url"]))
    elif url and not outlet:
        msgs.append(msg(file, f"an address needs its outlet ({group['outlet']})", line, group["url"]))
    mirror = host_of(r.get(group["mirror_url"], ""))
    if mirror and (is_ip_address(mirror) or mirror in context.get("withheld_hosts", set())):
        msgs.append(msg(file, f"reprint host '{mirror}' is withheld ({REPRINTS}): keep it in the research notes only",
                        line, group["mirror_url"]))
    return msgs


def sources_known(file, rows, context) -> list[str]:
    """Every source of the table (``greenmfg:sources``) names known publishers and cites only their own sites."""
    groups = (context.get("source_groups") or {}).get(file, [])
    return [m for line, r in rows for group in groups for m in _group_messages(file, line, r, group, context)]
