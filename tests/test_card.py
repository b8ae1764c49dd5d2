"""The chart card contract: what show() refuses, what the card contains, same input -> same bytes."""
from __future__ import annotations

import copy
import json
import re

import altair as alt
import pandas as pd
import pytest

from greenmfg.charts import card, theme, vega_compile
from greenmfg.data import sources
from greenmfg.locale.i18n import using

ROWS = pd.DataFrame({
    "year": [2022, 2023, 2024], "value": [688.7, 949.5, 1286.6], "measure": ["sales"] * 3,
    "publisher": ["CAAM", "CAAM", "MIIT"],
    "source_org": ["CAAM", "CAAM, reported by Xinhua (seen in a reprint)", "MIIT"],
    "source_date": ["2023-01-12", "2024-01-11", "2025-01-21"],
    "url": ["https://example.org/caam", "", "https://example.org/miit"], "as_of": ["2022", "2023", "2024"],
})


def chart(df=ROWS, description="New-energy vehicle sales in China, 10,000 vehicles, 2022–2024 (CAAM, MIIT)."):
    return alt.Chart(df).mark_line(point=True).encode(
        x="year:O", y=alt.Y("value:Q", title="万辆"), color=alt.Color("measure:N", scale=theme.color_scale(["sales"])),
        tooltip=["year:O", "value:Q"],
    ).properties(title=alt.Title("NEV sales 新能源汽车销量", subtitle="10,000 vehicles"), description=description)


def test_show_requires_a_title():
    with pytest.raises(card.ChartCardError, match="title"):
        card.show(chart().properties(title=""), chart_id="t-x", summary="s")


def test_show_requires_a_real_description():
    with pytest.raises(card.ChartCardError, match="description"):
        card.show(chart(description="Chart"), chart_id="t-x", summary="s")


def test_show_requires_provenance_on_every_row():
    with pytest.raises(card.ChartCardError, match="provenance"):
        card.show(chart(ROWS.drop(columns=["source_org"])), chart_id="t-x", summary="s")
    unnamed = ROWS.assign(publisher=["CAAM", "", "MIIT"])
    with pytest.raises(card.ChartCardError, match="row 2: column 'publisher' is empty"):
        card.show(chart(unnamed), chart_id="t-x", summary="s")


def test_chart_id_must_be_a_slug():
    with pytest.raises(card.ChartCardError, match="chart id"):
        card.show(chart(), chart_id="Bad Id", summary="s")


def test_card_html_is_deterministic_and_complete():
    first = card.card_html(chart(), "t-nev", "Sales rose.", note="A note.", root="../")
    assert first == card.card_html(chart(), "t-nev", "Sales rose.", note="A note.", root="../")
    for needle in ('id="chart-t-nev"', 'href="../chart-data/t-nev.csv"', 'data-format="png"', 'data-format="svg"',
                   'class="gm-static"><noscript><svg', 'class="gm-table"', 'src="../assets/gm-charts.mjs"', "Latest data: 2024",
                   "A note.", "Sales rose.", "10,000 vehicles", 'role="img" aria-label="New-energy vehicle sales'):
        assert needle in first, needle


def test_source_line_links_outlets_own_pages_only():
    html = card.card_html(chart(), "t-nev", "s", root="")
    assert 'href="https://example.org/caam"' in html and 'href="https://example.org/miit"' in html
    assert "<li data-org=\"CAAM, reported by Xinhua (seen in a reprint)\">CAAM, reported by Xinhua (seen in a reprint), " \
           "11 January 2024</li>" in html


def test_payload_carries_rows_once_and_a_dark_patch():
    compiled = card.compile_specs(chart(), "t-nev")
    assert len(compiled["rows"]) == 3
    assert "__gm_rows__" in json.dumps(compiled["vega"])
    assert "688.7" not in json.dumps(compiled["vega"]), "rows must not be duplicated inside the Vega spec"
    assert compiled["dark_patch"], "dark mode must change something"
    dark_values = {json.dumps(v) for _, v, *rest in compiled["dark_patch"]}
    assert json.dumps(theme.DARK["background"]) in dark_values


