"""A chart's table and CSV give readers the data, not the drawing's plumbing: in both editions, no column that only
places, sorts, segments or labels marks, no id a reader has a name for, no cell that is an id or a sort key; and every
column has a header in plain Chinese. The live chart keeps every column (greenmfg.charts.columns)."""
from __future__ import annotations

import csv
import importlib
import pkgutil
import re
from pathlib import Path

import altair as alt
import pandas as pd
import pytest
from bs4 import BeautifulSoup

from greenmfg import pages
from greenmfg.charts import card, columns
from greenmfg.charts.card_payload import payloads_in
from greenmfg.locale.i18n import catalogue, header, tr, using

# Columns that only draw: line segments, views, label positions, marks, sort keys, placement dates, point labels.
DRAWING_NAMES = {"segment", "panel", "in_line", "label_below", "style", "row_order", "due", "issued", "short_label",
                 "line", "recent_bound_mark", "role", "date", "default_output_mt", "default_share"}
# A cell that is an id (eaf_share, industry_peak_2022, T05), a segment id (green factories-2) or a sort sentinel.
ID_CELL = re.compile(r"^(?:[a-z0-9]+(?:_[a-z0-9]+)+|T\d\d|[a-z][a-z ]*-\d{1,2}|9999)$")
CJK = re.compile(r"[\u4e00-\u9fff]")
# Chinese headers a desk editor would not write: the drawing's words (timeline, sort order, id, segment, panel, bar,
# label position, default, short form).
JARGON_ZH = ("时间轴", "排序", "编号", "线段", "分图", "条形", "标注", "默认", "简写")


def plumbing(headers: list[str], rows: list[list], zh: bool = False) -> list[str]:
    """What of a chart's published table is for the drawing: column names (English headers are the field names),
    Chinese headers in drawing words or without Chinese, and cells that are ids or sort keys."""
    found = [f"column {h!r}" for h in headers if not zh and (h in DRAWING_NAMES or h.endswith("_id"))]
    found += [f"header {h!r}" for h in headers if zh and (not CJK.search(h) or any(w in h for w in JARGON_ZH))]
    found += sorted({f"cell {cell!r}" for row in rows for cell in row if ID_CELL.match(str(cell).strip())})
    return found


def chart_modules() -> list[tuple[object, object]]:
    """Every chart the site shows: (page package, chart module), found by the CHART_ID each chart module declares."""
    found = []
    for page in pkgutil.iter_modules(pages.__path__):
        if not page.ispkg:
            continue
        package = importlib.import_module(f"greenmfg.pages.{page.name}")
        for sub in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"greenmfg.pages.{page.name}.{sub.name}")
            if hasattr(module, "CHART_ID") and hasattr(module, "chart"):
                found.append((package, module))
    return found


CHARTS = chart_modules()


def test_every_chart_is_found():
    assert len(CHARTS) == 17


@pytest.fixture(scope="module", params=["en", "zh"])
def cards(request) -> tuple[str, list[tuple[str, str, dict]]]:
    """Each chart's card in one edition: id, HTML and the record its CSV is written from."""
    out = []
    with using(request.param):
        for package, module in CHARTS:
            html, record = card.card_parts(module.chart(module.frame(package.load())), module.CHART_ID, "Summary.",
                                           root="")
            out.append((module.CHART_ID, html, record))
    return request.param, out


def table_of(fragment: str) -> tuple[list[str], list[list[str]]]:
    """A card's 'Show the data as a table': headers and cells."""
    table = BeautifulSoup(fragment, "html.parser").select_one("details.gm-table table")
    return ([th.get_text() for th in table.select("thead th")],
            [[td.get_text() for td in tr.select("td")] for tr in table.select("tbody tr")])


def test_chart_csvs_and_tables_carry_no_drawing_plumbing(cards):
    lang, built = cards
    problems = {}
    for chart_id, fragment, record in built:
        headers, cells = table_of(fragment)
        with using(lang):  # the table has the CSV's columns but the period's text twin
            assert headers == [h for h in record["headers"] if h != header(columns.PERIOD_TEXT)], \
                f"{chart_id}: the table and the CSV have different columns"
        found = plumbing(record["headers"], record["rows"], lang == "zh") + plumbing(headers, cells, lang == "zh")
        if found:
            problems[chart_id] = sorted(set(found))
    assert problems == {}


ROWS = pd.DataFrame({"year": [2023, 2024], "value": [1.0, 2.0], "segment": [0, 1], "publisher": ["MIIT"] * 2,
                     "source_org": ["MIIT"] * 2, "source_date": ["", ""], "url": ["", ""], "as_of": ["2023", "2024"]})


def _chart(*hidden: str) -> alt.Chart:
    chart = alt.Chart(ROWS).mark_line().encode(x="year:O", y="value:Q", detail="segment:N", tooltip=["year:O"])
    chart = chart.properties(title="Output", description="Output of something in China, in tonnes, 2023 to 2024.")
    return columns.drawing_only(chart, *hidden) if hidden else chart


