"""Units and dates as a Chinese data desk writes them, in every chart a reader sees, its tooltips and its CSV:
亿吨 / 万吨 / 亿千瓦时 / 万千瓦时 (never Mt, TWh, 百万吨, 太瓦时, 百万千瓦时) and 2025年1月21日 (never 2025-01-21)."""
from __future__ import annotations

import csv
import json
import re

import pytest

from greenmfg.charts import card
from greenmfg.charts.columns import page_table
from greenmfg.charts.tooltips import SOURCE_DATE_LABEL
from greenmfg.locale.formatting import reader_date, reader_period
from greenmfg.locale.i18n import using
from greenmfg.pages import digital, traditional
from greenmfg.pages.digital import power_mix, pv_calculator
from greenmfg.pages.traditional import eaf_what_if, steel, ultra_low_emission
from tests.test_chart_specs import _walk

# Units a Chinese desk does not print: Latin units of large quantities and their literal translations.
FOREIGN_UNITS = re.compile(r"(?<![A-Za-z])(?:Mt|TWh|million kWh|million tonnes)(?![A-Za-z])|百万吨|太瓦时|百万千瓦时")
ISO_DATE = re.compile(r"(?<![\d/.-])(?:19|20)\d\d-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?(?![\d/-])")
URL = re.compile(r"https?://\S+")
CHARTS = {"steel": (traditional, steel), "ultra-low emission": (traditional, ultra_low_emission),
          "EAF what-if": (traditional, eaf_what_if), "power mix": (digital, power_mix),
          "PV calculator": (digital, pv_calculator)}


def reader_words(text: str) -> str:
    """What a reader reads of a text: addresses are not read (a URL may say 'million-mt' or '2025-01')."""
    return URL.sub(" ", text)


def spec_text(spec: dict) -> str:
    """Every string of a Vega-Lite spec but the rows' addresses (titles, axes, labels, tooltips, rows)."""
    rows = [{k: v for k, v in row.items() if k != "url"} for rows in spec.get("datasets", {}).values() for row in rows]
    return reader_words(json.dumps({**spec, "datasets": rows}, ensure_ascii=False))


@pytest.fixture(scope="module", params=list(CHARTS))
def zh_chart(request):
    page, module = CHARTS[request.param]
    with using("zh"):
        chart = module.chart(module.frame(page.load()))
        spec = chart.to_dict()
        raw = card.compile_specs(chart, module.CHART_ID)["rows"]
        rows = page_table(raw, list(dict.fromkeys(c for row in raw for c in row)))
    return request.param, spec, rows


def test_chinese_charts_count_in_yi_and_wan(zh_chart):
    name, spec, rows = zh_chart
    text = spec_text(spec) + reader_words(json.dumps(rows, ensure_ascii=False))
    assert not FOREIGN_UNITS.findall(text), f"{name}: {sorted(set(FOREIGN_UNITS.findall(text)))}"


def test_chinese_chart_rows_and_tooltips_date_in_words(zh_chart):
    name, spec, rows = zh_chart
    cells = reader_words(json.dumps(rows, ensure_ascii=False))
    assert not ISO_DATE.findall(cells), f"{name}: CSV cells {sorted(set(ISO_DATE.findall(cells)))}"
    labels = [node["calculate"] for node in _walk(spec) if node.get("as") == SOURCE_DATE_LABEL]
    for label in labels:  # {"2025-01-17": "2025年1月17日发布", …}[datum.source_date] || {…}[datum.as_of] || "未见发布日期"
        table = json.loads(label.split("[datum.source_date]")[0])
        with using("zh"):
            assert all(words == reader_date(iso) + "发布" for iso, words in table.items()), name
        assert not ISO_DATE.findall(" ".join(table.values())), name


@pytest.mark.parametrize("lang, iso, words", [("zh", "2025-01-21", "2025年1月21日"), ("zh", "2025-11", "2025年11月"),
                                              ("en", "2025-01-21", "21 January 2025"), ("zh", "2025", "2025")])
