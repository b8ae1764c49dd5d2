"""The policy-family page: its variables, the timeline chart, the milestone and document tables, the task areas and
the prose of both editions (numbers only through tokens of this page's variables or the generic keys)."""
from __future__ import annotations

import re

import nbformat
import pytest

from greenmfg.charts.card import show
from greenmfg.data import milestones as verdict_rules
from greenmfg.locale.i18n import tr, using
from greenmfg.pages import family
from greenmfg.pages.family import documents, task_areas, timeline
from greenmfg.pages.family import table as milestone_table
from greenmfg.pages.project import page
from greenmfg.pages.var_tokens import VAR_TOKEN, lookup
from greenmfg.pages.variables import build_variables
from greenmfg.paths import REPO_ROOT

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def data():
    return family.load()


def test_page_loads_and_names_its_variables(data):
    assert {"milestones", "documents", "task_areas", "targets", "context", "schedule", "last_updated"} <= set(data)
    out = family.variables()
    assert list(out) == ["family"]


def test_variables_count_the_verdicts(data):
    values = family.variables()["family"]
    frame = family.verdict_frame(data)
    dated = frame[frame["verdict"] != verdict_rules.NOT_FOUND]
    assert values["milestones"] == str(len(dated)) and values["documents"] == str(len(data["documents"]))
    counted = sum(int(values[k]) for k in ("met", "not_met", "cannot_tell"))
    assert values["due"] == str(counted) and counted + int(values["not_yet_due"]) == len(dated)
    assert int(values["met"]) >= 3 and values["searched"] == str(len(frame) - len(dated))
    # the chart's CSV rows, which a reader counts against the table's: each milestone, then each chain's 2030 goal
    rows = timeline.frame(data)
    assert values["chart_rows"] == str(len(rows)) == str(len(dated) + int(values["chart_goals"]))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_token_of_the_page_has_a_value(lang):
    variables = build_variables(lang=lang)
    nb = nbformat.read(REPO_ROOT / page("family", lang).source, as_version=4)
    text = "\n".join(c.source for c in nb.cells)
    keys = VAR_TOKEN.findall(text)
    assert len(keys) >= 30
    for key in keys:
        assert lookup(variables, key), f"{lang}: {key} has no value"


def test_timeline_frame_has_every_dated_milestone_and_each_measures_2030_target(data):
    frame = timeline.frame(data)
    dated = data["milestones"][data["milestones"]["verification"] != "not found"]
    assert (frame["role"] == "milestone").sum() == len(dated)
    ends = frame[frame["role"] == "target"]
    linked = data["milestones"].groupby("measure_id")["related_target_id"].agg(lambda ids: {i for i in ids if i})
    assert set(ends["measure_id"]) == {m for m, ids in linked.items() if ids}
    assert set(ends.set_index("measure_id").loc[["eaf_share", "bulk_waste_rate"], "target_id"]) == {"T05", "T03"}
    assert set(frame["measure_id"]) == set(data["milestones"]["measure_id"])  # a measure with a target only shows it
    for _, row in frame.iterrows():
        assert row["source_org"] and row["publisher"], row.to_dict()
    assert frame["due"].str.match(r"^\d{4}-07-01$").all() and frame["issued"].str.match(r"^\d{4}-\d{2}-\d{2}$").all()


def test_timeline_chart_selects_a_measure_and_shows_values_and_verdicts(data):
    frame = timeline.frame(data)
    spec = timeline.chart(frame).to_dict()
    param = next(p for p in spec["params"] if p["name"] == "measure")
    assert param["bind"]["input"] == "select" and param["value"] == timeline.DEFAULT_MEASURE
    assert param["bind"]["options"] == list(dict.fromkeys(frame["measure_id"]))
    assert len(param["bind"]["labels"]) == len(param["bind"]["options"])
    assert any("measure" in str(t.get("filter", "")) for t in spec.get("transform", []))
    fields = {t["field"] for layer in spec["layer"] for t in layer["encoding"].get("tooltip", [])}
    assert {"value_label", "verdict", "reason", "document", "source_org"} <= fields
    assert re.search(r"\d{4}", spec["description"]) and len(spec["description"]) > 40


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_timeline_says_the_figure_used_once_in_the_readers_words(data, lang):
    """No 'figure used' line beside the reason ('no figure on its basis and year', 'not judged (the 2030 target
    itself)'): each milestone's reason names the figure it was judged on, or says there is none."""
    from greenmfg.pages.family.chain import verdict_frame

    with using(lang):
        frame, verdicts = timeline.frame(data), verdict_frame(data)
        spec = timeline.chart(frame).to_dict()
    fields = {t["field"] for layer in spec["layer"] for t in layer["encoding"].get("tooltip", [])}
    assert "reason" in fields and "outcome" not in fields and "outcome" not in frame.columns
    judged = verdicts[verdicts["outcome_label"] != ""]
    assert len(judged) >= 3
    for _, row in judged.iterrows():
        assert row["outcome_label"] in row["reason"], row["milestone_id"]
    show(timeline.chart(frame), chart_id=timeline.CHART_ID, summary="x")  # a publishable card


