"""The Opinions' general requirements and four task areas, mapped to the site: the page that discusses each, the
measures of this page (each opens its chain in the timeline), the targets, and where the site has no data."""
from __future__ import annotations

import html

import pandas as pd

from greenmfg.charts.markup import chapter_link, chinese, escaped, page_href
from greenmfg.charts.scrollbox import scroll_box
from greenmfg.data.frames import is_missing
from greenmfg.locale.i18n import language, pick, tr
from greenmfg.locale.punctuation import zh_punctuation

from .sources import source_html
from .table import small
from .timeline import CHART_ID
from .wording import target_name

COLUMNS = ("Section", "Heading and wording seen", "Page on this site", "Measures on this page", "Targets",
           "What the site has data for")


def measure_links(ids: str, names: dict[str, str]) -> str:
    """Links that open the timeline on each measure (a saved chart setting: ?<chart-id>.measure=<id>)."""
    return tr(", ").join(f'<a href="?{CHART_ID}.measure={escaped(m)}#chart-{CHART_ID}">{escaped(names[m])}</a>'
                         for m in ids.split()) or html.escape(tr("no measure on this page"))


def _row(area: pd.Series, names: dict[str, str], targets: pd.DataFrame) -> str:
    english = f'<br><span lang="en">{escaped(area["heading_en"])}</span>' if language() == "en" else ""
    wording = (f'<details><summary>{html.escape(tr("Wording seen"))}</summary>{chinese(zh_punctuation(area["wording_zh"]), "blockquote")}'
               f"{source_html(area)}</details>") if not is_missing(area["wording_zh"]) else ""
    page = html.escape(tr("no page of its own")) if area["chapter"] == "none" else chapter_link(area["chapter"])
    links = tr("; ").join(f'<a href="{page_href("targets", "target-" + t)}">{escaped(target_name(targets.loc[t]))}</a>'
                          for t in area["target_ids"].split())  # readers know a target by what it measures
    number = "" if is_missing(area["section_zh"]) else chinese(area["section_zh"])  # only a number seen in the text
    return (f'<tr id="task-area-{int(area["area"])}"><th scope="row">{number}'
            f'{small(tr(area["heading_status"]))}</th><td>{chinese(area["heading_zh"])}{english}{wording}</td>'
            f"<td>{page}</td><td>{measure_links(area['measure_ids'], names)}</td><td>{links}</td>"
            f'<td>{escaped(pick(area, "site_data_en"))}</td></tr>')


def task_areas_html(data: dict) -> str:
    """General requirements first, then the four task areas."""
    names = {row["measure_id"]: pick(row, "measure_en") for _, row in data["milestones"].iterrows()}
    head = "".join(f'<th scope="col">{html.escape(tr(name))}</th>' for name in COLUMNS)
    targets = data["targets"].set_index("target_id", drop=False)
    rows = "".join(_row(area, names, targets) for _, area in data["task_areas"].iterrows())
    return scroll_box(f'<table class="gm-front-table gm-family-areas"><thead><tr>{head}</tr>'
                      f"</thead><tbody>{rows}</tbody></table>")