def test_csv_cells_carry_the_readers_date(lang, iso, words):
    with using(lang):
        assert reader_period(iso) == words
        assert reader_period("https://x.example/2025-01-21") == "https://x.example/2025-01-21"
        assert reader_period(1053.0) == 1053.0


def test_the_checks_can_fail():
    assert FOREIGN_UNITS.findall("粗钢产量（Mt） 1,053 Mt 百万吨 太瓦时 百万千瓦时") == ["Mt", "Mt", "百万吨", "太瓦时", "百万千瓦时"]
    assert not FOREIGN_UNITS.findall("10.53亿吨 8340亿千瓦时 https://x.example/million-mt")
    assert ISO_DATE.findall("数据截至2026-03-05，2025-09") == ["2026-03-05", "2025-09"]
    assert not ISO_DATE.findall("2025年1—10月 2016–2025 2024/25")


# ---- the built site: what a reader of the Chinese edition sees, hovers and downloads

def visible_text(html_text: str) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html_text, "html.parser")
    for node in soup(["script", "style", "template"]):
        node.decompose()
    return reader_words(soup.get_text(" "))


# The data page's field dictionary names the unit codes the data package itself uses (Mt, TWh): codes, not figures.
UNIT_CODES_PAGE = "data.html"


# The about page's citation follows GB/T 7714-2015, which writes its dates as 2026-12-07 (update and date cited).
GB_T_7714 = re.compile(r'<p class="gm-citation">.*?</p>', re.S)


PERIOD_HEADER = "数据所属期"  # the one column a chart CSV writes in ISO (greenmfg.charts.columns.csv_table)


def test_chinese_pages_and_csvs_use_desk_units_and_dates(site):
    problems = []
    for path in sorted((site / "zh").rglob("*.html")):
        text = visible_text(GB_T_7714.sub("", path.read_text(encoding="utf-8")))
        for pattern in (ISO_DATE,) if path.name == UNIT_CODES_PAGE else (FOREIGN_UNITS, ISO_DATE):
            if found := sorted(set(pattern.findall(text))):
                problems.append(f"{path.relative_to(site)}: {found}")
    for path in sorted((site / "zh" / card.CSV_DIR).glob("*.csv")):
        with open(path, encoding="utf-8-sig") as handle:
            head, *rows = list(csv.reader(handle))
        period = head.index(PERIOD_HEADER)  # ISO on purpose, to sort; its text twin 2025年6月 sits beside it
        cells = " ".join(reader_words(cell) for row in rows for i, cell in enumerate(row) if i != period)
        for pattern in (FOREIGN_UNITS, ISO_DATE):
            if found := sorted(set(pattern.findall(cells))):
                problems.append(f"{path.relative_to(site)}: {found}")
    assert problems == []


# ISO dates still typed in curated text (claim notes in data/curated/claims.yaml, the seed-article line of
# data/package.yaml), left to their owners; any other date on an English page fails.
CURATED_ISO = {"claims.html": {"2022-08-01", "2024-01-12", "2024-03-04", "2024-03-30", "2024-07-05"},
               "data.html": {"2024-03-01"}}


def test_english_pages_show_no_iso_date(site):
    problems = []
    for path in sorted(site.glob("**/*.html")):
        if path.relative_to(site).parts[0] in ("zh", "site_libs"):
            continue
        found = set(ISO_DATE.findall(visible_text(path.read_text(encoding="utf-8"))))
        if found := sorted(found - CURATED_ISO.get(path.relative_to(site).as_posix(), set())):
            problems.append(f"{path.relative_to(site)}: {found}")
    assert problems == []


# ---- dates in takeaways and notes come through the value route, never typed (and never as words in Chinese)

