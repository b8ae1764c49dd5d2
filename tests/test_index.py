"""The home page: the scoreboard of the numeric 2030 targets, the chapter cards, goals, identity and page map."""
from __future__ import annotations

import html
import math
import re

import nbformat
import pandas as pd
import pytest
from test_notebooks import prose_without_allowed_numbers

from greenmfg.charts.markup import page_href
from greenmfg.data import targets as pace_math
from greenmfg.data.frames import reader_units
from greenmfg.pages import index
from greenmfg.pages.index import chapter_cards, goals, identity, page_map, targets_vs_latest
from greenmfg.pages.project import BuildError, chapters, home, pages
from greenmfg.paths import REPO_ROOT


@pytest.fixture(scope="module")
def data():
    return index.load()


@pytest.fixture(scope="module")
def scoreboard(data):
    return targets_vs_latest.frame(data)


def test_goals_show_both_horizons(data):
    out = goals.goals_html(data["policy_targets"])
    assert "By 2030" in out and "By 2035" in out
    assert out.count(page_href("targets", "target-")) == len(data["policy_targets"])


def test_identity_names_title_issuers_and_task_areas(data):
    out = identity.policy_identity_html(data["policy_document"])
    facts = identity.document_facts(data["policy_document"])
    assert facts["title_zh"]["value_zh"] in out and facts["issuers"] and facts["task_areas"]
    assert out.count("<li>") == len(facts["issuers"]) + len(facts["task_areas"])


def test_page_map_lists_the_pages_that_have_no_card_of_their_own():
    out = page_map.page_map_html()
    others = [p for p in pages() if p != home() and not p.is_chapter]
    assert out.count("<li>") == len(others)
    for other in others:
        assert f'href="{other.output.as_posix()}"' in out and other.description.replace("'", "&#x27;") in out
    for chapter in chapters():
        assert f'href="{chapter.output.as_posix()}"' not in out


# ---- the scoreboard

def _points(scoreboard):
    """The scoreboard's latest and target rows (its milestone rows aside)."""
    return scoreboard[scoreboard["kind"].isin(["latest", "target"])]


def test_scoreboard_has_a_latest_and_a_target_row_per_numeric_target(data, scoreboard):
    assert targets_vs_latest.CHART_ID == "index-targets-vs-latest"  # permalinks and CSV names stay stable
    points = _points(scoreboard)
    assert len(points) == 2 * len(data["progress"]) and set(scoreboard["kind"]) == {"latest", "target",
                                                                                    targets_vs_latest.MILESTONE}
    for _, progress in data["progress"].iterrows():
        rows = points[points["target_id"] == progress["target_id"]].set_index("kind")
        assert rows.loc["target", "percent_of_target"] == 100
        assert math.isclose(rows.loc["latest", "percent_of_target"],
                            round(progress["latest_value"] / progress["target_value"] * 100, 1))
        assert set(rows["status"]) == {progress["status"]} and rows.loc["latest", "year"] == progress["latest_year"]
        assert str(progress["latest_year"]) in rows.loc["latest", "line"]  # freshness: the year of the figure
        assert rows.loc["target", "line"].startswith("target ") and "to go" in rows.loc["target", "line"]


def test_gap_from_a_more_than_figure_is_an_upper_bound():
    row = pd.Series({"gap": 7.0, "unit": "%", "latest_is_lower_bound": True})
    assert targets_vs_latest.gap_text(row) == "at most 7 points to go"
    assert targets_vs_latest.gap_text({**row, "latest_is_lower_bound": False, "unit": "亿吨", "gap": 1.1}) == "110 Mt to go"
    assert targets_vs_latest.gap_text({**row, "gap": -0.5}) == "target reached"


def test_short_value_writes_the_qualifier_as_a_symbol():
    assert targets_vs_latest.short_value(20, "%", ">") == ">20 %"
    assert targets_vs_latest.short_value(9.7, "%", "=") == "9.7 %"
    assert targets_vs_latest.short_value(5.1, "亿吨", "≥") == "≥510 Mt"  # English counts in Mt


def test_every_row_says_when_the_next_figure_is_due(scoreboard):
    """Each target's next release comes from the release schedule of its series (as in the tracker)."""
    releases = _points(scoreboard)["next_release"]  # the tooltip's title says 'Next release', the value not again
    assert releases.map(bool).all() and not releases.str.startswith("Next: ").any()


def test_scoreboard_statuses_use_the_tracker_words(scoreboard):
    assert set(_points(scoreboard)["status"]) <= set(pace_math.STATUSES)
    assert _points(scoreboard)["status_reason"].map(bool).all()


