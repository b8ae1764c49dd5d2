"""Build the nested dict of display strings that the build writes to _variables.yml for Quarto `{{< var … >}}`."""
from __future__ import annotations

import importlib
import pkgutil
import re

import pandas as pd

from greenmfg import loaders
from greenmfg.formatting import fmt_number, fmt_value

_KEY = re.compile(r"^[a-z][a-z0-9_]*$")


def key(text: str) -> str:
    """Turn an id (e.g. 'green-factory-share-2030', 'T01') into a variable key segment ('green_factory_share_2030', 't01')."""
    k = re.sub(r"[^a-z0-9_]", "_", str(text).lower())
    if not _KEY.match(k):
        raise ValueError(f"cannot make a variable key from {text!r}")
    return k


def _str(value) -> str:
    """A display string for a scalar ('' for missing; integers without '.0')."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value)


def _series_vars(cs: pd.DataFrame) -> dict:
    """series.<id>.y<year> (value with qualifier and unit), .latest_year and .latest."""
    out: dict = {}
    for sid, g in cs.groupby("series_id", sort=True):
        g = g.sort_values("year")
        node = out.setdefault(key(sid), {})
        if node:
            raise ValueError(f"variable key collision for series '{sid}'")
        for _, r in g.iterrows():
            node[f"y{int(r['year'])}"] = fmt_value(r["value"], r["unit"], r["qualifier"])
        last = g.iloc[-1]
        node["latest_year"] = str(int(last["year"]))
        node["latest"] = fmt_value(last["value"], last["unit"], last["qualifier"])
    return out


def _target_vars(t: pd.DataFrame) -> dict:
    """target.<id>.{value,display,horizon,baseline,baseline_year,attribution}."""
    out = {}
    for _, r in t.iterrows():
        quantitative = r["target_kind"] == "quantitative"
        out[key(r["target_id"])] = {
            "value": fmt_number(r["value"]) if quantitative else "",
            "display": fmt_value(r["value"], r["unit"], r["qualifier"]) if quantitative else r["metric_en"],
            "horizon": _str(r["horizon_year"]),
            "baseline": fmt_value(r["baseline_value"], r["baseline_unit"], r["baseline_qualifier"] or "="),
            "baseline_year": _str(r["baseline_year"]),
            "attribution": r["attribution_status"],
        }
    return out


def _claim_vars(c: pd.DataFrame) -> dict:
    """claim.<id>.{value,status}."""
    return {key(r["claim_id"]): {"value": fmt_value(r["value"], r["unit"], r["qualifier"] or "="), "status": r["status"]}
            for _, r in c.iterrows()}


def _doc_vars(doc: pd.DataFrame) -> dict:
    """doc.{title_zh,title_en,date_public,issuers_count,document_number,document_number_status}."""
    f = doc.set_index("field")
    return {
        "title_zh": f.loc["title_zh", "value_zh"],
        "title_en": f.loc["title_en", "value_en"],
        "date_public": f.loc["date_public", "value_en"],
        "date_reported_issue": f.loc["date_issued_reported", "value_en"],
        "issuers_count": f.loc["issuers_count", "value_en"],
        "document_number": f.loc["document_number", "value_zh"],
        "document_number_status": f.loc["document_number", "status"],
    }


def _last_updated(*frames_and_cols) -> str:
    """The latest source date across the given (frame, column) pairs."""
    dates = [d for df, col in frames_and_cols for d in df[col].tolist() if d]
    return max(dates) if dates else ""


def _merge(base: dict, extra: dict, origin: str, path: str = "") -> None:
    """Merge extra into base in place; raise on any key collision."""
    for k, v in extra.items():
        if not _KEY.match(str(k)):
            raise ValueError(f"{origin}: invalid variable key '{path}{k}'")
        if k in base:
            if isinstance(base[k], dict) and isinstance(v, dict):
                _merge(base[k], v, origin, f"{path}{k}.")
                continue
            raise ValueError(f"{origin}: variable key collision at '{path}{k}'")
        base[k] = v


def _sorted(d):
    """Recursively sort dict keys for deterministic output."""
    return {k: _sorted(d[k]) for k in sorted(d)} if isinstance(d, dict) else d


def page_modules():
    """Modules in package greenmfg.pages that define variables(data_dir) (discovered with pkgutil)."""
    import greenmfg.pages as pages

    mods = []
    for info in sorted(pkgutil.iter_modules(pages.__path__), key=lambda i: i.name):
        mod = importlib.import_module(f"greenmfg.pages.{info.name}")
        if callable(getattr(mod, "variables", None)):
            mods.append(mod)
    return mods


def build_variables(data_dir=None) -> dict:
    """All display variables (series, targets, claims, doc, counts, data) plus those of greenmfg.pages modules."""
    cs = loaders.load_context_series(data_dir)
    t = loaders.load_policy_targets(data_dir)
    c = loaders.load_claims(data_dir)
    doc = loaders.load_policy_document(data_dir)
    g = loaders.load_glossary(data_dir)
    out = {
        "series": _series_vars(cs),
        "target": _target_vars(t),
        "claim": _claim_vars(c),
        "doc": _doc_vars(doc),
        "counts": {"claims": str(len(c)), "targets": str(len(t)), "series": str(cs["series_id"].nunique()),
                   "glossary": str(len(g))},
        "data": {"last_updated": _last_updated((cs, "source_date"), (t, "source_date"), (t, "baseline_source_date"),
                                               (c, "evidence_date"), (doc, "source_date"))},
    }
    for mod in page_modules():
        _merge(out, mod.variables(data_dir), mod.__name__)
    return _sorted(out)