def test_json_patch_round_trip():
    old = {"a": [1, {"b": "#FFFFFF"}], "c": 2, "d": 3}
    new = {"a": [1, {"b": "#1B1D21"}], "c": 2, "e": 4}
    patched = copy.deepcopy(old)
    for path, value, *op in vega_compile.json_patch(old, new):
        node = patched
        for key in path[:-1]:
            node = node[key]
        if op:
            del node[path[-1]]
        else:
            node[path[-1]] = value
    assert patched == new


def test_jupyter_gets_compiled_vega_and_the_site_gets_the_card(monkeypatch):
    shown = card.show(chart(), chart_id="t-nev", summary="s")
    monkeypatch.delenv("GREENMFG_BUILD", raising=False)
    bundle = shown._repr_mimebundle_()
    assert "text/html" not in bundle, "Altair's html output loads Vega from a CDN"
    assert not any("vegalite" in key for key in bundle), "front ends bundle an older Vega-Lite than Altair writes"
    vega = bundle["application/vnd.vega.v5+json"]
    assert vega["description"].startswith("New-energy") and vega["width"] == vega_compile.STATIC_WIDTH
    assert bundle["image/svg+xml"].startswith("<svg")
    monkeypatch.setenv("GREENMFG_BUILD", "1")
    data, metadata = shown._repr_mimebundle_()
    assert data["text/html"].startswith('<figure class="gm-card"')
    assert metadata["greenmfg"]["chart_id"] == "t-nev"


def test_every_category_has_a_colour_in_both_modes():
    for category in theme.CATEGORY_HUES:
        assert theme.category_color(category).startswith("#")
        assert theme.category_color(category, "dark").startswith("#")
    with pytest.raises(KeyError, match="add it to greenmfg.charts.theme"):
        theme.category_color("no such category")


def test_chinese_runs_carry_lang():
    assert card.text_html("NEV sales 新能源汽车销量 (万辆)") == 'NEV sales <span lang="zh-Hans">新能源汽车销量</span> (<span lang="zh-Hans">万辆</span>)'
    assert card.text_html("a < b") == "a &lt; b"
    html = card.card_html(chart(), "t-nev", "s", root="")
    assert '<span lang="zh-Hans">新能源汽车销量</span>' in html


def test_source_line_is_short_and_lists_every_release_once():
    html_text = card.card_html(chart(), "t-nev", "s", root="")
    source = html_text.split('class="gm-source"')[1].split("</div>")[0]
    assert "<strong>Source:</strong> CAAM, MIIT (2022–2024)." in source.split("</p>")[0]
    listed = re.findall(r'<li data-org="([^"]*)"', source)
    assert listed == ["CAAM", "CAAM, reported by Xinhua (seen in a reprint)", "MIIT"], \
        "one item per release (source, date, link), none dropped"
    assert 'id="chart-t-nev-sources"' in source and "All sources (" in source


def test_source_labels_name_publisher_and_outlet_from_the_publisher_table():
    assert sources.source_label("caam", "steelorbis", "https://www.steelorbis.com/x") == "CAAM, reported by SteelOrbis"
    assert sources.source_label("miit", "xinhua", "") == "MIIT, reported by Xinhua (seen in a reprint)"
    assert sources.source_label("nbs", "nbs", "") == "NBS (seen in a reprint)"
    with using("zh"):
        assert sources.source_label("miit", "xinhua", "") == "工业和信息化部（据新华社报道的转载）"
        assert sources.source_label("caam", "steelorbis", "https://x") == "中国汽车工业协会（据SteelOrbis报道）"
    rows = [{"publisher": "NBS", "as_of": "2019"}, {"publisher": "MIIT", "as_of": "2025-07"}]
    assert sources.short_source_line(rows) == "NBS, MIIT (2019–2025)"
    assert sources.short_source_line(rows, lang="zh") == "NBS、MIIT（2019—2025年）"  # as a Chinese desk writes a span


def test_data_as_of_is_the_latest_period_end_not_the_longest_string():
    rows = ROWS.assign(as_of=["2024-06", "2025", "2025-01"])
    assert "Latest data: 2025." in card.card_html(chart(rows), "t-nev", "s", root="")


def test_publishers_without_a_chinese_name_keep_their_latin_name():
    with using("zh"):
        assert sources.publisher_name("steelorbis") == "SteelOrbis"
        assert sources.publisher_name("cisa") == "中国钢铁工业协会"
