"""The Chinese edition of the digital chapter: every chart built from the same functions speaks Chinese, keeps the
English edition's rows and colours, and the notebook keeps its twin's structure."""
from __future__ import annotations

import re

import nbformat
import pytest

from greenmfg.charts.columns import reader_columns
from greenmfg.locale.i18n import header, using
from greenmfg.pages import digital
from greenmfg.pages.digital import green_system, grid_factor, power_mix, pv_calculator
from greenmfg.pages.project import page
from greenmfg.paths import REPO_ROOT

MODULES = [green_system, grid_factor, power_mix, pv_calculator]
# Latin a Chinese chart may keep: units, acronyms and names of sources.
LATIN_OK = {"kWh", "kg", "CO", "COe", "MW", "OWID", "Ember", "Data", "World", "Our", "in"}
READER_KEYS = {"title", "subtitle", "description", "name"}


def reader_strings(node, key=""):
    """Strings a reader sees in a Vega-Lite spec: titles, subtitles, descriptions, input labels and fixed texts."""
    if isinstance(node, dict):
        if key == "text" and "value" in node and isinstance(node["value"], str):
            yield node["value"]
        for k, v in node.items():
            if k == "bind" and isinstance(v, dict) and isinstance(v.get("name"), str):
                yield v["name"]
            elif k in READER_KEYS - {"name"} and isinstance(v, str):
                yield v
            else:
                yield from reader_strings(v, k)
    elif isinstance(node, list):
        for item in node:
            yield from reader_strings(item, key)


def latin_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[A-Za-z]{2,}", text.replace("₂", "")) if w not in LATIN_OK}


@pytest.fixture(scope="module")
def both():
    with using("zh"):
        zh = digital.load()
        zh_out = {m.__name__: (m.frame(zh), m.chart(m.frame(zh)).to_dict()) for m in MODULES}
    en = digital.load()
    en_out = {m.__name__: (m.frame(en), m.chart(m.frame(en)).to_dict()) for m in MODULES}
    return en_out, zh_out


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__.rpartition(".")[2])
def test_chart_speaks_chinese_with_the_same_rows(both, module):
    (en_frame, _en_spec), (zh_frame, zh_spec) = both[0][module.__name__], both[1][module.__name__]
    assert len(zh_frame) == len(en_frame) and list(zh_frame.columns) == list(en_frame.columns)
    year = "year" if "year" in en_frame else "project_year"  # equals(): the calculator's lifetime row has no year
    assert zh_frame[year].equals(en_frame[year])
    strings = [s for s in reader_strings(zh_spec) if not s.startswith(("digital_", "kind", "pick", "years"))]
    assert strings and all(not latin_words(s) for s in strings), [s for s in strings if latin_words(s)]
    for column in ("category", "panel", "scope", "method"):
        if column in zh_frame:
            assert not any(latin_words(str(v)) for v in zh_frame[column]), column
    shown = reader_columns(zh_spec, list(zh_frame.columns), module.__name__)  # the table's and CSV's columns
    with using("zh"):
        assert all(not latin_words(header(c)) or c in ("url", "mirror_url") for c in shown)


def test_categories_keep_their_colours(both):
    """The colour range is keyed on the English names, so each category keeps its colour in both editions."""
    for module in (green_system, power_mix):
        en, zh = (both[i][module.__name__][1] for i in (0, 1))
        en_ranges = re.findall(r"'range': \[[^\]]*\]", str(en))
        assert en_ranges and en_ranges == re.findall(r"'range': \[[^\]]*\]", str(zh))


def test_readouts_are_vega_expressions_in_chinese(both):
    zh_spec = str(both[1][grid_factor.__name__][1])
    assert "按' + datum.year + '年电网平均" in zh_spec and "万吨" in zh_spec
    assert "全生命周期发电量：" in str(both[1][pv_calculator.__name__][1])


def test_variables_are_the_same_keys_in_both_editions():
    en = digital.variables()["digital"]
    with using("zh"):
        zh = digital.variables()["digital"]
    assert en.keys() == zh.keys() and zh["as_of"] == en["as_of"] + "年"


def test_zh_notebook_mirrors_its_twin():
    en, zh = (nbformat.read(REPO_ROOT / p.source, as_version=4) for p in (page("digital"), page("digital", "zh")))
    assert [c.cell_type for c in en.cells] == [c.cell_type for c in zh.cells]
    ids = [re.findall(r"\{#(sec-[^}]+)\}", "\n".join(c.source for c in nb.cells)) for nb in (en, zh)]
    charts = [re.findall(r"chart_id=([\w.]+)", "\n".join(c.source for c in nb.cells)) for nb in (en, zh)]
    assert ids[0] == ids[1] and charts[0] == charts[1]
    assert "prose_values()" in zh.cells[1].source
    text = "\n".join(c.source for c in zh.cells if c.cell_type == "markdown")
    for term in ("绿色工厂", "绿色工业园区", "绿色供应链", "数字化绿色化协同"):
        assert term in text, term
    assert "充分发挥数字技术在提高资源效率" in text and "泰山钢铁" in text  # the originals, quoted
