"""The chart card: what every chart on the site is wrapped in.

Chart functions return a plain ``alt.Chart`` (title, subtitle, description, tooltips, data with
provenance columns). :func:`show` adds the rest in one place: the Vega spec compiled at build time
(readers never download the Vega-Lite compiler), its dark-mode patch, a static SVG fallback for
no-JS (inside <noscript>) and print, the source line, "data as of", a table view, CSV/PNG/SVG export hooks.
In an interactive Jupyter session the same call simply displays the Altair chart.
"""
from __future__ import annotations

import html
import math
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import altair as alt

from greenmfg.charts.card_payload import payload_script
from greenmfg.charts.columns import csv_table, page_table, reader_columns
from greenmfg.charts.scrollbox import scroll_box
from greenmfg.data.frames import PROVENANCE
from greenmfg.data.freshness import card_freshness
from greenmfg.data.sources import short_source_line
from greenmfg.locale.formatting import reader_date, table_number
from greenmfg.locale.i18n import edition_prefix, header, language, tr
from greenmfg.pages.var_tokens import load_variables, substitute
from greenmfg.paths import REPO_ROOT
from greenmfg.site.embed import embed_disclosure
from greenmfg.site.execute import SITE_BUILD_ENV

from . import vega_compile

PAGES_PACKAGE = "greenmfg.pages."
CHART_ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
RUNTIME_PATH = "assets/gm-charts.mjs"
CSV_DIR = "chart-data"


class ChartCardError(ValueError):
    """A chart that cannot be published as it is (missing title, description or provenance)."""


def in_site_build() -> bool:
    """True while the site's executor runs the page (it sets SITE_BUILD_ENV for every kernel)."""
    return os.environ.get(SITE_BUILD_ENV) == "1"


def chart_id_of(module_name: str) -> str:
    """A chart's id from its module path: greenmfg.pages.emerging.nev -> 'emerging-nev'."""
    if not module_name.startswith(PAGES_PACKAGE):
        raise ChartCardError(f"{module_name}: chart modules live in greenmfg.pages.<page>.<chart>")
    return module_name.removeprefix(PAGES_PACKAGE).replace(".", "-").replace("_", "-")


def site_root_prefix() -> str:
    """Relative URL from the executing page to the site root ('' at the root, '../' one folder down)."""
    rel = os.path.relpath(REPO_ROOT, Path.cwd())
    return "" if rel == "." else rel.replace(os.sep, "/") + "/"


def _title_parts(spec: dict[str, Any]) -> tuple[str, str]:
    title = spec.get("title")
    if isinstance(title, dict):
        text, subtitle = title.get("text", ""), title.get("subtitle", "")
    else:
        text, subtitle = title or "", ""
    join = lambda t: " ".join(t) if isinstance(t, list) else str(t)  # noqa: E731 - titles may be line lists
    return join(text), join(subtitle)


def _top_level_rows(spec: dict[str, Any]) -> tuple[str, list[dict[str, Any]]]:
    data = spec.get("data") or {}
    name = data.get("name")
    if not name or name not in spec.get("datasets", {}):
        raise ChartCardError("the chart needs one top-level pandas DataFrame (alt.Chart(df)), the rows the card publishes")
    return name, spec["datasets"][name]


def _text(value: Any) -> str:
    """A provenance cell as text: None and NaN (pandas' empty) are missing, never the string 'nan'."""
    return "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)


def _check_provenance(chart_id: str, rows: list[dict[str, Any]]) -> None:
    if not rows:
        raise ChartCardError(f"chart {chart_id!r}: its data has no rows")
    missing = [c for c in PROVENANCE if c not in rows[0]]
    if missing:
        raise ChartCardError(f"chart {chart_id!r}: data lacks provenance columns {missing}")
    for i, row in enumerate(rows, start=1):
        for column in ("publisher", "source_org"):
            if not _text(row.get(column)):
                raise ChartCardError(f"chart {chart_id!r}: row {i}: column {column!r} is empty")


def compile_specs(chart: alt.TopLevelMixin, chart_id: str, first_screen: bool = False) -> dict[str, Any]:
    """Everything the card needs from one publishable chart (pure: no I/O)."""
    spec, title, subtitle, description, dataset_name, rows, columns = _validated(chart, chart_id)
    return {"title": title, "subtitle": subtitle, "description": description, "rows": rows, "columns": columns,
            **vega_compile.site_specs(spec, dataset_name, narrow=first_screen)}


CJK_RUN = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]+(?:[\s\d.,%+\-]*[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]+)*")


def text_html(text: str) -> str:
    """Escape text for HTML and mark each run of Chinese with lang="zh-Hans" (right font, right voice)."""
    out, last = [], 0
    for match in CJK_RUN.finditer(text):
        out.append(html.escape(text[last:match.start()]))
        out.append(f'<span lang="zh-Hans">{html.escape(match.group())}</span>')
        last = match.end()
    out.append(html.escape(text[last:]))
    return "".join(out)


