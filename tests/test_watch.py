"""`make preview` without Quarto: the watcher sees a saved notebook, and served pages reload after a rebuild."""
from __future__ import annotations

import functools
import http.server
import os
import threading
import urllib.request

from greenmfg.pages.project import chapters
from greenmfg.paths import REPO_ROOT
from greenmfg.site import watch


def test_saving_a_notebook_changes_what_the_watcher_sees():
    source = REPO_ROOT / chapters()[0].source
    before = watch.watched_state()
    stat = source.stat()
    try:
        os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
        assert watch.watched_state() != before
    finally:
        os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns))


def test_served_pages_carry_the_reload_script_and_the_build_number_moves(tmp_path):
    (tmp_path / "page.html").write_text("<html><body><p>x</p></body></html>", encoding="utf-8")
    handler = functools.partial(watch.ReloadingHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        page = urllib.request.urlopen(f"{base}/page.html").read().decode()
        assert watch.BUILD_URL in page and page.index(watch.BUILD_URL) < page.index("</body>")
        first = urllib.request.urlopen(base + watch.BUILD_URL).read()
        watch.ReloadingHandler.build_number += 1
        assert urllib.request.urlopen(base + watch.BUILD_URL).read() != first
    finally:
        server.shutdown()
