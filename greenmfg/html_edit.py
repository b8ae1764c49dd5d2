"""Edits of built HTML through a parser (BeautifulSoup): what post-render changes in either renderer's pages.

Third-party tags go (Quarto's require.js and jQuery from cdnjs among them), and a check lists anything left that
would make a browser fetch from another host. Pages are parsed once and written once; the serialiser keeps each
tag's attributes in their order and writes void elements the HTML way (`<meta …>`, not `<meta …/>`).
"""
from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag
from bs4.dammit import EntitySubstitution
from bs4.formatter import HTMLFormatter

# Tags that fetch, and the attribute that says from where.
FETCHING = {"script": "src", "link": "href", "img": "src", "iframe": "src", "source": "src", "video": "src",
            "audio": "src", "embed": "src", "object": "data", "track": "src", "input": "src"}
# <link> relations that name a page instead of loading one.
NAMING_RELS = {"canonical", "alternate", "author", "license", "help", "next", "prev", "bookmark"}
CSS_FETCH = re.compile(r"@import\s+(?:url\()?['\"]?((?:https?:)?//[^'\")\s]+)"
                       r"|url\(\s*['\"]?((?:https?:)?//[^'\")\s]+)", re.IGNORECASE)
LOCAL_HOSTS = ("//127.0.0.1", "//localhost")
AMD_SHIM = re.compile(r"^\s*define\('jquery'")  # Quarto's jQuery shim for require.js, useless without them


class _SourceOrder(HTMLFormatter):
    """Attributes in the order the page has them (BeautifulSoup sorts them by default)."""

    def attributes(self, tag: Tag):  # noqa: ANN201 - BeautifulSoup's hook
        return list(tag.attrs.items()) if tag.attrs else []


FORMATTER = _SourceOrder(entity_substitution=EntitySubstitution.substitute_xml, void_element_close_prefix=None)


def parse(text: str) -> BeautifulSoup:
    return BeautifulSoup(text, "html.parser")


def serialize(doc: BeautifulSoup | Tag) -> str:
    return doc.decode(formatter=FORMATTER)


def fragment(text: str) -> list[Tag]:
    """Markup to insert into a parsed page, as nodes."""
    return list(parse(text).contents)


def is_remote(url: str) -> bool:
    """True for an address on another host (loopback counts as ours)."""
    url = url.strip()
    return url.startswith(("http://", "https://", "//")) and not any(h in url for h in LOCAL_HOSTS)


def _fetch_url(tag: Tag) -> str | None:
    """The address a tag makes the browser fetch, if any."""
    attr = FETCHING.get(tag.name)
    if not attr or not tag.get(attr):
        return None
    if tag.name == "link" and set(tag.get("rel") or []) & NAMING_RELS:
        return None
    return str(tag[attr])


def strip_third_party(doc: BeautifulSoup) -> int:
    """Remove every <script>/<link> that loads from another host, and Quarto's jQuery shim; return how many."""
    removed = 0
    for tag in doc.find_all(["script", "link"]):
        url = _fetch_url(tag)
        if (url and is_remote(url)) or (tag.name == "script" and not tag.get("src") and AMD_SHIM.match(tag.get_text())):
            tag.decompose()
            removed += 1
    return removed


def third_party_refs(doc: BeautifulSoup) -> list[str]:
    """Every third-party address the page would make a browser fetch: resource tags, <style> and style=""."""
    refs = [url for tag in doc.find_all(list(FETCHING)) if (url := _fetch_url(tag)) and is_remote(url)]
    css = [t.get_text() for t in doc.find_all("style")] + [str(t["style"]) for t in doc.find_all(style=True)]
    return refs + css_third_party_refs("\n".join(css))


def css_third_party_refs(css: str) -> list[str]:
    """Third-party addresses a stylesheet imports or loads with url()."""
    return [ref for match in CSS_FETCH.finditer(css) if is_remote(ref := next(g for g in match.groups() if g))]


def tidy_quarto_markup(doc: BeautifulSoup) -> None:
    """Fix what Quarto 1.7 writes invalidly and its runtime does not read: the build-time `append-hash` attribute
    on stylesheets, role="menu" on the navbar toggle (a plain button) and role="listitem" on a citation outside a
    list."""
    for link in doc.find_all("link", attrs={"append-hash": True}):
        del link["append-hash"]
    for button in doc.find_all("button", attrs={"role": "menu"}):
        del button["role"]
    for item in doc.find_all(attrs={"role": "listitem"}):
        if item.parent is None or item.parent.get("role") != "list":
            del item["role"]
