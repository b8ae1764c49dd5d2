"""The one executor: every page runs once, with nbclient, whichever renderer draws the site.

Executed copies live in .build/executed/, keyed on the page plus everything that can change its
outputs (data/, the greenmfg package, the pins), so an unchanged tree executes nothing and any
change shows in the next build. Source notebooks are only read, never written.
"""
from __future__ import annotations

import hashlib
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .paths import BUILD_DIR, REPO_ROOT
from .project import BuildError, Page

EXECUTED_DIR = BUILD_DIR / "executed"
# Package code, data and pins decide what an executed page contains.
CACHE_INPUTS = ("greenmfg", "data", "requirements.txt")
# Set for page kernels: chart cards render as site HTML instead of Jupyter charts.
SITE_BUILD_ENV = "GREENMFG_BUILD"


def tree_digest(paths: list[Path]) -> str:
    """Hash of every file below `paths` (names and contents), ignoring bytecode caches."""
    digest = hashlib.sha256()
    for path in paths:
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
        for f in files:
            if "__pycache__" in f.parts:
                continue
            digest.update(f.relative_to(REPO_ROOT).as_posix().encode())
            digest.update(hashlib.sha256(f.read_bytes()).digest())
    return digest.hexdigest()


def shared_digest() -> str:
    """Digest of the inputs every page shares."""
    return tree_digest([REPO_ROOT / p for p in CACHE_INPUTS if (REPO_ROOT / p).exists()])


def cache_key(page: Page, shared: str) -> str:
    """Hash of the page source plus everything that can change its outputs."""
    digest = hashlib.sha256(shared.encode())
    digest.update((REPO_ROOT / page.source).read_bytes())
    return digest.hexdigest()


def executed_path(page: Page) -> Path:
    return EXECUTED_DIR / (page.slug + ".ipynb")


def execute_page(page: Page, key: str) -> tuple[Path, bool]:
    """Execute one notebook (or reuse the cached run); return the executed copy and whether it ran."""
    target = executed_path(page)
    stamp = target.with_suffix(".key")
    if target.exists() and stamp.exists() and stamp.read_text() == key:
        return target, False
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    source = REPO_ROOT / page.source
    nb = nbformat.read(source, as_version=4)
    os.environ[SITE_BUILD_ENV] = "1"  # kernels inherit the environment
    os.environ["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")])))
    client = NotebookClient(nb, timeout=300, kernel_name="python3", extra_arguments=["--IPKernelApp.log_level=ERROR"],
                            resources={"metadata": {"path": str(source.parent)}})
    try:
        client.execute()
    except CellExecutionError as exc:
        index = next((i for i, c in enumerate(nb.cells) if c.get("cell_type") == "code"
                      and any(o.get("output_type") == "error" for o in c.get("outputs", []))), None)
        err = next((o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"), {})
        raise BuildError(f"{page.source}: cell {index}: {err.get('ename', 'Error')}: {err.get('evalue', exc)}") from None
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")  # a crash never leaves a half-written copy under the real name
    nbformat.write(nb, partial)
    partial.replace(target)
    stamp.write_text(key)
    return target, True


def execute_all(selected: list[Page]) -> dict[Page, Path]:
    """Execute pages two at a time (the machine has two cores); each page runs at most once."""
    shared = shared_digest()
    results: dict[Page, Path] = {}
    ran: list[str] = []
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {page: pool.submit(execute_page, page, cache_key(page, shared)) for page in selected}
        for page, future in futures.items():
            path, executed = future.result()
            results[page] = path
            if executed:
                ran.append(page.slug)
    print(f"executed {len(ran)} page(s){': ' + ', '.join(ran) if ran else ''}; "
          f"{len(selected) - len(ran)} from cache")
    return results


def executed_notebook(page: Page) -> tuple[Path, bool]:
    """The up-to-date executed copy of one page, executing it only if the cache is stale."""
    return execute_page(page, cache_key(page, shared_digest()))
