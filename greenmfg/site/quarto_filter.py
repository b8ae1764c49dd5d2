"""Quarto's `ipynb-filters` hook: hand Quarto the executed copy of the page it is about to render.

Quarto runs this with the source notebook's JSON on stdin and the notebook's folder as working
directory (quarto.org/docs/extensions/nbfilter.html). With `execute: enabled: false` Quarto never
runs a kernel itself; it renders whatever this prints. So `quarto render`, `quarto preview` and
`make site` all show the project's own cached execution, and no source notebook is ever written.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from greenmfg.pages.project import BuildError, Page, all_pages
from greenmfg.paths import REPO_ROOT
from greenmfg.site.build import write_variables
from greenmfg.site.execute import executed_notebook


def page_for(source_text: str, folder: Path) -> Page:
    """The page whose notebook in `folder` has exactly this text (Quarto passes the file as read)."""
    candidates = [p for p in all_pages() if (REPO_ROOT / p.source).parent.resolve() == folder.resolve()]
    matches = [p for p in candidates if (REPO_ROOT / p.source).read_text(encoding="utf-8") == source_text]
    if len(matches) != 1:
        names = ", ".join(p.source.as_posix() for p in candidates) or "none"
        raise BuildError(f"ipynb filter: no page in {folder} has the notebook Quarto passed (pages there: {names}); "
                         "is it listed in project.render of _quarto-<lang>.yml?")
    return matches[0]


def main() -> int:
    source_text = sys.stdin.read()
    try:
        page = page_for(source_text, Path.cwd())
        # Quarto may ask before its pre-render hook has run (it reads notebooks to index the site), and
        # cards resolve their takeaways from _variables.yml: make sure it exists (cached, cheap when current).
        write_variables()
        path, ran = executed_notebook(page)
    except BuildError as exc:
        print(f"build failed: {exc}", file=sys.stderr)
        return 1
    if ran:
        print(f"executed 1 page(s): {page.slug} (from the ipynb filter)", file=sys.stderr)
    # ASCII only (non-ASCII as JSON \u escapes): Quarto decodes the filter's output chunk by chunk, and a chunk
    # that ends inside a multi-byte character turns it into U+FFFD on the page.
    sys.stdout.write(json.dumps(json.loads(path.read_text(encoding="utf-8")), ensure_ascii=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
