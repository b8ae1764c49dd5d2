"""The validator's named checks, as the data package descriptor describes them."""
from __future__ import annotations

import html
from typing import Any

from greenmfg.i18n import pick, tr
from greenmfg.markup import with_code

DESCRIPTIONS = "greenmfg:check_descriptions"


def checks_html(descriptor: dict[str, Any]) -> str:
    """One list item per check: its name and what it verifies (in the page's language, `names` shown as code)."""
    described = pick(descriptor, DESCRIPTIONS) if DESCRIPTIONS in descriptor else {}
    items = "".join("<li>" + tr("{check}: {text}", check=f"<code>{html.escape(name)}</code>", text=with_code(text))
                    + "</li>" for name, text in described.items())
    return f"<ul>{items}</ul>"
