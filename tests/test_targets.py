"""The target tracker: table, goals in words, distance chart, pace wording and the page's variables."""
from __future__ import annotations

import re

import nbformat
import pandas as pd
import pytest

from greenmfg.data import targets as pace_math
from greenmfg.pages import targets
from greenmfg.pages.project import page
from greenmfg.pages.targets import distance, pace, qualitative, tracker
from greenmfg.pages.var_tokens import VAR_TOKEN
from greenmfg.paths import REPO_ROOT


@pytest.fixture(scope="module")
def data():
    return targets.load()


def test_tracker_shows_every_numeric_target_with_status_from_targets_module(data):
    out = tracker.tracker_html(data["policy_targets"], data["progress"])
    numeric = data["policy_targets"].query("target_kind == 'quantitative'")["target_id"].tolist()
    assert re.findall(r'<tr id="target-([^"]+)"', out) == numeric
    for status in data["progress"]["status"]:
        assert status in pace_math.STATUSES and f">{status}<" in out
    assert '<label for="targets-tracker-sector">' in out


def test_tracker_shows_the_kind_of_each_recent_pace(data):
    out = tracker.tracker_html(data["policy_targets"], data["progress"])
    rows = dict(re.findall(r'<tr id="target-([^"]+)"(.*?)</tr>', out, flags=re.S))
    # T03: 54 % → more than 55 %, so the pace is a floor and the status no longer "needs faster progress".
    assert "at least +1 percentage point a year" in rows["T03"] and "lower bound: the latest figure" in rows["T03"]
    # the case is explained once, in the method section; the row names it and refers there
    assert ">not enough data<" in rows["T03"] and "Lower bound below the pace needed (see How we judge" in rows["T03"]
    assert "may or may not be enough" not in out
    # T01: more than 17 % → more than 20 %: the pace between two floors is unknown.
    assert "undetermined" in rows["T01"] and ">not enough data<" in rows["T01"]
    # T05's pace is exact (two exact figures): no bound wording in its pace cells
    assert ">needs faster progress<" in rows["T05"] and "a year (from a" not in rows["T05"]


def test_tracker_and_chapters_word_a_pace_alike():
    """One wording of a pace (greenmfg.data.targets.pace_label) for the tracker and the chapters."""
    source = (REPO_ROOT / "greenmfg" / "pages" / "targets" / "tracker.py").read_text()
    assert "pace_label(" in source and not hasattr(pace, "pace_text")


def test_pace_kind_counts():
    progress = pd.DataFrame({"recent_pace_kind": ["exact", "lower bound", "lower bound", "undetermined", "", "upper bound"],
                             "status": ["needs faster progress", "on track", "not enough data", "not enough data",
                                        "not enough data", "needs faster progress"]})
    assert targets.pace_kind_counts(progress) == {"pace_from_bounds": "4", "pace_bounds_no_verdict": "2"}


def test_targets_variables_count_statuses_from_the_targets_module(data):
    out = targets.variables()
    assert list(out) == ["targets"] and all(isinstance(v, str) and v for v in out["targets"].values())
    values = out["targets"]
    counts = data["progress"]["status"].value_counts()
    assert values["pace_not_enough_data"] == str(counts.get(pace_math.NOT_ENOUGH_DATA, 0))
    assert int(values["pace_on_track"]) + int(values["pace_needs_faster_progress"]) + int(values["pace_not_enough_data"]) \
        == int(values["tracked"]) == len(data["progress"])
    assert int(values["numeric"]) + int(values["qualitative"]) == len(data["policy_targets"])
    assert int(values["pace_bounds_no_verdict"]) <= int(values["pace_from_bounds"])
    reached = (pd.to_numeric(distance.frame(data)["percent_of_target"], errors="coerce") >= 100).sum()
    assert values["reached"] == str(reached)


def test_needs_faster_phrase_agrees_in_number():
    assert targets.needs_faster_phrase(1) == "1 needs"
    assert targets.needs_faster_phrase(0) == "0 need" and targets.needs_faster_phrase(2) == "2 need"


def test_distance_takeaway_words_the_no_verdict_case_from_variables(data):
    """The chart's takeaway is prose in the notebook; its numbers are this page's variables."""
    nb = nbformat.read(REPO_ROOT / page("targets").source, as_version=4)
    cell = next(c.source for c in nb.cells if c.cell_type == "code" and "distance.CHART_ID" in c.source)
    summary = re.search(r'summary="([^"]*)"', cell).group(1)
    assert "{{< var targets.pace_summary >}}" in summary and "without enough data for a trend" not in summary
    assert "the figures cannot tell yet" in targets.variables()["targets"]["pace_summary"]
    keys = VAR_TOKEN.findall(summary)
    assert keys and all(k.split(".")[0] == "targets" and k.split(".")[1] in targets.variables()["targets"] for k in keys)
    assert {"recent_label", "status_reason"} <= set(distance.frame(data).columns)