ZH_MONTH_WORDS = re.compile(r"(?:\d{4}年)?[一二三四五六七八九十]{1,2}(?:至[一二三四五六七八九十]{1,2})?月(?!份)")
EN_MONTH_YEAR = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
                           r"December)(?:–\w+)? (?:19|20)\d\d\b")


def test_notes_take_their_months_from_data():
    import nbformat

    from greenmfg.pages.project import all_pages
    from greenmfg.paths import REPO_ROOT

    problems = []
    for page in all_pages():
        nb = nbformat.read(REPO_ROOT / page.source, as_version=4)
        for index, cell in enumerate(nb.cells):
            if cell.cell_type == "code":
                found = ZH_MONTH_WORDS.findall(cell.source) + EN_MONTH_YEAR.findall(cell.source)
                problems += [f"{page.source}: cell {index}: {found}"] if found else []
    assert problems == []


def test_the_month_checks_can_fail():
    assert ZH_MONTH_WORDS.findall("2018年十一月的月度占比；一至十月的数字") == ["2018年十一月", "一至十月"]
    assert not ZH_MONTH_WORDS.findall("“十四五”时期，每月份，2025年1—10月")
    assert EN_MONTH_YEAR.findall("for November 2018; January–October 2025") == ["November 2018", "January–October 2025"]


def test_chinese_pages_write_units_and_year_spans_in_chinese():
    """0.94千克/千瓦时 and 20兆瓦 (as the CCTV report writes 20兆瓦光伏发电项目), 2016—2025年; English keeps its own."""
    from greenmfg.data.sources import short_source_line
    from greenmfg.locale.formatting import fmt_value

    rows = [{"publisher": "甲", "as_of": "2016"}, {"publisher": "乙", "as_of": "2025-03"}]
    with using("zh"):
        assert fmt_value(0.94, "kg/kWh", decimals=2) == "0.94千克/千瓦时" and fmt_value(20, "MW") == "20兆瓦"
        assert short_source_line(rows) == "甲、乙（2016—2025年）"
        assert digital.variables()["digital"]["case_factor_per_kwh"] == "0.94千克/千瓦时"
    assert fmt_value(20, "MW", lang="en") == "20 MW" and short_source_line(rows, "en") == "甲, 乙 (2016–2025)"


def test_chinese_catalogue_and_pages_use_no_latin_units_or_bound_jargon():
    """No kg/kWh, MW or kWh in the Chinese words of the pages (headers of downloadable columns aside), and no 界值:
    a desk says 下限/上限 or 不是确数."""
    import yaml

    from greenmfg.paths import REPO_ROOT

    words = []
    for path in (REPO_ROOT / "greenmfg/locale/zh").glob("*.yaml"):
        words += [v for k, v in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).items()
                  if not str(k).startswith("column.")]
    for path in sorted((REPO_ROOT / "zh").rglob("*.ipynb")):
        words += ["".join(c["source"]) for c in json.loads(path.read_text(encoding="utf-8"))["cells"]]
    text = "\n".join(map(str, words))
    assert not re.search(r"kg/kWh|kg CO|\(MW\)|（MW）|\d MW\b|界值", text), re.search(r"kg/kWh|kg CO|\(MW\)|（MW）|\d MW\b|界值", text)


def test_chart_titles_write_year_spans_as_the_edition_does():
    """Chart subtitles take their span from the one formatter: 2015—2025年 in Chinese (as the source lines write
    it), never 2015–2025年; English keeps 2015–2025."""
    import pandas as pd

    from greenmfg.data.frames import year_span

    frame = pd.DataFrame({"year": [2015, 2020, 2025]})
    with using("zh"):
        assert year_span(frame) == "2015—2025年"
    with using("en"):
        assert year_span(frame) == "2015–2025"


