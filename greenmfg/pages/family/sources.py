"""How the family page shows a source: the original publisher, linked only on its own site; a reprint said to be one;
a reprint on a withheld host named without its address (the research note keeps it)."""
from __future__ import annotations

import html

import pandas as pd

from greenmfg.charts.markup import cell_text, escaped
from greenmfg.data.frames import is_missing
from greenmfg.locale.formatting import reader_date
from greenmfg.locale.i18n import pick, tr

# Where the address of a withheld reprint is recorded; chart rows name it in place of the address.
RESEARCH_NOTE = "data/raw/research/policy-family-2026-12/README.md"
SEEN_IN = {"original": "", "reprint": " (seen in a reprint, not linked)",
           "reprint, address withheld": " (seen in a reprint; address withheld)"}


def source_html(row: pd.Series) -> str:
    """'<a>People's Daily, 5 December 2021</a>', or the publisher and date with how the source was seen."""
    org = pick(row, "source_org")
    if is_missing(org):
        return ""
    label = escaped(org) + ("" if is_missing(row["source_date"]) else
                            html.escape(tr(", {date}", date=reader_date(cell_text(row["source_date"])))))
    if not is_missing(row["url"]):
        return f'<a href="{escaped(row["url"])}">{label}</a>'
    return label + html.escape(tr(SEEN_IN.get(cell_text(row["seen_in"]), "")))


def provenance(row: pd.Series, as_of: str) -> dict[str, str]:
    """A chart row's provenance (greenmfg.data.frames.PROVENANCE): publisher in the page's language, date, url or mirror
    (the research note for a withheld reprint), and as_of."""
    mirror = cell_text(row["mirror_url"]) or ("" if not is_missing(row["url"]) else RESEARCH_NOTE)
    return {"source_org": cell_text(pick(row, "source_org")), "source_date": cell_text(row["source_date"]),
            "url": cell_text(row["url"]), "mirror_url": mirror, "as_of": as_of}