def test_every_target_has_an_anchor_on_the_tracker_page(data):
    html = tracker.tracker_html(data["policy_targets"], data["progress"]) + qualitative.qualitative_goals_html(
        data["policy_targets"], data["claims"])
    for target_id in data["policy_targets"]["target_id"]:
        assert f'id="target-{target_id}"' in html


def test_distance_chart_spec_and_param(data):
    assert distance.CHART_ID == "targets-distance"
    frame = distance.frame(data)
    latest = frame[frame["kind"] == distance.LATEST]
    expected = (data["progress"]["latest_value"] / data["progress"]["target_value"] * 100).round(1)
    assert latest["percent_of_target"].tolist() == expected.tolist()
    spec = distance.chart(frame).to_dict()
    bars, ticks = spec["layer"]
    assert bars["mark"]["type"] == "bar" and bars["encoding"]["x"]["field"] == "percent_of_target"
    assert ticks["mark"]["type"] == "tick"
    assert spec["params"][0]["bind"]["input"] == "select" and spec["params"][0]["bind"]["name"].strip() == "Sector"
    assert bars["encoding"]["color"]["scale"]["domain"] == list(pace_math.STATUSES)
    assert {"value_label", "milestones", "pace_from"} <= {t["field"] for t in bars["encoding"]["tooltip"]}
    assert {"value_label", "verdict", "reason", "source_org"} <= {t["field"] for t in ticks["encoding"]["tooltip"]}
    assert ticks["encoding"]["x"]["field"] == "milestone_percent"
    assert f"years {min(latest['year'])} to {max(latest['year'])}" in spec["description"]


def test_distance_rows_read_in_order_and_keep_the_milestone_share_apart(data):
    """The review of 2026-12: the CSV began with the unit and put a milestone's share of the 2030 target in the
    latest value's 'percent of target' column. A reader reads target, year, value first; each share has its column."""
    frame = distance.frame(data)
    assert list(frame.columns[:5]) == ["target", "sector", "kind", "year", "value_label"]
    latest, ticks = frame[frame["kind"] == distance.LATEST], frame[frame["kind"] == distance.MILESTONE]
    assert (ticks["percent_of_target"] == "").all() and (latest["milestone_percent"] == "").all()
    assert (ticks["milestone_percent"] != "").all()
    # a target is named by what it measures, on the axis and in the tooltips, never by its id (T01…)
    assert not frame["target"].str.contains(r"\bT\d{2}\b").any() and "label" not in frame.columns
    spec = distance.chart(frame).to_dict()
    assert spec["layer"][0]["encoding"]["y"]["field"] == "sector"


def test_distance_chart_has_a_tick_per_earlier_milestone(data):
    """Issue #24: each milestone an earlier plan set before 2030 sits on its target's bar, with verdict and source."""
    frame = distance.frame(data)
    ticks = frame[frame["kind"] == distance.MILESTONE]
    assert len(ticks) == len(data["steps"]) and set(ticks["target_id"]) == {"T02", "T03", "T04", "T05"}
    assert ticks["verdict"].map(bool).all() and ticks["reason"].map(bool).all() and ticks["publisher"].map(bool).all()
    assert set(ticks["verdict"]) <= {"met", "not met", "cannot tell", "not yet due"}
    html = tracker.tracker_html(data["policy_targets"], data["progress"])
    rows = dict(re.findall(r'<tr id="target-([^"]+)"(.*?)</tr>', html, flags=re.S))
    assert ("Earlier milestones: by 2025: 57 % (Resources plan: aim for 57 %; Industrial green plan: at least 57 %): "
            "cannot tell" in rows["T03"])  # by short title, as the milestones a plan words alike
    assert "from the latest official value (2024)" in rows["T03"]


