"""The build: one execution per page, a cache that never serves stale output, loud failures, same bytes twice."""
from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from greenmfg.data import csvfiles
from greenmfg.pages.project import BuildError, Page
from greenmfg.paths import BUILD_DIR, REPO_ROOT
from greenmfg.site.build import build_site
from greenmfg.site.execute import CACHE_INPUTS, EXECUTED_DIR, cache_key, execute_page, executed_notebook, shared_digest


def test_cache_key_changes_with_the_package_and_the_page(tmp_path):
    page = Page(Path("index.ipynb"))
    before = cache_key(page, shared_digest())
    probe = REPO_ROOT / "greenmfg" / "_cache_probe.py"
    try:
        probe.write_text("# probe\n")
        assert cache_key(page, shared_digest()) != before, "a package change must invalidate the cache"
    finally:
        probe.unlink()
    assert cache_key(page, shared_digest()) == before
    assert cache_key(Page(Path("about.ipynb")), shared_digest()) != before


def test_cache_inputs_cover_data_package_and_pins():
    assert set(CACHE_INPUTS) == {"greenmfg", "data", "requirements.txt"}


def _scratch_page(name: str, code: str) -> Page:
    folder = BUILD_DIR / "test-pages"
    folder.mkdir(parents=True, exist_ok=True)
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_raw_cell("---\ntitle: t\n---"), nbformat.v4.new_code_cell("x = 1"),
                nbformat.v4.new_code_cell(code)]
    nbformat.write(nb, folder / f"{name}.ipynb")
    return Page((folder / f"{name}.ipynb").relative_to(REPO_ROOT))


def test_failing_cell_names_page_cell_and_exception():
    page = _scratch_page("failing", "raise ValueError('share of 140 % is impossible')")
    with pytest.raises(BuildError, match=r"test-pages/failing.ipynb: cell 2: ValueError: share of 140 % is impossible"):
        execute_page(page, "k1")


def test_executed_page_is_reused_only_for_the_same_key():
    page = _scratch_page("counter", "import time; print(time.perf_counter_ns())")
    first, ran_first = execute_page(page, "same")
    text_first = first.read_text()
    _, ran_again = execute_page(page, "same")
    assert ran_first and not ran_again
    _, ran_changed = execute_page(page, "different")
    assert ran_changed and first.read_text() != text_first


def test_a_prose_edit_reuses_the_run_and_shows_the_new_prose():
    """An editor's change to a markdown cell re-renders without running the page; a code change runs it again."""
    page = _scratch_page("prose", "import time; print(time.perf_counter_ns())")
    source = REPO_ROOT / page.source
    nb = nbformat.read(source, as_version=4)
    nb.cells.append(nbformat.v4.new_markdown_cell("First wording."))
    nbformat.write(nb, source)
    _, ran = executed_notebook(page)
    key = cache_key(page, shared_digest())
    nb.cells[-1].source = "Second wording."
    nbformat.write(nb, source)
    assert cache_key(page, shared_digest()) == key
    executed, ran_again = executed_notebook(page)
    assert ran and not ran_again
    assert "Second wording." in executed.read_text() and "First wording." not in executed.read_text()
    nb.cells[2].source = "print('changed')"
    nbformat.write(nb, source)
    assert cache_key(page, shared_digest()) != key
    assert executed_notebook(page)[1]


def _html_digests(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_builds_from_clean_are_byte_identical(preview_site):
    first = _html_digests(preview_site)
    shutil.rmtree(BUILD_DIR / "executed", ignore_errors=True)
    build_site("preview", preview_site)
    assert _html_digests(preview_site) == first


def test_build_stops_on_invalid_data(tmp_repo_copy):
    from greenmfg.site.build import validate_data

    claims = tmp_repo_copy / "processed" / "claims.csv"
    lines = csvfiles.read_text(claims).splitlines(keepends=True)
    csvfiles.write(claims, lines[0])  # header only: every claim silently gone
    with pytest.raises(BuildError, match="claims.csv"):
        validate_data(tmp_repo_copy)


def _tracked_state() -> dict[str, tuple[int, str]]:
    names = subprocess.run(["git", "ls-files", "-z"], cwd=REPO_ROOT, capture_output=True, check=True).stdout
    return {n: ((REPO_ROOT / n).stat().st_mtime_ns, hashlib.sha256((REPO_ROOT / n).read_bytes()).hexdigest())
            for n in filter(None, names.decode().split("\0")) if (REPO_ROOT / n).is_file()}


def test_a_build_never_writes_a_tracked_file(preview_site):
    before = _tracked_state()
    (EXECUTED_DIR / "about.key").unlink(missing_ok=True)  # one page really executes, the rest come from cache
    build_site("preview", preview_site)
    after = _tracked_state()
    changed = sorted(n for n in before if before[n] != after.get(n))
    assert changed == [], f"the build touched tracked files: {changed}"


def test_the_ipynb_filter_hands_quarto_the_executed_page_and_leaves_the_source(preview_site):
    source = REPO_ROOT / "chapters" / "digital.ipynb"
    text = source.read_text(encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "greenmfg.site.quarto_filter"], input=text, cwd=source.parent,
                         capture_output=True, text=True, check=True)
    executed = json.loads(run.stdout)
    html = [o["data"]["text/html"] for c in executed["cells"] for o in c.get("outputs", []) if "text/html" in o.get("data", {})]
    assert any('class="gm-card"' in "".join(h) for h in html), "the filter must return executed chart cards"
    assert source.read_text(encoding="utf-8") == text


def test_the_ipynb_filter_speaks_ascii_so_quarto_cannot_split_a_character(preview_site):
    """Quarto decodes the filter's output chunk by chunk; a Chinese character cut at a chunk's end became U+FFFD."""
    from greenmfg.pages.project import page
    from greenmfg.site.execute import executed_path

    source = REPO_ROOT / "zh" / "chapters" / "traditional.ipynb"
    run = subprocess.run([sys.executable, "-m", "greenmfg.site.quarto_filter"], input=source.read_bytes(),
                         cwd=source.parent, capture_output=True, check=True)
    assert run.stdout.isascii()
    assert json.loads(run.stdout) == json.loads(executed_path(page("traditional", "zh")).read_text(encoding="utf-8"))


def test_no_page_has_a_replacement_character(site):
    """U+FFFD on a page means text was decoded from a cut byte sequence somewhere between data and HTML."""
    broken = [p.relative_to(site).as_posix() for p in sorted(site.rglob("*.html")) if "\ufffd" in p.read_text(encoding="utf-8")]
    assert broken == []


def test_the_ipynb_filter_refuses_a_notebook_that_is_not_a_page():
    run = subprocess.run([sys.executable, "-m", "greenmfg.site.quarto_filter"], input='{"cells": []}', cwd=REPO_ROOT / "chapters",
                         capture_output=True, text=True)
    assert run.returncode == 1 and "project.render" in run.stderr and "chapters" in run.stderr


def test_quartos_filter_cache_forgets_our_pages(tmp_path, monkeypatch):
    from greenmfg.site.build import forget_quarto_filter_cache, quarto_filter_cache_index

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    index = quarto_filter_cache_index()
    index.parent.mkdir(parents=True)
    ours = str(REPO_ROOT / "index.ipynb")
    index.write_text(json.dumps({ours: {"invalidation": "x", "path": "a"}, "/elsewhere/n.ipynb": {"path": "b"}}))
    forget_quarto_filter_cache([Page(Path("index.ipynb"))])
    assert list(json.loads(index.read_text())) == ["/elsewhere/n.ipynb"]
