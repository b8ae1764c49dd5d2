"""Committed notebooks: thin, output-free, with front matter, and no bare numbers in prose."""
from __future__ import annotations

import re

import nbformat
import pytest

from greenmfg.pages.project import Page, all_pages
from greenmfg.paths import REPO_ROOT

NOTEBOOKS = [page.source for page in all_pages()]
# Tokens with digits that are names, not figures.
ALLOWED_TOKENS = ("CO2", "CO₂", "1+N", "PM2.5", "3D", "H2", "5G")
YEAR = r"(?<![\d.])(?:19|20)\d\d(?:s|–(?:19|20)\d\d)?(?!\d|\.\d)"


def prose_without_allowed_numbers(text: str) -> str:
    """Markdown with every place a digit may legitimately stand removed; what is left must be digit-free."""
    text = re.sub(r"\{\{<\s*var\s+[^>]*>\}\}", " ", text)  # data-driven numbers
    text = re.sub(r"^\s*>.*$", " ", text, flags=re.M)  # block quotes
    text = re.sub(r"“[^”]*”|\"[^\"]*\"|「[^」]*」|《[^》]*》", " ", text)  # quotations and titles
    text = re.sub(r"\[[^\]]*\]\{[^}]*lang=\"zh-Hans\"[^}]*\}", " ", text)  # original-language quotes
    text = re.sub(r"<[^>]*lang=\"zh-Hans\"[^>]*>.*?</[a-z]+>", " ", text, flags=re.S)
    text = re.sub(r"\]\([^)]*\)", "]", text)  # link targets
    text = re.sub(r"\{#[^}]*\}|\{\.[^}]*\}", " ", text)  # ids and classes
    text = re.sub(r"\[-?@[^\]]*\]|@[\w:-]+", " ", text)  # citations
    text = re.sub(r"<[^>]+>", " ", text)  # html tags and their attributes
    text = re.sub(r"^\s*\d+\.\s", " ", text, flags=re.M)  # ordered-list markers
    text = re.sub(YEAR, " ", text)
    for token in ALLOWED_TOKENS:
        text = text.replace(token, " ")
    return text


@pytest.mark.parametrize("source", NOTEBOOKS, ids=str)
def test_notebook_has_no_outputs_or_execution_counts(source):
    nb = nbformat.read(REPO_ROOT / source, as_version=4)
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            assert not cell.get("outputs"), f"{source}: cell {index} has stored outputs (run nbstripout)"
            assert cell.get("execution_count") is None, f"{source}: cell {index} has an execution count"


@pytest.mark.parametrize("source", NOTEBOOKS, ids=str)
def test_notebook_starts_with_front_matter(source):
    nb = nbformat.read(REPO_ROOT / source, as_version=4)
    first = nb.cells[0]
    assert first.cell_type == "raw" and first.source.startswith("---"), f"{source}: first cell must be raw front matter"
    assert re.search(r"^title:", first.source, re.M), f"{source}: front matter has no title"


@pytest.mark.parametrize("source", NOTEBOOKS, ids=str)
def test_code_cells_are_thin(source):
    nb = nbformat.read(REPO_ROOT / source, as_version=4)
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            lines = [line for line in cell.source.splitlines() if line.strip() and not line.startswith("#|")]
            assert len(lines) <= 10, f"{source}: cell {index} has {len(lines)} lines; move logic into greenmfg/"


@pytest.mark.parametrize("source", NOTEBOOKS, ids=str)
def test_prose_numbers_come_from_variables(source):
    nb = nbformat.read(REPO_ROOT / source, as_version=4)
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown":
            leftover = prose_without_allowed_numbers(cell.source)
            digits = re.findall(r"\S*\d\S*", leftover)
            assert not digits, f"{source}: cell {index}: bare number(s) {digits}; use {{{{< var … >}}}}"


CARD_TEXT = re.compile(r"\b(?:summary|note)=(?:\(\s*)?((?:\"[^\"]*\"\s*)+|'[^']*')", re.S)


@pytest.mark.parametrize("source", NOTEBOOKS, ids=str)
def test_chart_takeaways_and_notes_take_numbers_from_variables(source):
    """A card's summary= and note= are prose too: numbers come through {{< var >}}, never f-strings."""
    nb = nbformat.read(REPO_ROOT / source, as_version=4)
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            assert not re.search(r"\b(?:summary|note)=f[\"']", cell.source), f"{source}: cell {index}: f-string takeaway"
            for literal in CARD_TEXT.findall(cell.source):
                text = "".join(a or b for a, b in re.findall(r'"([^"]*)"|\'([^\']*)\'', literal))
                digits = re.findall(r"\S*\d\S*", prose_without_allowed_numbers(text))
                assert not digits, f"{source}: cell {index}: bare number(s) {digits} in a takeaway or note"


def test_takeaway_rule_can_fail():
    cell = 'show(chart, chart_id="x",\n     summary="Sales rose 12 % to "\n             "{{< var series.x.latest >}}.")'
    literal = CARD_TEXT.findall(cell)[0]
    text = "".join(a or b for a, b in re.findall(r'"([^"]*)"|\'([^\']*)\'', literal))
    assert re.findall(r"\S*\d\S*", prose_without_allowed_numbers(text)) == ["12"]