def test_scoreboard_chart_spec(scoreboard):
    spec = targets_vs_latest.chart(scoreboard).to_dict()
    assert spec["title"]["text"] and len(spec["description"]) >= 40
    years = scoreboard.loc[scoreboard["kind"] == "latest", "year"]
    assert f"years {years.min()} to {years.max()}" in spec["description"]
    assert f"{scoreboard['target_id'].nunique()} numeric" in spec["description"]
    assert "facet" not in spec and "hconcat" not in spec  # a single view: it fills a phone's width
    marks = [layer["mark"]["type"] for layer in spec["layer"]]
    assert marks[:4] == ["bar", "bar", "tick", "tick"] and marks[4:] == ["text"] * 4
    x_scale = spec["layer"][0]["encoding"]["x"]["scale"]
    assert x_scale["nice"] is False and x_scale["domain"][0] == 0 and x_scale["domain"][1] > 100
    tooltip = {t["field"] for t in spec["layer"][0]["encoding"]["tooltip"]}
    assert tooltip >= {"value_label", "year", "gap_label", "status", "status_reason", "next_release", "source_org",
                       "milestones", "pace_from"}
    step_tooltip = {t["field"] for t in spec["layer"][3]["encoding"]["tooltip"]}
    assert step_tooltip >= {"value_label", "documents", "verdict", "reason", "source_org"}


def test_each_earlier_milestone_is_a_tick_with_its_verdict_and_source(data, scoreboard):
    """Issue #24: the milestones earlier plans set before 2030, beside each target, with verdict and source."""
    steps = scoreboard[scoreboard["kind"] == targets_vs_latest.MILESTONE]
    assert set(steps["target_id"]) == {"T02", "T03", "T04", "T05"}  # T01 has no earlier milestone (searched)
    assert sorted(steps.loc[steps["target_id"] == "T03", "year"]) == [2025, 2027]
    targets = data["policy_targets"].set_index("target_id")
    for _, step in steps.iterrows():
        assert step["verdict"] and step["reason"] and step["documents"] and step["source_org"] and step["publisher"]
        assert step["year"] < targets.loc[step["target_id"], "horizon_year"]
        target = targets.loc[step["target_id"]]  # both in the unit English readers count in (亿吨 -> Mt)
        assert math.isclose(step["percent_of_target"], round(step["value"] / reader_units(target["value"], target["unit"])[0]
                                                             * 100, 1))
    t05 = _points(scoreboard).set_index(["target_id", "kind"]).loc[("T05", "latest")]
    assert t05["milestones"] == ("by 2025: 15 % (Industry peak plan: more than 15 %; Air quality plan: at least 15 %; "
                                 "Steel energy plan: aim for 15 %): cannot tell") and t05["pace_from"] == "the latest official value (2024)"
    assert "no earlier milestone found" in set(scoreboard.loc[scoreboard["target_id"] == "T01", "milestones"])


# ---- the chapter cards

FINDINGS = {"traditional": ("{{< var a.figure >}}", "of something in {{< var a.year >}}."),
            "emerging": ("{{< var a.figure >}}", "of another thing."),
            "digital": ("{{< var a.figure >}} kg", "per unit & more.")}
VARIABLES = {"a": {"figure": "9.7 %", "year": "2022"}}


def test_chapter_cards_follow_the_site_map():
    out = chapter_cards.chapter_cards_html(FINDINGS, VARIABLES)
    hrefs = re.findall(r'<h3><a href="([^"]+)">', out)
    assert hrefs == [chapter.output.as_posix() for chapter in chapters()]
    assert out.count('class="gm-chapter-card"') == len(chapters())
    assert "{{<" not in out and "9.7 %" in out and "in 2022" in out and "&amp; more" in out
    assert out.count('lang="zh-Hans"') == len(chapters())  # each task area's Chinese name


def test_chapter_cards_refuse_a_missing_or_unknown_chapter():
    with pytest.raises(BuildError, match="chapters are"):
        chapter_cards.chapter_cards_html({k: v for k, v in FINDINGS.items() if k != "digital"}, VARIABLES)
    with pytest.raises(BuildError, match="chapters are"):
        chapter_cards.chapter_cards_html({**FINDINGS, "nowhere": ("x", "y")}, VARIABLES)
    with pytest.raises(BuildError, match="unknown variable"):
        chapter_cards.chapter_cards_html({**FINDINGS, "digital": ("{{< var no.such >}}", "")}, VARIABLES)


def _notebook_code() -> str:
    nb = nbformat.read(REPO_ROOT / home().source, as_version=4)
    return "\n".join(cell.source for cell in nb.cells if cell.cell_type == "code")


def test_the_home_page_findings_take_their_numbers_from_data():
    call = _notebook_code()
    call = call[call.index("chapter_cards_html("):]
    strings = re.findall(r'"([^"]*)"', call[:call.index("}))")])
    texts = [text for text in strings if text not in {chapter.key for chapter in chapters()}]
    assert len(texts) == 2 * len(chapters())
    for text in texts:
        assert "{{< var " in text or not re.search(r"\d", text), text
        assert not re.findall(r"\S*\d\S*", prose_without_allowed_numbers(text)), text


