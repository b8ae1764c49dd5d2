"""Standalone embed pages: one per chart card, for putting a chart in another page with an <iframe>.

Each embed page is made from the card's file (written when its page was executed, the same fragment the page
shows): title, chart, one-line source, licence and a link back, drawn by the same offline runtime, with no
navigation. It is
`noindex` and written after the search index and sitemap, which never list it.
"""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

from greenmfg.charts.cards import edition_cards
from greenmfg.locale.i18n import HREFLANG, edition_prefix, tr, using
from greenmfg.pages.project import Page, quarto_config, site_url
from greenmfg.site.html_edit import edited

EMBED_DIR = "embed"
EMBED_HEIGHT = 640
LICENCE = "Text and data compilation: CC BY 4.0"


def embed_path(chart_id: str) -> str:
    """The embed page's path from the site root, in the edition being written (zh/embed/… for Chinese)."""
    return f"{edition_prefix()}{EMBED_DIR}/{chart_id}.html"


# In the embed page: tell the page around it how tall the chart is, whenever that changes (a phone wraps the
# card's text, a reader opens its table).
POST_HEIGHT = ("<script>(() => { const post = () => parent.postMessage({greenmfgEmbedHeight: "
               "document.documentElement.scrollHeight}, '*'); new ResizeObserver(post).observe(document.body); })();"
               "</script>")
# In the snippet: size each of our iframes to the height its page reports (the height attribute is the fallback
# where a site strips scripts). Only a message from the iframe's own window and origin is believed.
RESIZE_FRAMES = ("<script>addEventListener('message', (e) => { for (const f of document.querySelectorAll("
                 "'iframe[data-greenmfg-embed]')) if (f.contentWindow === e.source && new URL(f.src).origin === e.origin "
                 "&& Number.isFinite(e.data?.greenmfgEmbedHeight)) f.style.height = e.data.greenmfgEmbedHeight + 'px'; });"
                 "</script>")


def iframe_snippet(chart_id: str, title: str) -> str:
    """The <iframe> a reader pastes into their page, addressed from website.site-url, with the script that sizes it
    to its chart."""
    return (f'<iframe src="{site_url()}{embed_path(chart_id)}" title="{html.escape(title)}" width="100%" '
            f'height="{EMBED_HEIGHT}" loading="lazy" style="border:0" data-greenmfg-embed></iframe>{RESIZE_FRAMES}')


def embed_disclosure(chart_id: str, title: str) -> str:
    """The card's 'Embed' disclosure with the <iframe> snippet for this chart's standalone page."""
    field = f"chart-{chart_id}-embed-code"
    return (f'<details class="gm-embed"><summary>{tr("Embed")}</summary><label for="{field}">{tr("Paste into your page:")}</label>'
            f'<textarea id="{field}" readonly rows="3">{html.escape(iframe_snippet(chart_id, title))}</textarea></details>')


def _embedded_card(card: str, root: str, chart_id: str, page_href: str) -> str:
    """The card re-addressed from <edition>/embed/ (one folder down), its link pointing back to its page, without
    the controls that only make sense on the page (copy link, embed)."""
    to_site = "../" * (1 + edition_prefix().count("/"))

    def readdress(doc) -> None:  # noqa: ANN001 - a parsed card
        for link in doc.select("a.gm-csv"):
            link["href"] = str(link["href"]).replace(f"{root}{edition_prefix()}chart-data/", "../chart-data/", 1)
        for script in doc.select("script[src]"):
            script["src"] = str(script["src"]).replace(f"{root}assets/", f"{to_site}assets/", 1)
        for permalink in doc.select("a.gm-permalink"):
            permalink["href"], permalink["target"] = page_href, "_top"
            permalink.string = tr("See it in context")
        for control in doc.select("button.gm-copy-link, details.gm-embed"):
            control.decompose()
        for figure in doc.select("figure.gm-card"):
            del figure["data-first-screen"]  # an embed is the chart alone: draw it live at once

    return edited(card, f"embed {edition_lang()} {root} {to_site} {page_href} {tr('See it in context')}", readdress)


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
</main>{POST_HEIGHT}</body></html>
"""


def edition_lang() -> str:
    from greenmfg.locale.i18n import language
    return language()


def _credit(page_href: str, site_title: str) -> str:
    link = f'<a href="{page_href}" target="_top">{html.escape(site_title)}</a>'
    return html.escape(tr("From {site}.", site="\0")).replace("\0", link) + " " + html.escape(tr(LICENCE)) + html.escape(tr("."))


def write_embed_pages(site: Path, lang: str = "en") -> int:
    """Write <edition>/embed/<chart-id>.html for every card of the edition (from its card files); return how many."""
    with using(lang):
        out = site / edition_prefix() / EMBED_DIR
        out.mkdir(parents=True, exist_ok=True)
        for old in out.glob("*.html"):
            old.unlink()
        cards = edition_cards(lang)
        for card in cards:
            page_href = f"{site_url()}{card['page']}#chart-{card['id']}"
            page = Page(Path(card["page"]).with_suffix(".ipynb"))
            body = _embedded_card(card["html"], page.root_prefix, card["id"], page_href)
            (out / f"{card['id']}.html").write_text(embed_page(body, card["title"], page_href), encoding="utf-8")
        _keep_out_of_indexes(site / edition_prefix())
    return len(cards)


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
