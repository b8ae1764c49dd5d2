"""The site map is the one list of pages, and the package keeps the shape a newcomer can navigate.

Every page of _quarto.yml has its notebook, package, key and colour; no module writes a page path of
its own; modules, chart functions and other functions stay short; the package has no import cycle;
`make page` scaffolds and registers a page that the site map then knows.
"""
from __future__ import annotations

import ast
import importlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from greenmfg.charts import theme
from greenmfg.pages.project import chapters, pages, quarto_config
from greenmfg.paths import REPO_ROOT

PACKAGE = REPO_ROOT / "greenmfg"
MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)
MAX_MODULE_LINES, MAX_CHART_LINES, MAX_FUNCTION_LINES = 300, 40, 60


def test_every_page_has_its_notebook_package_key_and_colour():
    keys = [p.key for p in pages()]
    assert len(set(keys)) == len(keys), "page keys (notebook names) must be unique"
    for page in pages():
        assert (REPO_ROOT / page.source).is_file(), page.source
        module = importlib.import_module(page.package)
        assert callable(getattr(module, "load", None)), f"{page.package} has no load()"
        assert page.key in theme.PAGE_HUES, f"page {page.key!r} has no colour in theme.PAGE_HUES"
        assert page.title and page.nav_text, page.source
    assert set(theme.PAGE_HUES) == set(keys), "a colour for a page that does not exist"
    assert [p.key for p in chapters()] == ["traditional", "emerging", "digital"]


def _page_literals() -> re.Pattern[str]:
    names = {p.source.as_posix() for p in pages()} | {p.output.as_posix() for p in pages()}
    return re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))


def test_no_page_path_is_written_outside_the_site_map():
    pattern = _page_literals()
    offenders = []
    for module in MODULES:
        if module.name == "project.py":
            continue
        for number, line in enumerate(module.read_text(encoding="utf-8").splitlines(), start=1):
            if pattern.search(line):
                offenders.append(f"{module.relative_to(REPO_ROOT)}:{number}: {line.strip()[:80]}")
    assert offenders == [], "derive page paths from greenmfg.pages.project:\n" + "\n".join(offenders)


def test_literal_rule_can_fail():
    assert _page_literals().search('href = "chapters/emerging.html"')


def _functions(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield node


def test_modules_and_functions_stay_short():
    problems = []
    for module in MODULES:
        text = module.read_text(encoding="utf-8")
        rel = module.relative_to(REPO_ROOT)
        if len(text.splitlines()) > MAX_MODULE_LINES:
            problems.append(f"{rel}: {len(text.splitlines())} lines (max {MAX_MODULE_LINES})")
        for func in _functions(ast.parse(text)):
            length = func.end_lineno - func.lineno + 1
            limit = MAX_CHART_LINES if func.name == "chart" or func.name.endswith("_chart") else MAX_FUNCTION_LINES
            if length > limit:
                problems.append(f"{rel}:{func.lineno} {func.name}(): {length} lines (max {limit})")
    assert problems == []


def _imports(module: Path) -> set[str]:
    """greenmfg modules imported by one module (absolute and relative imports)."""
    rel = module.relative_to(REPO_ROOT).with_suffix("")
    parts = list(rel.parts[:-1] if rel.name == "__init__" else rel.parts)
    package = parts if rel.name == "__init__" else parts[:-1]
    found = set()
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            name = ".".join(base + ([node.module] if node.module else []))
            if name.startswith("greenmfg"):
                found.add(name)
                found.update(f"{name}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("greenmfg"))
    return found


def test_the_package_has_no_import_cycle():
    names = {".".join(m.relative_to(REPO_ROOT).with_suffix("").parts).removesuffix(".__init__"): m for m in MODULES}
    graph = {name: {i for i in _imports(path) if i in names and i != name} for name, path in names.items()}
    # a package's __init__ may import its own submodules; that is not a cycle of meaning
    graph = {n: {d for d in deps if not d.startswith(n + ".")} for n, deps in graph.items()}
    state: dict[str, int] = {}
    cycles = []

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for dep in sorted(graph[node]):
            if state.get(dep) == 1:
                cycles.append(" -> ".join(trail[trail.index(dep):] + [dep]) if dep in trail else f"{node} -> {dep}")
            elif dep not in state:
                visit(dep, trail + [dep])
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert cycles == []


def test_make_page_scaffolds_and_registers_a_page(tmp_path):
    files = subprocess.run(["git", "ls-files", "-z"], cwd=REPO_ROOT, capture_output=True, check=True).stdout
    for name in filter(None, files.decode().split("\0")):
        if name.startswith(("greenmfg/", "chapters/", "tests/", "zh/", "_quarto")) or name.endswith(".ipynb"):
            (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO_ROOT / name, tmp_path / name)
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    subprocess.run([sys.executable, "-m", "greenmfg.pages.newpage", "circular", "Circular economy", "--chapter",
                    "--title-zh", "循环经济"], cwd=tmp_path, env=env, check=True, capture_output=True)
    probe = ("from greenmfg.pages.project import page, chapters; p = page('circular'); import importlib; "
             "print(p.source, p.nav_text, [c.key for c in chapters()][-1], importlib.import_module(p.package).variables())")
    zh_probe = "from greenmfg.pages.project import page; p = page('circular', 'zh'); print(p.source, p.nav_text, p.twin('en').source)"
    zh_out = subprocess.run([sys.executable, "-c", zh_probe], cwd=tmp_path, env=env, check=True, capture_output=True,
                            text=True).stdout
    assert zh_out.split() == ["zh/chapters/circular.ipynb", "循环经济", "chapters/circular.ipynb"]
    out = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, env=env, check=True, capture_output=True,
                         text=True).stdout
    assert out.split()[:3] == ["chapters/circular.ipynb", "Circular", "economy"]
    assert "circular" in out and "{'circular': {}}" in out
    assert quarto_config()["project"]["render"] == [p.source.as_posix() for p in pages()], "the repo itself is untouched"
    with pytest.raises(subprocess.CalledProcessError):
        subprocess.run([sys.executable, "-m", "greenmfg.pages.newpage", "circular", "Again"], cwd=tmp_path, env=env,
                       check=True, capture_output=True)
