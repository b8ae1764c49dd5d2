"""Wide tables on a phone. A front-door table (the tracker, the policy family's tables, the data page's) turns each
row into a card when its box is narrower than the table: every cell carries its column's name (``data-label``),
which assets/site.css shows above the cell. A chart card's data table keeps its columns and scrolls sideways in
its box, with a line above saying so; its first column stays in view.
"""
from __future__ import annotations

from greenmfg.locale.i18n import tr
from greenmfg.site.html_edit import parse, serialize

SCROLL_HINT = "Scroll sideways to see every column; the first column stays in view."
FRONT_BOX = "gm-front-wrap"  # the box of a front-door table: its rows become cards on a phone
CARDS = "gm-cards"


def labelled(table_html: str) -> str:
    """The table with each body cell naming its column (``data-label``, from the header row) and the class that
    lays its rows out as cards in a narrow box; a row's header cell is the card's title and needs no label."""
    doc = parse(table_html)
    table = doc.find("table")
    names = [th.get_text(" ", strip=True) for th in table.find("thead").find_all("th")]
    table["class"] = [*table.get("class", []), CARDS]
    for row in table.find("tbody").find_all("tr", recursive=False):
        for name, cell in zip(names, row.find_all(["th", "td"], recursive=False)):
            if cell.name == "td":
                cell["data-label"] = name
    return serialize(doc)


def scroll_box(table_html: str, box_class: str = FRONT_BOX) -> str:
    """``table_html`` in a box that scrolls sideways (focusable, so keys scroll it too): a chart card's table under
    the line saying so; a front-door table (``FRONT_BOX``) labelled to become cards where its box is narrow."""
    if box_class == FRONT_BOX:
        return f'<div class="gm-scroll"><div class="{box_class}" tabindex="0">{labelled(table_html)}</div></div>'
    return (f'<div class="gm-scroll"><p class="gm-scroll-hint">{tr(SCROLL_HINT)}</p>'
            f'<div class="{box_class}" tabindex="0">{table_html}</div></div>')
