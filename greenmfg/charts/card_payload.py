"""How a rendered page carries each card's data: one JSON script per card (id, columns, rows, Vega spec).

The card writes it; the chart runtime, the benchmark and the tests read it.
Kept apart from card.py so reading a built page does not import Altair.
"""
from __future__ import annotations

import json
from typing import Any


def payload_script(payload: dict[str, Any]) -> str:
    """The payload as an inline JSON script, safe inside HTML."""
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=False).replace("</", "<\\/")
    return f'<script type="application/json" class="gm-payload">{text}</script>'


def payloads_in(page_html: str) -> list[dict[str, Any]]:
    """The payloads of every card on a rendered page."""
    from greenmfg.site.html_edit import parse

    return [json.loads(script.get_text()) for script in parse(page_html).select("script.gm-payload")]
