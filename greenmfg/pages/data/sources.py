"""Sources and their limits: rows known only from a reprint, facts that could not be sourced, source licences."""
from __future__ import annotations

import html
from typing import Any

import pandas as pd

from greenmfg.charts.markup import escaped, page_href, value_text
from greenmfg.data.frames import is_missing
from greenmfg.locale.i18n import DEFAULT, language, pick, tr
from greenmfg.pages.glossary.entries import claim_refs


def reprint_counts(data: dict) -> dict[str, int]:
    """Sourced rows (a source named, ``greenmfg:sources`` of each table but the change log, which repeats the series'
    sources), and how many of them are known only from a reprint (no page of the outlet's own)."""
    sourced = reprint_only = 0
    for resource in data["descriptor"]["resources"]:
        frame = data.get(resource["name"])
        if frame is None or resource["name"] == "series_changes":
            continue
        for group in resource.get("greenmfg:sources", []):
            named = frame[group["publisher"]].map(lambda cell: not is_missing(cell))
            linked = frame[group["url"]].map(lambda cell: not is_missing(cell))
            sourced += int(named.sum())
            reprint_only += int((named & ~linked).sum())
    return {"sourced": sourced, "reprint_only": reprint_only}


def _fact_item(fact: pd.Series) -> str:
    """A document fact without a source: which fact, its status, and why (when the data say)."""
    text = tr("Document: {fact} — {status}", fact=tr(fact["field"].replace("_", " ")), status=tr(fact["status"]))
    note = pick(fact, "note")
    if not is_missing(note):
        text += tr(" ({note})", note=note)
    return f"<li>{html.escape(text)}</li>"


def not_sourced_html(doc: pd.DataFrame, claims: pd.DataFrame) -> str:
    """What could not be sourced: document facts not found or unverified, and claims not found, each linked to its
    ledger entry (Chinese pages quote the article's own words)."""
    items = [_fact_item(fact) for _, fact in doc[doc["status"].isin(["not found", "unverified"])].iterrows()]
    refs, text = claim_refs(claims), "claim_text_en" if language() == DEFAULT else "claim_text"
    shared = set(claims.loc[claims["claim_text"].duplicated(keep=False), "claim_id"])

    def words(claim: pd.Series) -> str:
        """The claim's words; where two claims quote one 分别 clause, the Chinese names which figure is meant."""
        if text == "claim_text" and claim["claim_id"] in shared:
            return claim[text] + tr(" (the figure {value})",
                                    value=value_text(claim["value"], claim["unit"], claim["qualifier"]))
        return claim[text]

    items += ["<li>" + tr("Claim {link}: {text}", text=escaped(words(claim)),
                          link=f'<a href="{page_href("claims", "claim-" + escaped(claim["claim_id"]))}">'
                               f'{escaped(refs[claim["claim_id"]])}</a>') + "</li>"
              for _, claim in claims[claims["status"] == "not found"].iterrows()]
    return f"<ul>{''.join(items)}</ul>"


def licence_name(licence: dict[str, Any]) -> str:
    """A licence's title in the page's language, else its identifier as licences are written (CC-BY-4.0 -> CC BY
    4.0, as the titles beside it write it)."""
    name = licence["name"]
    return (pick(licence, "title") if licence.get("title") else "") or (
        name.replace("-", " ") if name.startswith("CC-") else name)


# Our own working notes (research leads) are where a figure was found, not a source a reader can go to: every row
# already names its publisher, so the licence table lists the sources themselves.
OWN_NOTES = "raw/research"


def upstream_sources(descriptor: dict[str, Any]) -> list[dict[str, Any]]:
    """Each named upstream source once (package-level, then per resource), known by its address (else its title), so
    one source is one row with one licence; our own research notes are left out."""
    named = descriptor.get("sources", []) + [s for res in descriptor["resources"] for s in res.get("sources", [])]
    unique: dict[str, dict[str, Any]] = {}
    for source in named:
        unique.setdefault(str(source.get("path") or source["title"]), source)
    return [s for s in unique.values() if not str(s.get("path", "")).startswith(OWN_NOTES)]


def source_licences_html(descriptor: dict[str, Any]) -> str:
    """Licences: the compilation's, then each upstream source's, its licence only from its ``licenses`` field."""
    title = pick(descriptor, "title") if descriptor.get("title") else tr("This data package")
    rows = [(title, tr(", ").join(map(licence_name, descriptor.get("licenses", []))))]
    for source in upstream_sources(descriptor):
        licence = tr(", ").join(map(licence_name, source.get("licenses", [])))
        rows.append((pick(source, "title"),
                     licence or tr("not stated by the source: quoted briefly, for verification only")))
    body = "".join(f"<tr><td>{html.escape(name)}</td><td>{html.escape(terms)}</td></tr>" for name, terms in rows)
    return (f'<div class="gm-front-wrap"><table class="gm-front-table gm-narrow-table"><thead><tr>'
            f'<th scope="col">{tr("Source")}</th><th scope="col">{tr("Licence")}</th></tr></thead><tbody>{body}'
            "</tbody></table></div>")
