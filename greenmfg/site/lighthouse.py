"""Lighthouse scores per page for `make bench`: the built site served with gzip on loopback, as a static host
serves it, audited with mobile emulation in the machine's Chromium. A measurement, never a test.

Lighthouse comes from the npm registry into .build/lighthouse/ on first use (`npm install lighthouse@13`).
"""
from __future__ import annotations

import functools
import gzip
import http.server
import io
import json
import os
import shutil
import subprocess
import threading
from pathlib import Path

from greenmfg.pages.project import all_pages, home
from greenmfg.paths import BUILD_DIR, SITE_DIR

LIGHTHOUSE_DIR = BUILD_DIR / "lighthouse"
LIGHTHOUSE = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("GREENMFG_CHROMIUM", "/usr/bin/chromium")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
RUNS = 3  # Lighthouse's own advice: scores vary run to run, so report the median of several runs
COMPRESSIBLE = (".html", ".css", ".js", ".mjs", ".json", ".svg", ".csv")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files with Content-Encoding: gzip for text types, as static hosts serve them."""

    def log_message(self, *args):  # noqa: ANN002 - quiet
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        path = path / home().output.name if path.is_dir() else path  # a folder serves the site's home file name
        if not path.is_file() or path.suffix not in COMPRESSIBLE:
            return super().send_head()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", "text/javascript" if path.suffix == ".mjs" else self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        return io.BytesIO(body)


def ensure_lighthouse() -> bool:
    """Install Lighthouse once; False (with the reason printed) where npm or Chromium is missing."""
    if not shutil.which("npm") or not Path(CHROMIUM).exists():
        print("Lighthouse skipped: it needs npm and Chromium (apt-get install chromium; set GREENMFG_CHROMIUM)")
        return False
    if not LIGHTHOUSE.exists():
        LIGHTHOUSE_DIR.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--silent", "--prefix", str(LIGHTHOUSE_DIR), "lighthouse@13"], check=True)
    return True


def audit(url: str) -> dict:
    """Category scores, total blocking time and cumulative layout shift of one page."""
    out = LIGHTHOUSE_DIR / "last.json"
    subprocess.run([str(LIGHTHOUSE), url, "--quiet", f"--chrome-flags={CHROME_FLAGS}", "--output=json",
                    f"--output-path={out}"], check=True, env={**os.environ, "CHROME_PATH": CHROMIUM},
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
    report = json.loads(out.read_text(encoding="utf-8"))
    scores = {c: report["categories"][c]["score"] for c in CATEGORIES}
    failing = [a for a, r in report["audits"].items() if r.get("scoreDisplayMode") == "binary" and r.get("score") == 0]
    return {**scores, "tbt_ms": report["audits"]["total-blocking-time"]["numericValue"],
            "cls": report["audits"]["cumulative-layout-shift"]["numericValue"], "failing": failing}


def median_of(runs: list[dict]) -> dict:
    """Each metric's median over the runs, and every audit that failed in any run."""
    middle = len(runs) // 2
    result = {key: sorted(run[key] for run in runs)[middle] for key in (*CATEGORIES, "tbt_ms", "cls")}
    return {**result, "failing": sorted({audit for run in runs for audit in run["failing"]})}


def meets_targets(result: dict) -> bool:
    """The targets: performance >= 0.95; accessibility, best practices and SEO 1.00; CLS <= 0.05."""
    return (result["performance"] >= 0.95 and result["cls"] <= 0.05
            and all(result[c] == 1 for c in ("accessibility", "best-practices", "seo")))


def report() -> None:
    """Print the scores of every page of the built site (targets from the reader-experience standard)."""
    if not ensure_lighthouse():
        return
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(SITE_DIR)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    print(f"\nLighthouse, median of {RUNS} runs per page (mobile, gzip; targets: performance >= 0.95, accessibility, "
          "best practices and SEO 1.00, CLS <= 0.05):")
    print(f"  {'page':32s} {'perf':>5s} {'TBT':>7s} {'CLS':>6s} {'a11y':>5s} {'BP':>5s} {'SEO':>5s}  failing audits (any run)")
    missed = []
    try:
        for page in all_pages():
            result = median_of([audit(base + page.output.as_posix()) for _ in range(RUNS)])
            print(f"  {page.output.as_posix():32s} {result['performance']:5.2f} {result['tbt_ms']:5.0f}ms {result['cls']:6.3f} "
                  f"{result['accessibility']:5.2f} {result['best-practices']:5.2f} {result['seo']:5.2f}  "
                  + ", ".join(result["failing"]))
            if not meets_targets(result):
                missed.append(page.output.as_posix())
    finally:
        server.shutdown()
    print(f"pages meeting every target: {len(all_pages()) - len(missed)} of {len(all_pages())}"
          + (f"; missed: {', '.join(missed)}" if missed else ""))
