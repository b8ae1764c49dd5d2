"""How to cite the site: plain text and BibTeX, from the about page's own citation metadata and the data.

Title and author are the about page's front matter `citation` (which Quarto also reads), so they are
written once.
"""
from __future__ import annotations

import html

from greenmfg.locale.i18n import language, tr
from greenmfg.pages.project import page


# (table, column) pairs whose newest date is the last data update; the same as the generic data.last_updated.
def citation_meta() -> tuple[str, str]:
    """(title, author) from the front matter of the reader's edition of the about page."""
    citation = page("about", language()).front_matter["citation"]
    return citation["title"], citation["author"][0]["name"]["literal"]


def citation_text(last_updated: str, version: str) -> str:
    """The plain-text citation of the site."""
    title, author = citation_meta()
    return tr("{author}. {title}. Data version {version}, last data update {last_updated}.", author=author, title=title,
              version=version, last_updated=last_updated)


def _note(version: str, last_updated: str) -> str:
    """The data's version and last update, as the BibTeX note says them."""
    return tr("Data version {version}, last data update {last_updated}", version=version, last_updated=last_updated)


def bibtex(last_updated: str, version: str) -> str:
    """A BibTeX @misc entry for the site (the author in double braces: a corporate name, not First Last)."""
    title, author = citation_meta()
    return ("@misc{greenmfg_explainer,\n"
            f"  author = {{{{{author}}}}},\n"
            f"  title = {{{title}}},\n"
            f"  year = {{{last_updated[:4]}}},\n"
            f"  note = {{{_note(version, last_updated)}}}\n}}")


def citation_html(last_updated: str, version: str) -> str:
    """Plain-text citation and BibTeX, ready to copy."""
    return (f'<p class="gm-citation">{html.escape(citation_text(last_updated, version))}</p>'
            f'<pre tabindex="0"><code class="language-bibtex">{html.escape(bibtex(last_updated, version))}</code></pre>')
