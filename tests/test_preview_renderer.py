"""The preview renderer supports each feature of the Quarto subset in docs/architecture.md, one test each."""
from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from greenmfg.pages.project import BuildError, Page, quarto_config
from greenmfg.site.preview import cell_options, front_matter, notebook_markdown, render_page, substitute_variables

VARIABLES = {"series": {"nev_sales": {"y2023": "949.5万"}}}


def notebook(*cells, front="---\ntitle: \"A test page\"\nsubtitle: \"副标题\"\ndescription: \"About it.\"\n---"):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_raw_cell(front), *cells]
    return nb


def render(tmp_path, nb, slug="chapters/test-page"):
    source = tmp_path / "executed.ipynb"
    nbformat.write(nb, source)
    out = render_page(Page(Path(slug + ".ipynb")),
                      source, quarto_config(), VARIABLES, tmp_path / "site")
    return out.read_text(encoding="utf-8")


def test_front_matter_in_first_raw_cell(tmp_path):
    html = render(tmp_path, notebook(nbformat.v4.new_markdown_cell("Body.")))
    assert "<h1 class=\"title\">A test page</h1>" in html and "副标题" in html
    assert front_matter(notebook(), "x")["title"] == "A test page"
    with pytest.raises(BuildError, match="first cell"):
        front_matter(notebook(front="title: no fences"), "x")


def test_front_matter_shortcodes_are_refused(tmp_path):
    nb = notebook(nbformat.v4.new_markdown_cell("Body."), front='---\ntitle: "T"\ndate: "{{< var data.last_updated >}}"\n---')
    with pytest.raises(BuildError, match="front matter has the shortcode"):
        render(tmp_path, nb)


def test_var_shortcode_is_substituted(tmp_path):
    html = render(tmp_path, notebook(nbformat.v4.new_markdown_cell("Sales: {{< var series.nev_sales.y2023 >}}.")))
    assert "Sales: 949.5万." in html


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_short_names_expand_to_the_values_they_stand_for(lang):
    """A page's short name (greenmfg/pages/<page>/names.py) is an ordinary key of _variables.yml: it expands, as
    Quarto expands it, to exactly the value of the key it stands for."""
    from greenmfg.pages.variables import build_variables, declared_names, page_modules

    variables = build_variables(lang=lang)
    aliases = {name: meaning for name, (_, meaning) in declared_names(page_modules()).items() if isinstance(meaning, str)}
    assert len(aliases) > 100
    short = " | ".join(f"{{{{< var {name} >}}}}" for name in aliases)
    long = " | ".join(f"{{{{< var {key} >}}}}" for key in aliases.values())
    assert substitute_variables(short, variables, "p") == substitute_variables(long, variables, "p")


def test_unknown_var_names_page_and_cell():
    with pytest.raises(BuildError, match=r"page.ipynb: cell 3: unknown variable 'series.nope'"):
        substitute_variables("{{< var series.nope >}}", VARIABLES, "page.ipynb: cell 3")


def test_other_shortcodes_are_refused():
    with pytest.raises(BuildError, match="not in the supported Quarto subset"):
        substitute_variables("{{< video x.mp4 >}}", VARIABLES, "p")


def test_citations_render_with_bibliography(tmp_path):
    html = render(tmp_path, notebook(nbformat.v4.new_markdown_cell("As published [@xinhua2024green].")))
    assert "Xinhua" in html and 'id="refs"' in html


def test_heading_ids(tmp_path):
    html = render(tmp_path, notebook(nbformat.v4.new_markdown_cell("## Steel {#sec-steel}\n\nText.")))
    assert 'id="sec-steel"' in html
    assert 'href="#sec-steel"' in html, "the table of contents links the section"


def test_cell_options_echo_output_include(tmp_path):
    shown = nbformat.v4.new_code_cell("#| echo: true\nprint('hi')",
                                      outputs=[nbformat.v4.new_output("stream", name="stdout", text="hi\n")])
    hidden = nbformat.v4.new_code_cell("#| include: false\nsecret = 1",
                                       outputs=[nbformat.v4.new_output("stream", name="stdout", text="SECRET\n")])
    quiet = nbformat.v4.new_code_cell("#| output: false\nx = 2",
                                      outputs=[nbformat.v4.new_output("stream", name="stdout", text="QUIET\n")])
    default = nbformat.v4.new_code_cell("make_chart()", outputs=[nbformat.v4.new_output(
        "display_data", data={"text/html": "<div class=\"probe\">chart</div>"})])
    html = render(tmp_path, notebook(shown, hidden, quiet, default))
    assert "sourceCode" in html and "print" in html, "echo: true shows the code"
    assert "SECRET" not in html and "QUIET" not in html
    assert "make_chart" not in html, "code is hidden by default (execute.echo: false)"
    assert '<div class="probe">chart</div>' in html
    assert cell_options("#| echo: false\n#| output: true\nx") == {"echo": False, "output": True}


def test_callouts_get_a_title(tmp_path):
    md = '::: {.callout-note title="Why the bases differ"}\nNational vs all levels.\n:::\n\n::: {.callout-warning}\nCareful.\n:::'
    html = render(tmp_path, notebook(nbformat.v4.new_markdown_cell(md)))
    assert 'class="callout-note callout"' in html and "Why the bases differ" in html
    assert re.search(r"callout-title\">\s*Warning\s*<", html)


def test_lang_spans(tmp_path):
    html = render(tmp_path, notebook(nbformat.v4.new_markdown_cell('Short-process steel ([短流程炼钢]{lang="zh-Hans"}).')))
    assert '<span lang="zh-Hans">短流程炼钢</span>' in html


def test_links_to_notebooks_become_html(tmp_path):
    html = render(tmp_path, notebook(nbformat.v4.new_markdown_cell("[ledger](../claims.ipynb#claim-x) [ext](https://example.org/a.ipynb)")))
    assert 'href="../claims.html#claim-x"' in html
    assert 'href="https://example.org/a.ipynb"' in html


def test_navigation_from_quarto_yml_with_correct_relative_paths(tmp_path):
    html = render(tmp_path, notebook(nbformat.v4.new_markdown_cell("x")), slug="chapters/digital")
    assert 'href="../index.html"' in html and 'href="../chapters/emerging.html"' in html
    assert 'aria-current="page"' in html
    assert 'href="../assets/site.css"' in html


def test_error_output_stops_the_render():
    failing = nbformat.v4.new_code_cell("1/0", outputs=[nbformat.v4.new_output(
        "error", ename="ZeroDivisionError", evalue="division by zero", traceback=[])])
    with pytest.raises(BuildError, match="ZeroDivisionError"):
        notebook_markdown(notebook(failing), {}, "p.ipynb")


def test_citation_front_matter_gets_quartos_citation_appendix(tmp_path):
    front = ('---\ntitle: "T"\ncitation:\n  type: webpage\n  title: "A site"\n  author:\n    - name:\n'
             '        literal: greenmfg explainer team\n  issued: "2025-10-31"\n---')
    html = render(tmp_path, notebook(nbformat.v4.new_markdown_cell("Body."), front=front))
    assert "Citation" in html and "greenmfg explainer team. 2025. “A site.”" in html
    assert "explainer team, greenmfg" not in html, "an organisation is never split like a person's name"
    assert "@online{greenmfg_explainer_team2025" in html
