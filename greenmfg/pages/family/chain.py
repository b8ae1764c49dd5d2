"""What the family page's blocks share: verdicts in the page's language, documents by id, dates on a time axis."""
from __future__ import annotations

import pandas as pd

from greenmfg.data import milestones as verdict_rules
from greenmfg.locale.i18n import pick

OPINIONS = "guiding_opinions_2024"  # the document this site explains: the end of every chain


def verdict_frame(data: dict) -> pd.DataFrame:
    """Each milestone with its verdict, reason and the figure the verdict rests on, in the page's language."""
    verdicts = verdict_rules.verdicts(data["milestones"], data["context"], data["schedule"], data["last_updated"])
    return data["milestones"].merge(verdicts, on="milestone_id", how="left", validate="one_to_one")


def iso_date(text: str) -> str:
    """A document date on the time axis: a full date as it is, a month at its first day, a year at mid-year."""
    parts = str(text).split("-")
    return {1: f"{parts[0]}-07-01", 2: f"{parts[0]}-{parts[1]}-01"}.get(len(parts), str(text))


def documents_by_id(data: dict) -> pd.DataFrame:
    """The documents indexed by id, with their short name in the page's language (`label`)."""
    documents = data["documents"].set_index("document_id", drop=False)
    return documents.assign(label=[pick(row, "short_en") for _, row in documents.iterrows()])