def test_the_chinese_chart_speaks_chinese(data):
    with using("zh"):
        frame = timeline.frame(data)
        spec = timeline.chart(frame).to_dict()
    assert CJK.search(spec["title"]["text"]) and CJK.search(spec["description"])
    labels = next(p for p in spec["params"] if p["name"] == "measure")["bind"]["labels"]
    assert all(CJK.search(label) for label in labels)
    assert frame["verdict"].map(lambda v: bool(CJK.search(v))).all()


def test_milestone_table_lists_every_milestone_with_its_verdict(data):
    html = milestone_table.milestones_html(data)
    ids = re.findall(r'<tr id="milestone-([a-z0-9_]+)"', html)
    assert ids == data["milestones"]["milestone_id"].tolist()
    rows = dict(re.findall(r'<tr id="milestone-([a-z0-9_]+)"(.*?)</tr>', html, flags=re.S))
    assert 'data-verdict="met"' in rows["nev_2025_nev_plan"] and "47.9" in rows["nev_2025_nev_plan"]
    assert "usually each January" in rows["waste_rate_2025_resource_use"]
    assert "seen in a reprint" in rows["eaf_2025_air_quality"] and "http" not in rows["eaf_2025_air_quality"].split(
        "</td>")[-2]
    assert 'data-verdict="no-milestone-found"' in rows["syngas_earlier"]
    assert '<select id="family-milestones-measure"' in html and '<select id="family-milestones-verdict"' in html
    for host in ("hardyporn", "119.23.250.19", "187235123"):
        assert host not in html


def test_milestone_table_in_chinese(data):
    with using("zh"):
        html = milestone_table.milestones_html(data)
        words = {tr(v) for v in verdict_rules.VERDICTS}
    assert any(w in html for w in words) and "cannot tell" not in html and "Source" not in html


def test_documents_and_task_areas(data):
    docs = documents.documents_html(data)
    assert len(re.findall(r'<tr id="document-', docs)) == len(data["documents"])
    assert "工信部联节〔2022〕88号" in docs and "unverified" in docs
    areas = task_areas.task_areas_html(data)
    assert len(re.findall(r"<tr", areas)) == len(data["task_areas"]) + 1
    assert "family-timeline.measure=eaf_share#chart-family-timeline" in areas  # a measure opens its chain
    assert "chapters/traditional.html" in areas