def test_drawing_only_columns_leave_the_table_and_csv_but_not_the_chart():
    html, record = card.card_parts(_chart("segment"), "t-columns", "Summary.", root="")
    assert record["headers"] == ["year", "value", "publisher", "source_org", "source_date", "url", "as_of", "as_of_text"]
    assert table_of(html)[0] == record["headers"][:-1]
    assert "segment" in payloads_in(html)[0]["columns"]


def test_a_misnamed_or_provenance_column_is_refused():
    with pytest.raises(columns.ColumnsError, match="not in its data"):
        card.show(_chart("segments"), chart_id="t-columns", summary="s")
    with pytest.raises(columns.ColumnsError, match="provenance"):
        card.show(_chart("source_date"), chart_id="t-columns", summary="s")


def test_the_plumbing_check_can_fail():
    assert plumbing(["measure_id", "row_order", "value"], [["eaf_share", "9999", "T05"], ["a", "green factories-2",
                                                                                        "more than 15 %"]]) == [
        "column 'measure_id'", "column 'row_order'", "cell '9999'", "cell 'T05'", "cell 'eaf_share'",
        "cell 'green factories-2'"]
    assert plumbing(["期限（时间轴）", "排序", "PUE", "文件"], [], zh=True) == [
        "header '期限（时间轴）'", "header '排序'", "header 'PUE'"]
    assert plumbing(["year", "value_label"], [["2025", "more than 15 %"], ["2030", "≥ 20 %"]]) == []


def built_tables(site: Path) -> dict[str, tuple[list[str], list[list[str]], bool]]:
    """Every chart CSV of both editions and the table of every embed page: headers, cells, Chinese or not."""
    found = {}
    for path in sorted(site.glob("chart-data/*.csv")) + sorted(site.glob("zh/chart-data/*.csv")):
        with open(path, encoding="utf-8-sig", newline="") as handle:
            head, *rows = list(csv.reader(handle))
        found[path.relative_to(site).as_posix()] = (head, rows, path.parts[-3] == "zh")
    for path in sorted(site.glob("embed/*.html")) + sorted(site.glob("zh/embed/*.html")):
        found[path.relative_to(site).as_posix()] = (*table_of(path.read_text(encoding="utf-8")),
                                                    path.parts[-3] == "zh")
    return found


def test_built_csvs_and_embed_tables_carry_no_drawing_plumbing(site):
    tables = built_tables(site)
    assert len(tables) == 4 * len(CHARTS)
    problems = {name: found for name, (head, rows, zh) in tables.items() if (found := plumbing(head, rows, zh))}
    assert problems == {}
    csvs = {name: found for name, (head, rows, zh) in tables.items()
            if name.endswith(".csv") and (found := spreadsheet_problems("zh" if zh else "en", head, rows))}
    assert csvs == {}, "chart CSVs a spreadsheet cannot sort, or bounds written as exact figures"


def test_chart_csvs_say_what_a_reader_can_use():
    """The editor's CSV findings: the PV calculator repeated the 25-year totals on every year's row, the EAF what-if
    left the 2030 bar's tonnage empty, distance-to-2030 printed 88.70967741935483, green-system mixed periods."""
    from greenmfg.pages import digital, traditional
    from greenmfg.pages.digital import green_system, pv_calculator
    from greenmfg.pages.traditional import distance_to_2030, eaf_what_if

    pv = pv_calculator.frame(digital.load())
    years, lifetime = pv[pv["project_year"].notna()], pv[pv["project_year"].isna()]
    assert len(lifetime) == 1 and "as reported" in lifetime.iloc[0]["project_period"]
    assert sum(years["generation_kwh"]) == lifetime.iloc[0]["generation_kwh"]  # 25 × 20,400,000 kWh
    assert years["generation_kwh"].max() < lifetime.iloc[0]["generation_kwh"] / 10
    assert years[["capacity_mw", "full_load_hours", "degradation_pct", "factor_kg_per_kwh"]].notna().all().all()
    data = traditional.load()
    eaf = eaf_what_if.frame(data)
    assert eaf["tonnes_mt"].notna().all() and eaf["method"].str.len().min() > 10
    distance = distance_to_2030.frame(data)
    for column in ("reached_pct", "required_pct_a_year", "recent_pct_a_year"):
        assert all(value == round(value, 1) for value in distance[column].dropna())
    assert green_system.frame(digital.load())["as_of"].str.fullmatch(r"\d{4}").all()


ISO = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?(?:/\d{4}-\d{2}(?:-\d{2})?)?$")
# How a label words a figure that is not exact: the one formatter's qualifier words, both editions.
BOUND_WORDS = re.compile(r"more than |less than |at least |at most |≈ |超过|低于|达到|不超过|约")


