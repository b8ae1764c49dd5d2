"""Build the nested dict of display strings that the build writes to _variables.yml for Quarto `{{< var … >}}`."""
from __future__ import annotations

import importlib

import pandas as pd

from greenmfg.data import loaders
from greenmfg.data.frames import is_derived, reader_value
from greenmfg.data.freshness import freshness_statement, last_updated, sources_checked
from greenmfg.data.validate import load_descriptor
from greenmfg.locale.formatting import fmt_number, reader_date
from greenmfg.locale.i18n import pick, tr, using
from greenmfg.pages.family.wording import goal_label
from greenmfg.pages.project import pages
from greenmfg.pages.values import KEY_PATTERN, Phrase, key
from greenmfg.pages.var_tokens import lookup


def _str(value) -> str:
    """A display string for a scalar ('' for missing; integers without '.0')."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value)


def _series_vars(cs: pd.DataFrame) -> dict:
    """series.<id>.y<year> (value with qualifier and unit), .latest_year and .latest from published rows only;
    a derived row is y<year>_derived, its value followed by '(derived)', and is never the latest."""
    out: dict = {}
    for sid, g in cs.groupby("series_id", sort=True):
        g = g.sort_values("year")
        node = out.setdefault(key(sid), {})
        if node:
            raise ValueError(f"variable key collision for series '{sid}'")
        derived = is_derived(g)
        for (_, r), is_derived_row in zip(g.iterrows(), derived):
            label = reader_value(r["value"], r["unit"], r["qualifier"])
            node[f"y{int(r['year'])}_derived" if is_derived_row else f"y{int(r['year'])}"] = (
                tr("{label} (derived)", label=label) if is_derived_row else label)
        published = g[~derived]
        if not published.empty:
            last = published.iloc[-1]
            node["latest_year"] = str(int(last["year"]))
            node["latest"] = reader_value(last["value"], last["unit"], last["qualifier"])
    return out


def _target_vars(t: pd.DataFrame) -> dict:
    """target.<id>.{value,display,horizon,baseline,baseline_year,attribution}."""
    out = {}
    for _, r in t.iterrows():
        quantitative = r["target_kind"] == "quantitative"
        out[key(r["target_id"])] = {
            "value": fmt_number(r["value"]) if quantitative else "",
            "display": goal_label(r) if quantitative else pick(r, "metric_en"),  # as the document words it: 20%以上
            "horizon": _str(r["horizon_year"]),
            "baseline": reader_value(r["baseline_value"], r["baseline_unit"], r["baseline_qualifier"] or "="),
            "baseline_year": _str(r["baseline_year"]),
            "attribution": tr(r["attribution_status"]),
        }
    return out


def _claim_vars(c: pd.DataFrame) -> dict:
    """claim.<id>.{value,status}."""
    return {key(r["claim_id"]): {"value": reader_value(r["value"], r["unit"], r["qualifier"] or "="),
                                 "status": tr(r["status"])}
            for _, r in c.iterrows()}


def _doc_vars(doc: pd.DataFrame) -> dict:
    """doc.{title_zh,title_en,date_public,issuers_count,document_number,document_number_status}."""
    f = doc.set_index("field")
    return {
        "title_zh": f.loc["title_zh", "value_zh"],
        "title_en": f.loc["title_en", "value_en"],
        "date_public": reader_date(f.loc["date_public", "value_en"]),
        "date_reported_issue": reader_date(f.loc["date_issued_reported", "value_en"]),
        "issuers_count": f.loc["issuers_count", "value_en"],
        "document_number": f.loc["document_number", "value_zh"],
        "document_number_status": f.loc["document_number", "status"],
    }


# The dated columns whose newest date is the data's "last updated".
def _merge(base: dict, extra: dict, origin: str, path: str = "") -> None:
    """Merge extra into base in place; raise on any key collision."""
    for k, v in extra.items():
        if not KEY_PATTERN.match(str(k)):
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
    """The page packages (from the site map) that compute variables for their prose or name values for it."""
    modules = [importlib.import_module(page.package) for page in pages()]
    return [module for module in modules
            if callable(getattr(module, "variables", None)) or getattr(module, "NAMES", None)]


# Words YAML 1.1 readers take for booleans or null: a short name never ends in one.
_YAML_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}


def declared_names(modules) -> dict[str, tuple[str, str | Phrase]]:
    """Every short name the page packages declare (their ``NAMES``) -> (page, what it stands for). A name means one
    thing across the site: two pages declaring it for different values is an error naming both pages."""
    declared: dict[str, tuple[str, str | Phrase]] = {}
    for module in modules:
        page = module.__name__.rpartition(".")[2]
        for name, meaning in (getattr(module, "NAMES", None) or {}).items():
            parts = name.split(".")
            if len(parts) > 2 or not all(KEY_PATTERN.match(part) and part not in _YAML_WORDS for part in parts):
                raise ValueError(f"page '{page}': short name '{name}' must be 'group.name' or 'name' (lowercase "
                                 "letters, digits and _, not a word YAML reads as true, false or null)")
            if name in declared and declared[name][1] != meaning:
                first, value = declared[name]
                raise ValueError(f"short name '{name}' is declared by page '{first}' (for {value}) and by page "
                                 f"'{page}' (for {meaning}): a short name means one value across the site")
            declared.setdefault(name, (page, meaning))
    return declared


def short_name_values(variables: dict, declared: dict[str, tuple[str, str | Phrase]]) -> dict:
    """The short names' values, nested like every other key ({"nev": {"sales": …}}), read from ``variables`` (all
    generic and page keys of this edition). A short name never opens inside a namespace the build already writes."""
    out: dict = {}
    for name, (page, meaning) in sorted(declared.items()):
        if name.split(".")[0] in variables:
            raise ValueError(f"page '{page}': short name '{name}' would sit inside the existing "
                             f"'{name.split('.')[0]}' keys; pick another group")
        keys = dict(meaning.fields) if isinstance(meaning, Phrase) else {"value": meaning}
        try:
            values = {field: lookup(variables, key) for field, key in keys.items()}
        except KeyError as missing:
            raise ValueError(f"page '{page}': short name '{name}' stands for {missing}, which no variable has") from None
        value = tr(meaning.message, **values) if isinstance(meaning, Phrase) else values["value"]
        group, _, leaf = name.rpartition(".")
        _merge(out, {group: {leaf: value}} if group else {leaf: value}, f"page '{page}'")
    return out


def build_variables(data_dir=None, lang: str = "en") -> dict:
    """All display variables (series, targets, claims, doc, counts, data) plus those of greenmfg.pages modules,
    written for one edition: the same keys in every language, values formatted for its readers."""
    with using(lang):
        return _build_variables(data_dir)


def _build_variables(data_dir=None) -> dict:
    tables = {"context_series": loaders.load_context_series(data_dir), "policy_targets": loaders.load_policy_targets(data_dir),
              "claims": loaders.load_claims(data_dir), "policy_document": loaders.load_policy_document(data_dir),
              "glossary": loaders.load_glossary(data_dir)}
    series, targets, claims = tables["context_series"], tables["policy_targets"], tables["claims"]
    checked = sources_checked(load_descriptor(data_dir))
    out = {
        "series": _series_vars(series),
        "target": _target_vars(targets),
        "claim": _claim_vars(claims),
        "doc": _doc_vars(tables["policy_document"]),
        "counts": {"claims": str(len(claims)), "targets": str(len(targets)), "series": str(series["series_id"].nunique()),
                   "glossary": str(len(tables["glossary"]))},
        "data": {"last_updated": reader_date(last_updated(tables)), "sources_checked": reader_date(checked),
                 "freshness": freshness_statement(last_updated(tables), checked)},
    }
    modules = page_modules()
    for mod in modules:
        if callable(getattr(mod, "variables", None)):
            _merge(out, mod.variables(data_dir), mod.__name__)
    _merge(out, short_name_values(out, declared_names(modules)), "short names")
    return _sorted(out)
