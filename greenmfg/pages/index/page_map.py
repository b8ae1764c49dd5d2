"""A way into the site's other pages (tracker, ledger, glossary, data, about): title and description, from the site map.

The chapters have their own cards above it on the home page (chapter_cards), so they are not repeated here.
"""
from __future__ import annotations

import html

from greenmfg.project import home, pages


def page_map_html() -> str:
    """One linked line per page that is neither the home page nor a chapter, in site order, as its front matter
    titles and describes it."""
    items = "".join(f'<li><a href="{p.output.as_posix()}"><strong>{html.escape(p.title)}</strong></a>'
                    f"<br>{html.escape(p.description)}</li>" for p in pages() if p != home() and not p.is_chapter)
    return f'<ul class="gm-pagemap">{items}</ul>'
