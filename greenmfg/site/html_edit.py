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


# Quarto's search box (autocomplete.js) draws a search button and a combobox with no accessible name; this names
# them with Quarto's own search label, in the page's language.
NAME_SEARCH = """<script>(() => {
  const options = JSON.parse(document.getElementById("quarto-search-options")?.textContent || "{}");
  const label = (options.language || {})["search-label"] || "Search";
  const name = () => document.querySelectorAll(".aa-DetachedSearchButton, .aa-Autocomplete, .aa-Input")
    .forEach((el) => el.hasAttribute("aria-label") || el.setAttribute("aria-label", label));
  addEventListener("load", () => {
    name();
    new MutationObserver(name).observe(document.body, {childList: true});
    const box = document.getElementById("quarto-search");
    if (box) new MutationObserver(name).observe(box, {childList: true, subtree: true});
  });
})();</script>"""


def name_quarto_search(doc: BeautifulSoup) -> None:
    """Add the script that names Quarto's search controls, once, to a page that has Quarto's search."""
    if doc.find(id="quarto-search-options") and not doc.find("script", string=re.compile("quarto-search-options")):
        doc.body.append(fragment(NAME_SEARCH)[0])


def lighten_quarto_head(doc: BeautifulSoup) -> None:
    """Make Quarto's page head cheaper to first paint, keeping its behaviour: its classic scripts run deferred (in
    order, before DOMContentLoaded, which is when they act), the dark stylesheets start disabled (Quarto's own
    switch enables them for a dark-mode reader before the page draws), and the icon font's stylesheet goes (the
    site shows no icon from it; the dark-mode toggle draws from Bootstrap's CSS)."""
    for script in doc.head.find_all("script", src=True) if doc.head else []:
        if "site_libs/" in script["src"] and script.get("type") != "module" and not script.has_attr("async"):
            script["defer"] = ""
    for sheet in doc.find_all("link", class_="quarto-color-alternate"):
        sheet["rel"] = "disabled-stylesheet"
    for icons in doc.find_all("link", href=re.compile(r"site_libs/bootstrap/bootstrap-icons\.css$")):
        icons.decompose()


def edited(text: str, salt: str, edit) -> str:  # noqa: ANN001 - edit: Callable[[BeautifulSoup], bool]
    """``edit`` applied to the parsed text, serialised; cached under .build/edited/ on the text and ``salt`` (what
    else the edit depends on), so that an unchanged page is never parsed again. An edit returning False (it found
    a problem) is not cached."""
    from hashlib import sha256

    from greenmfg.paths import BUILD_DIR

    cached = BUILD_DIR / "edited" / (sha256((salt + "\0" + text).encode()).hexdigest() + ".html")
    if cached.exists():
        return cached.read_text(encoding="utf-8")
    doc = parse(text)
    result = serialize(doc) if edit(doc) is not False else None
    if result is None:
        return serialize(doc)
    cached.parent.mkdir(parents=True, exist_ok=True)
    cached.write_text(result, encoding="utf-8")
    return result
