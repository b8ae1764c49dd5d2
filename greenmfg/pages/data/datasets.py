"""One section per resource of the data package: description, coverage, licence, CSV download and field table."""
from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import pandas as pd

from greenmfg.markup import slug, with_code


def coverage_text(name: str, frame: pd.DataFrame) -> str:
    """One line on what a table covers: rows, and the years or ids it spans."""
    parts = [f"{len(frame):,} rows"]
    if "series_id" in frame.columns:
        parts.append(f"{frame['series_id'].nunique()} series")
    for column in ("year", "horizon_year"):
        if column in frame.columns and frame[column].notna().any():
            parts.append(f"{column.replace('_', ' ')}s {int(frame[column].min())}–{int(frame[column].max())}")
    if "status" in frame.columns and name == "claims":
        parts.append(", ".join(f"{count} {status}" for status, count in frame["status"].value_counts().items()))
    return "; ".join(parts)


def _field_row(field: dict[str, Any]) -> str:
    """A field's name, type and meaning, with its allowed values when it has an enum."""
    allowed = field.get("constraints", {}).get("enum")
    one_of = (f' <span class="gm-front-small">One of: {html.escape(", ".join(map(str, allowed)))}</span>'
              if allowed else "")
    return (f'<tr><th scope="row"><code>{html.escape(field["name"])}</code></th>'
            f'<td>{html.escape(field.get("type", ""))}</td><td>{with_code(field.get("description", ""))}{one_of}</td></tr>')


def _dataset_html(resource: dict[str, Any], frames: dict[str, pd.DataFrame]) -> str:
    """One resource's section, anchored as dataset-<name>, its field table folded in <details>."""
    name, fields = resource["name"], resource["schema"]["fields"]
    licences = ", ".join(html.escape(licence.get("title") or licence["name"]) for licence in resource.get("licenses", []))
    coverage = coverage_text(name, frames[name]) if name in frames else "not loaded"
    csv_href = f"data/{resource['path']}"
    return (
        f'<section class="gm-entry" id="dataset-{html.escape(slug(name))}"><h3>{html.escape(resource.get("title", name))} '
        f'<code>{html.escape(name)}</code></h3><p>{with_code(resource.get("description", ""))}</p>'
        f'<p><strong>Coverage:</strong> {html.escape(coverage)}. <strong>Licence:</strong> {licences or "see package"}. '
        f'<a href="{html.escape(csv_href)}" download>Download {html.escape(Path(resource["path"]).name)}</a></p>'
        f'<details><summary>Fields ({len(fields)})</summary><div class="gm-front-wrap">'
        f'<table class="gm-front-table"><thead><tr><th scope="col">Field</th><th scope="col">Type</th>'
        f'<th scope="col">Meaning</th></tr></thead><tbody>{"".join(map(_field_row, fields))}</tbody></table></div>'
        "</details></section>")


def datasets_html(descriptor: dict[str, Any], frames: dict[str, pd.DataFrame]) -> str:
    """Each resource of the package in descriptor order; coverage from its loaded frame (frames keyed by name)."""
    return "".join(_dataset_html(resource, frames) for resource in descriptor["resources"])