def test_a_milestone_several_plans_word_differently_reads_as_one_figure_then_each_plans_words():
    """Review 1207b 二.6: '超过15%或达到15%或力争达到15%' strung the plans' wordings with 或; the figure comes once,
    then each plan's own wording by its title; a step every plan words alike is worded once."""
    from greenmfg.locale.i18n import using

    with using("zh"):
        data = targets.load()
    lines = " ".join(data["progress"]["milestones"]) + " ".join(data["steps"]["value_label"])
    assert "或" not in lines
    assert ("到2025年15%（《工业领域碳达峰实施方案》为超过15%；《空气质量持续改善行动计划》为达到15%；"
            "《钢铁行业节能降碳专项行动计划》为力争达到15%）：无法判断") in lines
    assert "到2025年达到4.5亿吨（" in lines  # alike in both plans: once, the plans after it
    with using("en"):
        data = targets.load()
    assert not any(" or " in line for line in data["steps"]["value_label"])


def test_tracker_rows_show_latest_period_next_release_and_a_stale_flag(data):
    out = tracker.tracker_html(data["policy_targets"], data["progress"], data["latest"])
    rows = dict(re.findall(r'<tr id="target-([^"]+)"(.*?)</tr>', out, flags=re.S))
    for _, row in data["latest"].iterrows():
        cell = rows[row["target_id"]]
        assert f"Latest period: {row['latest_period']}." in cell and "Next: " in cell
        assert ("older than 18 months" in cell) is bool(row["stale"])
    # T05's latest EAF share is for 2022: more than 18 months before the data's last_updated
    assert data["latest"].set_index("target_id").loc["T05", "stale"]
    assert 'role="note" aria-label="Warning: the latest figure ends more than 18 months' in rows["T05"]
    assert "usually each January" in rows["T03"]  # MIIT's year-end press conference


def test_tracker_stale_count_is_a_variable(data):
    values = targets.variables()["targets"]
    assert values["stale"] == str(int(data["latest"]["stale"].sum())) and values["stale_months"] == "18"


def test_goals_show_the_chinese_wording_seen_in_reprints_and_their_language(data):
    """T11..T15 were known from English and Japanese renderings only until their Chinese clauses were seen in reprints
    of the release (audit 2026-12): each shows its Chinese clause, the Chinese sentence, and no 'not seen' note."""
    out = qualitative.qualitative_goals_html(data["policy_targets"], data["claims"])
    entries = dict(re.findall(r'<article class="gm-entry" id="target-([^"]+)">(.*?)</article>', out, flags=re.S))
    goals = data["policy_targets"].set_index("target_id")
    for target_id in ("T11", "T12", "T13", "T14", "T15"):
        entry = entries[target_id]
        clause = goals.loc[target_id, "metric_zh"]
        assert goals.loc[target_id, "wording_language"] == "zh" and clause
        assert f'lang="zh-Hans">{clause}' in entry and "Language of the source wording: Chinese." in entry
        assert "Chinese original not seen" not in entry and goals.loc[target_id, "publisher_id"] == "miit"
        assert goals.loc[target_id, "url"] == ""  # seen in a reprint whose address is withheld
    # the fifth Chinese reading: T06 showed a German trade article's words though CCTV's Chinese sentence was seen
    assert set(goals.loc[["T05", "T06"], "wording_language"]) == {"zh"} and "German" not in out
    assert "Wording in the report by CCTV (Chinese)" in entries["T06"] and 'lang="zh-Hans">《指导意见》提出' in entries["T06"]
    # by horizon year: the 2030 goals (T11..T15 included) come before the 2035 ones
    order = list(entries)
    assert order.index("T15") < order.index("T09")
    assert targets.variables()["targets"]["goals_without_chinese"] == "0"


# ---- the Chinese edition: same rows and anchors, every word through the catalogue


def test_chinese_tracker_has_the_same_anchors_and_filters_with_chinese_words(data):
    from greenmfg.locale.i18n import tr, using
    english = tracker.tracker_html(data["policy_targets"], data["progress"], data["latest"])
    with using("zh"):
        chinese = tracker.tracker_html(data["policy_targets"], data["progress"], data["latest"])
        statuses = {tr(s) for s in pace_math.STATUSES}
    anchors = r'id="(target-[^"]+)" data-row data-sector="([^"]+)" data-status="([^"]+)"'
    assert re.findall(anchors, chinese) == re.findall(anchors, english)
    assert not statuses & set(pace_math.STATUSES)
    for status in data["progress"]["status"]:
        assert f">{status}<" not in chinese
    assert "进度" in chinese and "Latest period" not in chinese and "What is measured" not in chinese