NOTEBOOK_SECTIONS = ["sec-method", "sec-timeline", "sec-moves", "sec-eaf", "sec-waste", "sec-recycled", "sec-aluminium",
                     "sec-carbon", "sec-intensity", "sec-ule", "sec-metals", "sec-emerging", "sec-none",
                     "sec-milestones", "sec-documents", "sec-task-areas", "sec-not-found"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_page_has_its_sections_and_says_where_six_transformations_come_from(lang):
    nb = nbformat.read(REPO_ROOT / page("family", lang).source, as_version=4)
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert re.findall(r"\{#(sec-[\w-]+)", text) == NOTEBOOK_SECTIONS
    assert "六大转型" in text and ("seen only in reprints" in text or "只见于转载" in text)
    # reader wording, not notes on how the site works: no 'not linked here', no 'computed by a program'
    for note in ("not linked here", "not written by hand", "这里不给链接", "程序根据数据算出", "并非人工填写"):
        assert note not in text
    assert "sbdailynews" not in text  # a copy site: the research note keeps its address, no page links it
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert "timeline.CHART_ID" in code and "milestones_html" in code and "task_areas_html" in code


def test_milestone_counts_say_none_in_words():
    """Judged milestones read 均已实现 when none was missed (a headline 没有一个未能实现 invites '无一落空' when most
    cannot be judged), and never 未实现0个; English: 'all were met', 'none was met and 1 was missed'."""
    from greenmfg.locale.i18n import using
    from greenmfg.pages.family import met_missed

    assert met_missed(3, 0) == "all were met" and met_missed(0, 1) == "none was met and 1 was missed"
    assert met_missed(1, 2) == "1 was met and 2 were missed"
    with using("zh"):
        assert met_missed(3, 0) == "均已实现" and met_missed(0, 1) == "尚无一个实现，未实现1个"


def test_milestone_quotes_leave_out_a_reprints_pinyin_glosses():
    """A data-centre plan seen only in a traditional-character reprint prints pinyin after some characters (數(shù)據(jù)):
    the family table shows the words without the glosses, and says so."""
    import re

    from greenmfg.pages import family
    from greenmfg.pages.family import table

    out = table.milestones_html(family.load())
    assert "數據中心" in out and "(shù)" not in out and "Pinyin the reprint printed" in out
    assert re.search(r"[\u4e00-\u9fff]\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)", out) is None


def test_milestones_keep_the_documents_qualifiers_and_say_a_fall_in_words(data):
    """The review of 2026-12: 力争提升至15% was shown as 达到15%, 力争80%以上 as 达到80%, 1500万吨以上 as 达到1500万吨,
    a fall as -18%, a PUE ceiling as 低于1.35 PUE. The value reads as the document words it, in both editions."""
    expected = {"zh": {"eaf_2025_steel_energy": "力争达到15%", "ule_2025_steel_ule": "力争80%以上",
                       "secal_2027_aluminium_quality": "1500万吨以上", "al_2030_nonferrous_peak": "力争30%以上",
                       "co2_2025_green_14fyp": "下降18%", "water_2027_traditional": "下降13%左右",
                       "pue_new_2021_datacentre_3yr": "PUE降到1.35以下", "waste_rate_2025_green_14fyp": "达到57%"},
                "en": {"eaf_2025_steel_energy": "aim for 15 %", "ule_2025_steel_ule": "aim for at least 80 %",
                       "secal_2027_aluminium_quality": "at least 15 Mt", "co2_2025_green_14fyp": "18 % lower",
                       "water_2027_traditional": "about 13 % lower", "pue_new_2021_datacentre_3yr": "PUE below 1.35"}}
    for lang, words in expected.items():
        with using(lang):
            html = milestone_table.milestones_html(data)
            frame = timeline.frame(data)
            values = family.variables()["family"]
        rows = dict(re.findall(r'<tr id="milestone-([a-z0-9_]+)"(.*?)</tr>', html, flags=re.S))
        for milestone_id, text in words.items():
            assert f"<strong>{text}</strong>" in rows[milestone_id], (lang, milestone_id)
            assert text in frame["value_label"].tolist()
        assert not frame["value_label"].str.contains(r"^[-约≈]*-\d|低于\d", regex=True).any()
        assert values["t"]["t04"] == ("30%以上" if lang == "zh" else "at least 30 %")


def test_the_timeline_names_targets_and_dates_as_readers_read_them(data):
    """No internal id (T07（文字表述）, 目标T05) in the chart's rows; a source without a date of its own takes its
    document's; every row holds as of its document's date (the card's note says what that date is)."""
    with using("zh"):
        frame = timeline.frame(data)
    for column in ("value_label", "short_label", "reason", "basis"):
        assert not frame[column].str.contains(r"\bT\d{2}\b", regex=True).any(), column
    assert "碳排放总量实现达峰" in frame["value_label"].tolist()
    assert (frame["source_date"] != "").all() and (frame["as_of"] != "").all()
    air = frame[frame["document_id"] == "air_quality_2023"]
    assert air["source_date"].iloc[0] == "2023-11-30"
    with using("zh"):
        searched = milestone_table.not_found_html(data)
        areas = task_areas.task_areas_html(data)
    assert not re.search(r"\bT\d{2}\b", re.sub(r'(href|id)="[^"]*"', "", searched + areas))
