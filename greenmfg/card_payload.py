"""How a rendered page carries each card's data: one JSON script per card (id, columns, rows, Vega spec).

The card writes it; post-render (chart CSVs), the preview's search index and the benchmark read it.
Kept apart from card.py so reading a built page does not import Altair.
"""
from __future__ import annotations

import html
import json
import re
from typing import Any

PAYLOAD_SCRIPT = re.compile(r'<script type="application/json" class="gm-payload">(.*?)</script>', re.S)


def payload_script(payload: dict[str, Any]) -> str:
    """The payload as an inline JSON script, safe inside HTML."""
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=False).replace("</", "<\\/")
    return f'<script type="application/json" class="gm-payload">{text}</script>'


def payloads_in(page_html: str) -> list[dict[str, Any]]:
    """The payloads of every card on a rendered page."""
    return [json.loads(html.unescape(text) if "&quot;" in text else text) for text in PAYLOAD_SCRIPT.findall(page_html)]
