"""The build: one execution per page, a cache that never serves stale output, loud failures, same bytes twice."""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import nbformat
import pytest

from greenmfg.build import CACHE_INPUTS, BuildError, Page, _tree_digest, build_site, cache_key, execute_page
from greenmfg.paths import BUILD_DIR, REPO_ROOT, SITE_DIR


def _shared_digest() -> str:
    return _tree_digest([REPO_ROOT / p for p in CACHE_INPUTS if (REPO_ROOT / p).exists()])


def test_cache_key_changes_with_the_package_and_the_page(tmp_path):
    page = Page(Path("index.ipynb"))
    before = cache_key(page, _shared_digest())
    probe = REPO_ROOT / "greenmfg" / "_cache_probe.py"
    try:
        probe.write_text("# probe\n")
        assert cache_key(page, _shared_digest()) != before, "a package change must invalidate the cache"
    finally:
        probe.unlink()
    assert cache_key(page, _shared_digest()) == before
    assert cache_key(Page(Path("about.ipynb")), _shared_digest()) != before


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


def _html_digests(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_builds_from_clean_are_byte_identical(site):
    first = _html_digests(site)
    shutil.rmtree(BUILD_DIR / "executed", ignore_errors=True)
    build_site()
    assert _html_digests(SITE_DIR) == first


def test_build_stops_on_invalid_data(tmp_repo_copy):
    from greenmfg.build import validate_data

    claims = tmp_repo_copy / "processed" / "claims.csv"
    lines = claims.read_text(encoding="utf-8").splitlines(keepends=True)
    claims.write_text(lines[0], encoding="utf-8")  # header only: every claim silently gone
    with pytest.raises(BuildError, match="claims.csv"):
        validate_data(tmp_repo_copy)
