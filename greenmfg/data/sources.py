"""Sources as readers see them, named from the publisher table (data/processed/publishers.csv) in the page's language.

A table's source columns (``greenmfg:sources`` in its resource file) hold ids and addresses; ``for_readers`` turns
each into a label ("CAAM, reported by SteelOrbis"; "工业和信息化部（据新华社报道的转载）") and the publisher's
short name, and keeps the address only where it is the outlet's own page. Reprint addresses never reach a page.
"""
from __future__ import annotations

from collections.abc import Iterable
from functools import cache

import pandas as pd

from greenmfg.data import csvfiles
from greenmfg.locale.formatting import year_span
from greenmfg.locale.i18n import language, tr


@cache
def _publishers(data_dir=None) -> dict[str, dict]:
    """The publisher table by id (read once per data directory; the validator checks it with the other tables, and
    read here directly because the loaders name sources through this module)."""
    from greenmfg.paths import data_dir as resolve

    table = csvfiles.read_frame(resolve(data_dir) / "processed" / "publishers.csv")
    return {row["id"]: row for row in table.to_dict("records")}


def publisher_name(publisher_id: str, short: bool = True) -> str:
    """A publisher's name in the page's language; its English name where it has no Chinese one."""
    entry = _publishers().get(publisher_id)
    if entry is None:
        raise KeyError(f"unknown publisher id {publisher_id!r} (not in data/processed/publishers.csv)")
    kind = "short" if short else "name"
    return (language() == "zh" and entry[f"{kind}_zh"]) or entry[f"{kind}_en"]


def source_label(publisher_id: str, outlet_id: str, url: str) -> str:
    """Who published the figure and whose report is cited; "seen in a reprint" where the outlet's page was not."""
    if not publisher_id:
        return ""
    publisher = publisher_name(publisher_id)
    outlet = publisher_name(outlet_id) if outlet_id and outlet_id != publisher_id else ""
    if url:
        return tr("{publisher}, reported by {outlet}", publisher=publisher, outlet=outlet) if outlet else publisher
    if outlet:
        return tr("{publisher}, reported by {outlet} (seen in a reprint)", publisher=publisher, outlet=outlet)
    return tr("{publisher} (seen in a reprint)", publisher=publisher)


def for_readers(frame: pd.DataFrame, groups: Iterable[dict]) -> pd.DataFrame:
    """The table with each source's text column replaced by its label, plus the publisher's short name beside it
    (``publisher``, or ``<prefix>publisher`` for a prefixed group) and no reprint addresses."""
    frame = frame.copy()
    for group in groups:
        prefix = group["publisher"].removesuffix("publisher_id")
        ids = frame[[group["publisher"], group["outlet"], group["url"]]].itertuples(index=False)
        frame[group["org"]] = [source_label(*row) for row in ids]
        frame[f"{prefix}publisher"] = frame[group["publisher"]].map(lambda pid: publisher_name(pid) if pid else "")
        frame = frame.drop(columns=[group["mirror_url"]])
    return frame


def short_source_line(rows: Iterable[dict], lang: str | None = None) -> str:
    """Publishers in order of first appearance and the years the rows cover: 'CAAM, MIIT (2016–2025)', on Chinese
    pages '中国汽车工业协会、工业和信息化部（2016—2025年）'."""
    lang = lang or language()
    rows = list(rows)
    names = dict.fromkeys(str(row.get("publisher") or "") for row in rows)
    names.pop("", None)
    years = {year for row in rows if (year := str(row.get("as_of") or "")[:4]).isdigit()}
    line = ("、" if lang == "zh" else ", ").join(names)
    if years:
        span = year_span(min(years), max(years), lang)
        line += f"（{span}）" if lang == "zh" else f" ({span})"
    return line
