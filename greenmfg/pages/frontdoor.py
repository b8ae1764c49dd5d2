"""The front-door pages (index, targets, claims, glossary, data, about): HTML blocks, charts and variables.

HTML builders are pure: they take DataFrames (or the parsed data-package descriptor) and return
escaped HTML strings that the notebooks display. Pace and status come from :mod:`greenmfg.targets`.
"""
from __future__ import annotations

import html
import json
import math
import re
from pathlib import Path
from typing import Any

import altair as alt
import pandas as pd

from .. import loaders, theme  # noqa: F401 - theme registers the house look
from .. import targets as target_math
from ..formatting import fmt_number, fmt_value

PAGE_KEY = "front"
CLAIM_STATUSES = ["confirmed", "partly confirmed", "found in another document", "conflicts with official data",
                  "not found"]
CLAIM_TYPES = ["target", "statistic", "case"]
THEMES = {"overview": "Overview", "traditional": "Traditional industries", "emerging": "Emerging industries",
          "digital": "Digital and green"}
# How the tracker words a recent pace of each kind (prefix, note); see greenmfg.targets.pace_kind.
PACE_KIND_TEXT = {
    target_math.PACE_EXACT: ("", ""),
    target_math.PACE_LOWER_BOUND: ("at least ", "lower bound: the latest figure is a 'more than' value"),
    target_math.PACE_UPPER_BOUND: ("at most ", "upper bound: the earlier figure is a 'more than' value"),
}
CHAPTER_PAGES = {
    "traditional": ("chapters/traditional.html", "Traditional industries"),
    "emerging": ("chapters/emerging.html", "Emerging industries"),
    "digital": ("chapters/digital.html", "Digital and green"),
    "overview": ("index.html", "Home"),
}
PAGE_MAP = [
    ("chapters/traditional.html", "Traditional industries",
     "Steel, aluminium, recycling and industrial waste: what the 2030 targets ask and how far there is to go."),
    ("chapters/emerging.html", "Emerging industries",
     "New-energy vehicles, batteries, solar and computing: growing green from a high starting point."),
    ("chapters/digital.html", "Digital and green",
     "Green factories, parks and supply chains, and the push to fuse digital and green manufacturing."),
    ("targets.html", "Target tracker",
     "Every target of the policy with the latest official value, the gap and the pace needed."),
    ("claims.html", "Claim ledger",
     "Every figure in the news article that introduced the policy, checked against official sources."),
    ("glossary.html", "Glossary", "The policy's key terms in Chinese, pinyin and English."),
    ("data.html", "Data & method", "Every dataset, its fields, sources, licences and limits, with CSV downloads."),
    ("about.html", "About & cite", "Why this site exists, how to cite it and its licences."),
]
SECTION_TITLES_EN = {
    "overview": "Opening: the policy and its headline goals",
    "green-factory-explainer": "News box: what is a green factory?",
    "traditional": "Traditional industries: faster green, low-carbon upgrading",
    "emerging": "Emerging industries: green, low-carbon from a high starting point",
    "digital": "New business forms that fuse green manufacturing with other sectors",
}
SECTION_SUMMARIES_EN = {
    "overview": ("Seven departments led by the industry ministry issue the Guiding Opinions. The article gives the "
                 "headline 2030 goal for the output share of green factories and the 2035 goals (emissions falling "
                 "steadily after their peak, a green edge in global supply chains), then context figures for 2023 "
                 "on high-tech and equipment manufacturing, new-energy vehicles, power batteries and solar PV."),
    "green-factory-explainer": ("A news box defines a green factory (intensive land use, harmless raw materials, "
                                "clean production, waste turned into resources, low-carbon energy) as the core unit "
                                "of the green manufacturing system."),
    "traditional": ("The policy asks traditional industries to restructure products, energy use, raw materials and "
                    "processes. Two company stories follow (a filter-press maker in Dezhou, Yunnan Aluminium in "
                    "Kunming), then energy-efficiency, water-reuse (steel, petrochemicals) and ultra-low-emission "
                    "(steel) figures, and the 2030 targets for recycled resources, industrial solid waste, aluminium, short-process steel and "
                    "one-step syngas chemistry."),
    "emerging": ("Emerging industries are framed as the engine of high-quality growth. A computing centre in the "
                 "Beijing–Tianjin–Hebei region reports electricity savings; the policy's lines on greener data "
                 "centres, low-power chips and remanufacturing technologies such as additive manufacturing follow."),
    "digital": ("The policy calls for deep integration of digital and green, of green manufacturing and modern "
                      "services, and of green demand and supply. A rooftop solar project at Taishan Steel in Jinan is "
                      "the example; digital technology is cast as the enabler of resource efficiency."),
}
UNIT_GLOSS = {"亿吨": "亿吨 = 100 million tonnes", "万吨": "万吨 = 10,000 tonnes", "万辆": "万辆 = 10,000 vehicles",
              "万千瓦时": "万千瓦时 = 10,000 kWh", "亿千瓦时": "亿千瓦时 = 100 million kWh"}

FILTER_SCRIPT = (
    "<script>(function(b){var s=b.querySelectorAll('select[data-key]'),r=b.querySelectorAll('[data-row]'),"
    "c=b.querySelector('.gm-filter-count');function u(){var n=0;r.forEach(function(e){var ok=[].every.call(s,"
    "function(x){return !x.value||e.getAttribute('data-'+x.dataset.key)===x.value});e.hidden=!ok;if(ok)n++});"
    "c.textContent='Showing '+n+' of '+r.length;}s.forEach(function(x){x.addEventListener('change',u)});u();})"
    "(document.currentScript.parentElement)</script>")

