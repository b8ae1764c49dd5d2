"""A way into the site's other pages (tracker, ledger, glossary, data, about): title and description, from the site map.

The chapters have their own cards above it on the home page (chapter_cards), so they are not repeated here.
"""
from __future__ import annotations

import html

from greenmfg.locale.i18n import language
from greenmfg.pages.project import Page, home, pages


def href(page: Page) -> str:
    """Link to a page of the home page's edition, from the home page (the edition's root)."""
    return page.edition_source.with_suffix(".html").as_posix()


def page_map_html() -> str:
    """One linked line per page of the reader's edition that is neither the home page nor a chapter, in site order,
    as its front matter titles and describes it."""
    lang = language()
    items = "".join(f'<li><a href="{href(p)}"><strong>{html.escape(p.title)}</strong></a>'
                    f"<br>{html.escape(p.description)}</li>"
                    for p in pages(lang) if p != home(lang) and not p.is_chapter)
    return f'<ul class="gm-pagemap">{items}</ul>'
