"""What the family page's blocks share: verdicts in the page's language, documents by id, dates on a time axis."""
from __future__ import annotations

import pandas as pd

from greenmfg.data import milestones as verdict_rules
from greenmfg.locale.i18n import pick, tr

OPINIONS = "guiding_opinions_2024"  # the document this site explains: the end of every chain
# The Opinions' short title as the site declares it in both editions: Guiding Opinions, 《指导意见》 (the data's short_zh,
# 制造业绿色化发展指导意见, is a longer short form no page uses).
OPINIONS_SHORT = "Guiding Opinions"


def verdict_frame(data: dict) -> pd.DataFrame:
    """Each milestone with its verdict, reason and the figure the verdict rests on, in the page's language."""
    verdicts = verdict_rules.verdicts(data["milestones"], data["context"], data["schedule"], data["last_updated"])
    return data["milestones"].merge(verdicts, on="milestone_id", how="left", validate="one_to_one")


def iso_date(text: str) -> str:
    """A document date on the time axis: a full date as it is, a month at its first day, a year at mid-year."""
    parts = str(text).split("-")
    return {1: f"{parts[0]}-07-01", 2: f"{parts[0]}-{parts[1]}-01"}.get(len(parts), str(text))


def document_label(document: pd.Series) -> str:
    """A document's short title as readers see it on the page, in Chinese inside book-title marks
    (《工业领域碳达峰实施方案》, 《指导意见》); the Opinions by the short title the site declares."""
    short = tr(OPINIONS_SHORT) if document["document_id"] == OPINIONS else pick(document, "short_en")
    return tr("{document}", document=short)


def documents_by_id(data: dict) -> pd.DataFrame:
    """The documents indexed by id, with their short title in the page's language (`label`, document_label)."""
    documents = data["documents"].set_index("document_id", drop=False)
    return documents.assign(label=[document_label(row) for _, row in documents.iterrows()])
