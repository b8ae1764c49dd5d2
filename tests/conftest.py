"""Shared fixtures: a fresh copy of data/ to corrupt, the built sites (each renderer's built once per session), a local server and Chromium pages.

Browser tests use `open_page(path)`, which returns a Playwright page that records console errors
and every request to a host other than 127.0.0.1. In CI (CI set) a missing Chromium fails the
run; elsewhere those tests skip with the reason.
"""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from greenmfg.paths import BUILD_DIR, DEFAULT_DATA_DIR, REPO_ROOT, SITE_DIR

RENDERERS = ("quarto", "preview")
PREVIEW_SITE = BUILD_DIR / "preview-site"

# Debian's Chromium by default; GREENMFG_CHROMIUM points elsewhere (publish.yml uses Playwright's build).
CHROMIUM = os.environ.get("GREENMFG_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync", "--disable-quic"]


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A fresh copy of the data directory (descriptor, tables, curated and raw files), for tests that corrupt it."""
    dst = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, dst)
    return dst


def git_status() -> list[str]:
    """What git sees changed or untracked in the working tree (`git status --porcelain`), line by line."""
    return subprocess.run(["git", "status", "--porcelain"], cwd=REPO_ROOT, capture_output=True, text=True,
                          check=True).stdout.splitlines()


@pytest.fixture(scope="session")
def quarto_build() -> dict[str, list[str]]:
    """`make site` with Quarto, once per run: what git saw in the working tree before and after it (a build that
    fails raises, so every test that takes this fails). Skips, saying why, where there is no `quarto` binary."""
    from greenmfg.site.build import QUARTO_VERSION, build_site

    if shutil.which("quarto") is None:
        pytest.skip(f"no `quarto` binary on PATH (Quarto {QUARTO_VERSION} could not be installed here); "
                    "Quarto's pages are tested where it is, e.g. in the publish workflow")
    before = git_status()
    build_site("quarto")
    return {"before": before, "after": git_status()}


@pytest.fixture(scope="session")
def quarto_site(quarto_build) -> Path:
    """_site/ as Quarto builds it (`make site` with Quarto on PATH): the site readers get."""
    return SITE_DIR


@pytest.fixture(scope="session")
def preview_site() -> Path:
    """The preview renderer's build of the same pages, in a folder of its own."""
    from greenmfg.site.build import build_site

    build_site("preview", PREVIEW_SITE)
    return PREVIEW_SITE


@pytest.fixture(scope="session", params=RENDERERS)
def site(request) -> Path:
    """Each renderer's site, built once per run: every test that takes it runs on Quarto's pages and the preview's."""
    return request.getfixturevalue(f"{request.param}_site")


@pytest.fixture(scope="session")
def renderer(site: Path) -> str:
    """Which renderer built the site under test: "quarto" or "preview" (from the generator meta tag)."""
    head = (site / "index.html").read_text(encoding="utf-8")[:4000]
    return "quarto" if 'name="generator" content="quarto-' in head else "preview"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # noqa: ANN002 - silence per-request logging
        pass


@pytest.fixture(scope="session")
def server(site: Path):
    """Serve _site/ on 127.0.0.1 (random free port); yields the base URL ending in '/'."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


def chromium_or_skip() -> str:
    """Path of Chromium; in CI its absence is a failure, never a skip."""
    if os.path.exists(CHROMIUM):
        return CHROMIUM
    message = f"Chromium not found at {CHROMIUM} (apt-get install chromium fonts-noto-cjk, or set GREENMFG_CHROMIUM)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the session."""
    executable = chromium_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@dataclass
class PageRecord:
    """A page plus what it did: console errors and requests that left 127.0.0.1."""

    page: object
    console_errors: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)


def _new_page(browser, server: str, path: str, width: int = 1280, height: int = 900, dark: bool = False,
              js: bool = True):
    """A fresh browser context with the page loaded, and the page's record of console errors and foreign requests."""
    context = browser.new_context(viewport={"width": width, "height": height}, java_script_enabled=js,
                                  color_scheme="dark" if dark else "light", accept_downloads=True)
    page = context.new_page()
    record = PageRecord(page)
    page.on("console", lambda msg: record.console_errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: record.console_errors.append(str(exc)))
    page.on("request", lambda req: record.foreign_requests.append(req.url)
            if not req.url.startswith(("http://127.0.0.1", "data:", "blob:")) else None)
    page.goto(server + path, wait_until="load")
    return context, record


