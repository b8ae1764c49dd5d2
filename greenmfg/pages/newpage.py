"""`make page KEY=my-key TITLE="Title" [CHAPTER=1]`: scaffold a page and register it in the site map.

Writes the notebook (front matter, the hidden prose-values cell, a first paragraph), the page package
greenmfg/pages/<key>/ (load, variables) and a test stub, and adds the page to `project.render` and the
navbar of each edition's profile (_quarto-en.yml, _quarto-zh.yml; chapters go into the Chapters menu), so
every other place picks it up from the site map. The Chinese twin (zh/…) starts with the Chinese title
given (or the English one, which the edition tests flag until it is written). Output-free, so its diff
stays readable.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import nbformat

from greenmfg.locale.i18n import edition_prefix
from greenmfg.pages.project import CHAPTERS_DIR, editions, pages
from greenmfg.paths import REPO_ROOT

PACKAGE_TEMPLATE = '''"""{title}: data for the page's charts and the derived numbers its prose uses."""
from __future__ import annotations

from greenmfg.data import loaders


def load(data_dir=None) -> dict:
    """Everything the page reads (the only I/O of the page)."""
    return {{"context": loaders.load_context_series(data_dir)}}


def variables(data_dir=None) -> dict:
    """Derived numbers of this page's prose, under its key; plain figures use the generic series.* keys."""
    return {{"{key}": {{}}}}
'''

TEST_TEMPLATE = '''"""{title}: the page package loads and its variables sit under the page's key."""
from greenmfg.pages import {module}


def test_page_loads_and_names_its_variables():
    assert {module}.load()["context"] is not None
    assert list({module}.variables()) == ["{key}"]
'''


FIRST_PARAGRAPH = {"en": "[{{< var data.freshness >}}]{.gm-as-of}\n\nThis page is being written.",
                   "zh": "[{{< var data.freshness >}}]{.gm-as-of}\n\n本页正在撰写。"}


def page_notebook(source: str, title: str, description: str = "", lang: str = "en") -> nbformat.NotebookNode:
    """A new, output-free page notebook with the house skeleton."""
    nb = nbformat.v4.new_notebook()
    front = ["---", f'title: "{title}"'] + ([f'description: "{description}"'] if description else []) + ["---"]
    nb.cells = [nbformat.v4.new_raw_cell("\n".join(front)),
                nbformat.v4.new_code_cell('#| include: false\nfrom greenmfg.pages.notebook import prose_values\n'
                                          'prose_values()'),
                nbformat.v4.new_markdown_cell(FIRST_PARAGRAPH[lang])]
    for cell in nb.cells:
        cell.pop("id", None)
    nb.metadata = {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
                   "language_info": {"name": "python"}}
    nb.nbformat_minor = 4
    return nb


def write_notebook(nb: nbformat.NotebookNode, path: Path) -> None:
    """Write a notebook with stable formatting (one-space indent, trailing newline)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(nbformat.writes(nb, version=4) + "\n", encoding="utf-8")


def register(config_text: str, source: str, title: str, chapter: bool) -> str:
    """_quarto.yml with the page added at the end of project.render and to the navbar (text edit: comments stay)."""
    renders = list(re.finditer(r"^    - \S+\.ipynb\n", config_text, re.M))
    if not renders:
        raise SystemExit("_quarto.yml: no project.render list found")
    last = renders[-1] if not chapter else [m for m in renders if f"{CHAPTERS_DIR}/" in m.group()][-1]
    chapter_href = rf"(?:\w+/)?{CHAPTERS_DIR}/"
    config_text = config_text[:last.end()] + f"    - {source}\n" + config_text[last.end():]
    entry_indent = "          " if chapter else "      "
    anchor = (list(re.finditer(rf"^{entry_indent}- href: {chapter_href}\S+\n{entry_indent}  text: .*\n", config_text, re.M))
              if chapter else list(re.finditer(r"^      - href: \S+\n        text: .*\n", config_text, re.M)))
    if not anchor:
        raise SystemExit("_quarto.yml: no navbar entry to add the page after")
    where = anchor[-1].end()
    entry = f"{entry_indent}- href: {source}\n{entry_indent}  text: {title}\n"
    return config_text[:where] + entry + config_text[where:]


def scaffold(key: str, title: str, chapter: bool = False, title_zh: str = "") -> list[Path]:
    """Write the notebooks (both editions), package and test stub, and register the page; refuse a key that exists."""
    if not re.fullmatch(r"[a-z][a-z0-9_]*", key):
        raise SystemExit(f"page key {key!r}: lowercase letters, digits and underscores (it names a Python package)")
    if key in {p.key for p in pages()}:
        raise SystemExit(f"a page with key {key!r} exists already")
    source = f"{CHAPTERS_DIR}/{key}.ipynb" if chapter else f"{key}.ipynb"
    written = [REPO_ROOT / "greenmfg" / "pages" / key / "__init__.py", REPO_ROOT / "tests" / f"test_{key}.py"]
    written[0].parent.mkdir(parents=True, exist_ok=True)
    written[0].write_text(PACKAGE_TEMPLATE.format(title=title, key=key), encoding="utf-8")
    written[1].write_text(TEST_TEMPLATE.format(title=title, key=key, module=key), encoding="utf-8")
    for lang in editions():
        edition_source, edition_title = edition_prefix(lang) + source, (title_zh or title) if lang == "zh" else title
        write_notebook(page_notebook(edition_source, edition_title, lang=lang), REPO_ROOT / edition_source)
        config = REPO_ROOT / f"_quarto-{lang}.yml"
        config.write_text(register(config.read_text(encoding="utf-8"), edition_source, edition_title, chapter),
                          encoding="utf-8")
        written += [REPO_ROOT / edition_source, config]
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make page", description=__doc__.splitlines()[0])
    parser.add_argument("key")
    parser.add_argument("title")
    parser.add_argument("--chapter", action="store_true", help="a themed chapter under chapters/")
    parser.add_argument("--title-zh", default="", help="the Chinese edition's title")
    args = parser.parse_args(argv)
    for path in scaffold(args.key, args.title, args.chapter, args.title_zh):
        print(f"wrote {path.relative_to(REPO_ROOT)}")
    print("Next: write the prose and chart modules, give the page a colour in greenmfg/charts/theme.py if it is a chapter, "
          "then make site.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
