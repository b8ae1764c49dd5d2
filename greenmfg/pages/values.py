"""What page packages use to declare their values: variable keys, phrases joining a value and its year, and the
data's last-updated date. Kept apart from :mod:`greenmfg.pages.variables`, which imports every page package, so
that pages never import back the module that loads them."""
from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from greenmfg.data import loaders

KEY_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")


def key(text: str) -> str:
    """Turn an id (e.g. 'green-factory-share-2030', 'T01') into a variable key segment ('green_factory_share_2030', 't01')."""
    k = re.sub(r"[^a-z0-9_]", "_", str(text).lower())
    if not KEY_PATTERN.match(k):
        raise ValueError(f"cannot make a variable key from {text!r}")
    return k


SOURCE_DATES = (("context_series", "source_date"), ("policy_targets", "source_date"),
                ("policy_targets", "baseline_source_date"), ("claims", "evidence_date"),
                ("policy_document", "source_date"))


def last_updated(tables: dict[str, pd.DataFrame]) -> str:
    """The newest source date across the data's dated columns (data.last_updated on every page)."""
    dates = [str(d) for name, column in SOURCE_DATES for d in tables[name][column].tolist() if d]
    return max(dates) if dates else ""


def data_last_updated(data_dir=None) -> str:
    """data.last_updated computed from the data (pages that measure staleness against it load it here)."""
    return last_updated({"context_series": loaders.load_context_series(data_dir),
                         "policy_targets": loaders.load_policy_targets(data_dir), "claims": loaders.load_claims(data_dir),
                         "policy_document": loaders.load_policy_document(data_dir)})


@dataclass(frozen=True)
class Phrase:
    """A short name whose value reads as one phrase made of other values: ``message`` in the edition's language
    (a message of the catalogue) with each field filled from a variable key."""

    message: str
    fields: tuple[tuple[str, str], ...]

    def __str__(self) -> str:
        return f"{self.message!r} with " + ", ".join(f"{field}={key}" for field, key in self.fields)


def phrase(message: str, **fields: str) -> Phrase:
    """A value and the year (or period) it belongs to, read as one: ``phrase("{level} in {year}", level=…, year=…)``
    is '16.49 million vehicles in 2025' on English pages and, through the catalogue, '2025年的1,649万辆' on Chinese
    ones (the message is the catalogue key, so its field names tell apart phrases worded alike in English)."""
    return Phrase(message, tuple(sorted(fields.items())))