FRONT_CSS = """<style>
.gm-front-wrap{overflow-x:auto;max-width:100%}
.gm-front-table{border-collapse:collapse;font-size:.9rem;min-width:720px}
.gm-front-table th,.gm-front-table td{padding:6px 8px;border-bottom:1px solid var(--gm-grid);vertical-align:top}
.gm-front-small{font-size:.82rem;color:var(--gm-muted)}
.gm-filters{display:flex;flex-wrap:wrap;gap:8px 20px;align-items:center;margin:8px 0}
.gm-filters label{font-weight:600;margin-right:6px}
.gm-filters select{font:inherit;padding:2px 6px;background:var(--gm-background);color:var(--gm-text);border:1px solid var(--gm-domain);border-radius:4px}
.gm-filter-count{font-size:.9rem;color:var(--gm-muted);margin:4px 0}
.gm-entry{border-top:1px solid var(--gm-grid);padding:10px 0}
.gm-entry h3,.gm-entry h4{margin:.2em 0;font-size:1.05rem}
.gm-entry dl{display:grid;grid-template-columns:minmax(6em,max-content) minmax(0,1fr);gap:2px 12px;margin:6px 0;font-size:.92rem}
.gm-entry dt{font-weight:600;color:var(--gm-muted)}
.gm-entry dd{margin:0}
.gm-entry:target,tr:target{outline:3px solid var(--gm-blue);outline-offset:2px}
mark.gm-claim-mark{background:rgba(230,159,0,.28);color:inherit;padding:0 1px}
.gm-claim-ref{font-size:.75em;vertical-align:super;margin:0 2px;white-space:nowrap}
.gm-article p[lang]{line-height:1.9}
.gm-section-summary{font-size:.92rem;border-left:3px solid var(--gm-grid);padding-left:10px;color:var(--gm-muted)}
.gm-goals{display:grid;grid-template-columns:repeat(auto-fit,minmax(240px,1fr));gap:12px;margin:12px 0}
.gm-goal{border:1px solid var(--gm-grid);border-radius:6px;padding:10px 12px}
.gm-goal h3{margin:0 0 6px;font-size:1rem}
.gm-goal ul{margin:0;padding-left:1.1em;font-size:.92rem}
.gm-pagemap{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fit,minmax(230px,1fr));gap:8px 16px}
.gm-pagemap li{border-left:3px solid var(--gm-grid);padding-left:10px}
</style>"""


# ---------------------------------------------------------------- small helpers