def spreadsheet_problems(lang: str, headers: list[str], rows: list[list]) -> list[str]:
    """What keeps a desk from using a chart CSV in a spreadsheet: a period column that is not ISO (2025, 2025-06,
    2025-06-30; empty where the source gives no date) or lacks its text twin beside it; a whole number written 409.0; a figure whose label says it is a
    bound or approximate (超过20%, less than 71.8 %) with no value-type column saying so."""
    with using(lang):
        fields = [column_names(lang).get(h, h) for h in headers]
        inexact = {tr(w) for w in ("lower bound", "upper bound", "approximate figure")}
    if columns.PERIOD not in fields:
        return ["no period column"]
    at = fields.index(columns.PERIOD)
    found = [] if fields[at + 1:at + 2] == [columns.PERIOD_TEXT] else ["no period text beside the period"]
    found += sorted({f"period {row[at]!r}" for row in rows if row[at] != "" and not ISO.match(str(row[at]))})
    found += sorted({f"number {cell!r}" for row in rows for cell in row
                     if (isinstance(cell, float) and cell.is_integer()) or re.fullmatch(r"-?\d+\.0", str(cell))})
    for i, field in enumerate(fields):
        of = field.removesuffix("label").removesuffix("_") or "value"
        if not field.endswith("label") or of not in fields:
            continue  # a label with no number beside it: the words are the figure
        kind = "value_type" if of == "value" else f"{of}_value_type"
        number = fields.index(of)
        for row in (r for r in rows if BOUND_WORDS.search(str(r[i])) and is_number(r[number])):
            if kind not in fields:
                found.append(f"{field}: {row[i]!r} has no {kind} column")
            elif row[fields.index(kind)] not in inexact:
                found.append(f"{field}: {row[i]!r} is typed {row[fields.index(kind)]!r}")
    return found


def is_number(cell) -> bool:
    """True for a number, or a CSV cell that reads as one."""
    try:
        float(cell)
    except (TypeError, ValueError):
        return False
    return cell != ""


def column_names(lang: str) -> dict[str, str]:
    """A header -> its field name: English headers are the field names; Chinese ones are the catalogue's labels."""
    if lang == "en":
        return {}
    return {text: key.removeprefix("column.") for key, text in catalogue(lang).items() if key.startswith("column.")}


def test_chart_csvs_sort_and_say_which_figures_are_bounds(cards):
    """The editor's Excel findings: periods written 2025年, 2024 and 2022年12月31日 in one column, 71.8 beside
    低于71.8% and 20.0 beside 超过20% with nothing saying they are bounds, 409.0, 第1年 as a project year."""
    lang, built = cards
    problems = {chart_id: found for chart_id, _, record in built
                if (found := spreadsheet_problems(lang, record["headers"], record["rows"]))}
    assert problems == {}


def test_the_spreadsheet_check_can_fail():
    headers = ["year", "share", "share_label", "publisher", "as_of"]
    rows = [[2023, 71.8, "less than 71.8 %", "MIIT", "2023"], [2024, 409.0, "409", "MIIT", "31 December 2022"]]
    assert spreadsheet_problems("en", headers, rows) == [
        "no period text beside the period", "period '31 December 2022'", "number 409.0",
        "share_label: 'less than 71.8 %' has no share_value_type column"]
    headers = ["年份", "数值", "数值性质", "数值（文字）", "数据所属期", "数据所属期（文字）"]
    assert spreadsheet_problems("zh", headers, [[2024, 20, "确数", "超过20%", "2024", "2024年"]]) == [
        "value_label: '超过20%' is typed '确数'"]
    assert spreadsheet_problems("zh", headers, [[2024, 20, "下限", "超过20%", "2024", "2024年"]]) == []


# A Chinese count unit in English text: a figure written with 万 or 亿 (3.85亿吨, 48万 t), or 亿/万 before a Latin unit
# (亿 kWh). A figure inside a Chinese run (a source's words quoted: 预计可提供绿电5.1亿千瓦时) is the source's, not ours.
CHINESE_UNIT = re.compile(r"(?<![\u4e00-\u9fff\d.,])[−+-]?\d[\d.,]*\s*[亿万]|[亿万] ?(?:kWh|t)\b")


def chinese_units(text: str) -> list[str]:
    """The Chinese count units in English text."""
    return CHINESE_UNIT.findall(text)


def test_english_charts_csvs_and_page_values_count_in_english_units():
    """English readers get Mt, million kWh and million vehicles, never 3.85亿吨, 48万 t or 亿 kWh: in every chart's
    spec (tooltips, readouts, labels), its CSV and the values the English prose takes."""
    import json

    from greenmfg.pages.variables import build_variables

    found = {}
    with using("en"):
        for package, module in CHARTS:
            chart = module.chart(module.frame(package.load()))
            _, record = card.card_parts(chart, module.CHART_ID, "Summary.", root="")
            text = json.dumps([chart.to_dict(), record["headers"], record["rows"]], ensure_ascii=False)
            if hits := chinese_units(text):
                found[module.CHART_ID] = sorted(set(hits))
    values = json.dumps(build_variables(lang="en"), ensure_ascii=False)
    if hits := chinese_units(values):
        found["page values"] = sorted(set(hits))
    assert found == {}


def test_the_english_units_check_can_fail():
    assert chinese_units("3.85亿吨 (385 Mt); Lifetime generation: ' + format(x) + '亿 kWh; +0.14 亿吨 a year") == [
        "3.85亿", "亿 kWh", "+0.14 亿"]
    assert chinese_units("[“节电量在400万度以上”] 预计可提供绿电5.1亿千瓦时 510 million kWh, 0.48 Mt") == []
