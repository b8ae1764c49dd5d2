"""Card files: what post-render needs of every chart card, written when its page is executed.

A card's cell carries its record in the output metadata (``greenmfg.charts.card``: id, title, one-line source, CSV
headers and rows) next to its HTML fragment. When the executor stores a page it writes one JSON file per card,
`.build/cards/<lang>/<page>/<NN>-<chart-id>.json`, and chart CSVs and embed pages are written from those files,
the same for Quarto and the preview, whatever either renderer does to the page around the card.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from greenmfg.pages.project import BuildError, Page, pages
from greenmfg.paths import BUILD_DIR

CARDS_DIR = BUILD_DIR / "cards"
STAMP = ".key"


def page_cards_dir(page: Page) -> Path:
    """The folder of one page's card files."""
    return CARDS_DIR / page.lang / page.edition_source.with_suffix("")


def cards_current(page: Page, key: str) -> bool:
    """True when the page's card files were written from the executed copy with this cache key."""
    stamp = page_cards_dir(page) / STAMP
    return stamp.exists() and stamp.read_text() == key


def cards_in(nb: Any) -> list[tuple[dict[str, Any], str]]:
    """Each card of an executed notebook: its record and its HTML fragment, in page order."""
    found = []
    for cell in nb.get("cells", []):
        for output in cell.get("outputs", []):
            record = output.get("metadata", {}).get("greenmfg", {}).get("card")
            if record:
                found.append((record, output["data"]["text/html"]))
    return found


def write_cards(page: Page, nb: Any, key: str) -> int:
    """Replace the page's card files with those of its executed notebook; return how many."""
    folder = page_cards_dir(page)
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    cards = cards_in(nb)
    for order, (record, fragment) in enumerate(cards, start=1):
        card = {**record, "page": page.output.as_posix(), "edition": page.lang, "html": fragment}
        text = json.dumps(card, ensure_ascii=False, indent=1, sort_keys=True)
        (folder / f"{order:02d}-{record['id']}.json").write_text(text + "\n", encoding="utf-8")
    (folder / STAMP).write_text(key)
    return len(cards)


def edition_cards(lang: str) -> list[dict[str, Any]]:
    """Every card of an edition, page by page in site order; a chart id used on two pages is an error."""
    found, owners = [], {}
    for page in pages(lang):
        folder = page_cards_dir(page)
        if not (folder / STAMP).exists():
            raise BuildError(f"{page.source}: no card files; the page has not been executed (run `make site`)")
        for path in sorted(folder.glob("*.json")):
            card = json.loads(path.read_text(encoding="utf-8"))
            if owners.setdefault(card["id"], card["page"]) != card["page"]:
                raise BuildError(f"chart id {card['id']!r} is used on {owners[card['id']]} and {card['page']}")
            found.append(card)
    return found
