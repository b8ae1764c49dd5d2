"""Charts laid out for a phone-wide card (wrapped titles and labels, stacked views that fill the card) and the
compile step's tooltip mending; the browser checks are in test_charts_browser.py."""
from __future__ import annotations

import altair as alt
import pandas as pd
import pytest

from greenmfg.charts import theme, vega_compile
from greenmfg.charts.tooltips import SOURCE_DATE_LABEL, source_lines, with_source_dates
from greenmfg.locale.i18n import using
from tests.test_chart_specs import _walk

ROWS = pd.DataFrame({"year": [2022, 2023, 2024], "value": [1.0, 2.0, 3.0], "source_date": ["2024-01-02", "", ""]})


def test_lines_wrap_evenly_at_spaces():
    assert theme.lines("Change a year, % of the 2030 target", 28) == ["Change a year, %", "of the 2030 target"]
    assert theme.lines("short title") == ["short title"]
    assert theme.lines("") == []


def test_lines_break_chinese_between_words_and_keep_numbers_with_units():
    assert theme.lines("最新数值相当于2030年目标值的百分比", 30) == ["最新数值相当于2030年", "目标值的百分比"]
    assert theme.lines("全国算力中心平均（2025年6月）", 24) == ["全国算力中心平均", "（2025年6月）"]
    assert all(not line.startswith(("，", "）")) for line in theme.lines("甲乙丙丁戊己庚辛，壬癸（子丑）寅卯辰巳", 8))


def test_wrapped_labels_look_each_label_up():
    expr = theme.wrapped_labels(["Bulk solid waste utilised"], 18)
    assert expr == '{"Bulk solid waste utilised": ["Bulk solid", "waste utilised"]}[datum.label] || datum.label'


@pytest.mark.parametrize("chart", [
    alt.hconcat(alt.Chart(ROWS).mark_point(), alt.Chart(ROWS).mark_bar()),
    alt.Chart(ROWS).mark_point().encode(facet=alt.Facet("year:N", columns=2)),
    alt.Chart(ROWS).mark_point().encode(column="year:N"),
    alt.vconcat(alt.hconcat(alt.Chart(ROWS).mark_point(), alt.Chart(ROWS).mark_bar())),
])
def test_views_side_by_side_are_refused(chart):
    with pytest.raises(vega_compile.LayoutError, match="side by side"):
        vega_compile.site_specs(chart.to_dict(), "x")


def test_stacked_views_fill_the_card():
    top = alt.Chart(ROWS).mark_line().encode(x="year:O", y="value:Q").properties(width=300)
    bottom = alt.Chart(ROWS).mark_point().encode(x="year:Q", y="value:Q", facet=alt.Facet("year:N", columns=1))
    vega = vega_compile.site_specs(alt.vconcat(top, bottom).to_dict(), "x")["vega"]
    signals = {signal["name"]: signal for signal in vega["signals"]}
    assert vega["autosize"] == {"type": "fit-x", "contains": "padding"} and "width" not in vega
    assert signals["width"]["init"] == vega_compile.CONTAINER_WIDTH
    assert all(s.get("update") == "width" for name, s in signals.items() if name.endswith("_width"))


def test_nearest_point_cells_show_the_tooltip_of_their_item():
    hover = alt.selection_point(fields=["year"], on="pointerover", nearest=True)
    chart = alt.Chart(ROWS).mark_point().encode(x="year:Q", y="value:Q", tooltip=["year:O", "value:Q"])
    vega = vega_compile.to_vega(chart.add_params(hover).to_dict())
    cells = [n for n in _walk(vega) if n.get("encode", {}).get("update", {}).get("isVoronoi")]
    assert cells and all(c["encode"]["update"]["tooltip"] == {"signal": "datum.tooltip"} for c in cells)


def test_tooltips_date_sources_as_readers_write_dates():
    with using("zh"):
        spec = with_source_dates(alt.Chart(ROWS).mark_point().encode(tooltip=source_lines())).to_dict()
    calculate = next(t for t in spec["transform"] if t.get("as") == SOURCE_DATE_LABEL)["calculate"]
    assert calculate.startswith('{"2024-01-02": "2024年1月2日发布"}[datum.source_date] || ')


def test_a_tooltip_without_a_source_date_gives_the_period_of_its_figures():
    """Review 1207b 一.1: '发布日期：日期不详' where the row holds the period of its figures; the line says which date
    it gives (2024年1月2日发布, 数据所属期为2024年), and 'not known' only where the row has neither."""
    rows = pd.DataFrame({"year": [2024, 2025], "value": [1, 2], "source_org": ["A", "B"],
                         "source_date": ["2024-01-02", ""], "as_of": ["2023", "2024"]})
    with using("zh"):
        spec = with_source_dates(alt.Chart(rows).mark_point().encode(tooltip=source_lines())).to_dict()
    calculate = next(t for t in spec["transform"] if t.get("as") == SOURCE_DATE_LABEL)["calculate"]
    assert '{"2023": "数据所属期为2023年", "2024": "数据所属期为2024年"}[datum.as_of]' in calculate
    assert [t["title"] for t in spec["encoding"]["tooltip"]] == ["来源", "日期"]


def test_tooltips_name_an_unknown_source_date_in_words():
    chart = with_source_dates(alt.Chart(ROWS).mark_point().encode(tooltip=source_lines()))
    spec = chart.to_dict()
    calculate = next(t for t in spec["transform"] if t.get("as") == SOURCE_DATE_LABEL)
    assert calculate["calculate"].startswith('{"2024-01-02": "published 2 January 2024"}[datum.source_date] || ')
    assert calculate["calculate"].endswith('|| "no publication date seen"')
    assert [t["field"] for t in spec["encoding"]["tooltip"]] == ["source_org", SOURCE_DATE_LABEL]
