"""Two editions, one site: each edition renders into its own folder and is then placed in _site/.

English is the site root, Chinese lives in _site/zh/. Quarto renders a profile's pages into the profile's
`output-dir` and, on a full render, empties that folder first (quarto-cli, render/project.ts), so each
edition renders into a staging folder of its own (.build/site-<lang>) and `place` copies it into _site/
without touching the other edition. The Chinese staging folder holds zh/… pages next to a search index
and sitemap of its own; `place` moves those into _site/zh/ and makes zh/ the pages' search root
(`quarto:offset`), so the Chinese search box searches Chinese pages only. Language links (hreflang,
canonical, the switcher to the same page in the other language) are written here for both renderers.
"""
from __future__ import annotations

import html
import json
import os
import shutil
from pathlib import Path
from xml.etree import ElementTree

from greenmfg.locale.i18n import HREFLANG, edition_prefix
from greenmfg.pages.project import BuildError, Page, editions, pages, quarto_config, site_url
from greenmfg.paths import REPO_ROOT, SITE_DIR

SWITCH_TEXT = {"en": "English", "zh": "中文"}


def profile_edition() -> str:
    """The edition Quarto is rendering: the one whose folder its hooks are given (QUARTO_PROJECT_OUTPUT_DIR),
    else the active profile (QUARTO_PROFILE), else the default."""
    out = os.environ.get("QUARTO_PROJECT_OUTPUT_DIR")
    for lang in editions():
        if out and Path(out).resolve() == staging_dir(lang).resolve():
            return lang
    active = [p.strip() for p in os.environ.get("QUARTO_PROFILE", "").split(",")]
    return next((lang for lang in editions() if lang in active), editions()[0])


def staging_dir(lang: str) -> Path:
    """Where an edition renders before it is placed in _site/ (the profile's project.output-dir)."""
    return REPO_ROOT / quarto_config(lang)["project"]["output-dir"]


def edition_dir(lang: str, site: Path = SITE_DIR) -> Path:
    """An edition's folder in the finished site."""
    return site / edition_prefix(lang) if edition_prefix(lang) else site


def _edition_folders() -> set[str]:
    """The folders the non-default editions live in at the site root ('zh')."""
    return {edition_prefix(lang).rstrip("/") for lang in editions() if edition_prefix(lang)}


def _clear_edition(lang: str, site: Path) -> None:
    """Remove one edition from the site, leaving the other editions' folders alone."""
    target = edition_dir(lang, site)
    if target == site:
        for child in list(site.iterdir()) if site.exists() else []:
            if child.name not in _edition_folders():
                shutil.rmtree(child) if child.is_dir() else child.unlink()
    elif target.exists():
        shutil.rmtree(target)


def rebase_offset(doc) -> None:
    """A page moved from the staging root's zh/ to be its edition's own root: one '../' less to the search root."""
    meta = doc.find("meta", attrs={"name": "quarto:offset"})
    if meta is not None:
        meta["content"] = str(meta["content"]).removeprefix("../") or "./"


def place(lang: str, staging: Path, site: Path = SITE_DIR) -> None:
    """Copy a rendered edition from its staging folder into the site, replacing only that edition."""
    if not staging.is_dir():
        raise BuildError(f"{staging}: the {lang} edition was not rendered")
    site.mkdir(parents=True, exist_ok=True)
    _clear_edition(lang, site)
    prefix = edition_prefix(lang)
    if not prefix:
        for child in staging.iterdir():
            if child.name in _edition_folders():
                continue
            target = site / child.name
            shutil.copytree(child, target) if child.is_dir() else shutil.copyfile(child, target)
        return
    target = edition_dir(lang, site)
    shutil.copytree(staging / prefix.rstrip("/"), target)
    for page in target.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        from greenmfg.site.html_edit import edited  # the HTML parser loads only here and in add_language_links

        rebased = edited(text, "rebase offset", rebase_offset)
        if rebased != text:
            page.write_text(rebased, encoding="utf-8")
    for child in staging.iterdir():  # shared files (site_libs, assets) if this edition is rendered first
        if child.name not in (prefix.rstrip("/"), "search.json", "sitemap.xml") and not (site / child.name).exists():
            shutil.copytree(child, site / child.name) if child.is_dir() else shutil.copyfile(child, site / child.name)
    search = staging / "search.json"
    if search.exists():
        entries = json.loads(search.read_text(encoding="utf-8"))
        kept = [{**e, "href": e["href"].removeprefix(prefix)} for e in entries if e.get("href", "").startswith(prefix)]
        (target / "search.json").write_text(json.dumps(kept, ensure_ascii=False, indent=0), encoding="utf-8")
    if (staging / "sitemap.xml").exists():
        shutil.copyfile(staging / "sitemap.xml", target / "sitemap.xml")


