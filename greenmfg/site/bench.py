"""`make bench`: cold and warm build times, per-page HTML size, chart runtime size, page budget, Lighthouse.

Builds run in a subprocess each (as `make site` would), so the timings include kernel starts
but not package installation. Nothing here is a test: it prints numbers to compare over time.
"""
from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from greenmfg.charts.card_payload import payloads_in
from greenmfg.pages.project import editions
from greenmfg.paths import BUILD_DIR, REPO_ROOT, SITE_DIR

from . import lighthouse

PAGE_BUDGET_GZIP = 100 * 1024
RUNTIME_FILES = ("assets/vega.mjs", "assets/gm-charts.mjs")
INLINE_DATA_WARN_BYTES = 20 * 1024


def _gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def timed_build() -> tuple[float, str, int]:
    """One `python -m greenmfg.site.build site` run: seconds, the renderer it used, pages it executed."""
    started = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "greenmfg.site.build", "site"], cwd=REPO_ROOT, check=True,
                         capture_output=True, text=True)
    seconds = time.perf_counter() - started
    output = run.stdout + run.stderr
    renderer = "quarto" if "renderer: Quarto" in output else "preview"
    executed = sum(int(n) for n in re.findall(r"executed (\d+) page\(s\)", output))
    return seconds, renderer, executed


def clean() -> None:
    """Remove every build output, as `make clean` does."""
    for path in (SITE_DIR, BUILD_DIR, REPO_ROOT / ".quarto"):
        shutil.rmtree(path, ignore_errors=True)
    (REPO_ROOT / "_variables.yml").unlink(missing_ok=True)


EDITED_CHAPTER = -1  # the last chapter of each edition is edited to time the editor loop


def _digests(site) -> dict[str, str]:
    import hashlib

    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def repeated_clean_builds(times: int = 5) -> list[str]:
    """Files that differ between ``times`` clean builds with the preview renderer (none, when builds repeat)."""
    import tempfile

    out = Path(tempfile.mkdtemp(prefix="greenmfg-repeat-")) / "site"  # outside .build/, which each clean build empties
    first: dict[str, str] | None = None
    differing: set[str] = set()
    for _ in range(times):
        clean()
        subprocess.run([sys.executable, "-m", "greenmfg.site.build", "site", "--renderer", "preview", "--out", str(out)],
                       cwd=REPO_ROOT, check=True, capture_output=True)
        now = _digests(out)
        first = first or now
        differing |= {name for name in first.keys() | now.keys() if first.get(name) != now.get(name)}
    shutil.rmtree(out, ignore_errors=True)
    return sorted(differing)


def _served(url: str, marker: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return marker in response.read().decode("utf-8", "replace")
    except OSError:
        return False


def editor_loop(lang: str, port: int = 4466, edits: int = 3) -> list[float]:
    """Seconds from saving an edited notebook to its page showing the edit in `make preview` (Quarto's preview where
    installed, else the watcher), for each of ``edits`` edits; the notebook is restored afterwards.

    The page is open in Chromium, as in an editor's browser: it reloads itself when the preview says the page is
    ready. (Polling the page instead would make Quarto render it a second time, for the request.)"""
    import os
    import signal

    from playwright.sync_api import sync_playwright

    from greenmfg.pages.project import chapters
    from greenmfg.site.lighthouse import CHROMIUM

    edited = chapters(lang)[EDITED_CHAPTER]
    source, url = REPO_ROOT / edited.source, f"http://127.0.0.1:{port}/{edited.output.as_posix()}"
    command = (["quarto", "preview", "--no-browser", "--port", str(port), "--profile", lang] if shutil.which("quarto")
               else [sys.executable, "-m", "greenmfg.site.watch", "--port", str(port)])
    original = source.read_bytes()
    process = subprocess.Popen(command, cwd=REPO_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    timings = []
    try:
        deadline = time.time() + 600
        while not _served(url, "</html>") and time.time() < deadline:
            time.sleep(1)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM)
            page = browser.new_page()
            page.goto(url)
            time.sleep(3)  # let the first render settle
            for n in range(edits):
                marker = f"Benchmark edit {n} {time.time():.0f}"
                nb = json.loads(original)
                cell = next(c for c in reversed(nb["cells"]) if c["cell_type"] == "markdown")
                cell["source"] = "".join(cell["source"]) + f"\n\n{marker}\n"
                started = time.perf_counter()
                source.write_text(json.dumps(nb, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
                page.wait_for_function("m => document.body && document.body.innerText.includes(m)", arg=marker,
                                       timeout=120_000, polling=100)
                timings.append(time.perf_counter() - started)
            browser.close()
    finally:
        source.write_bytes(original)
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
    return timings


def kib(n: int) -> str:
    return f"{n / 1024:7.1f} KiB"


def report() -> int:
    clean()
    cold, renderer, cold_pages = timed_build()
    warm, _, warm_pages = timed_build()
    print(f"renderer: {renderer}")
    print(f"cold build (from clean, excluding package installation): {cold:5.1f} s, {cold_pages} page(s) executed")
    print(f"warm build (nothing changed):                            {warm:5.1f} s, {warm_pages} page(s) executed"
          "   (target: 0 pages)")
    print("\nper-page HTML (excluding the shared chart runtime):")
    print(f"  {'page':40s} {'raw':>11s} {'gzip':>11s}  charts")
    worst = (0, "")
    over_budget = []
    heavy_charts = []
    for page in sorted(SITE_DIR.rglob("*.html")):
        data = page.read_bytes()
        text = data.decode("utf-8")
        payloads = payloads_in(text)
        gz = _gz(data)
        rel = page.relative_to(SITE_DIR).as_posix()
        print(f"  {rel:40s} {kib(len(data))} {kib(gz)}  {len(payloads)}")
        worst = max(worst, (gz, rel))
        if gz > PAGE_BUDGET_GZIP:
            over_budget.append(rel)
        for payload in payloads:
            size = len(json.dumps(payload["rows"], ensure_ascii=False).encode())
            if size > INLINE_DATA_WARN_BYTES:
                heavy_charts.append(f"{payload['id']} ({rel}): {kib(size)} of inline rows")
    print(f"\nlargest page: {worst[1]} at {kib(worst[0])} gzip (budget {kib(PAGE_BUDGET_GZIP)})")
    print("pages over budget: " + (", ".join(over_budget) if over_budget else "none"))
    print("charts whose inline data should move to a shared file: " + ("; ".join(heavy_charts) if heavy_charts else "none"))
    total_raw = total_gz = 0
    print("\nchart runtime (shared by every page, cached by the browser):")
    for name in RUNTIME_FILES:
        data = (SITE_DIR / name).read_bytes()
        total_raw += len(data)
        total_gz += _gz(data)
        print(f"  {name:40s} {kib(len(data))} {kib(_gz(data))}")
    print(f"  {'total':40s} {kib(total_raw)} {kib(total_gz)}   (target <= 300 KiB gzip, stretch <= 200 KiB)")
    for lang in editions():
        timings = sorted(editor_loop(lang))
        print(f"editor loop ({lang}): saved edit shown in the preview after {timings[len(timings) // 2]:.1f} s "
              f"(median of {len(timings)}; each: {', '.join(f'{t:.1f}' for t in timings)}; target <= 5 s)")
    lighthouse.report()  # before the repeated clean builds below, which empty _site/
    differing = repeated_clean_builds()
    print("5 clean builds with the preview renderer: " + ("byte-identical" if not differing else
          f"{len(differing)} file(s) differ: {', '.join(differing[:10])}"))
    return 0


if __name__ == "__main__":
    sys.exit(report())
