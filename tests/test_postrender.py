"""post-render removes Quarto's CDN tags, refuses any remaining third-party host, and charts still draw."""
from __future__ import annotations

import contextlib
import functools
import http.server
import re
import shutil
import threading

import pytest
from conftest import wait_for_charts

from greenmfg.site.editions import staging_dir
from greenmfg.site.html_edit import parse, serialize, strip_third_party, third_party_refs
from greenmfg.site.postrender import BuildError, post_render

# The exact tags quarto-cli adds to the head of a page with text/html outputs (src/core/jupyter/widgets.ts).
QUARTO_WIDGET_HEAD = (
    '<script src="https://cdnjs.cloudflare.com/ajax/libs/require.js/2.3.6/require.min.js" integrity="sha512-c3Nl8+7g4LMSTdrm621y7kf9v3SDPnhxLNhcjFJbKECVnmZHTdo+IRO05sNLTH/D3vA6u1X32ehoLC7WFVdheg==" crossorigin="anonymous"></script>\n'
    '<script src="https://cdnjs.cloudflare.com/ajax/libs/jquery/3.5.1/jquery.min.js" integrity="sha512-bLT0Qm9VnAYZDflyKcBaQ2gg0hSYNQrJ8RilYldYQ1FxQYoCLtUjuuRuZo+fjqhx/qtq/1itJ0C2ejDxltZVFg==" crossorigin="anonymous" data-relocate-top="true"></script>\n'
    '<script type="application/javascript" data-relocate-top="true">define(\'jquery\', [],function() {return window.jQuery;})</script>\n'
)
JSDELIVR = '<script src="https://cdn.jsdelivr.net/npm/vega@5"></script>\n'


def test_strip_removes_quarto_and_cdn_tags():
    page = f"<html><head>{QUARTO_WIDGET_HEAD}{JSDELIVR}</head><body><a href='https://www.gov.cn'>ok</a></body></html>"
    doc = parse(page)
    assert strip_third_party(doc) == 4
    cleaned = serialize(doc)
    assert "cdnjs" not in cleaned and "jsdelivr" not in cleaned and "define('jquery'" not in cleaned
    assert "https://www.gov.cn" in cleaned, "ordinary links to sources are not requests and stay"
    assert third_party_refs(doc) == []


@pytest.mark.parametrize("snippet", [
    '<img src="https://example.com/x.png">',
    "<style>@import url('https://fonts.googleapis.com/css2?family=Noto');</style>",
    "<div style=\"background: url(//cdn.example.org/bg.png)\"></div>",
    '<iframe src="https://example.org/embed"></iframe>',
])
def test_post_render_fails_on_a_remaining_third_party_host(tmp_path, snippet):
    staging = tmp_path / "staging"
    staging.mkdir()
    (staging / "page.html").write_text(f"<html><body>{snippet}</body></html>", encoding="utf-8")
    with pytest.raises(BuildError, match="third-party hosts remain"):
        post_render("en", staging, tmp_path / "_site")


def test_post_render_checks_css_too(tmp_path):
    staging = tmp_path / "staging"
    (staging / "assets").mkdir(parents=True)
    (staging / "assets" / "x.css").write_text("@import 'https://fonts.googleapis.com/css?family=Roboto';")
    with pytest.raises(BuildError, match="x.css"):
        post_render("en", staging, tmp_path / "_site")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # noqa: ANN002
        pass


@contextlib.contextmanager
def serve(folder):
    """Serve a copy of the site on 127.0.0.1; yields its base URL."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()


def pages_with_charts(site_copy):
    """Pages with a chart card (a figure of class gm-card; the phone-width table class gm-cards is no chart)."""
    return [p for p in sorted(site_copy.rglob("*.html")) if re.search(r'<figure class="gm-card[ "]', p.read_text(encoding="utf-8"))]


@pytest.mark.browser
def test_page_with_quarto_injected_tags_still_draws_after_post_render(preview_site, browser, tmp_path):
    """Simulate Quarto's output on the preview's pages: inject its head tags into the rendered edition, post-render,
    open in Chromium (Quarto's own pages go through the same post-render in every other browser test)."""
    staging, copy = tmp_path / "staging", tmp_path / "_site"
    shutil.copytree(staging_dir("en"), staging)
    for page in pages_with_charts(staging):
        text = page.read_text(encoding="utf-8")
        page.write_text(text.replace("</head>", QUARTO_WIDGET_HEAD + "</head>", 1), encoding="utf-8")
    post_render("en", staging, copy)
    targets = pages_with_charts(copy)
    assert targets, "the site should have charts"
    with serve(copy) as base:
        for target in targets:
            page = browser.new_page()
            errors, foreign = [], []
            page.on("console", lambda m, errors=errors: errors.append(m.text) if m.type == "error" else None)
            page.on("request", lambda r, foreign=foreign: foreign.append(r.url)
                    if not r.url.startswith("http://127.0.0.1") else None)
            page.goto(base + target.relative_to(copy).as_posix())
            assert wait_for_charts(page) > 0
            assert errors == [] and foreign == [], (target.name, errors, foreign)
            page.close()


@pytest.mark.browser
def test_vega_stays_out_of_amd_when_require_js_is_present(site, browser, tmp_path):
    """Even if require.js were on the page, the module wrapper keeps Vega from registering as an AMD module."""
    copy = tmp_path / "_site"
    shutil.copytree(site, copy)
    target = pages_with_charts(copy)[0]
    fake_amd = "<script>window.define = function () {}; window.define.amd = {};</script>"
    target.write_text(target.read_text(encoding="utf-8").replace("</head>", fake_amd + "</head>", 1), encoding="utf-8")
    with serve(copy) as base:
        page = browser.new_page()
        page.goto(base + target.relative_to(copy).as_posix())
        assert wait_for_charts(page) > 0
        page.close()