def test_the_scoreboard_is_the_first_thing_the_home_page_shows():
    """Nothing but the 'as of' line stands between the title and the scoreboard card."""
    nb = nbformat.read(REPO_ROOT / home().source, as_version=4)
    body = [cell for cell in nb.cells[1:] if "#| include: false" not in cell.source]
    assert body[0].cell_type == "markdown" and body[0].source.strip().endswith("{.gm-as-of}")
    assert body[1].cell_type == "code" and "targets_vs_latest.chart" in body[1].source


def test_the_scoreboards_latest_data_spans_its_series_latest_official_figures(scoreboard):
    """A baseline from the target table (no series behind it) still counts towards the card's latest data."""
    from greenmfg.data import freshness
    years = scoreboard.loc[scoreboard["kind"] == "latest", "latest_year"]
    span = f"{min(years)}–{max(years)}, depending on the series" if min(years) < max(years) else f"{max(years)}"
    assert freshness.card_freshness(scoreboard).startswith(f"Latest data: {span}.")


# ---- the Chinese edition (zh/index.ipynb): the same builders, in Chinese, linking to the Chinese pages

def test_zh_chapter_cards_list_the_chinese_chapters_from_the_edition_root():
    from greenmfg.locale.i18n import using

    with using("zh"):
        out = chapter_cards.chapter_cards_html(FINDINGS, VARIABLES)
    hrefs = re.findall(r'<h3><a href="([^"]+)">([^<]+)</a>', out)
    assert [href for href, _ in hrefs] == [chapter.output.as_posix() for chapter in chapters()]  # chapters/x.html
    assert [title for _, title in hrefs] == [chapter.title for chapter in chapters("zh")]
    assert "9.7 %</strong>of something" in out  # no space between the key figure and a Chinese finding


def test_zh_page_map_lists_the_chinese_pages():
    from greenmfg.locale.i18n import using

    with using("zh"):
        out = page_map.page_map_html()
    others = [p for p in pages("zh") if p != home("zh") and not p.is_chapter]
    assert out.count("<li>") == len(others)
    for other in others:
        assert f'href="{other.edition_source.with_suffix(".html").as_posix()}"' in out and "zh/" not in out
        assert html.escape(other.title) in out


def test_zh_scoreboard_goals_and_identity_speak_chinese():
    from greenmfg.locale.i18n import using

    with using("zh"):
        data = index.load()
        frame = targets_vs_latest.frame(data)
        spec = targets_vs_latest.chart(frame).to_dict()
        goal_html, identity_html = goals.goals_html(data["policy_targets"]), identity.policy_identity_html(data["policy_document"])
    english = targets_vs_latest.frame(index.load())
    assert len(frame) == len(english) and frame["target_id"].tolist() == english["target_id"].tolist()
    for column in ("label", "kind", "status", "line", "gap_label", "metric_en"):
        assert not frame[column].str.contains(r"[A-Za-z]{3,}").any(), frame[column].tolist()
    assert not re.search(r"[A-Za-z]{3,}", spec["title"]["text"] + spec["title"]["subtitle"])
    assert "到2030年" in goal_html and "到2035年" in goal_html and "By 20" not in goal_html
    assert "发文单位" in identity_html and "Ministry of" not in identity_html


def test_zh_home_notebook_mirrors_its_twin():
    en, zh = (nbformat.read(REPO_ROOT / p.source, as_version=4) for p in (home(), home("zh")))
    assert [c.cell_type for c in en.cells] == [c.cell_type for c in zh.cells]
    ids = [re.findall(r"\{#(sec-[^}]+)\}", "\n".join(c.source for c in nb.cells)) for nb in (en, zh)]
    assert ids[0] == ids[1]
    code = "\n".join(c.source for c in zh.cells if c.cell_type == "code")
    call = code[code.index("chapter_cards_html("):]
    strings = re.findall(r'"([^"]*)"', call[:call.index("}))")])
    for text in (s for s in strings if s not in {c.key for c in chapters()}):
        assert not re.findall(r"\S*\d\S*", prose_without_allowed_numbers(text)), text


def test_stale_flags_count_from_the_last_check_of_the_sources(monkeypatch):
    """The ⚠ marker counts a figure's age to the day the sources were last searched (data/package.yaml), not to the
    newest source's date: with a search recorded far ahead, every tracked figure is stale."""
    from greenmfg.data import freshness
    monkeypatch.setattr(freshness, "sources_checked_on", lambda descriptor: "2035-01-01")
    assert index.load()["freshness"]["stale"].all()


def test_goals_not_confirmed_as_this_documents_say_so(data):
    """The steel goal is partly confirmed in the ledger and tracker: the home page's goal list says so too."""
    from greenmfg.locale.i18n import using

    with using("zh"):
        out = goals.goals_html(data["policy_targets"])
    steel = next(item for item in out.split("<li>") if "target-T05" in item)
    assert "（是否出自《指导意见》：部分证实）" in steel
    confirmed = next(item for item in out.split("<li>") if "target-T03" in item)
    assert "是否出自" not in confirmed
