"""The 2030 and 2035 goals side by side, each linked to its entry in the target tracker."""
from __future__ import annotations

import html

import pandas as pd

from greenmfg.markup import escaped, page_href, value_text


def _goal_item(row: pd.Series) -> str:
    """One goal: sector linked to the tracker, then the value (numeric targets) and what is measured."""
    link = f'<a href="{page_href("targets", "target-" + escaped(row["target_id"]))}">{escaped(row["sector"]).capitalize()}</a>'
    if row["target_kind"] == "quantitative":
        value = html.escape(value_text(row["value"], row["unit"], row["qualifier"]))
        return f'<li>{link}: <strong>{value}</strong> — {escaped(row["metric_en"])}</li>'
    return f'<li>{link}: {escaped(row["metric_en"])}</li>'


def goals_html(targets: pd.DataFrame) -> str:
    """One box per horizon year: numeric targets with their value, qualitative goals in words."""
    boxes = []
    for year in sorted(targets["horizon_year"].dropna().unique()):
        items = "".join(_goal_item(row) for _, row in targets[targets["horizon_year"] == year].iterrows())
        boxes.append(f'<section class="gm-goal" aria-label="Goals for {int(year)}"><h3>By {int(year)}</h3>'
                     f"<ul>{items}</ul></section>")
    return f'<div class="gm-goals">{"".join(boxes)}</div>'
