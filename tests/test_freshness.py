"""Freshness: period ends, the 18-month stale rule against the data's last_updated, release schedules as text, card lines."""
from __future__ import annotations

import inspect
from datetime import date

import pandas as pd
import pytest

from greenmfg.data import freshness, loaders
from greenmfg.data.freshness import last_updated
from greenmfg.locale.i18n import using


def test_period_end_of_a_year_a_month_and_a_day():
    assert freshness.period_end("2024") == date(2024, 12, 31)
    assert freshness.period_end("2025-07") == date(2025, 7, 31)
    assert freshness.period_end("2024-02") == date(2024, 2, 29)
    assert freshness.period_end("2025-03-05") == date(2025, 3, 5)
    with pytest.raises(ValueError):
        freshness.period_end("2024 Q3")


def test_add_months_keeps_the_day_or_the_month_end():
    assert freshness.add_months(date(2024, 12, 31), 18) == date(2026, 6, 30)
    assert freshness.add_months(date(2024, 8, 31), 18) == date(2026, 2, 28)
    assert freshness.add_months(date(2025, 7, 15), 18) == date(2027, 1, 15)


@pytest.mark.parametrize(("as_of", "updated", "stale"), [
    ("2024", "2026-06-30", False),      # full-year 2024 ends 2024-12-31: exactly 18 months is not "more than"
    ("2024", "2026-07-01", True),
    ("2025-07", "2027-01-31", False),   # July 2025 ends 2025-07-31
    ("2025-07", "2027-02-01", True),
    ("2022", "2026-03-19", True),
    ("2025", "2026-03-19", False),
    ("2024", "2026-06", False),         # a last_updated month counts to its end, like any period
    ("2024", "2026-07", True),
])
def test_is_stale_at_the_18_month_boundary(as_of, updated, stale):
    assert freshness.is_stale(as_of, updated) is stale


def _tables(*source_dates: str) -> dict[str, pd.DataFrame]:
    """The dated tables variables.last_updated reads, with the given source dates in context_series."""
    empty = pd.DataFrame({"source_date": [""], "baseline_source_date": [""], "evidence_date": [""]})
    return {"context_series": pd.DataFrame({"source_date": list(source_dates)}), "policy_targets": empty,
            "claims": empty, "policy_document": empty}


@pytest.mark.parametrize(("newest_source", "stale"), [("2026-06-30", [False, False]), ("2026-07-01", [True, False])])
def test_tracker_flags_come_from_the_data_not_the_clock(newest_source, stale):
    """last_updated is the newest source date in the data; a figure for 2024 turns stale when it passes 2026-06-30."""
    updated = last_updated(_tables("2025-01-21", newest_source))
    targets = pd.DataFrame({"target_id": ["T01", "T02"], "baseline_series_id": ["s_annual", ""]})
    progress = pd.DataFrame({"target_id": ["T01", "T02"], "latest_year": [2024, 2025], "as_of": ["2024", "2025-01"]})
    schedule = pd.DataFrame({"series_id": ["s_annual"], "publisher_ids": ["miit"], "release": [""], "cadence": ["annual"],
                             "release_month_first": [1], "release_month_last": [3]})
    frame = freshness.target_freshness(targets, progress, schedule, updated)
    assert frame["stale"].tolist() == stale
    assert frame["latest_period"].tolist() == ["2024", "January 2025"]
    assert frame["next_release"].tolist() == ["Next: MIIT, usually each January–March", freshness.NO_SCHEDULE]


def test_no_clock_in_freshness():
    source = inspect.getsource(freshness)
    assert "today(" not in source and "now(" not in source and "time.time" not in source


SCHEDULE = pd.DataFrame({
    "series_id": ["one_month", "window", "yearly", "monthly", "adhoc"],
    "publisher_ids": ["caam", "miit", "worldsteel", "nbs", "miit"], "release": ["", "", "", "", "press conferences"],
    "cadence": ["annual", "annual", "annual", "monthly", "irregular"],
    "release_month_first": pd.array([1, 2, None, None, None], dtype="Int64"),
    "release_month_last": pd.array([1, 4, None, None, None], dtype="Int64"),
})


@pytest.mark.parametrize(("series_id", "text"), [
    ("one_month", "Next: CAAM, usually each January"),
    ("window", "Next: MIIT, usually each February–April"),
    ("yearly", "Next: worldsteel, once a year"),
    ("monthly", "Next: NBS, every month"),
    ("adhoc", "Next: MIIT (press conferences), no fixed date"),
])
def test_schedule_text_is_a_schedule_not_a_date(series_id, text):
    assert freshness.schedule_text(series_id, SCHEDULE) == text


@pytest.mark.parametrize(("series_id", "text"), [
    ("window", "下次发布：工业和信息化部，通常在每年2—4月"),
    ("monthly", "下次发布：国家统计局，每月"),
])
def test_schedule_text_in_chinese_says_the_cadence_once(series_id, text):
    """A desk writes 每月 or 每年2—4月 (an em dash, 月 once), never 每月（月度） or 2月–4月（年度）."""
    with using("zh"):
        assert freshness.schedule_text(series_id, SCHEDULE.assign(release_zh=SCHEDULE["release"])) == text


