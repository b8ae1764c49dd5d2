"""`make preview` where Quarto is not installed: rebuild with the preview renderer whenever a page, the data, the
package or the site's assets change, and serve _site/ on loopback; open pages reload themselves after a rebuild.
(Where Quarto is installed, `make preview` runs `quarto preview` instead.) Writes only _site/ and .build/.
"""
from __future__ import annotations

import argparse
import functools
import http.server
import sys
import threading
import time
from pathlib import Path

from greenmfg.pages.project import BuildError, all_pages, home
from greenmfg.paths import REPO_ROOT, SITE_DIR
from greenmfg.site.build import build_site

WATCHED_DIRS = ("data", "greenmfg", "assets")
BUILD_URL = "/__build"
# Asks the server for the build number every 0.7 s and reloads the page when it changes.
RELOAD = ("<script>(() => { let seen = null; setInterval(async () => { try { const now = await (await fetch("
          f"'{BUILD_URL}', {{cache: 'no-store'}})).text(); if (seen !== null && now !== seen) location.reload(); "
          "seen = now; } catch (e) {} }, 700); })();</script>")


def watched_state() -> dict[Path, int]:
    """Modification times of everything a build reads: page notebooks, profiles, data, package, assets."""
    files = [REPO_ROOT / p.source for p in all_pages()] + sorted(REPO_ROOT.glob("_quarto*.yml"))
    for folder in WATCHED_DIRS:
        files += [p for p in (REPO_ROOT / folder).rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    return {p: p.stat().st_mtime_ns for p in files if p.exists()}


class ReloadingHandler(http.server.SimpleHTTPRequestHandler):
    """Static files from _site/, with the reload script in every HTML page and the build number at BUILD_URL."""

    build_number = 0

    def log_message(self, *args):  # noqa: ANN002 - quiet
        pass

    def do_GET(self):  # noqa: N802 - http.server's name
        if self.path == BUILD_URL:
            return self._send(str(ReloadingHandler.build_number).encode(), "text/plain")
        path = Path(self.translate_path(self.path))
        path = path / home().output.name if path.is_dir() else path  # a folder serves the site's home file name
        if path.suffix == ".html" and path.is_file():
            text = path.read_text(encoding="utf-8")
            return self._send(text.replace("</body>", RELOAD + "</body>", 1).encode(), "text/html; charset=utf-8")
        return super().do_GET()

    def _send(self, body: bytes, kind: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)


def rebuild() -> None:
    try:
        build_site("preview")
        ReloadingHandler.build_number += 1
    except BuildError as exc:
        print(f"build failed: {exc}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m greenmfg.site.watch", description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=4444)
    args = parser.parse_args(argv)
    rebuild()
    handler = functools.partial(ReloadingHandler, directory=str(SITE_DIR))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"watching pages, data/, greenmfg/ and assets/; serving http://127.0.0.1:{args.port}/ (Ctrl-C stops)")
    state = watched_state()
    try:
        while True:
            time.sleep(0.4)
            now = watched_state()
            if now != state:
                state = now
                rebuild()
    except KeyboardInterrupt:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
