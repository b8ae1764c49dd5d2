"""A Chinese data desk's reading of the Chinese edition (review 1207c): one wording of each target on every page and
chart, documents' titles in book-title marks, full-width punctuation, no emphasis on a lone character."""
from __future__ import annotations

import html
import json
import re

import pytest

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


def test_a_target_takes_the_reports_chinese_words_for_its_figure():
    """The EAF target, once quoted from English trade press ('more than 20 percent'), is now quoted from the CCTV
    report; its words for the figure, 达到20%以上 (its claim's value_wording), say 以上, which no translation decides."""
    from greenmfg.pages.family.wording import goal_flags

    t05 = loaders.load_policy_targets().set_index("target_id").loc["T05"]
    assert t05["wording_language"] == "zh" and t05["value_wording"] == "达到20%以上"
    assert goal_flags(t05) == {"aim": False, "or_more": True}
    translated = {**t05.to_dict(), "wording_language": "en", "quote": "more than 20 percent by 2030"}
    assert goal_flags(translated) == {"aim": False, "or_more": True}  # the report's Chinese words decide
    assert goal_flags({**translated, "value_wording": ""}) == {"aim": False, "or_more": False}


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


def _clipped(title: str) -> str:
    """A title as prose clips it (钢铁工业高质量发展指导意见 for 关于促进钢铁工业高质量发展的指导意见, 工业绿色发展规划 for
    “十四五”工业绿色发展规划): without the years, “十四五”, 关于, the opening verb and 的."""
    text = re.sub(r"（\d{4}—\d{4}年）$", "", title).replace("“十四五”", "")
    text = re.sub(r"^(加快推动|加快构建|加快|推动|促进|推进实施|推进)", "", text.removeprefix("关于"))
    return text.replace("的", "")


def _titles() -> list[str]:
    """Every Chinese title and short title of the family table's documents, and each as prose clips it, longest
    first."""
    documents = loaders.load_table("policy_documents_family")
    titles = {t for t in [*documents["title_zh"], *documents["short_zh"]] if t}
    return sorted(titles | {_clipped(t) for t in titles if len(_clipped(t)) >= 6}, key=len, reverse=True)


def unmarked_titles(text: str, titles: list[str]) -> list[str]:
    """The places in ``text`` where a document's title stands outside book-title marks (《…》)."""
    found = []
    for title in titles:
        for match in re.finditer(re.escape(title), text):
            opened, closed = text.rfind("《", 0, match.start()), text.rfind("》", 0, match.start())
            close_after, open_after = text.find("》", match.end()), text.find("《", match.end())
            if not (opened > closed and close_after != -1 and (open_after == -1 or close_after < open_after)):
                found.append(text[max(0, match.start() - 20):match.end() + 5])
    return found


def _family_and_targets_text() -> str:
    """What the Chinese family and targets pages and the home page show of documents, outside the prose: tables,
    chart rows (tooltips, axis labels, CSV) and notes."""
    from greenmfg.pages import family, index, targets
    from greenmfg.pages.family import documents, table, task_areas, timeline
    from greenmfg.pages.index import targets_vs_latest
    from greenmfg.pages.targets import distance

    with using("zh"):
        data = family.load()
        parts = [table.milestones_html(data), table.not_found_html(data), task_areas.task_areas_html(data),
                 documents.documents_html(data)]
        chain = timeline.frame(data)
        parts += [json.dumps(chain.to_dict("records"), ensure_ascii=False)]
        page = targets.load()
        parts += [json.dumps(distance.frame(page).to_dict("records"), ensure_ascii=False)]
        parts += [json.dumps(targets_vs_latest.frame(index.load()).to_dict("records"), ensure_ascii=False)]
    return html.unescape(re.sub(r"<[^>]+>", "", "".join(parts)))


def _prose(path) -> str:
    return "".join("".join(c["source"]) for c in json.loads(path.read_text(encoding="utf-8"))["cells"]
                   if c["cell_type"] == "markdown")


def test_chinese_pages_name_documents_in_book_title_marks():
    """Review 1207c 二.8: the family page named half its documents bare (2022年的工业资源综合利用实施方案, its table
    and timeline 工业领域碳达峰实施方案, the Opinions as 制造业绿色化发展指导意见). Every title or short title of the
    family table, in the Chinese prose, tables, tooltips and chart rows, stands inside 《》; the Opinions as 《指导意见》."""
    titles = _titles()
    assert unmarked_titles("2021年的工业绿色发展规划和《工业领域碳达峰实施方案》", ["工业领域碳达峰实施方案"]) == []
    assert unmarked_titles("2022年的工业领域碳达峰实施方案", ["工业领域碳达峰实施方案"]) != []
    assert "钢铁工业高质量发展指导意见" in titles and "工业绿色发展规划" in titles
    shown = _family_and_targets_text()
    assert unmarked_titles(shown, titles) == []
    assert "《指导意见》" in shown and "制造业绿色化发展指导意见" not in shown
    assert not re.search(r'《[^》]*"', shown)  # quotes inside a title are full-width: 《“十四五”工业绿色发展规划》
    prose = {path.name: unmarked_titles(_prose(path), titles)
             for path in [REPO_ROOT / "zh" / f"{name}.ipynb" for name in ("index", "targets", "family", "claims",
                                                                          "glossary")]
             + sorted((REPO_ROOT / "zh" / "chapters").glob("*.ipynb"))}
    assert {name: found for name, found in prose.items() if found} == {}


def test_the_recycled_resources_entry_names_one_association():
    """Review 1207c 二.11: the glossary's 再生资源 entry credited 中国物资再生协会 in its definition and 中国再生资源回收利用协会
    (another association) as its source. The China Daily page (from CCTV) says 中国物资再生协会 published the report with
    十个品种 3.76亿吨; CRRA, China National Resources Recycling Association, is its English name."""
    from greenmfg.pages.glossary import entries

    with using("zh"):
        page = entries.glossary_html(loaders.load_glossary(), loaders.load_article_paragraphs(), loaders.load_claims(),
                                     loaders.load_policy_targets())
    entry = page[page.index('id="term-recycled-resources"'):]
    entry = re.sub(r"<[^>]+>", "", entry[:entry.index("</article>")])
    assert entry.count("中国物资再生协会") == 2 and "中国再生资源回收利用协会" not in page  # definition and source


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_two_ledger_entries_share_a_heading(lang):
    """Review 1207c 三-12: claims 10 and 11 were both headed 钢铁、石化化工行业…分别超过97%和95%. Claims from one
    sentence name their own figure after it (subject, subject_zh): （钢铁，97%）, （石化化工，95%）."""
    from greenmfg.pages.claims import ledger
    from greenmfg.pages.claims.reading_order import ordered_claims

    with using(lang):
        page = ledger.ledger_html(ordered_claims(loaders.load_claims(), loaders.load_article_paragraphs()))
    headings = [re.sub(r"<[^>]+>|^\d+\. ", "", h) for h in re.findall(r"<h3>(.*?)</h3>", page)]
    assert len(headings) == len(set(headings)) > 20
    if lang == "zh":
        assert "钢铁、石化化工行业规模以上工业重复用水率分别超过97%和95%（石化化工，95%）" in headings