def test_schedule_text_of_an_unknown_series_is_an_error():
    with pytest.raises(KeyError, match="no series 'nope'"):
        freshness.schedule_text("nope", SCHEDULE)


def test_every_series_has_a_release_schedule():
    schedule = loaders.load_release_schedule()
    assert set(loaders.load_context_series()["series_id"]) == set(schedule["series_id"])
    for series_id in schedule["series_id"]:
        assert freshness.schedule_text(series_id).startswith("Next: ")


def test_card_freshness_by_series_id_and_by_provenance():
    context = loaders.load_context_series()
    nev = context[context["series_id"].isin(["nev_production", "nev_sales"])]
    by_id = freshness.card_freshness([{"series_id": "nev_sales", "as_of": "2025"}])
    by_source = freshness.card_freshness(nev[["publisher", "source_org", "source_date", "url", "as_of"]])
    assert by_id == by_source
    assert by_id.startswith("Latest data: 2025. Next: CAAM") and "usually each January" in by_id


def test_card_freshness_ignores_rows_that_are_not_series_figures():
    assert freshness.card_freshness([{"publisher": "", "source_org": "a model", "source_date": "", "url": "",
                                      "as_of": "2030"}]) is None
    targets = loaders.load_context_series().query("measure_kind == 'target'")
    assert freshness.card_freshness(targets) is None  # a target year is not the latest data


def test_card_freshness_spans_the_latest_periods_of_several_series():
    """The fifth Chinese reading: a card whose newest figure was one series' 2025 said '最新数据：2025年' while four of
    its five figures were for 2021–2024."""
    rows = [{"series_id": "nev_sales", "as_of": "2023"}, {"series_id": "pv_cell_output", "as_of": "2024-06"},
            {"series_id": "nev_sales", "as_of": "2022"}]
    text = freshness.card_freshness(rows)
    assert text.startswith("Latest data: 2023 to June 2024, depending on the series.") and "CAAM" in text
    assert "MIIT" in text
    with using("zh"):
        assert freshness.card_freshness(rows).startswith("最新数据：2023年至2024年6月，因指标而异。")
    same = [{"series_id": "nev_sales", "as_of": "2024"}, {"series_id": "pv_cell_output", "as_of": "2024"}]
    assert freshness.card_freshness(same).startswith("Latest data: 2024.")


def test_a_derived_row_never_sets_a_cards_latest_data():
    context = pd.DataFrame([
        {"series_id": "s", "year": 2024, "as_of": "2024", "measure_kind": "share", "derivation": "",
         "publisher": "A", "source_org": "A", "source_date": "", "url": "https://a.example"},
        {"series_id": "s", "year": 2025, "as_of": "2025", "measure_kind": "share",
         "derivation": "Derived: 2024 level plus the stated change", "source_org": "B", "source_date": "",
         "url": "https://b.example", "publisher": "B"},
    ])
    schedule = pd.DataFrame([{"series_id": "s", "publisher_ids": "", "release": "a report", "cadence": "annual",
                              "release_month_first": "",
                              "release_month_last": "", "note": ""}])
    rows = context.assign(figure=["published figure", "derived: 2024 level plus the stated change"]).to_dict("records")
    text = freshness.card_freshness(rows, context=context, schedule=schedule)
    assert text.startswith("Latest data: 2024.")


def test_sources_checked_is_the_newest_recorded_search_never_the_clock():
    descriptor = {freshness.SOURCES_CHECKED: [{"date": "2026-11-28", "basis": "a"}, {"date": "2026-12-07", "basis": "b"}]}
    assert freshness.sources_checked(descriptor) == "2026-12"
    assert freshness.sources_checked_on(descriptor) == "2026-12-07"
    with pytest.raises(ValueError, match="no greenmfg:sources_checked"):
        freshness.sources_checked({})
    from greenmfg.data.validate import load_descriptor
    recorded = load_descriptor()[freshness.SOURCES_CHECKED]
    assert recorded and all(entry["basis"] and entry["basis_zh"] for entry in recorded), "each search with its basis"


def test_one_freshness_statement_on_every_page_of_both_editions():
    """Each page opens with the same line, each date labelled as what it is: the newest source's release date and
    the month the sources were last checked (no page says 数据最后更新 or a date of its own)."""
    import json

    from greenmfg.pages.project import pages
    from greenmfg.pages.variables import build_variables
    from greenmfg.paths import REPO_ROOT

    assert freshness.freshness_statement("2026-03-19", "2026-12") == (
        "Latest source published 19 March 2026; sources last checked December 2026")
    with using("zh"):
        assert freshness.freshness_statement("2026-03-19", "2026-12") == (
            "最新来源发布于2026年3月19日；来源核查至2026年12月")
    assert build_variables(lang="zh")["data"]["sources_checked"] == "2026年12月"
    for lang in ("en", "zh"):
        for page in pages(lang):
            cells = json.loads((REPO_ROOT / page.source).read_text(encoding="utf-8"))["cells"]
            first = next("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
            assert first.startswith("[{{< var data.freshness >}}]{.gm-as-of}"), page.source
            prose = "".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
            assert "最后更新" not in prose and "last data update" not in prose, page.source


def test_stale_reference_is_the_last_recorded_search_of_the_sources():
    from greenmfg.data.data_tables import load_descriptor
    assert freshness.stale_reference() == freshness.sources_checked_on(load_descriptor())
