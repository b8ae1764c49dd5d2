"""What every figure carries and how it links to its source, in readers' words (``greenmfg:promises`` of the data
package descriptor). Each statement names the validator's checks that keep it true; the checks themselves (date
ranges, shares, signs) document the rules for the data's maintainers in data/README.md, not for readers."""
from __future__ import annotations

import html
from typing import Any

from greenmfg.locale.i18n import pick

PROMISES = "greenmfg:promises"


def promises(descriptor: dict[str, Any]) -> list[dict[str, Any]]:
    """The statements the data page makes about the data, each with the checks (validator rule names) behind it."""
    return list(descriptor.get(PROMISES, []))


def checks_html(descriptor: dict[str, Any]) -> str:
    """One list item per statement, in the page's language."""
    items = "".join(f"<li>{html.escape(pick(item, 'description'))}</li>" for item in promises(descriptor))
    return f"<ul>{items}</ul>"