def test_digit_rule_can_fail():
    assert re.search(r"\d", prose_without_allowed_numbers("Output rose 12 % in 2023."))
    assert not re.search(r"\d", prose_without_allowed_numbers(
        "Output rose {{< var series.x.y2023 >}} in 2023 ([source](a1.html), [@miit2024guiding]); “产销超过950万”."))


@pytest.mark.parametrize("source", NOTEBOOKS, ids=str)
def test_front_matter_has_no_shortcode(source):
    """Quarto parses typed front matter (date) before shortcodes expand: a var there is "Invalid Date"."""
    nb = nbformat.read(REPO_ROOT / source, as_version=4)
    assert nb.cells[0].cell_type == "raw" and "{{<" not in nb.cells[0].source


# Editors and rerunners read the tokens, not the rendered prose: {{< var >}} tokens may take at most this share of a
# page's markdown characters (Chinese says the same in fewer characters, so its pages get a larger share). A page's
# prose uses the short names its package declares (greenmfg/pages/<page>/names.py): `{{< var nev.sales >}}`.
TOKEN_SHARE_LIMIT = {"en": 0.15, "zh": 0.35}
ANY_VAR_TOKEN = re.compile(r"\{\{<\s*var\s+[^>]*>\}\}")


def token_share(markdown: str) -> float:
    """The share of the markdown's characters that are {{< var >}} tokens."""
    return sum(len(token) for token in ANY_VAR_TOKEN.findall(markdown)) / max(len(markdown), 1)


def page_markdown(source) -> str:
    nb = nbformat.read(REPO_ROOT / source, as_version=4)
    return "\n".join(cell.source for cell in nb.cells if cell.cell_type == "markdown")


@pytest.mark.parametrize("source", NOTEBOOKS, ids=str)
def test_var_tokens_are_a_small_share_of_the_prose(source):
    markdown, limit = page_markdown(source), TOKEN_SHARE_LIMIT[Page(source).lang]
    share = token_share(markdown)
    longest = sorted(set(ANY_VAR_TOKEN.findall(markdown)), key=len, reverse=True)[:3]
    assert share <= limit, (f"{source}: {{{{< var >}}}} tokens are {share:.1%} of the markdown (limit {limit:.0%}); "
                            f"use the page's short names (greenmfg/pages/<page>/names.py), say a value once per "
                            f"sentence. Longest tokens: {', '.join(longest)}")


def test_token_share_counts_token_characters():
    assert token_share("ab {{< var x.y >}}") == pytest.approx(len("{{< var x.y >}}") / len("ab {{< var x.y >}}"))
    assert token_share("no tokens") == 0


def test_prose_values_lists_the_pages_short_names_and_what_they_stand_for(monkeypatch):
    """The table a rerunner sees in Jupyter: every name of the prose and takeaways, its value, the key behind it."""
    from greenmfg.pages.notebook import prose_values
    from greenmfg.site.execute import SITE_BUILD_ENV

    table = prose_values("zh/chapters/emerging.ipynb")
    values = dict(table.rows)
    assert values["nev.to"].endswith("年的" + values["nev.sales"])  # the Chinese edition's values
    assert "li.storage" in values  # a card takeaway's name
    assert not [key for key in values if key.startswith(("series.", "emerging."))]
    monkeypatch.delenv(SITE_BUILD_ENV, raising=False)
    bundle = table._repr_mimebundle_()
    assert "<code>emerging.nev_sales_last</code>" in bundle["text/html"]
    assert f"nev.sales = {values['nev.sales']}  (emerging.nev_sales_last)" in bundle["text/plain"].splitlines()


# Bold around a value that touches a Chinese character, as in 达到**{{< var x >}}**: CommonMark (JupyterLab's
# markdown) lets ** open only when the next character is not punctuation or the one before is space or punctuation,
# so there the editor sees the asterisks instead of bold. Pandoc is more lenient, which is why the site never showed it.
STRANDED_BOLD = re.compile(r"[\u4e00-\u9fff]\*\*\{\{<|>\}\}\*\*[\u4e00-\u9fff]")


def stranded_bold(markdown: str) -> list[str]:
    return STRANDED_BOLD.findall(markdown)


@pytest.mark.parametrize("source", NOTEBOOKS, ids=str)
def test_bold_values_render_as_bold_in_jupyterlab(source):
    nb = nbformat.read(REPO_ROOT / source, as_version=4)
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown":
            assert not stranded_bold(cell.source), f"{source}: cell {index}: ** beside a Chinese character and a value"


def test_stranded_bold_rule_can_fail():
    assert stranded_bold("销量达到**{{< var nev.sales >}}**，占") == ["到**{{<"]
    assert stranded_bold("因此**{{< var s >}}**的判断") == ["此**{{<", ">}}**的"]
    assert stranded_bold("销量**达到{{< var nev.sales >}}**，占") == []