@pytest.fixture
def open_page(browser, server):
    """Factory: open_page('chapters/digital.html', width=1280, dark=False, js=True) -> PageRecord."""
    contexts = []

    def _open(path: str, width: int = 1280, height: int = 900, dark: bool = False, js: bool = True) -> PageRecord:
        context, record = _new_page(browser, server, path, width, height, dark, js)
        contexts.append(context)
        return record

    yield _open
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def _drawn_pages(browser):
    """The one page drawn_page keeps open: {(server, path, width, height): (context, record)}."""
    kept: dict = {}
    yield kept
    for context, _ in kept.values():
        context.close()


@pytest.fixture
def drawn_page(browser, server, _drawn_pages):
    """Factory: drawn_page(path, width) -> PageRecord of the page with every chart drawn, loaded once and shared by
    the tests that only look at it (measure, read, run axe). They run page by page (pytest_collection_modifyitems),
    so each page loads once per module and width instead of once per test; a test that hovers, clicks, scrolls a
    table or changes the theme opens its own page (open_page)."""
    def _get(path: str, width: int = 1280, height: int = 900) -> PageRecord:
        key = (server, path, width, height)
        if key not in _drawn_pages:
            for old in list(_drawn_pages):
                _drawn_pages.pop(old)[0].close()
            context, record = _new_page(browser, server, path, width, height)
            wait_for_charts(record.page)
            record.page.wait_for_timeout(200)
            _drawn_pages[key] = (context, record)
        return _drawn_pages[key][1]

    return _get


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Tests on a shared drawn page run page by page: within a module and a renderer's site, they move to where the
    first of them stood, ordered by page (stable otherwise), so drawn_page loads each page once."""
    def group(item):
        params = getattr(item, "callspec", None)
        if "drawn_page" not in item.fixturenames or params is None or "path" not in params.params:
            return None
        return item.module.__name__, params.params.get("site")

    groups: dict = {}
    for item in items:
        if (key := group(item)) is not None:
            groups.setdefault(key, []).append(item)
    placed, ordered = set(), []
    for item in items:
        key = group(item)
        if key is None:
            ordered.append(item)
        elif key not in placed:
            placed.add(key)
            ordered += sorted(groups[key], key=lambda shared: shared.callspec.params["path"])
    items[:] = ordered


def wait_for_charts(page, timeout_ms: int = 5000) -> int:
    """Bring each chart card into view (charts draw as they near the viewport) and wait until all have drawn.

    Each card gets `timeout_ms` to draw once scrolled to (a first-screen card once the pointer is over it); returns
    how many cards there are.
    """
    cards = page.locator("figure.gm-card")
    count = cards.count()
    for index in range(count):
        card = cards.nth(index)
        card.scroll_into_view_if_needed()
        if card.get_attribute("data-first-screen") is not None:
            card.hover()  # a first-screen card is drawn live on the reader's first move (the centre: a fixed navbar may cover its top)
        card.locator(".gm-live svg.marks, .gm-live canvas.marks").first.wait_for(state="attached", timeout=timeout_ms)
    if count:
        page.evaluate("window.scrollTo(0, 0)")
    return count


@pytest.fixture(scope="session")
def tmp_repo_copy(tmp_path_factory) -> Path:
    """A scratch copy of data/ for tests that corrupt or change inputs."""
    target = tmp_path_factory.mktemp("data") / "data"
    shutil.copytree(REPO_ROOT / "data", target)
    return target


def unit_specs(spec: dict) -> list[dict]:
    """Every unit spec (a dict with a 'mark') in a layered or concatenated Vega-Lite spec, in document order."""
    found = []
    for key in ("layer", "vconcat", "hconcat", "concat"):
        for child in spec.get(key, []):
            found += unit_specs(child)
    return found + ([spec] if "mark" in spec else [])


def mark_type(unit: dict) -> str:
    """A unit's mark type, whether the mark is written as a string or an object."""
    return unit["mark"]["type"] if isinstance(unit["mark"], dict) else unit["mark"]
