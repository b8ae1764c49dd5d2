"""Standalone embed pages: one per chart card, for putting a chart in another page with an <iframe>.

Each embed page is cut from the card as built (so it shows exactly what the site shows): title, chart,
one-line source, licence and a link back, drawn by the same offline runtime, with no navigation. It is
`noindex` and written after the search index and sitemap, which never list it.
"""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

from .i18n import HREFLANG, edition_prefix, tr, using
from .project import BuildError, pages, quarto_config, site_url

EMBED_DIR = "embed"
EMBED_HEIGHT = 640
CARD = re.compile(r'<figure class="gm-card" id="chart-([a-z0-9-]+)".*?</figure>', re.S)
LICENCE = "Text and data compilation: CC BY 4.0"


def embed_path(chart_id: str) -> str:
    """The embed page's path from the site root, in the edition being written (zh/embed/… for Chinese)."""
    return f"{edition_prefix()}{EMBED_DIR}/{chart_id}.html"


def iframe_snippet(chart_id: str, title: str) -> str:
    """The <iframe> a reader pastes into their page, addressed from website.site-url."""
    return (f'<iframe src="{site_url()}{embed_path(chart_id)}" title="{html.escape(title)}" width="100%" '
            f'height="{EMBED_HEIGHT}" loading="lazy" style="border:0"></iframe>')


def _embedded_card(card: str, root: str, chart_id: str, page_href: str) -> str:
    """The card re-addressed from <edition>/embed/ (one folder down), its link pointing back to its page."""
    to_site = "../" * (1 + edition_prefix().count("/"))
    card = card.replace(f'href="{root}{edition_prefix()}chart-data/', 'href="../chart-data/')
    card = card.replace(f'src="{root}assets/', f'src="{to_site}assets/')
    card = re.sub(f'<a class="gm-permalink" href="#chart-{chart_id}">[^<]*</a>',
                  f'<a class="gm-permalink" href="{page_href}" target="_top">{tr("See it in context")}</a>', card)
    card = re.sub(r'<button type="button" class="gm-copy-link"[^>]*>.*?</button>', "", card, flags=re.S)
    card = card.replace(" data-first-screen>", ">", 1)  # an embed is the chart alone: draw it live at once
    return re.sub(r'<details class="gm-embed".*?</details>', "", card, flags=re.S)


def embed_page(card: str, title: str, page_href: str) -> str:
    """A complete embed document around one card."""
    site_title = quarto_config(edition_lang())["website"]["title"]
    to_site = "../" * (1 + edition_prefix().count("/"))
    return f"""<!DOCTYPE html>
<html lang="{HREFLANG[edition_lang()]}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{html.escape(title)} | {html.escape(site_title)}</title>
<link rel="canonical" href="{page_href}">
<link rel="icon" href="{to_site}assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="{to_site}assets/palette.css"><link rel="stylesheet" href="{to_site}assets/site.css">
<style>body{{margin:0;padding:8px;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans CJK SC",sans-serif;
background:var(--gm-background);color:var(--gm-text)}}.gm-card{{margin:0}}</style>
</head><body>
<main>{card}
<p class="gm-embed-credit">{_credit(page_href, site_title)}</p>
</main></body></html>
"""


def edition_lang() -> str:
    from .i18n import language
    return language()


def _credit(page_href: str, site_title: str) -> str:
    link = f'<a href="{page_href}" target="_top">{html.escape(site_title)}</a>'
    return html.escape(tr("From {site}.", site="\0")).replace("\0", link) + " " + html.escape(tr(LICENCE)) + html.escape(tr("."))


def write_embed_pages(site: Path, lang: str = "en") -> int:
    """Write <edition>/embed/<chart-id>.html for every card of the edition's pages; return how many."""
    with using(lang):
        return _write_embed_pages(site, lang)


def _write_embed_pages(site: Path, lang: str) -> int:
    out = site / edition_prefix() / EMBED_DIR
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.html"):
        old.unlink()
    written = 0
    for page in pages(lang):
        built = site / page.output
        if not built.exists():
            continue
        for match in CARD.finditer(built.read_text(encoding="utf-8")):
            chart_id = match.group(1)
            title = re.search(r'class="gm-card-title"[^>]*>(.*?)</p>', match.group(0), re.S)
            title_text = re.sub(r"<[^>]+>", "", title.group(1)) if title else chart_id
            page_href = f"{site_url()}{page.output.as_posix()}#chart-{chart_id}"
            card = _embedded_card(match.group(0), page.root_prefix, chart_id, page_href)
            (out / f"{chart_id}.html").write_text(embed_page(card, html.unescape(title_text), page_href), encoding="utf-8")
            written += 1
    _keep_out_of_indexes(site / edition_prefix())
    return written


def _keep_out_of_indexes(site: Path) -> None:
    """Drop any embed page from the search index and the sitemap (a renderer that indexed late would list them)."""
    search = site / "search.json"
    if search.exists():
        entries = json.loads(search.read_text(encoding="utf-8"))
        kept = [e for e in entries if not str(e.get("href", "")).startswith(f"{EMBED_DIR}/")]
        if len(kept) != len(entries):
            search.write_text(json.dumps(kept, ensure_ascii=False, indent=0), encoding="utf-8")
    sitemap = site / "sitemap.xml"
    if sitemap.exists():
        text = sitemap.read_text(encoding="utf-8")
        cleaned = re.sub(rf"<url>\s*<loc>[^<]*/{EMBED_DIR}/[^<]*</loc>.*?</url>\s*", "", text, flags=re.S)
        if cleaned != text:
            sitemap.write_text(cleaned, encoding="utf-8")


def check_embed_ids(site: Path, lang: str = "en") -> None:
    """Every chart CSV of the edition has its embed page (both come from the same cards)."""
    folder = site / edition_prefix(lang)
    missing = sorted(p.stem for p in (folder / "chart-data").glob("*.csv") if not (folder / EMBED_DIR / f"{p.stem}.html").exists())
    if missing:
        raise BuildError(f"charts without an embed page: {', '.join(missing)}")
