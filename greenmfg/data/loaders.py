"""One loader per dataset of the package: validated, typed pandas DataFrames.

Types come from data/datapackage.json: number -> float64, integer -> Int64, string -> str with '' for empty.
Every loader validates its file first (greenmfg.data.validate.check_resource, cached on the data's digest) and raises DataValidationError naming
file, row and column on bad input; nothing is dropped or repaired.
"""
from __future__ import annotations

import json

import pandas as pd

from greenmfg.data import csvfiles
from greenmfg.data.data_tables import DataValidationError, load_descriptor, resource
from greenmfg.data.sources import for_readers, publisher_name, source_label
from greenmfg.data.validate import check_resource
from greenmfg.paths import data_dir as _data_dir


def load_table(name: str, data_dir=None, raw: bool = False) -> pd.DataFrame:
    """Validate and load one resource of the package as a typed DataFrame in file order; its sources as readers see
    them (greenmfg.data.sources.for_readers) unless ``raw``."""
    d = _data_dir(data_dir)
    descriptor = load_descriptor(d)
    msgs = check_resource(name, d)
    if msgs:
        raise DataValidationError(msgs)
    res = resource(descriptor, name)
    df = csvfiles.read_frame(d / res["path"])
    for f in res["schema"]["fields"]:
        col, ftype = f["name"], f.get("type", "string")
        if ftype == "number":
            df[col] = pd.to_numeric(df[col].replace("", None), errors="raise").astype("float64")
        elif ftype == "integer":
            df[col] = pd.to_numeric(df[col].replace("", None), errors="raise").astype("Int64")
        else:
            df[col] = df[col].astype(str)
    groups = res.get("greenmfg:sources", [])
    return df if raw or not groups else for_readers(df, groups)


SEED_ARTICLE_PROVENANCE = "raw/000_b7300798bfbf6ce6.provenance.json"


def seed_article(data_dir=None) -> dict[str, str]:
    """The seed news article as a source readers see (publisher, label, date; no address: it was seen in a reprint),
    from its provenance record, whose outlet is named as in the publisher table."""
    record = json.loads((_data_dir(data_dir) / SEED_ARTICLE_PROVENANCE).read_text(encoding="utf-8"))
    publishers = load_publishers(data_dir)
    named = publishers[[str(name) in record["outlet"] for name in publishers["name_zh"].replace("", None)]]
    if named.empty:
        raise KeyError(f"{SEED_ARTICLE_PROVENANCE}: outlet {record['outlet']!r} names no publisher of publishers.csv")
    outlet = named.iloc[0]["id"]
    return {"publisher": publisher_name(outlet), "source_org": source_label(outlet, outlet, ""),
            "source_date": record["date"], "url": ""}


def load_publishers(data_dir=None) -> pd.DataFrame:
    """The publisher table: id, names in English and Chinese, short names, own hosts (space-separated)."""
    return load_table("publishers", data_dir)


def load_policy_document(data_dir=None) -> pd.DataFrame:
    """The policy document's identity (long format: field, value_zh, value_en, status, sources)."""
    return load_table("policy_document", data_dir)


def load_policy_targets(data_dir=None) -> pd.DataFrame:
    """The policy's targets T01..T15 with baselines and attribution status, and ``value_wording``: the CCTV report's
    own words for the target's figure (达到20%以上), from the claim that checks it, the one Chinese wording seen of a
    target known otherwise only from a translation (greenmfg.pages.family.wording words the goal from it)."""
    targets, claims = load_table("policy_targets", data_dir), load_table("claims", data_dir)
    claims = claims[claims["related_target_id"].ne("") & claims["value_wording"].ne("")]
    wordings = {(row["related_target_id"], row["value"]): row["value_wording"] for _, row in claims.iterrows()}
    targets["value_wording"] = [wordings.get((row["target_id"], row["value"]), "") for _, row in targets.iterrows()]
    return targets


def load_claims(data_dir=None) -> pd.DataFrame:
    """The seed article's claims with verdicts and evidence."""
    return load_table("claims", data_dir)


def load_context_series(data_dir=None) -> pd.DataFrame:
    """All context series rows (key series_id + year)."""
    return load_table("context_series", data_dir)


def load_release_schedule(data_dir=None) -> pd.DataFrame:
    """Per context series: publisher, cadence and the usual months of release (key series_id)."""
    return load_table("release_schedule", data_dir)


def load_series_changes(data_dir=None) -> pd.DataFrame:
    """The "What changed" log of context_series values, newest first."""
    return load_table("series_changes", data_dir)


def load_glossary(data_dir=None) -> pd.DataFrame:
    """The glossary of policy terms."""
    return load_table("glossary", data_dir)


def load_policy_documents_family(data_dir=None) -> pd.DataFrame:
    """The policy family: the Opinions and the documents before, beside and under them (key document_id)."""
    return load_table("policy_documents_family", data_dir)


def load_policy_milestones(data_dir=None) -> pd.DataFrame:
    """The milestones related documents set on the measures of the Opinions' targets (key milestone_id)."""
    return load_table("policy_milestones", data_dir)


def load_policy_task_areas(data_dir=None) -> pd.DataFrame:
    """The Opinions' general requirements and four task areas, mapped to the site (key area)."""
    return load_table("policy_task_areas", data_dir)


def load_article_paragraphs(data_dir=None) -> pd.DataFrame:
    """The cleaned seed article, one row per heading or paragraph, in order."""
    return load_table("article_paragraphs", data_dir).sort_values("order").reset_index(drop=True)


def series(series_id: str, data_dir=None) -> pd.DataFrame:
    """Rows of one context series sorted by year; KeyError if the series does not exist."""
    df = load_context_series(data_dir)
    out = df[df["series_id"] == series_id].sort_values("year").reset_index(drop=True)
    if out.empty:
        raise KeyError(f"context_series.csv: no series '{series_id}'")
    return out
