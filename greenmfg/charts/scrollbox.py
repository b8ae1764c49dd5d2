"""Wide tables in a box that scrolls sideways, with a line above saying so; the first column stays in view.

assets/site.css shows the line only while the table is wider than its box and keeps the first column in place.
"""
from __future__ import annotations

from greenmfg.locale.i18n import tr

SCROLL_HINT = "Scroll sideways to see every column; the first column stays in view."


def scroll_box(table_html: str, box_class: str = "gm-front-wrap") -> str:
    """``table_html`` in a box that scrolls sideways (focusable, so keys scroll it too), under the hint line."""
    return (f'<div class="gm-scroll"><p class="gm-scroll-hint">{tr(SCROLL_HINT)}</p>'
            f'<div class="{box_class}" tabindex="0">{table_html}</div></div>')
