"""One section per resource of the data package: description, coverage, licence, CSV download and field table."""
from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import pandas as pd

from greenmfg.charts.card import site_root_prefix
from greenmfg.charts.markup import slug, with_code
from greenmfg.charts.scrollbox import scroll_box
from greenmfg.locale.i18n import language, pick, tr

from .sources import licence_name

# The columns whose first and last value the coverage line gives, each with its wording.
SPANS = {"year": "years {first}–{last}", "horizon_year": "horizon years {first}–{last}"}


def coverage_text(name: str, frame: pd.DataFrame) -> str:
    """One line on what a table covers: rows, and the years or ids it spans."""
    parts = [tr("{n} rows", n=f"{len(frame):,}")]
    if "series_id" in frame.columns:
        parts.append(tr("{n} series", n=frame["series_id"].nunique()))
    for column, wording in SPANS.items():
        if column in frame.columns and frame[column].notna().any():
            parts.append(tr(wording, first=int(frame[column].min()), last=int(frame[column].max())))
    if "status" in frame.columns and name == "claims":
        parts.append(tr(", ").join(tr("{count} {status}", count=count, status=tr(status))
                                   for status, count in frame["status"].value_counts().items()))
    return tr("; ").join(parts)


def allowed_value(code: Any) -> str:
    """An allowed value as the dictionary lists it: the code a cell holds, and on Chinese pages its Chinese beside
    it (confirmed（已证实）); a symbol (≥, ≈) stands for itself."""
    code = str(code)
    if language() != "zh" or not any(ch.isalpha() for ch in code):
        return code
    return f"{code}（{tr('enum.' + code)}）"


def _field_row(field: dict[str, Any]) -> str:
    """A field's name, type and meaning, with its allowed values when it has an enum."""
    allowed = field.get("constraints", {}).get("enum")
    values = tr(", ").join(map(allowed_value, allowed or []))
    one_of = (f' <span class="gm-front-small">{html.escape(tr("One of: {values}", values=values))}</span>'
              if allowed else "")
    kind = tr(field["type"]) if field.get("type") else ""
    return (f'<tr><th scope="row"><code>{html.escape(field["name"])}</code></th>'
            f'<td>{html.escape(kind)}</td><td>{with_code(pick(field, "description"))}{one_of}</td></tr>')


def _dataset_html(resource: dict[str, Any], frames: dict[str, pd.DataFrame]) -> str:
    """One resource's section, anchored as dataset-<name>, its field table folded in <details>."""
    name, fields = resource["name"], resource["schema"]["fields"]
    licences = tr(", ").join(html.escape(licence_name(licence))
                             for licence in resource.get("licenses", []))
    coverage = coverage_text(name, frames[name]) if name in frames else tr("not loaded")
    csv_href = f"{site_root_prefix()}data/{resource['path']}"
    return (
        f'<section class="gm-entry" id="dataset-{html.escape(slug(name))}"><h3>{html.escape(pick(resource, "title"))} '
        f'<code>{html.escape(name)}</code></h3><p>{with_code(pick(resource, "description"))}</p>'
        f'<p><strong>{tr("Coverage:")}</strong> {html.escape(coverage)}{tr(".")} <strong>{tr("Licence:")}</strong> '
        f'{licences or tr("see package")}{tr(".")} <a href="{html.escape(csv_href)}" download>'
        f'{html.escape(tr("Download {file}", file=Path(resource["path"]).name))}</a></p>'
        f'<details><summary>{tr("Fields ({n})", n=len(fields))}</summary>'
        + scroll_box(f'<table class="gm-front-table"><thead><tr><th scope="col">{tr("Field")}</th>'
                     f'<th scope="col">{tr("Type")}</th><th scope="col">{tr("Meaning")}</th></tr></thead>'
                     f'<tbody>{"".join(map(_field_row, fields))}</tbody></table>')
        + "</details></section>")


def datasets_html(descriptor: dict[str, Any], frames: dict[str, pd.DataFrame]) -> str:
    """Each resource of the package in descriptor order; coverage from its loaded frame (frames keyed by name)."""
    return "".join(_dataset_html(resource, frames) for resource in descriptor["resources"])
