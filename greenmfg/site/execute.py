"""The one executor: every page runs once, with nbclient, whichever renderer draws the site.

Executed copies live in .build/executed/, keyed on the page plus everything that can change its
outputs (data/, the greenmfg package, the pins), so an unchanged tree executes nothing and any
change shows in the next build. Source notebooks are only read, never written.
"""
from __future__ import annotations

import hashlib
import json
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from greenmfg.pages.project import BuildError, Page
from greenmfg.paths import BUILD_DIR, REPO_ROOT

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
    """Hash of the page's cells minus its prose, plus everything that can change its outputs: an edit to a markdown
    cell changes no output, so it re-renders the page without running it again (see `with_current_prose`)."""
    nb = json.loads((REPO_ROOT / page.source).read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown":
            cell["source"] = ""
    digest = hashlib.sha256(shared.encode())
    digest.update(json.dumps(nb, sort_keys=True).encode())
    return digest.hexdigest()


def with_current_prose(page: Page) -> Path:
    """The executed copy with the source's markdown cells as they are now (cells are matched by position; the key
    guarantees the same cells in the same order)."""
    target = executed_path(page)
    text = target.read_text(encoding="utf-8")
    executed = json.loads(text)
    source = json.loads((REPO_ROOT / page.source).read_text(encoding="utf-8"))
    for ran, cell in zip(executed["cells"], source["cells"]):
        if cell["cell_type"] == "markdown":
            ran.update(source=cell["source"], metadata=cell.get("metadata", {}))
            if "attachments" in cell:
                ran["attachments"] = cell["attachments"]
    updated = json.dumps(executed, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    if updated != text:
        partial = target.with_suffix(".partial")
        partial.write_text(updated, encoding="utf-8")
        partial.replace(target)
    return target


def executed_path(page: Page) -> Path:
    return EXECUTED_DIR / (page.slug + ".ipynb")


def _is_current(page: Page, key: str) -> bool:
    from greenmfg.charts.cards import cards_current

    target = executed_path(page)
    stamp = target.with_suffix(".key")
    return target.exists() and stamp.exists() and stamp.read_text() == key and cards_current(page, key)


def _kernel_env() -> None:
    os.environ[SITE_BUILD_ENV] = "1"  # kernels inherit the environment
    os.environ["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")])))


def _fresh_start(source: Path) -> str:
    """Code run before each page in a shared kernel: an empty namespace and the page's folder as working
    directory and the notebook named as JupyterLab names it, as a kernel of its own would have (imported modules
    stay loaded: that is the saving)."""
    return (f"get_ipython().run_line_magic('reset', '-f')\nimport os\nos.chdir({str(source.parent)!r})\n"
            f"os.environ['JPY_SESSION_NAME'] = {str(source)!r}")


def _run_pages(queue: list[tuple[Page, str]]) -> list[str]:
    """Execute pages one after another in one kernel; return the slugs that ran."""
    todo = [(page, key) for page, key in queue if not _is_current(page, key)]
    if not todo:
        return []
    import nbformat  # imported only when a page runs: a warm build needs neither
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    _kernel_env()
    first = REPO_ROOT / todo[0][0].source
    # record_timing off: Quarto would copy each cell's run timestamps into the published HTML
    client = NotebookClient(nbformat.v4.new_notebook(), timeout=300, kernel_name="python3", record_timing=False,
                            extra_arguments=["--IPKernelApp.log_level=ERROR"],
                            resources={"metadata": {"path": str(first.parent)}})
    with client.setup_kernel():
        for page, key in todo:
            source = REPO_ROOT / page.source
            nb = nbformat.read(source, as_version=4)
            client.nb = nb
            client.reset_execution_trackers()
            reply = client.wait_for_reply(client.kc.execute(_fresh_start(source), silent=True, store_history=False))
            if not reply or reply["content"].get("status") != "ok":
                raise BuildError(f"{page.source}: the kernel could not be reset for the page")
            try:
                for index, cell in enumerate(nb.cells):
                    client.execute_cell(cell, index, execution_count=client.code_cells_executed + 1)
            except CellExecutionError as exc:
                index = next((i for i, c in enumerate(nb.cells) if c.get("cell_type") == "code"
                              and any(o.get("output_type") == "error" for o in c.get("outputs", []))), None)
                err = next((o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"), {})
                raise BuildError(f"{page.source}: cell {index}: {err.get('ename', 'Error')}: "
                                 f"{err.get('evalue', exc)}") from None
            _store(page, key, nb)
    return [page.slug for page, _ in todo]


def _store(page: Page, key: str, nb) -> None:
    """Keep the executed copy and write its card files (.build/cards/) for post-render."""
    import nbformat

    from greenmfg.charts.cards import write_cards

    target = executed_path(page)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")  # a crash never leaves a half-written copy under the real name
    nbformat.write(nb, partial)
    partial.replace(target)
    write_cards(page, nb, key)
    target.with_suffix(".key").write_text(key)


def execute_page(page: Page, key: str) -> tuple[Path, bool]:
    """Execute one notebook (or reuse the cached run); return the executed copy and whether it ran."""
    ran = _run_pages([(page, key)])
    return with_current_prose(page), bool(ran)


KERNELS = 2  # the machine has two cores


def execute_all(selected: list[Page]) -> dict[Page, Path]:
    """Execute pages in two long-lived kernels (the machine has two cores), each page at most once.

    A kernel of its own per page would import pandas, Altair and the package again for each of the
    eighteen pages; sharing two kernels pays that once per kernel and resets the namespace between pages.
    """
    shared = shared_digest()
    queue = [(page, cache_key(page, shared)) for page in selected]
    lanes = [queue[i::KERNELS] for i in range(KERNELS)]
    with ThreadPoolExecutor(max_workers=KERNELS) as pool:
        ran = [slug for lane in pool.map(_run_pages, lanes) for slug in lane]
    print(f"executed {len(ran)} page(s){': ' + ', '.join(ran) if ran else ''}; "
          f"{len(selected) - len(ran)} from cache")
    return {page: with_current_prose(page) for page in selected}


def executed_notebook(page: Page) -> tuple[Path, bool]:
    """The up-to-date executed copy of one page, executing it only if the cache is stale."""
    return execute_page(page, cache_key(page, shared_digest()))
