"""Every table's sources, from the publisher table: each source description's publisher and outlet (ids), the outlet's
own page as the address (url), and a reprint's address kept as evidence only where curated/reprint_hosts.yaml allows.

A table declares its source columns in ``greenmfg:sources`` of its resource file; ``with_sources`` fills them for
every row, and stops the build with a message naming file, row and column on an unknown source, id or host.
"""
from __future__ import annotations

from functools import cache

from data.steps.common import curated
from greenmfg.data.hosts import host_of, is_ip_address, on_site, without_other_hosts

PUBLISHERS_FILE = "curated/publishers.yaml"
ATTRIBUTION_FILE = "curated/source_attribution.yaml"
REPRINTS_FILE = "curated/reprint_hosts.yaml"


class SourceError(SystemExit):
    """A source the build cannot cite: the message names the file, row and column to fix."""


@cache
def publisher_hosts() -> dict[str, tuple[str, ...]]:
    """Each publisher id and its own hosts (a host, or host/folder)."""
    return {entry["id"]: tuple(entry.get("hosts") or ()) for entry in curated("publishers")["publishers"]}


@cache
def reprint_hosts() -> tuple[frozenset[str], frozenset[str]]:
    """(hosts whose reprint address may stay as evidence, hosts withheld: adult, gambling and link-farm sites)."""
    lists = curated("reprint_hosts")
    withheld = {host for hosts in lists["withheld"].values() for host in hosts}
    return frozenset(lists["evidence"]), frozenset(withheld)


def _attribution(org: str, where: str) -> dict:
    """The publisher and outlet ids of one source description, checked against the publisher table."""
    entry = curated("source_attribution")["sources"].get(org)
    if entry is None:
        raise SourceError(f"{where}: source '{org}' is not in {ATTRIBUTION_FILE}; add it with its publisher and outlet "
                          f"(ids of {PUBLISHERS_FILE})")
    for role in ("publisher", "outlet"):
        if entry.get(role) and entry[role] not in publisher_hosts():
            raise SourceError(f"{ATTRIBUTION_FILE}: source '{org}': column '{role}': unknown publisher id "
                              f"'{entry[role]}' (not in {PUBLISHERS_FILE}); used at {where}")
    return entry


def _reprint_evidence(url: str, where: str) -> str:
    """A reprint's address where it may stay as evidence, else '' (IP addresses and withheld hosts)."""
    host = host_of(url)
    evidence, withheld = reprint_hosts()
    if is_ip_address(host) or host in withheld:
        return ""
    if host in evidence:
        return url
    raise SourceError(f"{where}: host '{host}' is neither the outlet's own site ({PUBLISHERS_FILE}) nor listed in "
                      f"{REPRINTS_FILE} (evidence, or withheld as adult, gambling or link-farm)")


def site_owner(url: str, outlet: str) -> str | None:
    """The publisher whose own site the address is on (the named outlet first), or None for a reprint."""
    if outlet and on_site(url, publisher_hosts()[outlet]):
        return outlet
    owners = [pid for pid, hosts in publisher_hosts().items() if on_site(url, hosts)]
    return owners[0] if len(owners) == 1 else None


def _given_ids(row: dict, group: dict, where: str) -> dict:
    """The publisher and outlet ids a curated row names itself (as the policy family does), checked against the
    publisher table."""
    ids = {role: str(row.get(group[role]) or "").strip() for role in ("publisher", "outlet")}
    for role, pid in ids.items():
        if pid and pid not in publisher_hosts():
            raise SourceError(f"{where}: column '{group[role]}': unknown publisher id '{pid}' (not in {PUBLISHERS_FILE})")
    return ids


def sourced(row: dict, group: dict, where: str) -> dict:
    """The row's source columns of one group: publisher and outlet ids (from the row itself, or from its source
    description through the attribution table), the outlet's page, a reprint as evidence."""
    org = str(row.get(group["org"]) or "").strip()
    seen = [url for url in (str(row.get(group[c]) or "").strip() for c in ("url", "mirror_url")) if url]
    if row.get(group["publisher"]):
        ids = _given_ids(row, group, where)
    elif org:
        ids = _attribution(org, f"{where}: column '{group['org']}'")
    elif seen:
        raise SourceError(f"{where}: column '{group['org']}': an address is given but no source names it")
    else:
        ids = {}
    outlet, url, reprints = ids.get("outlet", ""), "", []
    for address in seen:
        owner = site_owner(address, outlet)
        if owner and not url:
            outlet, url = owner, address
        elif not owner:
            reprints.append(_reprint_evidence(address, f"{where}: column '{group['mirror_url']}'"))
    return {group["publisher"]: ids.get("publisher", ""), group["outlet"]: outlet, group["url"]: url,
            group["mirror_url"]: "" if url else next(filter(None, reprints), "")}


def all_sites() -> tuple[str, ...]:
    """Every publisher's own sites: the only hosts the data names outside its reprint-evidence columns."""
    return tuple(site for sites in publisher_hosts().values() for site in sites)


def public_text(row: dict, keep: set[str]) -> dict:
    """The row with addresses and host names of other sites taken out of its text (columns in ``keep`` aside)."""
    return {column: value if column in keep or not isinstance(value, str) else without_other_hosts(value, all_sites())
            for column, value in row.items()}


def with_sources(table: str, rows: list[dict], groups: list[dict]) -> list[dict]:
    """Every row with its source columns filled and no other site named in its text (rows are numbered as CSV lines
    of processed/<table>.csv)."""
    addresses = {group[c] for group in groups for c in ("url", "mirror_url")}
    out = []
    for line, row in enumerate(rows, start=2):
        row = public_text(row, addresses)
        for group in groups:
            row = {**row, **sourced(row, group, f"processed/{table}.csv: row {line}")}
        out.append(row)
    return out
