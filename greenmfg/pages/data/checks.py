"""The validator's named checks, as the data package descriptor describes them."""
from __future__ import annotations

import html
from typing import Any


def checks_html(descriptor: dict[str, Any]) -> str:
    """One list item per check: its name and what it verifies."""
    items = "".join(f"<li><code>{html.escape(name)}</code>: {html.escape(text)}</li>"
                    for name, text in descriptor.get("greenmfg:check_descriptions", {}).items())
    return f"<ul>{items}</ul>"