def show_other_editions(lang: str, staging: Path, site: Path = SITE_DIR) -> None:
    """Copy the other editions' pages from the site into this edition's staging folder, laid out as in the site,
    so that the language switcher works in `quarto preview` (which serves the staging folder)."""
    if lang == editions()[0]:
        for other in (o for o in editions() if edition_prefix(o)):
            source = edition_dir(other, site)
            if source.is_dir():
                shutil.copytree(source, edition_dir(other, staging), dirs_exist_ok=True)
        return
    for child in site.iterdir():
        target = staging / child.name
        if child.name in _edition_folders() or target.exists():
            continue
        shutil.copytree(child, target) if child.is_dir() else shutil.copyfile(child, target)


# ---------------------------------------------------------------- language links


def page_url(page: Page) -> str:
    return site_url() + page.output.as_posix()


def head_links(page: Page) -> str:
    """canonical and hreflang alternates (every edition, and x-default: the English page)."""
    twins = [page.twin(lang) for lang in editions()]
    links = [f'<link rel="canonical" href="{html.escape(page_url(page))}">']
    links += [f'<link rel="alternate" hreflang="{HREFLANG[t.lang]}" href="{html.escape(page_url(t))}">' for t in twins]
    links.append(f'<link rel="alternate" hreflang="x-default" href="{html.escape(page_url(twins[0]))}">')
    return "".join(links)


def switcher(page: Page) -> str:
    """A link to the same page (and section) in the other language, labelled in that language."""
    other = next(lang for lang in editions() if lang != page.lang)
    twin = page.twin(other)
    href = page.root_prefix + twin.output.as_posix()
    return (f'<a class="gm-lang-switch" href="{href}" hreflang="{HREFLANG[other]}" lang="{HREFLANG[other]}" '
            f"onclick=\"this.href=this.href.split('#')[0]+location.hash\">{SWITCH_TEXT[other]}</a>")


def add_language_links(page: Page, doc) -> None:
    """Give the parsed page its canonical/hreflang links and language switcher (once: a rebuilt page is not doubled)."""
    from greenmfg.site.html_edit import fragment

    if doc.find("a", class_="gm-lang-switch"):
        return
    for old in doc.find_all("link", rel="canonical"):
        old.decompose()
    if doc.head is None:
        raise BuildError(f"{page.output}: no <head> to add language links to")
    tools = doc.find("div", class_=["quarto-navbar-tools", "site-tools"])
    if tools is None:
        raise BuildError(f"{page.output}: no navbar tools block to put the language switcher in")
    doc.head.extend(fragment(head_links(page)))
    tools.insert(0, fragment(switcher(page))[0])


def link_sitemap(lang: str, site: Path = SITE_DIR) -> None:
    """Check that every page of the edition was built; give its sitemap hreflang alternates."""
    missing = [p.output.as_posix() for p in pages(lang) if not (site / p.output).exists()]
    if missing:
        raise BuildError(f"pages missing from the built site: {', '.join(missing)}")
    _sitemap_alternates(lang, site)


SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


def _sitemap_alternates(lang: str, site: Path) -> None:
    """Each sitemap <url> lists its page in every language (xhtml:link), as search engines read hreflang."""
    path = edition_dir(lang, site) / "sitemap.xml"
    if not path.exists():
        return
    ElementTree.register_namespace("", SITEMAP_NS)
    ElementTree.register_namespace("xhtml", XHTML_NS)
    tree = ElementTree.parse(path)
    by_url = {page_url(p): p for p in pages(lang)}
    for entry in tree.getroot().iter(f"{{{SITEMAP_NS}}}url"):
        page = by_url.get((entry.findtext(f"{{{SITEMAP_NS}}}loc") or "").strip())
        if page is None or entry.find(f"{{{XHTML_NS}}}link") is not None:
            continue
        for twin in (page.twin(other) for other in editions()):
            ElementTree.SubElement(entry, f"{{{XHTML_NS}}}link", rel="alternate", hreflang=HREFLANG[twin.lang],
                                   href=page_url(twin))
    tree.write(path, encoding="UTF-8", xml_declaration=True)


def write_robots(site: Path = SITE_DIR) -> None:
    """robots.txt naming every edition's sitemap."""
    lines = ["User-agent: *", "Allow: /"] + [f"Sitemap: {site_url()}{edition_prefix(lang)}sitemap.xml" for lang in editions()]
    (site / "robots.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