def _labelled_svg(svg: str, description: str) -> str:
    """The static SVG with the chart description as its accessible name (HTML needs no xlink namespace, and an
    HTML serialiser such as Quarto's turns the declaration into an invalid `xlink` attribute)."""
    svg = svg.replace(' xmlns:xlink="http://www.w3.org/1999/xlink"', "", 1) if "xlink:" not in svg else svg
    return svg.replace("<svg ", f'<svg role="img" aria-label="{html.escape(description)}" ', 1)


def _fmt_cell(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if isinstance(value, bool):
        return tr("yes") if value else tr("no")
    if isinstance(value, float):
        return table_number(value)
    return str(value)


def _release_items(rows: list[dict[str, Any]]) -> str:
    """One list item per release behind the rows (source, date, link to the outlet's own page), in citation order;
    a source seen only in a reprint says so in its label and is not linked."""
    seen: dict[tuple[str, str, str], None] = {}
    for row in rows:
        seen[tuple(_text(row.get(c)) for c in ("source_org", "source_date", "url"))] = None
    items = []
    for org, date, url in seen:
        label = tr("{source}, {date}", source=text_html(org), date=text_html(reader_date(date))) if date else text_html(org)
        label = f'<a href="{html.escape(url)}">{label}</a>' if url else label
        items.append(f'<li data-org="{html.escape(org)}">{label}</li>')
    return "".join(items)


def _source_html(chart_id: str, rows: list[dict[str, Any]]) -> str:
    """A one-line source a reader can scan, with every release one click away (the CSV has the same list)."""
    as_of = _as_of(rows)
    fresh = card_freshness(rows)  # latest period and the publisher's usual release month, for series figures
    when = fresh or (tr("Latest data: {period}.", period=reader_date(as_of)) if as_of else "")  # the words of card_freshness
    items = _release_items(rows)
    count = items.count("<li ")
    label = tr("All sources (1 release)") if count == 1 else tr("All sources ({count} releases)", count=count)
    return (f'<div class="gm-source"><p><strong>{tr("Source:")}</strong> '
            f'{text_html(short_source_line(rows, language()))}{tr(".")}'
            + (f' <span class="gm-freshness">{text_html(when)}</span>' if when else "") + "</p>"
            f'<details class="gm-sources" id="chart-{chart_id}-sources"><summary>{label}</summary>'
            f"<ul>{items}</ul></details></div>")


def _period_end_key(as_of: str) -> str:
    """Sort key by the period's end: a full year '2025' ends after '2025-06' and '2025-06-30'."""
    return as_of + {4: "-12-99", 7: "-99"}.get(len(as_of), "")


def _as_of(rows: list[dict[str, Any]]) -> str:
    values = sorted((_text(r.get("as_of")) for r in rows if _text(r.get("as_of"))), key=_period_end_key)
    return values[-1] if values else ""


def _table_html(chart_id: str, rows: list[dict[str, Any]]) -> str:
    columns = list(rows[0])
    head = "".join(f'<th scope="col">{html.escape(header(c))}</th>' for c in columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(_fmt_cell(r.get(c)))}</td>" for c in columns) + "</tr>" for r in rows
    )
    table = f'<table id="chart-{chart_id}-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
    return (f'<details class="gm-table"><summary>{tr("Show the data as a table ({n} rows)", n=len(rows))}</summary>'
            f'{scroll_box(table, "gm-table-scroll")}</details>')


def _static_html(compiled: dict[str, Any]) -> str:
    """The build-time SVG (for no-JS readers and print); a first-screen card also has a phone-width one."""
    wide = _labelled_svg(compiled["svg"], compiled["description"])
    if not compiled["svg_narrow"]:
        return wide
    narrow = _labelled_svg(compiled["svg_narrow"], compiled["description"])
    return f'<div class="gm-svg-wide">{wide}</div><div class="gm-svg-narrow">{narrow}</div>'


def card_html(chart: alt.TopLevelMixin, chart_id: str, summary: str, note: str | None = None,
              root: str | None = None, first_screen: bool = False) -> str:
    """The card's HTML: one self-describing <figure>, identical for the same input (no random ids).

    A ``first_screen`` card shows its build-time chart at once and draws the live one when the reader first
    interacts with the page, so a chart in the first screen costs no script work while the page loads."""
    return card_parts(chart, chart_id, summary, note, root, first_screen)[0]


