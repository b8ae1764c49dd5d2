"""How the family page shows a source: the publisher-table label in the page's language (greenmfg.data.sources: "seen
in a reprint" where the outlet's own page was not seen), linked only to the outlet's own page."""
from __future__ import annotations

import pandas as pd

from greenmfg.charts.markup import source_html as label_html
from greenmfg.data.frames import provenance_of


def source_html(row: pd.Series) -> str:
    """'<a>People's Daily Online, 1 March 2024</a>', or the label and date, unlinked, for a source seen in a reprint."""
    return label_html(row["source_org"], row["source_date"], row["url"])


def provenance(row: pd.Series, as_of: str) -> dict[str, str]:
    """A chart row's provenance (greenmfg.data.frames.PROVENANCE): publisher and label in the page's language, date, the
    outlet's page (empty for a reprint) and as_of."""
    return {**provenance_of(row), "as_of": as_of}