def _blank(value: Any) -> bool:
    """True for None, NaN, pandas NA and empty strings."""
    if value is None or value is pd.NA:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def _text(value: Any) -> str:
    """A cell as text ('' when missing), integers without '.0'."""
    if _blank(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _provenance_as_objects(frame: pd.DataFrame) -> pd.DataFrame:
    """Provenance columns as plain strings, empty when missing (the card treats empty as absent)."""
    frame = frame.copy()
    for column in ("source_org", "source_date", "url", "mirror_url", "as_of"):
        frame[column] = pd.Series(["" if _blank(v) else str(v) for v in frame[column]], index=frame.index,
                                  dtype=object)
    return frame


def _e(value: Any) -> str:
    return html.escape(_text(value))


def _zh(text: Any, tag: str = "span") -> str:
    return f'<{tag} lang="zh-Hans">{_e(text)}</{tag}>' if not _blank(text) else ""


def value_text(value: Any, unit: Any = "", qualifier: Any = "=") -> str:
    """Display string for a value with its qualifier and unit ('' when there is no value)."""
    if _blank(value):
        return ""
    return fmt_value(value, _text(unit), _text(qualifier) or "=")


def source_html(org: Any, date: Any, url: Any, mirror_url: Any) -> str:
    """A source: the original outlet linked; a mirror-only source named as outlet and date, never linked."""
    label = _e(org) + (f", {_e(date)}" if not _blank(date) else "")
    if not label:
        return ""
    if not _blank(url):
        return f'<a href="{_e(url)}">{label}</a>'
    if not _blank(mirror_url):
        return f"{label} (copy on a third-party site; original not online)"
    return label


def slug(text: str) -> str:
    """A lowercase, hyphenated value for data attributes and ids."""
    return re.sub(r"[^a-z0-9]+", "-", str(text).lower()).strip("-")


def _filter_select(control_id: str, label: str, key: str, options: list[tuple[str, str]]) -> str:
    opts = '<option value="">All</option>' + "".join(
        f'<option value="{html.escape(value)}">{html.escape(text)}</option>' for value, text in options)
    return (f'<span><label for="{control_id}">{html.escape(label)}</label>'
            f'<select id="{control_id}" data-key="{key}">{opts}</select></span>')


# ---------------------------------------------------------------- landing page


def document_facts(doc: pd.DataFrame) -> dict[str, Any]:
    """The policy's identity from the long policy_document table: titles, date, issuers, task areas."""
    by_field = {r["field"]: r for _, r in doc.iterrows()}
    ordered = lambda prefix: [by_field[f] for f in sorted(by_field) if f.startswith(prefix)]  # noqa: E731
    return {"title_zh": by_field["title_zh"], "title_en": by_field["title_en"], "date_public": by_field["date_public"],
            "issuers": ordered("issuer_"), "task_areas": ordered("task_area_")}


def policy_identity_html(doc: pd.DataFrame) -> str:
    """Titles (Chinese and English), issuers and the four task areas, each with its source."""
    facts = document_facts(doc)
    title_zh, title_en, date = facts["title_zh"], facts["title_en"], facts["date_public"]
    issuers = "".join(f'<li>{_zh(r["value_zh"])} — {_e(r["value_en"])}</li>' for r in facts["issuers"])
    tasks = "".join(f'<li>{_e(r["value_en"])} ({_zh(r["value_zh"])})</li>' for r in facts["task_areas"])
    first_issuer = facts["issuers"][0] if facts["issuers"] else None
    first_task = facts["task_areas"][0] if facts["task_areas"] else None

    def src(r):
        return source_html(r["source_org"], r["source_date"], r["url"], r["mirror_url"]) if r is not None else ""

    return (
        '<dl class="gm-identity">'
        f'<dt>Title</dt><dd><span lang="zh-Hans">《{_e(title_zh["value_zh"])}》</span><br>{_e(title_en["value_en"])}'
        f'<br><span class="gm-front-small">Sources: {src(title_zh)}; {src(title_en)}</span></dd>'
        f'<dt>Made public</dt><dd>{_e(date["value_en"])} <span class="gm-front-small">({src(date)})</span></dd>'
        f'<dt>Issued by</dt><dd><ol>{issuers}</ol><span class="gm-front-small">Source: {src(first_issuer)}</span></dd>'
        f'<dt>Four task areas</dt><dd><ol>{tasks}</ol><span class="gm-front-small">Source: {src(first_task)}</span></dd>'
        "</dl>")


def goals_html(targets: pd.DataFrame) -> str:
    """The 2030 and 2035 goals side by side: numeric targets with value, qualitative goals in words."""
    boxes = []
    for year in sorted(targets["horizon_year"].dropna().unique()):
        rows = targets[targets["horizon_year"] == year]
        items = []
        for _, r in rows.iterrows():
            if r["target_kind"] == "quantitative":
                items.append(f'<li><a href="targets.html#target-{_e(r["target_id"])}">{_e(r["sector"]).capitalize()}'
                             f'</a>: <strong>{html.escape(value_text(r["value"], r["unit"], r["qualifier"]))}</strong>'
                             f' — {_e(r["metric_en"])}</li>')
            else:
                items.append(f'<li><a href="targets.html#target-{_e(r["target_id"])}">{_e(r["sector"]).capitalize()}'
                             f'</a>: {_e(r["metric_en"])}</li>')
        boxes.append(f'<section class="gm-goal" aria-label="Goals for {int(year)}"><h3>By {int(year)}</h3>'
                     f'<ul>{"".join(items)}</ul></section>')
    return f'<div class="gm-goals">{"".join(boxes)}</div>'


def page_map_html() -> str:
    """A way into every chapter and page, one line each."""
    items = "".join(f'<li><a href="{href}"><strong>{html.escape(title)}</strong></a><br>{html.escape(text)}</li>'
                    for href, title, text in PAGE_MAP)
    return f'<ul class="gm-pagemap">{items}</ul>'


def targets_vs_latest_frame(targets: pd.DataFrame, progress: pd.DataFrame) -> pd.DataFrame:
    """Two rows per numeric target (latest official value, target), each with its own source."""
    rows = []
    meta = targets.set_index("target_id")
    for _, p in progress.iterrows():
        t = meta.loc[p["target_id"]]
        label = f'{_text(t["sector"]).capitalize()} ({_text(p["unit"])})'
        rows.append({"target_id": p["target_id"], "label": label, "kind": "latest", "year": int(p["latest_year"]),
                     "value": float(p["latest_value"]), "unit": p["unit"],
                     "value_label": value_text(p["latest_value"], p["unit"], p["latest_qualifier"]),
                     "basis": p["latest_basis"], "source_org": p["source_org"], "source_date": p["source_date"],
                     "url": p["url"], "mirror_url": p["mirror_url"], "as_of": p["as_of"]})
        rows.append({"target_id": p["target_id"], "label": label, "kind": "target", "year": int(p["target_year"]),
                     "value": float(p["target_value"]), "unit": p["unit"],
                     "value_label": value_text(p["target_value"], p["unit"], p["target_qualifier"]),
                     "basis": t["basis"], "source_org": t["source_org"], "source_date": t["source_date"],
                     # the target's 'as of' is when it was reported, not its horizon year (else "Data as of 2030")
                     "url": t["url"], "mirror_url": t["mirror_url"], "as_of": t["source_date"]})
    return _provenance_as_objects(pd.DataFrame(rows))


def targets_vs_latest_chart(frame: pd.DataFrame) -> alt.FacetChart:
    """Dumbbell per numeric 2030 target: latest official value vs the target, each panel on its own unit."""
    color = alt.Color("kind:N", scale=theme.color_scale(["latest", "target"]), title=None)
    tooltip = [alt.Tooltip("label:N", title="Target"), alt.Tooltip("kind:N", title="Point"),
               alt.Tooltip("year:O", title="Year"), alt.Tooltip("value_label:N", title="Value"),
               alt.Tooltip("basis:N", title="Basis"), alt.Tooltip("source_org:N", title="Source")]
    base = alt.Chart().encode(x=alt.X("value:Q", title=None, scale=alt.Scale(zero=True)))
    rule = base.mark_rule(strokeWidth=2, opacity=0.5).encode(x="min(value):Q", x2="max(value):Q")
    points = base.mark_point(size=110, filled=True).encode(color=color, shape=alt.Shape("kind:N", title=None),
                                                           tooltip=tooltip)
    return (alt.layer(rule, points, data=frame)
            .properties(width=300, height=34)
            .facet(row=alt.Row("label:N", title=None, header=alt.Header(labelAngle=0, labelAlign="left",
                                                                        labelOrient="top", labelAnchor="start")))
            .resolve_scale(x="independent")
            .properties(title=alt.Title("How far the 2030 targets are from the latest official figures",
                                        subtitle="Latest value and 2030 target per numeric target; each row on its "
                                                 "own unit and scale"),
                        description="Dot plot of the five numeric 2030 targets of the Guiding Opinions against the "
                                    "latest official value found (years 2022 to 2025), in each target's own unit "
                                    "(percent or 亿吨)."))


# ---------------------------------------------------------------- target tracker


def _pace_text(value: Any, unit: str, kind: Any = target_math.PACE_EXACT) -> str:
    """A pace per year with its kind: '1.17 pts/yr', 'at least 1 pts/yr'; 'undetermined' when both ends are bounds."""
    if _blank(value):
        return "—"
    kind = _text(kind) or target_math.PACE_EXACT
    if kind not in PACE_KIND_TEXT:
        return "undetermined"
    number = fmt_number(round(float(value), 2))
    points = "pt/yr" if number == "1" else "pts/yr"
    return PACE_KIND_TEXT[kind][0] + (f"{number} {unit}/yr" if unit != "%" else f"{number} {points}")


def pace_kind_note(kind: Any) -> str:
    """The small print under a recent pace: why it is only a bound, or unknown ('' for an exact pace)."""
    kind = _text(kind)
    if kind in PACE_KIND_TEXT:
        return PACE_KIND_TEXT[kind][1]
    return "both end figures are bounds ('more than'), so the pace between them is unknown" if kind else ""


def progress_reason(p: pd.Series) -> str:
    """Why a target-progress row has its status (greenmfg.targets.status_reason on the row)."""
    recent = None if _blank(p["recent_annual_change"]) else float(p["recent_annual_change"])
    kind = _text(p.get("recent_pace_kind")) or target_math.PACE_EXACT
    return target_math.status_reason(float(p["required_annual_change"]), recent, float(p["gap"]), kind)


def tracker_html(targets: pd.DataFrame, progress: pd.DataFrame) -> str:
    """Every numeric target in one filterable table (sector filter), with latest value, gap, paces and status."""
    meta = targets.set_index("target_id")
    sectors = [s for s in dict.fromkeys(progress["target_id"].map(lambda t: meta.loc[t, "sector"]))]
    rows = []
    for _, p in progress.iterrows():
        t = meta.loc[p["target_id"]]
        unit = _text(p["unit"])
        gap_unit = "pts" if unit == "%" else unit
        chapter_href, chapter_title = CHAPTER_PAGES.get(_text(t["chapter"]), ("index.html", "Home"))
        lower = " (upper bound: the latest value is a lower bound)" if p["latest_is_lower_bound"] else ""
        kind_note = pace_kind_note(p["recent_pace_kind"])
        recent_span = (f"<br><span class='gm-front-small'>{_e(p['recent_from_year'])}–{_e(p['latest_year'])}"
                       + (f"; {html.escape(kind_note)}" if kind_note else "") + "</span>"
                       if not _blank(p["recent_from_year"]) else "")
        rows.append(
            f'<tr id="target-{_e(p["target_id"])}" data-row data-sector="{html.escape(slug(t["sector"]))}" '
            f'data-status="{html.escape(slug(p["status"]))}">'
            f'<th scope="row">{_e(p["target_id"])}<br><span class="gm-front-small">{_e(t["sector"])}</span></th>'
            f'<td>{_e(t["metric_en"])}<br>{_zh(t["metric_zh"])}<br><span class="gm-front-small">Target source: '
            f'{source_html(t["source_org"], t["source_date"], t["url"], t["mirror_url"])}. Discussed in '
            f'<a href="{chapter_href}">{html.escape(chapter_title)}</a>.</span></td>'
            f'<td><strong>{html.escape(value_text(p["target_value"], unit, p["target_qualifier"]))}</strong> '
            f'by {_e(p["target_year"])}</td>'
            f'<td><strong>{html.escape(value_text(p["latest_value"], unit, p["latest_qualifier"]))}</strong> '
            f'({_e(p["latest_year"])})<br><span class="gm-front-small">Basis: {_e(p["latest_basis"])}. Source: '
            f'{source_html(p["source_org"], p["source_date"], p["url"], p["mirror_url"])}</span></td>'
            f'<td>{html.escape(fmt_number(round(float(p["gap"]), 2)))} {html.escape(gap_unit)}'
            f'<span class="gm-front-small">{html.escape(lower)}</span></td>'
            f'<td>{html.escape(_pace_text(p["required_annual_change"], unit))}</td>'
            f'<td>{html.escape(_pace_text(p["recent_annual_change"], unit, p["recent_pace_kind"]))}{recent_span}</td>'
            f'<td><span class="gm-status">{_e(p["status"])}</span><br><span class="gm-front-small">'
            f'{html.escape(progress_reason(p).capitalize())}.</span></td></tr>')
    head = "".join(f'<th scope="col">{h}</th>' for h in ("Target", "What is measured", "Target value", "Latest official value",
                                                        "Gap", "Pace needed", "Recent pace", "Status"))
    select = _filter_select("front-tracker-sector", "Sector", "sector", [(slug(s), s) for s in sectors])
    return (f'<div class="gm-filtered" id="front-tracker"><div class="gm-filters">{select}</div>'
            f'<p class="gm-filter-count" aria-live="polite">Showing {len(rows)} of {len(rows)}</p>'
            f'<div class="gm-front-wrap"><table class="gm-front-table"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div>{FILTER_SCRIPT}</div>')


def qualitative_goals_html(targets: pd.DataFrame, claims: pd.DataFrame) -> str:
    """The qualitative goals in words, each anchored, with its source, chapter and related ledger entry."""
    items = []
    qualitative = targets[targets["target_kind"] != "quantitative"]
    for _, t in qualitative.iterrows():
        chapter_href, chapter_title = CHAPTER_PAGES.get(_text(t["chapter"]), ("index.html", "Home"))
        related = claims[claims["related_target_id"] == t["target_id"]]
        claim_links = "".join(f' <a href="claims.html#claim-{_e(c)}">claim {_e(c)}</a>' for c in related["claim_id"])
        items.append(
            f'<article class="gm-entry" id="target-{_e(t["target_id"])}"><h3>{_e(t["target_id"])} · by '
            f'{_e(t["horizon_year"])} · {_e(t["sector"])}</h3><p>{_e(t["metric_en"])}</p>'
            f'<p>{_zh(t["metric_zh"])}</p><p class="gm-front-small">Attribution: {_e(t["attribution_status"])}. '
            f'Source: {source_html(t["source_org"], t["source_date"], t["url"], t["mirror_url"]) or "none found"}. '
            f'Discussed in <a href="{chapter_href}">{html.escape(chapter_title)}</a>.'
            f'{" Ledger:" + claim_links if claim_links else ""}</p></article>')
    return "".join(items)


def distance_frame(targets: pd.DataFrame, progress: pd.DataFrame) -> pd.DataFrame:
    """Per numeric target: the latest value as a percentage of the target level, with status and provenance."""
    meta = targets.set_index("target_id")
    frame = progress[["target_id", "unit", "target_value", "latest_value", "latest_year", "status",
                      "source_org", "source_date", "url", "mirror_url", "as_of"]].copy()
    frame["sector"] = frame["target_id"].map(lambda t: meta.loc[t, "sector"])
    frame["label"] = frame["target_id"] + " " + frame["sector"]
    frame["percent_of_target"] = (frame["latest_value"] / frame["target_value"] * 100).round(1)
    frame["latest_label"] = [value_text(p["latest_value"], p["unit"], p["latest_qualifier"])
                             for _, p in progress.iterrows()]
    frame["target_label"] = [value_text(p["target_value"], p["unit"], p["target_qualifier"])
                             for _, p in progress.iterrows()]
    frame["recent_label"] = [_pace_text(p["recent_annual_change"], _text(p["unit"]), p["recent_pace_kind"])
                             for _, p in progress.iterrows()]
    frame["status_reason"] = [progress_reason(p) for _, p in progress.iterrows()]
    frame["method"] = "latest official value ÷ 2030 target level × 100"
    return _provenance_as_objects(frame.drop(columns=["latest_value", "target_value"]))


def distance_chart(frame: pd.DataFrame) -> alt.Chart:
    """Bars: how much of each 2030 target level the latest official value reaches, coloured by pace status."""
    scale = theme.color_scale(list(target_math.STATUSES))
    sector = alt.param(name="sector_pick", value="All",
                       bind=alt.binding_select(options=["All", *frame["sector"].unique().tolist()], name="Sector "))
    bars = alt.Chart(frame).mark_bar().encode(
        x=alt.X("percent_of_target:Q", title="Latest value as % of the 2030 target level",
                scale=alt.Scale(domain=[0, 100])),
        y=alt.Y("label:N", title=None, sort=None),
        color=alt.Color("status:N", scale=scale, title="Status"),
        opacity=alt.condition("sector_pick == 'All' || datum.sector == sector_pick", alt.value(1), alt.value(0.2)),
        tooltip=[alt.Tooltip("label:N", title="Target"), alt.Tooltip("latest_label:N", title="Latest value"),
                 alt.Tooltip("latest_year:O", title="Year of latest value"),
                 alt.Tooltip("target_label:N", title="2030 target"),
                 alt.Tooltip("percent_of_target:Q", title="% of target level", format=".1f"),
                 alt.Tooltip("recent_label:N", title="Recent pace"), alt.Tooltip("status:N", title="Status"),
                 alt.Tooltip("status_reason:N", title="Why"), alt.Tooltip("source_org:N", title="Source")],
    ).add_params(sector)
    return bars.properties(
        title=alt.Title("Distance to the 2030 targets", subtitle="Latest official value as a percentage of the target "
                                                                 "level (100 = target reached); colour = pace status"),
        description="Bar chart of the latest official value of each numeric 2030 target as a percentage of the "
                    "target level (years 2022 to 2025), coloured by whether the recent pace suffices, does not, "
                    "or cannot be judged from the figures.")


# ---------------------------------------------------------------- claim ledger


def claim_numbers(claims: pd.DataFrame) -> dict[str, int]:
    """Ledger number of each claim: its order of appearance in the article (paragraph, then position)."""
    return {cid: i for i, cid in enumerate(claims["claim_id"], start=1)}


def ordered_claims(claims: pd.DataFrame, paragraphs: pd.DataFrame) -> pd.DataFrame:
    """Claims in reading order: by paragraph, then by where the claim text starts in it."""
    text_of = dict(zip(paragraphs["paragraph_id"], paragraphs["text_zh"]))
    position = [text_of.get(r["paragraph_id"], "").find(r["claim_text"]) for _, r in claims.iterrows()]
    order = claims.assign(_pos=position).sort_values(["paragraph_id", "_pos", "claim_id"])
    return order.drop(columns="_pos").reset_index(drop=True)


def ledger_html(claims: pd.DataFrame) -> str:
    """Every claim as an anchored entry, filterable by status and theme (claims in the order given)."""
    numbers = claim_numbers(claims)
    entries = []
    for _, c in claims.iterrows():
        cid = _e(c["claim_id"])
        evidence = source_html(c["evidence_org"], c["evidence_date"], c["evidence_url"], c["evidence_mirror_url"])
        quote = f'<dt>Evidence quote</dt><dd>{_zh(c["evidence_quote"], "q")}</dd>' if not _blank(c["evidence_quote"]) else ""
        search = f'<dt>What was searched</dt><dd>{_e(c["search_note"])}</dd>' if not _blank(c["search_note"]) else ""
        note = f'<dt>Note</dt><dd>{_e(c["note"])}</dd>' if not _blank(c["note"]) else ""
        target = (f'<dt>Target</dt><dd><a href="targets.html#target-{_e(c["related_target_id"])}">'
                  f'{_e(c["related_target_id"])} in the tracker</a></dd>' if not _blank(c["related_target_id"]) else "")
        value = value_text(c["value"], c["unit"], c["qualifier"])
        when = ""  # a target is due "by" its year; a figure is "as of" its date; no date, no bracket
        if not _blank(c["as_of"]):
            when = f' (by {_e(c["as_of"])})' if c["claim_type"] == "target" else f' (as of {_e(c["as_of"])})'
        entries.append(
            f'<li class="gm-entry" id="claim-{cid}" data-row data-status="{html.escape(slug(c["status"]))}" '
            f'data-theme="{html.escape(slug(c["theme"]))}"><h3>{numbers[c["claim_id"]]}. {_zh(c["claim_text"])}</h3>'
            f'<p>{_e(c["claim_text_en"])}</p><dl>'
            f'<dt>Status</dt><dd><span class="gm-status">{_e(c["status"])}</span></dd>'
            f'<dt>Type</dt><dd>{_e(c["claim_type"])}</dd>'
            f'<dt>Theme</dt><dd>{html.escape(THEMES.get(_text(c["theme"]), _text(c["theme"])))}</dd>'
            + (f'<dt>Value</dt><dd>{html.escape(value)}{when}</dd>' if value else "")
            + (f"<dt>Evidence</dt><dd>{evidence}</dd>" if evidence else "")
            + quote + search + note + target
            + f'<dt>In the article</dt><dd><a href="#mark-{cid}">paragraph {_e(c["paragraph_id"])}</a></dd>'
            "</dl></li>")
    status_opts = [(slug(s), s) for s in CLAIM_STATUSES if s in set(claims["status"])]
    theme_opts = [(slug(t), THEMES.get(t, t)) for t in THEMES if t in set(claims["theme"])]
    filters = (_filter_select("front-ledger-status", "Status", "status", status_opts)
               + _filter_select("front-ledger-theme", "Theme", "theme", theme_opts))
    return (f'<div class="gm-filtered" id="front-ledger"><div class="gm-filters">{filters}</div>'
            f'<p class="gm-filter-count" aria-live="polite">Showing {len(entries)} of {len(entries)}</p>'
            f'<ol class="gm-ledger" style="list-style:none;padding:0">{"".join(entries)}</ol>{FILTER_SCRIPT}</div>')


def claim_spans(text: str, claims: pd.DataFrame) -> list[tuple[int, int, str]]:
    """(start, end, claim_id) of each claim's text in one paragraph; a claim text not found is an error."""
    spans = []
    for _, c in claims.iterrows():
        start = text.find(c["claim_text"])
        if start < 0:
            raise ValueError(f"claim {c['claim_id']!r}: its text is not in paragraph {c['paragraph_id']}")
        spans.append((start, start + len(c["claim_text"]), c["claim_id"]))
    return sorted(spans)


def marked_paragraph_html(text: str, claims: pd.DataFrame, numbers: dict[str, int]) -> str:
    """The paragraph with each claim highlighted (overlaps split into segments) and a link to its ledger entry."""
    spans = claim_spans(text, claims)
    cuts = sorted({0, len(text), *[s for s, _, _ in spans], *[e for _, e, _ in spans]})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        covering = [cid for s, e, cid in spans if s <= a and e >= b]
        piece = html.escape(text[a:b])
        if covering:
            out.append(f'<mark class="gm-claim-mark" data-claims="{html.escape(" ".join(covering))}">{piece}</mark>')
        else:
            out.append(piece)
        for _start, e, cid in spans:
            if e == b:
                label = f"Ledger entry {numbers[cid]}"
                out.append(f'<a class="gm-claim-ref" id="mark-{html.escape(cid)}" href="#claim-{html.escape(cid)}" '
                           f'aria-label="{label}">[{numbers[cid]}]</a>')
    return "".join(out)


def article_html(paragraphs: pd.DataFrame, claims: pd.DataFrame) -> str:
    """The cleaned article in Chinese, one section per heading with an English summary, claims marked and linked."""
    numbers = claim_numbers(claims)
    sections: list[str] = []
    for section, group in paragraphs.sort_values("order").groupby("section", sort=False):
        parts = [f'<section class="gm-article-section" id="article-{html.escape(slug(section))}">',
                 f'<h3>{html.escape(SECTION_TITLES_EN.get(section, section))}</h3>',
                 f'<p class="gm-section-summary"><strong>In English:</strong> '
                 f'{html.escape(SECTION_SUMMARIES_EN.get(section, ""))}</p>']
        for _, p in group.iterrows():
            pid = html.escape(p["paragraph_id"])
            mine = claims[claims["paragraph_id"] == p["paragraph_id"]]
            body = marked_paragraph_html(p["text_zh"], mine, numbers)
            if p["kind"] == "heading":
                parts.append(f'<h4 lang="zh-Hans" id="para-{pid}">{body}</h4>')
            else:
                parts.append(f'<p lang="zh-Hans" id="para-{pid}"><span class="gm-front-small" lang="en">{pid}</span> '
                             f"{body}</p>")
        parts.append("</section>")
        sections.append("".join(parts))
    return f'<div class="gm-article">{"".join(sections)}</div>'


# ---------------------------------------------------------------- glossary


def term_usage(term_zh: str, paragraphs: pd.DataFrame, claims: pd.DataFrame, targets: pd.DataFrame) -> list[tuple[str, str]]:
    """(href, label) of the places a Chinese term occurs: article paragraphs, ledger entries, targets."""
    uses = [(f"claims.html#para-{p}", f"article paragraph {p}") for p, t in
            zip(paragraphs["paragraph_id"], paragraphs["text_zh"]) if term_zh in t]
    uses += [(f"claims.html#claim-{c}", f"claim {c}") for c, t in zip(claims["claim_id"], claims["claim_text"])
             if term_zh in t]
    uses += [(f"targets.html#target-{t}", f"target {t}") for t, m in zip(targets["target_id"], targets["metric_zh"])
             if isinstance(m, str) and term_zh in m]
    return uses


def glossary_html(glossary: pd.DataFrame, paragraphs: pd.DataFrame, claims: pd.DataFrame,
                  targets: pd.DataFrame) -> str:
    """Every term as an anchored entry: Chinese, pinyin, English, definition, source quote, where it is used."""
    entries = []
    for _, g in glossary.sort_values("term_en", key=lambda s: s.str.lower()).iterrows():
        chapter_href, chapter_title = CHAPTER_PAGES.get(_text(g["chapter"]), ("index.html", "Home"))
        uses = [(chapter_href, chapter_title)] + term_usage(g["term_zh"], paragraphs, claims, targets)
        links = ", ".join(f'<a href="{html.escape(h)}">{html.escape(t)}</a>' for h, t in uses)
        src = source_html(g["source_org"], g["source_date"], g["source_url"], g["source_mirror_url"])
        entries.append(
            f'<article class="gm-entry" id="term-{_e(g["term_id"])}"><h3>{_e(g["term_en"])} · {_zh(g["term_zh"])} '
            f'<span class="gm-front-small" lang="zh-Latn-pinyin">{_e(g["pinyin"])}</span></h3>'
            f'<p>{_e(g["definition_en"])}</p><dl><dt>Source text</dt><dd>{_zh(g["quote"], "q")} — {src}</dd>'
            f"<dt>Used in</dt><dd>{links}</dd></dl></article>")
    return "".join(entries)


# ---------------------------------------------------------------- data & method


def read_descriptor(data_dir: Path | None = None) -> dict[str, Any]:
    """The parsed data/datapackage.json."""
    from ..paths import data_dir as resolve

    return json.loads((Path(resolve(data_dir)) / "datapackage.json").read_text(encoding="utf-8"))


def coverage_text(name: str, frame: pd.DataFrame) -> str:
    """One line on what a table covers: rows, and the years or ids it spans."""
    parts = [f"{len(frame):,} rows"]
    if "series_id" in frame.columns:
        parts.append(f"{frame['series_id'].nunique()} series")
    for column in ("year", "horizon_year"):
        if column in frame.columns and frame[column].notna().any():
            parts.append(f"{column.replace('_', ' ')}s {int(frame[column].min())}–{int(frame[column].max())}")
    if "status" in frame.columns and name == "claims":
        parts.append(", ".join(f"{n} {s}" for s, n in frame["status"].value_counts().items()))
    return "; ".join(parts)


def datasets_html(descriptor: dict[str, Any], frames: dict[str, pd.DataFrame], root: str = "") -> str:
    """Each resource of the data package: description, coverage, licence, CSV link and field table."""
    blocks = []
    for res in descriptor["resources"]:
        name = res["name"]
        csv_href = f"{root}data/{res['path']}"
        licences = ", ".join(html.escape(lic.get("title") or lic["name"]) for lic in res.get("licenses", []))
        fields = "".join(
            f'<tr><th scope="row"><code>{html.escape(f["name"])}</code></th><td>{html.escape(f.get("type", ""))}</td>'
            f'<td>{html.escape(f.get("description", ""))}'
            + (f' <span class="gm-front-small">One of: {html.escape(", ".join(map(str, f["constraints"]["enum"])))}</span>'
               if "enum" in f.get("constraints", {}) else "")
            + "</td></tr>" for f in res["schema"]["fields"])
        coverage = coverage_text(name, frames[name]) if name in frames else "not loaded"
        blocks.append(
            f'<section class="gm-entry" id="dataset-{html.escape(slug(name))}"><h3>{html.escape(res.get("title", name))} '
            f'<code>{html.escape(name)}</code></h3><p>{html.escape(res.get("description", ""))}</p>'
            f'<p><strong>Coverage:</strong> {html.escape(coverage)}. <strong>Licence:</strong> {licences or "see package"}. '
            f'<a href="{html.escape(csv_href)}" download>Download {html.escape(Path(res["path"]).name)}</a></p>'
            f'<details><summary>Fields ({len(res["schema"]["fields"])})</summary><div class="gm-front-wrap">'
            f'<table class="gm-front-table"><thead><tr><th scope="col">Field</th><th scope="col">Type</th>'
            f'<th scope="col">Meaning</th></tr></thead><tbody>{fields}</tbody></table></div></details></section>')
    return "".join(blocks)


def checks_html(descriptor: dict[str, Any]) -> str:
    """The validator's checks, as the descriptor describes them."""
    items = "".join(f"<li><code>{html.escape(k)}</code>: {html.escape(v)}</li>"
                    for k, v in descriptor.get("greenmfg:check_descriptions", {}).items())
    return f"<ul>{items}</ul>"


def source_licences_html(descriptor: dict[str, Any]) -> str:
    """Licences: the compilation's, each resource's, and those of the named upstream sources."""
    rows = [(descriptor.get("title", "This data package"),
             ", ".join(lic.get("title") or lic["name"] for lic in descriptor.get("licenses", [])))]
    seen = set()
    for src in descriptor.get("sources", []) + [s for r in descriptor["resources"] for s in r.get("sources", [])]:
        if src["title"] in seen:
            continue
        seen.add(src["title"])
        lic = ", ".join(x.get("title") or x["name"] for x in src.get("licenses", []))
        rows.append((src["title"], lic or "not stated by the source: quoted briefly, for verification only"))
    body = "".join(f"<tr><td>{html.escape(a)}</td><td>{html.escape(b)}</td></tr>" for a, b in rows)
    return (f'<div class="gm-front-wrap"><table class="gm-front-table" style="min-width:0"><thead><tr>'
            f'<th scope="col">Source</th><th scope="col">Licence</th></tr></thead><tbody>{body}</tbody></table></div>')


def mirror_counts(frames: dict[str, pd.DataFrame]) -> dict[str, int]:
    """Sourced rows, and how many of them are known only from a copy on a third-party site (mirror)."""
    pairs = {"context_series": ("url", "mirror_url"), "policy_targets": ("url", "mirror_url"),
             "claims": ("evidence_url", "evidence_mirror_url"), "policy_document": ("url", "mirror_url"),
             "glossary": ("source_url", "source_mirror_url")}
    sourced = mirror_only = 0
    for name, (url, mirror) in pairs.items():
        frame = frames.get(name)
        if frame is None:
            continue
        has_url = frame[url].map(lambda v: not _blank(v))
        has_mirror = frame[mirror].map(lambda v: not _blank(v))
        sourced += int((has_url | has_mirror).sum())
        mirror_only += int((~has_url & has_mirror).sum())
    return {"sourced": sourced, "mirror_only": mirror_only}


def not_sourced_html(doc: pd.DataFrame, claims: pd.DataFrame) -> str:
    """What could not be sourced: document facts not found or unverified, and claims not found."""
    items = [f'<li>Document: {_e(r["field"]).replace("_", " ")} — {_e(r["status"])}'
             + (f' ({_e(r["note"])})' if not _blank(r["note"]) else "") + "</li>"
             for _, r in doc[doc["status"].isin(["not found", "unverified"])].iterrows()]
    items += [f'<li>Claim <a href="claims.html#claim-{_e(c["claim_id"])}">{_e(c["claim_id"])}</a>: '
              f'{_e(c["claim_text_en"])}</li>' for _, c in claims[claims["status"] == "not found"].iterrows()]
    return f"<ul>{''.join(items)}</ul>"


# ---------------------------------------------------------------- about / cite

SITE_TITLE = "Green manufacturing, explained"
SITE_AUTHOR = "greenmfg explainer team"


def citation_text(last_updated: str, version: str) -> str:
    """The plain-text citation of the site."""
    return (f"{SITE_AUTHOR}. {SITE_TITLE}: China's 2024 Guiding Opinions on Accelerating the Green Development of "
            f"Manufacturing. Data version {version}, last data update {last_updated}.")


def bibtex(last_updated: str, version: str) -> str:
    """A BibTeX @misc entry for the site."""
    year = last_updated[:4]
    return ("@misc{greenmfg_explainer,\n"
            f"  author = {{{{{SITE_AUTHOR}}}}},\n"
            f"  title = {{{SITE_TITLE}: China's 2024 Guiding Opinions on Accelerating the Green Development of "
            "Manufacturing},\n"
            f"  year = {{{year}}},\n"
            f"  note = {{Data version {version}, last data update {last_updated}}}\n}}")


def citation_html(last_updated: str, version: str) -> str:
    """Plain-text citation and BibTeX, ready to copy."""
    return (f'<p class="gm-citation">{html.escape(citation_text(last_updated, version))}</p>'
            f'<pre><code class="language-bibtex">{html.escape(bibtex(last_updated, version))}</code></pre>')


# ---------------------------------------------------------------- data loading and variables


def load_front(data_dir=None) -> dict[str, pd.DataFrame]:
    """Every table the front-door pages use, keyed by resource name, plus the target progress."""
    frames = {"policy_document": loaders.load_policy_document(data_dir),
              "policy_targets": loaders.load_policy_targets(data_dir), "claims": loaders.load_claims(data_dir),
              "context_series": loaders.load_context_series(data_dir), "glossary": loaders.load_glossary(data_dir),
              "article_paragraphs": loaders.load_article_paragraphs(data_dir)}
    frames["claims"] = ordered_claims(frames["claims"], frames["article_paragraphs"])
    frames["progress"] = target_math.target_progress(frames["policy_targets"], frames["context_series"])
    return frames


def last_data_update(frames: dict[str, pd.DataFrame]) -> str:
    """The newest source date in the data (same columns as the data engineer's data.last_updated)."""
    pairs = [("context_series", "source_date"), ("policy_targets", "source_date"),
             ("policy_targets", "baseline_source_date"), ("claims", "evidence_date"), ("policy_document", "source_date")]
    dates = [str(d) for name, col in pairs for d in frames[name][col].tolist() if not _blank(d)]
    return max(dates) if dates else ""


def variables(data_dir=None) -> dict[str, dict[str, str]]:
    """Display strings for the front-door prose: counts, statuses and the data package version."""
    frames = load_front(data_dir)
    targets, claims, progress = frames["policy_targets"], frames["claims"], frames["progress"]
    status_counts = claims["status"].value_counts()
    pace_counts = progress["status"].value_counts()
    mirrors = mirror_counts(frames)
    descriptor = read_descriptor(data_dir)
    out = {
        "targets_numeric": str(int((targets["target_kind"] == "quantitative").sum())),
        "targets_qualitative": str(int((targets["target_kind"] != "quantitative").sum())),
        "targets_tracked": str(len(progress)),
        "claims_total": str(len(claims)),
        "claims_checked_found": str(int(len(claims) - status_counts.get("not found", 0))),
        "glossary_terms": str(len(frames["glossary"])),
        "datasets": str(len(descriptor["resources"])),
        "rows_sourced": str(mirrors["sourced"]),
        "rows_mirror_only": str(mirrors["mirror_only"]),
        "package_version": str(descriptor.get("version", "")),
        "last_updated": last_data_update(frames),
        "paragraphs": str(int((frames["article_paragraphs"]["kind"] == "paragraph").sum())),
    }
    for status in CLAIM_STATUSES:
        out["claims_" + slug(status).replace("-", "_")] = str(int(status_counts.get(status, 0)))
    for status in target_math.STATUSES:
        out["pace_" + slug(status).replace("-", "_")] = str(int(pace_counts.get(status, 0)))
    out.update(pace_kind_counts(progress))
    return {PAGE_KEY: out}


def pace_kind_counts(progress: pd.DataFrame) -> dict[str, str]:
    """How many recent paces are only bounds or unknown, and how many of those give 'not enough data'."""
    bounded = progress["recent_pace_kind"].isin([target_math.PACE_LOWER_BOUND, target_math.PACE_UPPER_BOUND,
                                                   target_math.PACE_UNDETERMINED])
    no_verdict = bounded & (progress["status"] == target_math.NOT_ENOUGH_DATA)
    return {"pace_from_bounds": str(int(bounded.sum())), "pace_bounds_no_verdict": str(int(no_verdict.sum())),
            "pace_none": str(int((progress["recent_pace_kind"].fillna("") == "").sum()))}


def distance_summary(frame: pd.DataFrame) -> str:
    """The takeaway under the distance chart, from the statuses shown."""
    counts = frame["status"].value_counts()
    reached = int((frame["percent_of_target"] >= 100).sum())
    faster = int(counts.get(target_math.NEEDS_FASTER, 0))
    return (f"{reached} of {len(frame)} numeric targets reached; {int(counts.get(target_math.ON_TRACK, 0))} on track, "
            f"{faster} {'needs' if faster == 1 else 'need'} faster progress, "
            f"{int(counts.get(target_math.NOT_ENOUGH_DATA, 0))} where the figures allow no verdict "
            "(too few points, or 'more than' values that make the pace only a bound).")