def test_chinese_states_a_negative_percentage_as_a_fall():
    """A change below −51 % is 下降超过51%, not 低于-51%; −40 % is 下降40%, −13 % about is 下降13%左右."""
    from greenmfg.locale.formatting import fmt_value

    assert fmt_value(-51, "%", "<", lang="zh") == "下降超过51%"
    assert fmt_value(-40, "%", lang="zh") == "下降40%" and fmt_value(-13, "%", "≈", lang="zh") == "下降13%左右"
    assert fmt_value(40, "%", ">", lang="zh") == "超过40%" and fmt_value(-51, "%", "<", lang="en") == "less than -51 %"


def test_a_goal_words_a_fall_as_a_measured_value_does():
    """fmt_goal words a fall by the one fall table fmt_value uses: a goal of a fall of more than 51 % reads as
    fmt_value writes it (下降超过51%, never a bare 下降51% that drops the 'more than'), in both editions; and a goal
    is fmt_value's wording elsewhere, but for 'about' (20%左右 as the documents write it, not 约20%)."""
    from greenmfg.locale.formatting import fmt_goal, fmt_value

    assert fmt_goal(-51, "%", "<", lang="zh") == fmt_value(-51, "%", "<", lang="zh") == "下降超过51%"
    assert fmt_goal(-51, "%", "<", lang="en") == "more than 51 % lower"
    assert fmt_goal(-18, "%", "=", lang="zh", or_more=True) == "下降18%以上"
    for qualifier in ("=", ">", "≥", "<", "≤"):
        assert fmt_goal(5.1, "亿吨", qualifier, lang="zh") == fmt_value(5.1, "亿吨", qualifier, lang="zh")
        assert fmt_goal(40, "%", qualifier, lang="en") == fmt_value(40, "%", qualifier, lang="en")
    assert fmt_goal(20, "%", "≈", lang="zh") == "20%左右" and fmt_goal(20, "%", "≈", lang="en") == "about 20 %"


def test_chinese_tables_write_figures_as_the_prose_does():
    """A card's table cell beside 1649万辆 reads 1649, not 1,649; English keeps 1,649."""
    from greenmfg.charts.card import _fmt_cell

    with using("zh"):
        assert (_fmt_cell(1649.0), _fmt_cell(1288.8)) == ("1649", "1288.8")
    with using("en"):
        assert _fmt_cell(1649.0) == "1,649"


def test_chinese_shown_to_readers_is_punctuated_full_width_and_never_quoted_twice():
    """Review 1207b 二.7: reprints' ASCII marks (优化,绿色…;绿色发展) reach headline goals and evidence quotes; quotes
    opened “““. Chinese is punctuated full-width at display (the data keeps the quote as printed); Latin stays."""
    from greenmfg.data import loaders
    from greenmfg.locale.punctuation import quoted_excerpt, zh_clauses, zh_punctuation
    from greenmfg.pages.glossary import entries
    from greenmfg.pages.index import goals

    assert zh_punctuation("明显优化,显著提高;绿色发展:效率(PUE)降至1.5以下") == "明显优化，显著提高；绿色发展：效率（PUE）降至1.5以下"
    assert zh_punctuation("1,000 t at 10:30, PUE, CUE") == "1,000 t at 10:30, PUE, CUE"
    assert zh_clauses("碳排放达峰后稳中有降,碳中和能力稳步提升") == ["碳排放达峰后稳中有降", "碳中和能力稳步提升"]
    assert quoted_excerpt("“Today, China’s share exceeds 80 per cent.") == "Today, China’s share exceeds 80 per cent."
    assert quoted_excerpt("“规模以上工业企业”,是指") == "‘规模以上工业企业’，是指"
    with using("zh"):
        boxes = goals.goals_html(loaders.load_policy_targets())
        glossary = entries.glossary_html(loaders.load_glossary(), loaders.load_article_paragraphs(),
                                         loaders.load_claims(), loaders.load_policy_targets())
    text = re.sub(r"<[^>]+>", "", boxes + glossary)
    assert not re.search(r"[\u4e00-\u9fff][,;]|[,;][\u4e00-\u9fff]", text)
    assert "<li>产业结构和布局明显优化</li>" in boxes and "““" not in glossary
