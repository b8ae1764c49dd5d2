"""What page packages use to declare their values: variable keys and phrases joining a value and its year. Kept
apart from :mod:`greenmfg.pages.variables`, which imports every page package, so pages never import back the
module that loads them."""
from __future__ import annotations

import re
from dataclasses import dataclass

KEY_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")


def key(text: str) -> str:
    """Turn an id (e.g. 'green-factory-share-2030', 'T01') into a variable key segment ('green_factory_share_2030', 't01')."""
    k = re.sub(r"[^a-z0-9_]", "_", str(text).lower())
    if not KEY_PATTERN.match(k):
        raise ValueError(f"cannot make a variable key from {text!r}")
    return k


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