def test_chinese_goals_keep_anchors_and_say_why_there_is_no_chinese(data):
    from greenmfg.locale.i18n import using
    with using("zh"):
        out = qualitative.qualitative_goals_html(data["policy_targets"], data["claims"])
    entries = dict(re.findall(r'<article class="gm-entry" id="target-([^"]+)">(.*?)</article>', out, flags=re.S))
    goals = data["policy_targets"]
    assert list(entries) == list(goals[goals["target_kind"] != "quantitative"]
                                 .sort_values("horizon_year", kind="stable")["target_id"])
    assert "未见中文原文" not in entries["T11"] and 'lang="zh-Hans">资源综合利用水平稳步提升' in entries["T11"]
    assert 'lang="zh-Hans">合成气一步法' in entries["T06"] and "<p>Large-scale" not in entries["T06"]
    assert "<summary>央视网报道原文（中文）" in entries["T06"]
    # the sixth Chinese reading: "所见原文的语种：中文" under every goal said what its label already says
    assert "所见原文的语种：中文" not in out and "相关核查条目：<a" in entries["T06"] and "： <a" not in out
    # a German report's words are never the Chinese page's 出处原文: folded, under a Chinese label saying what they are
    german = goals[goals["target_id"] == "T06"].assign(wording_language="de", quote="Es zielt auch darauf ab …")
    with using("zh"):
        foreign = qualitative.qualitative_goals_html(german, data["claims"])
    assert "<details><summary>外文报道原文（德文）" in foreign and "出处原文" not in foreign
    # the same 2030 passage in three versions: the document's own words, and two outlets' summaries, each named
    assert "<summary>文件原文（中文）" in entries["T11"]
    assert "<summary>上海有色网报道原文（中文）" in entries["T07"] and "<summary>人民网报道原文（中文）" in entries["T08"]
    # readers know a goal by its horizon, sector and words, not by an id in its heading
    assert not any(re.search(r"<h3>[^<]*\bT\d{2}\b", entry) for entry in entries.values())


def test_distance_chart_in_chinese_keeps_rows_and_colours(data):
    from greenmfg.locale.i18n import using
    english = distance.chart(distance.frame(data)).to_dict()
    with using("zh"):
        frame = distance.frame(data)
        spec = distance.chart(frame).to_dict()
    assert len(frame) == len(distance.frame(data))
    bars, english_bars = spec["layer"][0]["encoding"], english["layer"][0]["encoding"]
    assert bars["color"]["scale"]["range"] == english_bars["color"]["scale"]["range"]
    assert set(frame["status"]) - {""} <= set(bars["color"]["scale"]["domain"])
    x_title = "".join(bars["x"]["title"])  # wrapped in lines to fit a phone
    tooltips = [t["title"] for layer in spec["layer"] for t in layer["encoding"]["tooltip"]]
    texts = [spec["title"]["text"], spec["title"]["subtitle"], spec["description"], x_title,
             spec["params"][0]["bind"]["name"], *spec["params"][0]["bind"]["options"],
             *tooltips, *frame["sector"], *filter(None, frame["status"]), *frame["method"], *frame["kind"]]
    assert all(re.search(r"[\u4e00-\u9fff]", text) for text in texts), texts


def test_targets_variables_in_chinese_have_the_same_keys():
    from greenmfg.locale.i18n import using
    with using("zh"):
        chinese = targets.variables()["targets"]
    english = targets.variables()["targets"]
    assert list(chinese) == list(english) and chinese["pace_needs_faster_phrase"].endswith("项")


def test_a_target_and_the_ledger_give_one_verdict():
    """Where the ledger checks a target (a claim of type target), the target's attribution is the ledger's verdict:
    a reader must not read 'unconfirmed' on one page and 'partly confirmed' on another for the same target."""
    from greenmfg.data import loaders
    claims = loaders.load_claims()
    statuses = loaders.load_policy_targets().set_index("target_id")["attribution_status"]
    checked = claims[(claims["claim_type"] == "target") & claims["related_target_id"].fillna("").ne("")]
    differing = {row["related_target_id"]: (statuses[row["related_target_id"]], row["status"])
                 for _, row in checked.iterrows() if statuses[row["related_target_id"]] != row["status"]}
    assert differing == {}