def card_parts(chart: alt.TopLevelMixin, chart_id: str, summary: str, note: str | None = None,
               root: str | None = None, first_screen: bool = False) -> tuple[str, dict[str, Any]]:
    """The card's HTML and its record for post-render (id, title, one-line source, CSV headers and rows)."""
    compiled = compile_specs(chart, chart_id, first_screen)
    root = site_root_prefix() if root is None else root
    if "{{<" in summary + (note or ""):  # takeaways and notes take their numbers from data, like the prose
        variables = load_variables()
        summary = substitute(summary, variables, f"chart {chart_id}: summary")
        note = substitute(note, variables, f"chart {chart_id}: note") if note else note
    rows, columns = compiled["rows"], compiled["columns"]
    shown = page_table(rows, columns)  # the live chart keeps every column
    csv_columns, csv_rows = csv_table(rows, columns)
    cid = f"chart-{chart_id}"
    payload = {"id": chart_id, "vega": compiled["vega"], "dark": compiled["dark_patch"], "state": compiled["state"],
               "columns": list(rows[0]), "rows": [[r.get(c) for c in rows[0]] for r in rows]}
    record = {"id": chart_id, "title": compiled["title"], "subtitle": compiled["subtitle"],
              "source": short_source_line(rows, language()), "headers": [header(c) for c in csv_columns],
              "rows": csv_rows}
    note_html = f'<p class="gm-note"><strong>{tr("Note:")}</strong> {text_html(note)}</p>' if note else ""
    subtitle = f'<p class="gm-card-subtitle">{text_html(compiled["subtitle"])}</p>' if compiled["subtitle"] else ""
    return "\n".join([
        f'<figure class="gm-card{" gm-static-first" if first_screen else ""}" id="{cid}" data-chart-id="{chart_id}" '
        f'aria-labelledby="{cid}-title"' + (" data-first-screen" if first_screen else "") + ">",
        f'<figcaption class="gm-card-head"><p class="gm-card-title" id="{cid}-title">'
        f'{text_html(compiled["title"])}</p>{subtitle}</figcaption>',
        f'<div class="gm-chart" data-description="{html.escape(compiled["description"])}">',
        # A first-screen card shows its build-time chart in the markup, so nothing moves when scripts arrive.
        f'<div class="gm-static"><div class="gm-print-fallback">{_static_html(compiled)}</div></div>' if first_screen
        else f'<div class="gm-static"><noscript>{_static_html(compiled)}</noscript></div>',
        f'<div class="gm-live" id="{cid}-live"></div>',
        "</div>",
        f'<p class="gm-summary">{text_html(summary)}</p>',
        _source_html(chart_id, rows),
        note_html,
        f'<div class="gm-actions"><a class="gm-csv" href="{root}{edition_prefix()}{CSV_DIR}/{chart_id}.csv" download>'
        f'{tr("Download the data (CSV)")}</a>'
        f'<button type="button" class="gm-export" data-format="png" hidden>{tr("Save as PNG")}</button>'
        f'<button type="button" class="gm-export" data-format="svg" hidden>{tr("Save as SVG")}</button>'
        f'<a class="gm-permalink" href="#{cid}">{tr("Link to this chart")}</a>'
        f'<button type="button" class="gm-copy-link" data-copied="{tr("Link copied")}" '
        f'data-manual="{tr("Copy the link shown")}" hidden>{tr("Copy link")}</button>'
        f'{embed_disclosure(chart_id, compiled["title"])}</div>',
        _table_html(chart_id, shown),
        payload_script(payload),
        f'<script type="module" src="{root}{RUNTIME_PATH}"></script>',
        "</figure>",
    ]), record


@dataclass
class ChartCard:
    """What a notebook cell returns: a card on the site, the plain Altair chart in Jupyter."""

    chart: alt.TopLevelMixin
    chart_id: str
    summary: str
    note: str | None = None
    first_screen: bool = False

    def _repr_mimebundle_(self, include=None, exclude=None):  # noqa: ANN001 - IPython protocol
        if in_site_build():
            # The Vega-Lite spec rides along in output metadata so tests can check it against the schema.
            html_text, record = card_parts(self.chart, self.chart_id, self.summary, self.note,
                                           first_screen=self.first_screen)
            metadata = {"greenmfg": {"chart_id": self.chart_id, "vegalite": self.chart.to_dict(), "card": record}}
            return {"text/html": html_text}, metadata
        spec = self.chart.to_dict()
        return {**vega_compile.notebook_bundle(spec), "text/plain": f"<chart {self.chart_id}: {_title_parts(spec)[0]}>"}


def show(chart: alt.TopLevelMixin, *, chart_id: str, summary: str, note: str | None = None,
         first_screen: bool = False) -> ChartCard:
    """Publish ``chart`` as a card; ``summary`` is the one-sentence takeaway shown under it. ``first_screen``: the
    card opens a page (see card_html).

    Validation runs now (not only at build time), so a rerunner sees a missing description at once.
    """
    _validated(chart, chart_id)
    return ChartCard(chart, chart_id, summary, note, first_screen)


def _validated(chart: alt.TopLevelMixin, chart_id: str):
    """Spec, title, subtitle, description, dataset name, rows and readers' columns of a publishable chart, or why not."""
    if not CHART_ID_PATTERN.match(chart_id):
        raise ChartCardError(f"chart id {chart_id!r} must be lowercase words joined by hyphens")
    spec = chart.to_dict()
    title, subtitle = _title_parts(spec)
    description = spec.get("description", "")
    if not title:
        raise ChartCardError(f"chart {chart_id!r}: a title is required")
    if len(description) < 40:
        raise ChartCardError(f"chart {chart_id!r}: description must say what is measured, the unit and the period")
    dataset_name, rows = _top_level_rows(spec)
    _check_provenance(chart_id, rows)
    columns = reader_columns(spec, list(rows[0]), chart_id)  # the table's and CSV's
    return spec, title, subtitle, description, dataset_name, rows, columns
