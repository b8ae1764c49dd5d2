"""Create a page notebook with the house skeleton: `python -m greenmfg.newpage chapters/my-page "Title"`.

The notebook starts with the Quarto front matter in a raw cell, then one markdown and one code
cell that calls the package; it carries no outputs, so its diff stays readable.
"""
from __future__ import annotations

import sys
from pathlib import Path

import nbformat

from .paths import REPO_ROOT


def page_notebook(title: str, subtitle: str = "", description: str = "", body: str = "") -> nbformat.NotebookNode:
    """A new, output-free page notebook."""
    nb = nbformat.v4.new_notebook()
    front = ["---", f'title: "{title}"']
    if subtitle:
        front.append(f'subtitle: "{subtitle}"')
    if description:
        front.append(f'description: "{description}"')
    front.append("---")
    nb.cells = [nbformat.v4.new_raw_cell("\n".join(front)),
                nbformat.v4.new_markdown_cell(body or "This page is being written.")]
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


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    target = REPO_ROOT / (sys.argv[1].removesuffix(".ipynb") + ".ipynb")
    if target.exists():
        sys.exit(f"{target} exists already")
    write_notebook(page_notebook(sys.argv[2]), target)
    print(f"wrote {target.relative_to(REPO_ROOT)}: add it to project.render and the navbar in _quarto.yml")
