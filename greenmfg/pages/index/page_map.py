"""A way into every page of the site but the home page: its title and description, from the site map."""
from __future__ import annotations

import html

from greenmfg.project import home, pages


def page_map_html() -> str:
    """One linked line per page, in site order, as each page's front matter titles and describes it."""
    items = "".join(f'<li><a href="{p.output.as_posix()}"><strong>{html.escape(p.title)}</strong></a>'
                    f"<br>{html.escape(p.description)}</li>" for p in pages() if p != home())
    return f'<ul class="gm-pagemap">{items}</ul>'
