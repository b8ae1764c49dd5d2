"""What the data's checks verify, in readers' words, as the data package descriptor describes them."""
from __future__ import annotations

import html
from typing import Any

from greenmfg.locale.i18n import pick

DESCRIPTIONS = "greenmfg:check_descriptions"


def checks_html(descriptor: dict[str, Any]) -> str:
    """One list item per check: what it verifies, in the page's language."""
    described = pick(descriptor, DESCRIPTIONS) if DESCRIPTIONS in descriptor else {}
    items = "".join(f"<li>{html.escape(text)}</li>" for text in described.values())
    return f"<ul>{items}</ul>"