def test_reprint_pinyin_glosses_are_left_out_of_quotes_and_said_so(data):
    """A traditional-character reprint prints pinyin after some characters (指導(dǎo)意見): readers get the words without
    the glosses and a note saying so; a quote without glosses gets no note. T11..T15 now quote the simplified copy,
    so a glossed quote is put in T11's place here."""
    goals = data["policy_targets"].copy()
    assert "(dǎo)" not in goals.set_index("target_id").loc["T11", "quote"]  # the simplified reprint has no glosses
    goals.loc[goals["target_id"] == "T11", "quote"] = "《指導(dǎo)意見》提出,到2030年,我國制造業綠色低碳轉型成效顯著"
    out = qualitative.qualitative_goals_html(goals, data["claims"])
    entries = dict(re.findall(r'<article class="gm-entry" id="target-([^"]+)">(.*?)</article>', out, flags=re.S))
    assert "《指導意見》" in entries["T11"] and "(dǎo)" not in entries["T11"] and "(zhì)" not in entries["T11"]
    assert "Pinyin the reprint printed" in entries["T11"] and "Pinyin the reprint printed" not in entries["T09"]
    assert re.search(r"[\u4e00-\u9fff]\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)", out) is None


def test_a_clause_every_reprint_repeats_is_quoted_as_found_and_said_so_in_both_editions(data):
    """Every copy of the 2030 goals sentence seen writes 制造业绿色低碳转型成效显著 twice. The quote keeps it (quotes are
    verbatim), and each goal that quotes the sentence tells readers, in both editions, that the repetition is in the
    copies seen: an editor must not take it for a slip of this site's."""
    from greenmfg.locale.i18n import using
    clause = "制造业绿色低碳转型成效显著"
    goals = data["policy_targets"]
    repeating = goals[goals["quote"].str.count(clause) >= 2]["target_id"].tolist()
    assert repeating == ["T11", "T12", "T13", "T14", "T15"]
    english = qualitative.qualitative_goals_html(goals, data["claims"])
    with using("zh"):
        chinese = qualitative.qualitative_goals_html(goals, data["claims"])
    for out, said in ((english, "every reprint of the release seen repeats it"), (chinese, "所见各转载稿均如此，照录")):
        entries = dict(re.findall(r'<article class="gm-entry" id="target-([^"]+)">(.*?)</article>', out, flags=re.S))
        for target_id in repeating:
            assert said in entries[target_id] and clause in entries[target_id]
        assert said not in entries["T09"]  # a quote without the repetition gets no such note


def test_a_zero_count_reads_as_words_in_both_editions():
    """按最新官方数据，5项量化目标中，尚无一项进度达标…: never '0项进度达标' or '0 of the 5 … is on track'."""
    import pandas as pd

    from greenmfg.locale.i18n import using
    from greenmfg.pages.targets import pace_summary

    statuses = pd.Series(["needs faster progress"] + ["not enough data"] * 4)
    assert pace_summary(statuses) == "none is on track, 1 needs faster progress, and for 4 the figures cannot tell yet"
    with using("zh"):
        assert pace_summary(statuses) == "尚无一项进度达标，1项需加快进度，另有4项现有数字还不足以判断"
        assert pace_summary(pd.Series(["on track", "on track"])) == "2项进度达标，没有一项需要加快进度"


def test_the_gap_is_worded_one_way_on_every_page():
    """Home scoreboard, tracker and chapter all say a gap through greenmfg.data.targets.gap_text: 还差… / 至多还差…."""
    import re

    from greenmfg.data import targets as pace_math
    from greenmfg.locale.i18n import using
    from greenmfg.pages import targets, traditional
    from greenmfg.pages.index import targets_vs_latest
    from greenmfg.pages.targets import tracker

    assert pace_math.gap_text(7, "%", True) == "at most 7 points to go"
    assert pace_math.gap_text(-1, "%") == "target reached"
    with using("zh"):
        assert pace_math.gap_text(7, "%", True) == "至多还差7个百分点"
        assert pace_math.gap_text(1.1, "亿吨") == "还差1.1亿吨"
        data = targets.load()
        progress = data["progress"].set_index("target_id")
        home = targets_vs_latest.gap_text(progress.loc["T03"])
        table = tracker.tracker_html(data["policy_targets"], data["progress"], data["latest"])
        chapter = traditional.variables()["traditional"]["T03"]["gap"]
    assert home == chapter == "至多还差7个百分点"
    assert home in table
    assert not re.search(r"差距[≤至]", home + chapter + table)


def test_tracker_says_its_plan_titles_are_short_and_where_the_full_ones_are(data):
    """The fifth Chinese reading: 《工业资源综合利用实施方案》 in the tracker, with no word that it shortens
    《关于加快推动工业资源综合利用的实施方案》, read as a misnamed document."""
    from greenmfg.locale.i18n import using
    for lang, words in (("en", "named by their short titles"), ("zh", "较早的文件用简称，全称见")):
        with using(lang):
            out = tracker.tracker_html(data["policy_targets"], data["progress"])
        assert words in out and 'href="family.html#sec-documents"' in out
