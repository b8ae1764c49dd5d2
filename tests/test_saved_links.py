"""Saved links keep working across rebuilds: the shareable settings of every chart are a public list.

A chart's bound inputs and click/legend selections appear in shared URLs as ?<chart-id>.<name>=, so
renaming one silently breaks every link readers have saved. tests/saved_links.yaml lists one saved link
per setting; the browser test opens each and checks the chart comes back in that state.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path
from urllib.parse import parse_qsl, quote, urlsplit

import pytest
import yaml

from greenmfg.charts.card_payload import payloads_in
from greenmfg.site.embed import EMBED_DIR

PUBLISHED_RENDERER = "quarto" if shutil.which("quarto") else "preview"
SAVED = yaml.safe_load((Path(__file__).parent / "saved_links.yaml").read_text(encoding="utf-8"))


def _setting(link: str) -> tuple[str, str, str, str]:
    """(page, chart id, setting name, raw value) of a saved link."""
    parts = urlsplit(link)
    (key, value), = parse_qsl(parts.query, keep_blank_values=True)
    chart_id, name = key.split(".", 1)
    return parts.path, chart_id, name, value


def test_every_shareable_setting_has_a_saved_link_and_every_saved_link_a_setting(site):
    on_site = set()
    for page in site.rglob("*.html"):
        if EMBED_DIR in page.relative_to(site).parts:
            continue
        rel = page.relative_to(site).as_posix()
        on_site |= {(rel, p["id"], name) for p in payloads_in(page.read_text(encoding="utf-8")) for name in p["state"]}
    saved = {_setting(entry["link"])[:3] for entry in SAVED}
    assert not on_site - saved, f"shareable settings with no saved link in tests/saved_links.yaml: {sorted(on_site - saved)}"
    assert not saved - on_site, f"saved links whose setting no longer exists (renamed or removed): {sorted(saved - on_site)}"


@pytest.mark.browser
@pytest.mark.parametrize("site", [PUBLISHED_RENDERER], indirect=True)
@pytest.mark.parametrize("entry", SAVED, ids=[_setting(e["link"])[1] + "." + _setting(e["link"])[2] for e in SAVED])
def test_a_saved_link_opens_the_same_view(open_page, entry):
    """Opened on the site readers get (Quarto's, where Quarto is installed): restoring a link is the charts' own
    script, the same on both renderers' pages; the preview's is tested on shared links (tests/test_share_browser.py)."""
    path, chart_id, name, value = _setting(entry["link"])
    record = open_page(f"{path}?{quote(chart_id + '.' + name)}={quote(value)}")
    card = record.page.locator(f"#chart-{chart_id}")
    card.locator(".gm-live svg.marks").wait_for(state="attached", timeout=5000)
    view = f"window.greenmfgCharts.views.get(document.querySelector('#chart-{chart_id}'))"
    if isinstance(entry["expect"], list):
        restored = record.page.evaluate(f"{view}.data('{name}_store').map((t) => t.values)")
    else:
        restored = record.page.evaluate(f"{view}.signal('{name}')")
    assert json.loads(json.dumps(restored)) == entry["expect"]
    assert not record.console_errors
