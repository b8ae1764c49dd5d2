"""Sources and their limits: rows known only from a mirror, facts that could not be sourced, source licences."""
from __future__ import annotations

import html
from typing import Any

import pandas as pd

from greenmfg.frames import is_missing
from greenmfg.markup import escaped, page_href

# Per table: the column with the original's URL and the one with a third-party copy's (mirror).
SOURCE_COLUMNS = {"context_series": ("url", "mirror_url"), "policy_targets": ("url", "mirror_url"),
                  "claims": ("evidence_url", "evidence_mirror_url"), "policy_document": ("url", "mirror_url"),
                  "glossary": ("source_url", "source_mirror_url")}


def mirror_counts(frames: dict[str, pd.DataFrame]) -> dict[str, int]:
    """Sourced rows, and how many of them are known only from a copy on a third-party site (mirror)."""
    sourced = mirror_only = 0
    for name, (url, mirror) in SOURCE_COLUMNS.items():
        frame = frames.get(name)
        if frame is None:
            continue
        has_url = frame[url].map(lambda cell: not is_missing(cell))
        has_mirror = frame[mirror].map(lambda cell: not is_missing(cell))
        sourced += int((has_url | has_mirror).sum())
        mirror_only += int((~has_url & has_mirror).sum())
    return {"sourced": sourced, "mirror_only": mirror_only}


def not_sourced_html(doc: pd.DataFrame, claims: pd.DataFrame) -> str:
    """What could not be sourced: document facts not found or unverified, and claims not found."""
    items = [f'<li>Document: {escaped(fact["field"]).replace("_", " ")} — {escaped(fact["status"])}'
             + (f' ({escaped(fact["note"])})' if not is_missing(fact["note"]) else "") + "</li>"
             for _, fact in doc[doc["status"].isin(["not found", "unverified"])].iterrows()]
    items += [f'<li>Claim <a href="{page_href("claims", "claim-" + escaped(claim["claim_id"]))}">'
              f'{escaped(claim["claim_id"])}</a>: {escaped(claim["claim_text_en"])}</li>'
              for _, claim in claims[claims["status"] == "not found"].iterrows()]
    return f"<ul>{''.join(items)}</ul>"


def source_licences_html(descriptor: dict[str, Any]) -> str:
    """Licences: the compilation's, then each named upstream source's (package-level, then per resource), once each."""
    rows = [(descriptor.get("title", "This data package"),
             ", ".join(licence.get("title") or licence["name"] for licence in descriptor.get("licenses", [])))]
    seen = set()
    for source in descriptor.get("sources", []) + [s for res in descriptor["resources"] for s in res.get("sources", [])]:
        if source["title"] in seen:
            continue
        seen.add(source["title"])
        licence = ", ".join(lic.get("title") or lic["name"] for lic in source.get("licenses", []))
        rows.append((source["title"], licence or "not stated by the source: quoted briefly, for verification only"))
    body = "".join(f"<tr><td>{html.escape(name)}</td><td>{html.escape(terms)}</td></tr>" for name, terms in rows)
    return (f'<div class="gm-front-wrap"><table class="gm-front-table" style="min-width:0"><thead><tr>'
            f'<th scope="col">Source</th><th scope="col">Licence</th></tr></thead><tbody>{body}</tbody></table></div>')
