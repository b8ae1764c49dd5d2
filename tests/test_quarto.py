"""The site as Quarto builds it: clean tree, no "Invalid Date", cached rebuilds, charts from our executor.

These judge the run's own `make site` with the `quarto` binary on PATH (the build every browser test uses, made once
per run), and render each edition directly in a scratch copy of the working tree that has built once. Where there is
no `quarto` (Quarto's PyPI installer cannot download its binary on some machines) they skip and say why.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from greenmfg.charts.cards import CARDS_DIR
from greenmfg.pages.project import all_pages
from greenmfg.paths import REPO_ROOT, SITE_DIR
from greenmfg.site.build import QUARTO_VERSION
from greenmfg.site.execute import EXECUTED_DIR
from greenmfg.site.html_edit import parse

QUARTO = shutil.which("quarto")
pytestmark = [pytest.mark.quarto, pytest.mark.skipif(
    QUARTO is None, reason=f"no `quarto` binary on PATH (Quarto {QUARTO_VERSION} could not be installed here); "
                           "the Quarto build is tested where it is, e.g. in publish.yml")]


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(cwd), "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="module")
def clone(tmp_path_factory, quarto_build) -> Path:
    """The tracked files of the working tree, committed in a scratch repository, as a checkout that has built once:
    with the run's Quarto site, its executed pages and its values (all ignored by git), so that rendering one
    edition directly there runs no page and must keep the other edition."""
    target = tmp_path_factory.mktemp("quarto") / "repo"
    files = subprocess.run(["git", "ls-files", "-z"], cwd=REPO_ROOT, capture_output=True, check=True).stdout
    for name in filter(None, files.decode().split("\0")):
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO_ROOT / name, target / name)
    for args in (["init", "-q"], ["add", "-A"], ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "x"]):
        subprocess.run(["git", *args], cwd=target, check=True)
    for built in (SITE_DIR, EXECUTED_DIR, CARDS_DIR, REPO_ROOT / "_variables.yml", REPO_ROOT / "assets" / "vega.mjs"):
        if built.is_dir():
            shutil.copytree(built, target / built.relative_to(REPO_ROOT))
        elif built.is_file():
            shutil.copy2(built, target / built.relative_to(REPO_ROOT))
    return target


def test_quarto_is_the_pinned_version():
    version = subprocess.run([QUARTO, "--version"], capture_output=True, text=True).stdout.strip()
    assert version == QUARTO_VERSION


def test_make_site_with_quarto_changes_nothing_git_sees(quarto_build):
    """The run's `make site` (the site every browser test judges) exited 0 and wrote only files git ignores."""
    assert quarto_build["after"] == quarto_build["before"], (
        f"the build changed or left files git sees:\n{sorted(set(quarto_build['after']) - set(quarto_build['before']))}")


def test_quarto_pages_have_dates_values_and_charts(quarto_site):
    site = quarto_site
    for page in all_pages():
        html = (site / page.output).read_text(encoding="utf-8")
        assert "Invalid Date" not in html, page.output
        assert "{{<" not in html and "?var:" not in html, f"{page.output}: an unexpanded shortcode"
        assert "iopub." not in html, f"{page.output}: the notebook's run timestamps are in the HTML"
        assert re.search(r'class="gm-as-of"[^>]*>(Latest source published |最新来源发布于)(\d{1,2} [A-Z][a-z]+ )?([A-Z][a-z]+ )?\d{4}', html), f"{page.output}: no 'Latest source published'"
    chapter = parse((site / "chapters" / "digital.html").read_text(encoding="utf-8"))
    assert len(chapter.select("figure.gm-card")) >= 3


@pytest.mark.parametrize("profile", ["en", "zh"])
def test_one_edition_rendered_directly_runs_no_page_keeps_the_other_and_the_tree_clean(clone, profile):
    run = _run([QUARTO, "render", "--profile", profile], clone)
    assert run.returncode == 0, run.stderr[-2000:]
    output = run.stdout + run.stderr
    assert "executed 0 page(s)" in output and "from the ipynb filter" not in output  # pages come from the cache
    site = clone / "_site"
    for chapter in (site / "chapters" / "emerging.html", site / "zh" / "chapters" / "emerging.html"):
        assert parse(chapter.read_text(encoding="utf-8")).select("figure.gm-card"), f"{chapter} lost after rendering {profile}"
    assert parse((site / "zh" / "index.html").read_text(encoding="utf-8")).html["lang"] == "zh-Hans"
    status = subprocess.run(["git", "status", "--porcelain"], cwd=clone, capture_output=True, text=True).stdout
    assert status == ""


def test_quarto_search_index_of_each_edition_lists_only_its_pages(quarto_site):
    import json

    english = {e["href"].split("#")[0] for e in json.loads((quarto_site / "search.json").read_text())}
    chinese = {e["href"].split("#")[0] for e in json.loads((quarto_site / "zh" / "search.json").read_text())}
    assert english == {p.output.as_posix() for p in all_pages() if p.lang == "en"}
    assert chinese == {p.edition_source.with_suffix(".html").as_posix() for p in all_pages() if p.lang == "zh"}
    offset = re.search(r'name="quarto:offset" content="([^"]*)"', (quarto_site / "zh/chapters/digital.html").read_text())
    assert offset and offset.group(1) == "../", "Chinese pages must search the Chinese index"
