"""The notebooks as a rerunner meets them: a real JupyterLab on loopback, Run All, every chart drawn.

JupyterLab runs with the project's server config (as `make lab` does), autosave off (so Run All never
writes outputs into a source notebook) and its news and update checks off (they would fetch from the internet).
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from greenmfg.pages.project import editions, pages
from greenmfg.paths import REPO_ROOT

pytestmark = pytest.mark.browser
CHAPTERS = [p.source.as_posix() for lang in editions() for p in pages(lang) if "chapters" in p.source.parts]
TOKEN = "greenmfg-test"
SETTINGS = {
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false", "checkForUpdates": False},
    # every cell rendered at once (not only those in view), so that every token of the page can be checked
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory, preview_site):  # a build: _variables.yml and the executed cache are warm
    settings = tmp_path_factory.mktemp("lab-settings")
    for name, value in SETTINGS.items():
        (settings / name).parent.mkdir(parents=True, exist_ok=True)
        (settings / name).write_text(json.dumps(value))
    port = _free_port()
    env = {**os.environ, "JUPYTERLAB_SETTINGS_DIR": str(settings), "JUPYTER_CONFIG_DIR": str(settings / "config")}
    env.pop("GREENMFG_BUILD", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", f"--config={REPO_ROOT / 'jupyter_server_config.py'}", "--ip=127.0.0.1", f"--port={port}", "--no-browser", "--allow-root",
         f"--IdentityProvider.token={TOKEN}", f"--ServerApp.root_dir={REPO_ROOT}"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}/"
    for _ in range(120):
        try:
            urllib.request.urlopen(f"{base}api/status?token={TOKEN}", timeout=2)
            break
        except OSError:
            time.sleep(0.5)
    else:
        process.kill()
        pytest.fail("JupyterLab did not start on 127.0.0.1 within 60 s")
    yield base
    process.terminate()
    process.wait(timeout=30)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("notebook", CHAPTERS)
def test_run_all_draws_every_chart_offline_and_shows_the_prose_values(browser, lab, notebook):
    source = REPO_ROOT / notebook
    before = _digest(source)
    cells = json.loads(source.read_text(encoding="utf-8"))["cells"]
    charts = sum("show(" in "".join(c["source"]) for c in cells if c["cell_type"] == "code")
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    foreign: list[str] = []
    blocked: list[str] = []  # refused by the server's Content-Security-Policy: never sent
    page.on("request", lambda r: foreign.append(r.url) if not r.url.startswith(("http://127.0.0.1", "data:", "blob:", "ws://127.0.0.1")) else None)
    page.on("console", lambda m: blocked.extend(re.findall(r"Loading the script '([^']+)' violates the following "
                                                           r"Content Security Policy", m.text)))
    try:
        # A workspace of its own per notebook: JupyterLab would otherwise reopen the previous test's tabs.
        page.goto(f"{lab}lab/workspaces/{Path(notebook).stem}/tree/{notebook}?token={TOKEN}&reset")
        page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60000)
        select_kernel = page.locator(".jp-Dialog button", has_text="Select")
        try:  # JupyterLab asks once which kernel to start when none has run for this notebook yet
            select_kernel.wait_for(timeout=5000)
            select_kernel.click()
        except PlaywrightTimeout:
            pass
        page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=60000)
        page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
        page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
        page.wait_for_function(
            "n => document.querySelectorAll('.jp-OutputArea-output .vega-embed svg.marks, "
            ".jp-OutputArea-output .vega-embed canvas.marks').length >= n", arg=charts, timeout=120000)
        page.wait_for_function("() => ![...document.querySelectorAll('.jp-InputPrompt')].some(p => p.textContent.includes('*'))",
                               timeout=120000)
        drawn = page.locator(".jp-OutputArea-output .vega-embed .marks").count()
        text = page.locator(".jp-OutputArea").all_inner_texts()
        values = page.locator(".gm-prose-values td").count()
        in_place = page.evaluate("""() => {
            const spans = [...document.querySelectorAll('.jp-MarkdownOutput span.shortcode')];
            return {shown: spans.filter(s => s.dataset.gmKey && s.title === s.dataset.gmKey && s.textContent.trim()).length,
                    left: spans.filter(s => s.textContent.includes('{{<')).map(s => s.textContent)};
        }""")
        page.locator(".jp-MarkdownOutput span[data-gm-key]").first.scroll_into_view_if_needed()
    finally:
        page.screenshot(path=str(REPO_ROOT / ".build" / f"jupyterlab-{notebook.replace('/', '-')}.png"))
        context.close()
    assert drawn == charts, f"{notebook}: {drawn} of {charts} charts drawn"
    joined = "\n".join(text)
    assert "Javascript Error" not in joined and "Traceback" not in joined
    assert values > 0, "the values behind the prose's var tokens are shown"
    assert in_place["left"] == [], f"{notebook}: tokens not shown as values in the markdown"
    tokens = sum(len(re.findall(r"\{\{<\s*var\s", "".join(c["source"]))) for c in cells if c["cell_type"] == "markdown")
    assert in_place["shown"] == tokens, f"{notebook}: {in_place['shown']} of {tokens} tokens shown as their value"
    sent = [url for url in foreign if url not in blocked]
    assert sent == [], f"requests left 127.0.0.1: {sent[:5]}"
    assert _digest(source) == before, "the source notebook was written"
