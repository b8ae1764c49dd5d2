"""How to cite the site and whom to tell about an error: plain text, BibTeX, the publisher and the repository, from
the about page's own citation metadata, the data and the site's address.

Title and author are the about page's front matter `citation` (which Quarto also reads), so they are written once.
The dates are the data's: the newest source's release date and the last recorded search of the sources
(greenmfg.data.freshness), each labelled as what it is. The Chinese citation follows GB/T 7714-2015 for an online
resource ([EB/OL], (update date)[date cited], address), both dates the last search of the sources (a reader who
cites a later build cites its own dates); the English keeps its own style.
"""
from __future__ import annotations

import html

from greenmfg.locale.formatting import reader_date
from greenmfg.locale.i18n import edition_prefix, language, tr
from greenmfg.pages.project import page, repository_url, site_url


def citation_meta() -> tuple[str, str]:
    """(title, author) from the front matter of the reader's edition of the about page."""
    citation = page("about", language()).front_matter["citation"]
    return citation["title"], citation["author"][0]["name"]["literal"]


def edition_url() -> str:
    """The address of the reader's edition of the site (the Chinese edition lives under zh/)."""
    return site_url() + edition_prefix()


def citation_text(last_updated: str, version: str, checked: str) -> str:
    """The plain-text citation of the site; on Chinese pages in GB/T 7714 form, its update date and its date cited
    both the last check of the sources (a filled date, never a placeholder a desk would have to replace)."""
    title, author = citation_meta()
    if language() == "zh":
        return f"{author}. {title}[EB/OL]. ({checked})[{checked}]. {edition_url()}."
    return (f"{author}. {title}. Data version {version}; latest source published {reader_date(last_updated)}, "
            f"sources last checked {reader_date(checked[:7])}. {edition_url()}")


def _note(version: str, last_updated: str, checked: str) -> str:
    """The data's version and dates, as the BibTeX note says them (as the page says them)."""
    return tr("Data version {version}; latest source published {newest}; sources last checked {checked}", version=version,
              newest=reader_date(last_updated), checked=reader_date(checked[:7]))


def bibtex(last_updated: str, version: str, checked: str) -> str:
    """A BibTeX @misc entry for the site (the author in double braces: a corporate name, not First Last)."""
    title, author = citation_meta()
    return ("@misc{greenmfg_explainer,\n"
            f"  author = {{{{{author}}}}},\n"
            f"  title = {{{title}}},\n"
            f"  year = {{{checked[:4]}}},\n"
            f"  url = {{{edition_url()}}},\n"
            f"  note = {{{_note(version, last_updated, checked)}}}\n}}")


def citation_html(last_updated: str, version: str, checked: str) -> str:
    """Plain-text citation and BibTeX, ready to copy."""
    return (f'<p class="gm-citation">{html.escape(citation_text(last_updated, version, checked))}</p>'
            f'<pre tabindex="0"><code class="language-bibtex">'
            f'{html.escape(bibtex(last_updated, version, checked))}</code></pre>')


def contact_html() -> str:
    """Who publishes the site, where its code and data are, and how to report an error: the repository's issue
    tracker (the site has no other contact address)."""
    _, author = citation_meta()
    repo = repository_url()
    link = f'<a href="{html.escape(repo)}">{html.escape(repo.removeprefix("https://"))}</a>'
    issues = f'<a href="{html.escape(repo)}/issues">{html.escape(tr("the repository’s issue tracker"))}</a>'
    return ("<p>" + tr("This site is published by the {author}. Its code, data and every change are public in its "
                       "repository, {repository}.", author=html.escape(author), repository=link) + "</p><p>"
            + tr("Found a wrong figure or a better source? Open an issue in {issues}, naming the ledger entry or "
                 "tracker row (each names its source).", issues=issues) + "</p>")
