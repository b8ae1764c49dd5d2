"""What a rerunner sees in Jupyter: the values behind a page's `{{< var >}}` tokens, without a site build.

A page's first code cell (`#| include: false`, so neither renderer shows it) calls
`prose_values()`; in Jupyter it prints a table of every name the page's prose and card takeaways use, its current
value, computed from data/ as the build computes it, and for a short name (greenmfg/pages/<page>/names.py) the key it
stands for. The page is the kernel's notebook (JupyterLab and the build both name it in JPY_SESSION_NAME), and its
edition follows from its folder.
"""
from __future__ import annotations

import html
import json
import os
from dataclasses import dataclass
from pathlib import Path

import yaml

from greenmfg.locale.i18n import DEFAULT
from greenmfg.pages.project import Page
from greenmfg.pages.var_tokens import VAR_TOKEN, lookup
from greenmfg.paths import REPO_ROOT
from greenmfg.site.execute import SITE_BUILD_ENV


def page_var_keys(page_source: str, cell_types: tuple[str, ...] = ("markdown",)) -> list[str]:
    """Every var key in the page's markdown cells (or the cells of ``cell_types``), in order of first use."""
    nb = json.loads((REPO_ROOT / page_source).read_text(encoding="utf-8"))
    text = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] in cell_types)
    return list(dict.fromkeys(VAR_TOKEN.findall(text)))


def short_names() -> dict[str, str]:
    """Each short name the page packages declare -> what it stands for ('emerging.nev_sales_last', or a phrase)."""
    from greenmfg.pages.variables import declared_names, page_modules

    return {name: str(meaning) for name, (_, meaning) in declared_names(page_modules()).items()}


def current_variables(lang: str = DEFAULT) -> dict:
    """The values the site build would use now for one edition (written by the build, reused while data is unchanged)."""
    from greenmfg.site.build import write_variables

    return yaml.safe_load(write_variables()[lang].read_text(encoding="utf-8")) or {}


def value_of(variables: dict, key: str) -> str:
    try:
        return lookup(variables, key)
    except KeyError:
        return "(missing: not in _variables.yml)"


# Shows each value in place of its token in the notebook's rendered markdown (jupyterlab-quarto renders a token as
# <span class="shortcode">{{< var key >}}</span>), the key on hover; re-applied whenever a markdown cell re-renders.
IN_PLACE = """<script>(() => {
  const values = %s;
  const notebook = document.currentScript?.closest('.jp-Notebook') || document.body;
  const apply = () => notebook.querySelectorAll('.jp-MarkdownOutput span.shortcode:not([data-gm-key])').forEach(span => {
    const key = (span.textContent.match(/^\\{\\{<\\s*var\\s+(\\S+)\\s*>\\}\\}$/) || [])[1];
    if (key in values) { span.dataset.gmKey = key; span.title = key; span.textContent = values[key]; }
  });
  notebook.gmValues?.disconnect();
  notebook.gmValues = new MutationObserver(apply);
  notebook.gmValues.observe(notebook, {childList: true, subtree: true});
  apply();
})();</script>"""


@dataclass
class ProseValues:
    """A table of the page's var names, their values and what each short name stands for, which also shows each
    value in place of its token in the notebook's markdown; in Jupyter only (the site expands tokens itself)."""

    rows: list[tuple[str, str]]

    def _repr_mimebundle_(self, include=None, exclude=None):  # noqa: ANN001 - IPython protocol
        if os.environ.get(SITE_BUILD_ENV) == "1":
            return {"text/plain": ""}
        names = short_names()  # only here: the build never shows the table, so it never loads every page package
        body = "".join(f"<tr><td><code>{html.escape(k)}</code></td><td>{html.escape(v)}</td>"
                       f"<td><code>{html.escape(names.get(k, ''))}</code></td></tr>" for k, v in self.rows)
        table = (f'<details open class="gm-prose-values"><summary>Values in this page\'s text '
                 f"({len(self.rows)} <code>{{{{&lt; var &gt;}}}}</code> names, from data/)</summary>"
                 f"<table><thead><tr><th>token</th><th>value</th><th>stands for</th></tr></thead>"
                 f"<tbody>{body}</tbody></table></details>")
        plain = "\n".join(f"{k} = {v}" + (f"  ({names[k]})" if k in names else "") for k, v in self.rows)
        in_place = IN_PLACE % json.dumps(dict(self.rows), ensure_ascii=False).replace("</", "<\\/")
        return {"text/html": table + in_place, "text/plain": plain}


def kernel_page() -> str:
    """The notebook this kernel runs, relative to the repository (JupyterLab and the build set JPY_SESSION_NAME)."""
    name = os.environ.get("JPY_SESSION_NAME")
    if not name:
        raise RuntimeError("prose_values(): no notebook named for this kernel (JPY_SESSION_NAME is unset); "
                           "pass the page's notebook path to prose_values()")
    path = Path(name)
    return (path.resolve().relative_to(REPO_ROOT) if path.is_absolute() else path).as_posix()


def prose_values(page_source: str | None = None) -> ProseValues:
    """The values behind every `{{< var >}}` token of this page's prose and card takeaways (this kernel's notebook by
    default), in the page's edition."""
    page_source = page_source or kernel_page()
    lang = Page(Path(page_source)).lang
    variables = current_variables(lang)
    keys = page_var_keys(page_source, ("markdown", "code"))
    return ProseValues([(key, value_of(variables, key)) for key in keys])
