"""A Chinese data desk's reading of the Chinese edition (review 1207c): one wording of each target on every page and
chart, documents' titles in book-title marks, full-width punctuation, no emphasis on a lone character."""
from __future__ import annotations

import html
import json
import re

from greenmfg.data import loaders
from greenmfg.locale.i18n import using
from greenmfg.paths import REPO_ROOT


def _goal_texts() -> dict[str, dict[str, str]]:
    """Every place a Chinese page or chart states a numeric target's value: place -> target id -> the words."""
    from greenmfg.pages import family, index, targets, traditional
    from greenmfg.pages.family import timeline
    from greenmfg.pages.index import goals, targets_vs_latest
    from greenmfg.pages.targets import distance, tracker
    from greenmfg.pages.traditional import distance_to_2030, steel
    from greenmfg.pages.variables import _target_vars

    out: dict[str, dict[str, str]] = {}
    with using("zh"):
        table = loaders.load_policy_targets()
        numeric = table[table["target_kind"] == "quantitative"]
        out["target.<id>.display (prose tokens)"] = {t.upper(): v["display"]
                                                    for t, v in _target_vars(numeric).items()}
        boxes = goals.goals_html(table)
        out["home: goals list"] = {t: html.unescape(re.search(rf'target-{t}">.*?<strong>(.*?)</strong>', boxes)[1])
                                   for t in numeric["target_id"]}
        board = targets_vs_latest.frame(index.load())
        rows = board[board["kind"] == "目标"]
        out["home: scoreboard tooltip"] = dict(zip(rows["target_id"], rows["value_label"]))
        out["home: scoreboard line"] = dict(zip(rows["target_id"], rows["line"].str.removeprefix("目标").str.split(
            "，").str[0]))
        data = targets.load()
        page = tracker.tracker_html(data["policy_targets"], data["progress"])
        out["targets: tracker"] = {t: html.unescape(re.search(rf'id="target-{t}".*?到2030年<strong>(.*?)</strong>', page,
                                                              re.S)[1]) for t in data["progress"]["target_id"]}
        bars = distance.frame(data)
        bars = bars[bars["target_label"] != ""]
        out["targets: distance chart"] = dict(zip(bars["target_id"], bars["target_label"]))
        chain = timeline.frame(family.load())
        chain = chain[(chain["role"] == "target") & chain["target_id"].isin(numeric["target_id"])]
        out["family: timeline tooltip"] = dict(zip(chain["target_id"], chain["value_label"]))
        out["family: prose tokens"] = {t.upper(): v for t, v in family.variables()["family"]["t"].items()}
        trad = traditional.load()
        shares = distance_to_2030.frame(trad)
        out["traditional: distance chart"] = dict(zip(shares["target_id"], shares["target_label"]))
        line = steel.frame(trad)
        out["traditional: steel chart target line"] = {
            "T05": line.loc[line["measure"] == "target", "value_label"].iloc[0].removeprefix("2030年目标：")}
    return out


def test_a_target_is_worded_alike_on_every_chinese_page_and_chart():
    """Review 1207c 一-6: the EAF target read 达到20% on the home list, the tracker, the chapter and the family page,
    目标≥20% on the home chart, where the report says 达到20%以上. Every place now takes the words from one formatter
    (greenmfg.pages.family.wording.goal_label): 20%以上 everywhere, like the aluminium target's 30%以上."""
    texts = _goal_texts()
    by_target: dict[str, set[str]] = {}
    for words in texts.values():
        for target_id, text in words.items():
            by_target.setdefault(target_id, set()).add(text)
    assert {t: w for t, w in by_target.items() if len(w) > 1} == {}, texts
    assert by_target["T05"] == {"20%以上"} and by_target["T04"] == {"30%以上"} and by_target["T01"] == {"超过40%"}
    assert len(texts) >= 10 and all(len(words) >= 1 for words in texts.values())


def test_a_target_known_from_a_translation_takes_the_reports_chinese_words():
    """The EAF target is quoted from English trade press ('more than 20 percent'); the CCTV report's own words for it,
    达到20%以上 (its claim's value_wording), say 以上, which no translation decides."""
    from greenmfg.pages.family.wording import goal_flags

    t05 = loaders.load_policy_targets().set_index("target_id").loc["T05"]
    assert t05["wording_language"] != "zh" and t05["value_wording"] == "达到20%以上"
    assert goal_flags(t05) == {"aim": False, "or_more": True}
    assert goal_flags({**t05.to_dict(), "value_wording": ""}) == {"aim": False, "or_more": False}


LONE_EMPHASIS = re.compile(r"(?<![*_])([*_]{1,2})[\u4e00-\u9fff]\1(?![*_])")


def test_no_emphasis_on_a_lone_chinese_character():
    """Review 1207c 三-b: 光伏制造*各*环节 set 各 in italics (then bold): Chinese is not emphasised a character at a
    time, and italic CJK is a faux slant."""
    assert LONE_EMPHASIS.search("中国光伏制造*各*环节") and LONE_EMPHASIS.search("制造**各**环节")
    assert not LONE_EMPHASIS.search("**比例为9.7%**，**要求达到**")
    found = []
    for path in sorted((REPO_ROOT / "zh").rglob("*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] == "markdown":
                found += [(path.name, m.group(0)) for m in LONE_EMPHASIS.finditer("".join(cell["source"]))]
    assert found == []



ASCII_MARK_IN_CHINESE = re.compile(r"[\u4e00-\u9fff][,;:?!]|[,;:?!][\u4e00-\u9fff]")


def test_chinese_on_the_family_and_targets_pages_is_punctuated_full_width():
    """Review 1207c 二-7: quotes shown on the family page (到2025年,短流程…), the task areas' wording and the targets'
    Chinese kept the reprints' ASCII marks. The data keeps them as printed; the pages punctuate at display."""
    from greenmfg.pages import family, targets
    from greenmfg.pages.family import table, task_areas
    from greenmfg.pages.targets import tracker

    with using("zh"):
        data = family.load()
        tables = table.milestones_html(data) + task_areas.task_areas_html(data)
        page = targets.load()
        tracked = tracker.tracker_html(page["policy_targets"], page["progress"])
    text = re.sub(r"<[^>]+>", "", tables + tracked)
    assert ASCII_MARK_IN_CHINESE.findall(text) == []
    assert "到2025年，短流程炼钢产量占比达15%" in text
