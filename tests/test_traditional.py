"""Unit and spec tests for the traditional chapter (package greenmfg.pages.traditional) and its notebook."""
from __future__ import annotations

import re

import nbformat
import pandas as pd
import pytest
from conftest import mark_type, unit_specs

from greenmfg.charts.card import compile_specs
from greenmfg.pages import traditional
from greenmfg.pages.project import page
from greenmfg.pages.traditional import distance_to_2030, eaf_what_if, press_filter, progress, steel, ultra_low_emission
from greenmfg.pages.var_tokens import VAR_TOKEN, lookup
from greenmfg.pages.variables import build_variables
from greenmfg.paths import REPO_ROOT

NOTEBOOK = REPO_ROOT / page("traditional").source
CHART_MODULES = {"distance_to_2030": distance_to_2030, "steel": steel, "eaf_what_if": eaf_what_if,
                 "ultra_low_emission": ultra_low_emission, "press_filter": press_filter}
ULE = ultra_low_emission


# ---------------------------------------------------------------- calculations and wording


def test_press_filter_arithmetic_doubling_with_40_percent_less_energy_is_minus_70_percent():
    assert press_filter.energy_per_unit_change(2.0, -0.4) == pytest.approx(-0.7)


@pytest.mark.parametrize("capacity, energy, expected", [(1.0, 0.0, 0.0), (1.0, -0.4, -0.4), (2.0, 0.0, -0.5),
                                                         (1.5, 0.5, 0.0)])
def test_energy_per_unit_change_cases(capacity, energy, expected):
    assert press_filter.energy_per_unit_change(capacity, energy) == pytest.approx(expected)


def test_energy_per_unit_change_refuses_zero_capacity():
    with pytest.raises(ValueError):
        press_filter.energy_per_unit_change(0, -0.4)


def test_eaf_tonnage_needed():
    assert eaf_what_if.eaf_tonnage_needed(1000.0, 20.0) == pytest.approx(200.0)


def test_share_of_target_reached():
    assert distance_to_2030.share_of_target_reached(55, 62) == pytest.approx(88.709677, rel=1e-6)


@pytest.mark.parametrize("value, unit, expected", [(4, "亿吨", 400), (9600, "万吨", 96), (960.8, "Mt", 960.8)])
def test_megatonnes(value, unit, expected):
    assert progress.megatonnes(value, unit) == pytest.approx(expected)


def test_megatonnes_refuses_unknown_unit():
    with pytest.raises(ValueError):
        progress.megatonnes(1, "kg")


def test_labels_keep_qualifiers_and_units():
    assert progress.value_label(55, "%", ">") == "more than 55 %"
    assert progress.value_label(4, "亿吨", ">") == "more than 400 Mt"  # English counts tonnes in Mt, never 亿
    assert progress.gap_label(7, "%") == "7 points"
    assert progress.gap_label(1.1, "亿吨") == "110 Mt"
    from greenmfg.locale.i18n import using

    with using("zh"):
        assert progress.value_label(4, "亿吨", ">") == "超过4亿吨"


def test_status_sentence_counts_in_words():
    sentence = traditional.status_sentence(pd.Series(["needs faster progress"] * 3 + ["not enough data"]))
    assert sentence == "Pace status of the four targets — needs faster progress: three; not enough data: one"


def test_target_rows_are_dated_by_publication_not_horizon():
    row = pd.Series({"publisher": "X", "source_org": "X", "source_date": "2024-03-04", "url": "u", "as_of": "2030"})
    assert progress.target_provenance(row)["as_of"] == "2024-03-04"


@pytest.mark.parametrize("as_of, date, words", [("2025-07", "2025-07-31", "July 2025"),
                                                ("2023-12-16", "2023-12-16", "16 December 2023"),
                                                ("2024-02", "2024-02-29", "February 2024"),
                                                ("2022", "2022-12-31", "end of 2022")])
def test_ule_reference_dates(as_of, date, words):
    assert ULE.as_of_date(as_of) == date and ULE.as_of_words(as_of) == words


def test_months_between_counts_whole_months():
    assert ULE.months_between("2023-12-16", "2025-07-31") == 19
    assert ULE.months_between("2023-12-16", "2025-07-15") == 18


def test_output_in_words_names_the_peak():
    crude = pd.DataFrame({"year": [2019, 2020, 2024, 2025], "value": [996.0, 1053.0, 1005.0, 960.8]})
    assert steel.output_in_words(crude) == "past its 2020 peak"
    assert steel.output_in_words(crude.iloc[:2]) == "at its peak"


@pytest.mark.parametrize("percent, words", [(9.7, "still under a tenth"), (10.5, "only about a tenth"), (15, "still under a fifth"), (25, "at 25 %")])
def test_share_in_words(percent, words):
    assert steel.share_in_words(percent) == words


# ---------------------------------------------------------------- frames from the real data


@pytest.fixture(scope="module")
def data():
    return traditional.load()


@pytest.fixture(scope="module")
def frames(data):
    return {name: module.frame(data) for name, module in CHART_MODULES.items()}


def _has_provenance(frame: pd.DataFrame) -> None:
    for column in ("publisher", "source_org", "source_date", "url", "as_of"):
        assert column in frame.columns
    assert (frame["source_org"] != "").all() and (frame["publisher"] != "").all()
    assert "mirror_url" not in frame.columns


def test_distance_frame_has_the_four_chapter_targets(frames):
    frame = frames["distance_to_2030"]
    assert list(frame["target_id"]) == list(progress.TARGET_IDS)
    _has_provenance(frame)
    lower = frame.set_index("target_id").loc["T03"]
    assert "more than" in lower["latest_label"] and lower["gap_label"].startswith("at most")  # the gap is a ceiling
    # 54 % → more than 55 %: the recent pace is a floor below the pace needed, so no verdict (was "needs faster").
    assert lower["recent_label"].startswith("at least") and lower["recent_bound_mark"] == "at least"
    assert lower["status"] == "not enough data" and "lower bound" in lower["status_reason"]


def test_distance_frame_follows_the_kind_of_each_pace(frames):
    # The solid-waste pace is a floor below the need (no verdict); recycling has one figure on the target's
    # (nine-category) basis, so no pace; the EAF share's two exact points show it is too slow; aluminium has no
    # same-basis pace.
    rows = frames["distance_to_2030"].set_index("target_id")
    assert rows.loc["T03", "recent_pace_kind"] == "lower bound" and rows.loc["T03", "status"] == "not enough data"
    assert rows.loc["T02", "recent_pace_kind"] == "" and rows.loc["T02", "status"] == "not enough data"
    assert rows.loc["T05", "recent_pace_kind"] == "exact" and rows.loc["T05", "status"] == "needs faster progress"
    assert rows.loc["T04", "recent_pace_kind"] == ""


def test_distance_frame_draws_no_bar_for_an_undetermined_pace(data):
    series = data["series"].copy()
    solid_waste = series["series_id"] == "bulk_industrial_solid_waste_utilisation_rate"
    series.loc[solid_waste, "qualifier"] = ">"  # both end figures bounds: the pace between them is unknown
    row = distance_to_2030.frame({**data, "series": series}).set_index("target_id").loc["T03"]
    assert row["recent_pace_kind"] == "undetermined"
    assert pd.isna(row["recent_pct_a_year"]) and row["recent_label"].startswith("undetermined")


def test_steel_frame_breaks_lines_at_missing_years_and_carries_the_target(data, frames):
    frame = frames["steel"]
    _has_provenance(frame)
    assert set(frame["measure"]) == {"crude steel", "EAF share", "target"}
    crude = frame[frame["measure"] == "crude steel"].sort_values("year")
    new_run = crude["year"].diff().fillna(1) != 1
    assert list(crude["segment"].diff().fillna(0) == 1) == list(new_run)  # a new segment exactly after each gap
    assert set(range(2016, 2026)) <= set(crude["year"].astype(int))  # an official figure for every year since 2016
    series = data["series"]
    gap = (series["series_id"] == "crude_steel_output") & (series["year"].astype(int) == 2018)
    gapped = steel.frame({**data, "series": series[~gap]})
    assert gapped[gapped["measure"] == "crude steel"]["segment"].nunique() == crude["segment"].nunique() + 1
    assert frame[frame["measure"] == "target"]["value_label"].str.contains("at least").all()


def test_ule_frame_keeps_the_article_claim_apart_from_the_series(data, frames):
    frame = frames["ultra_low_emission"]
    _has_provenance(frame)
    claims = data["claims"].set_index("claim_id")
    claim = frame[frame["style"] == "claim"].set_index("measure")
    assert set(claim.index) == {ULE.CAPACITY, ULE.FIRMS}
    assert claim.loc[ULE.FIRMS, "value"] == claims.loc["steel-ule-firms", "value"]
    assert claim.loc[ULE.CAPACITY, "value"] == pytest.approx(100 * claims.loc["steel-ule-capacity", "value"])  # Mt
    status = claims.loc["steel-ule-firms", "status"]
    assert (claim["kind"] == f"News article's claim, verdict: {status}").all()
    assert claim["figure"].str.contains("not a point of the series").all()
    assert (claim["source_date"] == data["seed_article"]["source_date"]).all()
    series = frame[frame["style"] == "published"]
    assert (series["figure"] == "published figure").all() and (series["kind"] == "Completed, publicly notified (CISA; MEE)").all()
    assert len(series[series["measure"] == ULE.FIRMS]) >= 3 and len(series[series["measure"] == ULE.CAPACITY]) >= 3
    assert ULE.claim_position(frame).startswith("between the counts of")


def test_ule_frame_marks_a_derived_row_and_never_takes_it_as_latest(data):
    series = data["series"]
    last = series[series["series_id"] == "steel_ule_firms"].sort_values("year").iloc[-1]
    derived = last.copy()
    derived[["year", "value", "as_of", "derivation"]] = [2026, 200.0, "2026-06", "Derived: July 2025 count plus 53"]
    frame = ULE.frame({**data, "series": pd.concat([series, derived.to_frame().T], ignore_index=True)})
    row = frame[frame["style"] == "derived"].iloc[0]
    assert row["kind"] == ULE.series_kind(derived=True) and row["figure"] == "derived: July 2025 count plus 53"
    assert ULE.latest(frame, ULE.FIRMS)["value"] == last["value"]
    spec = ULE.chart(frame).to_dict()
    shapes = next(layer["encoding"]["shape"]["scale"] for layer in unit_specs(spec) if "shape" in layer.get("encoding", {}))
    assert shapes["range"] == ["circle", "triangle-up", "diamond"]


def test_what_if_and_press_filter_frames(frames):
    _has_provenance(frames["eaf_what_if"])
    _has_provenance(frames["press_filter"])
    assert frames["press_filter"]["default_capacity_multiplier"].iloc[0] == pytest.approx(2.0)
    assert frames["press_filter"]["default_energy_change_pct"].iloc[0] == pytest.approx(-40)


def test_variables_give_display_strings():
    out = traditional.variables()["traditional"]
    assert out["press_filter"]["per_unit_fall"] == "70 %"
    assert out["T02"]["latest"] == "385 Mt"  # tonnages in Mt; plain values are generic keys
    assert "latest" not in out["T03"] and "target" not in out["T05"]
    assert all(isinstance(v, str) for block in out.values() if isinstance(block, dict) for v in block.values())
    assert out["as_of"].isdigit()
    assert out["status_sentence"].startswith("Pace status of the four targets")
    assert out["T05"]["status"] == "needs faster progress" and out["T03"]["status"] == "not enough data"
    assert out["T05"]["required"].startswith("+") and out["T05"]["required_rise"] == out["T05"]["required"][1:]
    ule = out["ule"]
    assert ule["latest_when"] == "July 2025" and ule["firms_latest"] == "147" and ule["capacity_latest"] == "600 Mt"
    assert ule["firms_added"] == "63" and ule["months_between"] == "19"
    assert out["steel"]["crude_peak_year"] == "2020"


# ---------------------------------------------------------------- chart specs


def _common_checks(module, frames):
    chart = module.chart(frames[module.__name__.rpartition(".")[2]])
    compile_specs(chart, module.CHART_ID)  # title, description >= 40 chars, one data frame with provenance
    spec = chart.to_dict()
    for layer in unit_specs(spec):
        assert "tooltip" in layer.get("encoding", {}) or mark_type(layer) in ("rule", "text"), layer
    return spec


def test_chart_ids_come_from_module_paths():
    assert [m.CHART_ID for m in CHART_MODULES.values()] == [
        "traditional-distance-to-2030", "traditional-steel", "traditional-eaf-what-if",
        "traditional-ultra-low-emission", "traditional-press-filter"]


def test_distance_chart_spec(frames):
    spec = _common_checks(distance_to_2030, frames)
    assert "Distance to 2030" in spec["title"]["text"] and "four" in spec["title"]["text"]
    assert "(2021–2025)" in spec["description"]  # the years of the latest values, from the frame
    above, below = spec["vconcat"]  # stacked, each view naming the targets: the chart fits a phone-wide card
    assert all(unit["encoding"]["y"].get("axis", {}).get("labels", True) for unit in unit_specs(spec)
               if unit["encoding"].get("y", {}).get("field") == "target")
    marks = [mark_type(m) for m in unit_specs(spec)]
    assert marks.count("bar") == 2 and "rule" in marks
    bars = [m for m in unit_specs(spec) if mark_type(m) == "bar"]
    assert bars[0]["encoding"]["x"]["field"] == "reached_pct" and bars[0]["encoding"]["x"]["type"] == "quantitative"
    assert bars[1]["encoding"]["yOffset"]["field"] == "kind"
    assert all("opacity" in b["encoding"] for b in bars)  # the selection highlights in both views
    params = [p for layer in unit_specs(spec) for p in layer.get("params", [])] + spec.get("params", [])
    assert any(p["name"] == "pick_target" and p["select"]["fields"] == ["target_id"] for p in params)
    tips = {t["title"] for t in bars[0]["encoding"]["tooltip"]}
    assert {"Latest value", "2030 target", "Gap", "Pace needed", "Recent pace", "Status", "Why"} <= tips
    texts = [m for m in unit_specs(spec) if mark_type(m) == "text"]
    assert any(m["encoding"]["text"]["field"] == "recent_bound_mark" for m in texts)  # 'at least' on floor paces


def test_steel_chart_spec(frames):
    spec = _common_checks(steel, frames)
    assert spec["title"]["text"].endswith("only about a tenth")
    assert "(2016–2025," in spec["description"] and "(2020, 2022 and 2024," in spec["description"]
    assert "target of at least 20 per cent" in spec["description"]
    top, bottom = spec["vconcat"]
    top_marks = [mark_type(m) for m in unit_specs(top)]
    assert "line" in top_marks and "point" in top_marks
    line = next(m for m in unit_specs(top) if mark_type(m) == "line")
    assert line["encoding"]["detail"]["field"] == "segment"  # breaks the line at missing years
    bottom_marks = [mark_type(m) for m in unit_specs(bottom)]
    assert "line" not in bottom_marks and {"point", "rule", "text"} <= set(bottom_marks)
    point = next(m for m in unit_specs(bottom) if mark_type(m) == "point")
    assert point["encoding"]["x"]["field"] == "year" and point["encoding"]["y"]["type"] == "quantitative"
    assert {t["title"] for t in point["encoding"]["tooltip"]} >= {"Source", "Year", "Value"}


def test_ule_chart_spec(frames):
    frame = frames["ultra_low_emission"]
    spec = _common_checks(ULE, frames)
    firms = ULE.latest(frame, ULE.FIRMS)
    assert spec["title"]["text"].endswith(f"{firms['short_label']} firms by {firms['when']}")
    assert "publicly notified" in spec["description"] and "verdict: not found" in spec["description"]
    panels = spec["vconcat"]
    assert len(panels) == 2
    layers = unit_specs(spec)
    assert {"line", "point", "text"} <= {mark_type(m) for m in layers}
    lines = [m for m in layers if mark_type(m) == "line"]
    assert all(any("style == 'published'" in str(t.get("filter", "")) for t in m.get("transform", [])) for m in lines)
    points = [m for m in layers if mark_type(m) == "point"]
    shape = points[0]["encoding"]["shape"]
    assert shape["field"] == "kind" and "diamond" in shape["scale"]["range"]
    assert any(label.startswith("News article's claim, verdict:") for label in shape["scale"]["domain"])
    assert points[0]["encoding"]["x"]["type"] == "temporal"
    assert {t["title"] for t in points[0]["encoding"]["tooltip"]} >= {"As of", "Value", "Figure", "Source"}


def test_eaf_what_if_chart_spec(frames):
    spec = _common_checks(eaf_what_if, frames)
    assert spec["description"].endswith("reportedly made in 2020.")
    params = {p["name"]: p for p in spec["params"]}
    assert {"output_2030", "eaf_share_2030"} <= set(params)
    assert params["output_2030"]["bind"]["input"] == "range" and params["output_2030"]["bind"]["name"].strip()
    calc = [t for layer in spec["layer"] for t in layer.get("transform", [])] + spec.get("transform", [])
    assert any("output_2030 * eaf_share_2030" in t.get("calculate", "") for t in calc)


def test_press_filter_chart_spec(frames):
    spec = _common_checks(press_filter, frames)
    assert spec["title"]["text"] == "A reported case: output ×2, 40 % less energy"
    assert "(2024)" in spec["description"] and "reported doubling of capacity and 40 per cent less" in spec["description"]
    params = {p["name"]: p for p in spec["params"]}
    assert params["capacity_multiplier"]["value"] == pytest.approx(2.0)
    assert params["energy_change_pct"]["value"] == pytest.approx(-40)
    bar = next(m for m in unit_specs(spec) if mark_type(m) == "bar")
    assert bar["encoding"]["x"]["field"] == "per_unit"


# ---------------------------------------------------------------- the notebook


def _cells(kind):
    nb = nbformat.read(NOTEBOOK, as_version=4)
    return [c for c in nb.cells if c.cell_type == kind]


def test_notebook_code_cells_are_short_and_output_free():
    for cell in _cells("code"):
        assert len(cell.source.splitlines()) <= 10
        assert not cell.get("outputs") and cell.get("execution_count") is None


def test_notebook_shows_every_chart_module_under_its_own_id():
    code = "\n".join(c.source for c in _cells("code"))
    for name in CHART_MODULES:
        assert f"show({name}.chart({name}.frame(data)), chart_id={name}.CHART_ID," in code


def test_notebook_uses_only_defined_variables():
    text = "\n".join(c.source for c in _cells("markdown") + _cells("code"))
    keys = {key for key in VAR_TOKEN.findall(text) if not key.startswith("data.")}  # data.*: the site-wide values
    assert keys <= set(traditional.NAMES), "the page's prose uses its short names (names.py)"
    variables = build_variables()
    for key in keys:
        assert isinstance(lookup(variables, key), str), key
    assert not re.search(r"\bv\[|page_variables|chart_frames", text)


def test_eaf_tonnages_read_in_the_prose_as_the_what_if_chart_draws_them():
    """The chart's bars say 0.96亿吨 and 1.92亿吨; the takeaway beside them must not say 9600万吨 for the same bar."""
    from greenmfg.locale.i18n import using

    with using("zh"):
        steel_values = traditional.variables()["traditional"]["steel"]
    assert steel_values["eaf_latest_mt"].endswith("亿吨") and steel_values["eaf_needed_mt"].endswith("亿吨")
    assert "万吨" not in steel_values["eaf_latest_mt"]


def test_chinese_press_filter_label_uses_full_width_brackets():
    """0.30（−70%）on Chinese pages, not 0.30 (−70 %): full-width brackets, no space before %."""
    import json

    from greenmfg.locale.i18n import using

    with using("zh"):
        spec = json.dumps(press_filter.chart(press_filter.frame(traditional.load())).to_dict(), ensure_ascii=False)
    assert "'（'" in spec and "'%）'" in spec and "' %)'" not in spec


# NBS's full-year change for each year, as quoted in that year's crude-steel row (the number must appear in the quote).
NBS_STEEL_CHANGES = {2021: ("3.0 percent", -3.0), 2022: ("2.1 percent", -2.1), 2024: ("1,7%", -1.7),
                     2025: ("4.4 percent", -4.4)}


@pytest.mark.parametrize("year", sorted(NBS_STEEL_CHANGES))
def test_crude_steel_year_on_year_change_matches_nbs(year):
    """The change NBS states for a year agrees with the series' previous year to within half a point: NBS revises the
    previous year's total a little, but a wider gap means the two years come from different releases (as 2020's
    preliminary 1053 Mt did against NBS's 2021 'down 3.0 percent', which is measured on the revised 1065 Mt)."""
    rows = pd.read_csv(REPO_ROOT / "data" / "processed" / "context_series.csv", dtype={"year": int})
    crude = rows[rows["series_id"] == "crude_steel_output"].set_index("year")
    quoted, stated = NBS_STEEL_CHANGES[year]
    assert quoted in crude.loc[year, "quote"]
    change = (crude.loc[year, "value"] / crude.loc[year - 1, "value"] - 1) * 100
    assert change == pytest.approx(stated, abs=0.5)


@pytest.mark.parametrize("lang, words", [("en", "the sliders"), ("zh", "滑块")])
def test_eaf_what_if_method_is_a_formula_not_an_instruction(lang, words):
    """The needed bar's method (a column of the card's table and CSV) states the arithmetic only: how to work the
    chart's sliders is the subtitle's business, and makes no sense in a downloaded file."""
    from greenmfg.locale.i18n import using

    with using(lang):
        method = eaf_what_if.frame(traditional.load())["method"].iloc[1]
    assert "×" in method and words not in method


@pytest.mark.parametrize("lang, fall, rise", [("en", "40 % lower", "+10 %"), ("zh", "下降40%", "+10%")])
def test_press_filter_energy_slider_words(lang, fall, rise):
    """The energy slider's readout words come from the one formatter: a fall in words, never '-40'."""
    from greenmfg.locale.i18n import using

    with using(lang):
        assert (press_filter.change_words(-40), press_filter.change_words(10)) == (fall, rise)
        spec = press_filter.chart(press_filter.frame(traditional.load())).to_dict()
    readout = next(p for p in spec["params"] if p["name"] == "energy_change_pct" + press_filter.READOUT)
    assert f'"{fall}"' in readout["expr"] and "-40" not in readout["expr"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_eaf_what_if_credits_each_input_to_its_own_source(lang):
    """The third Chinese reading: the source line said 'Japan Metal Daily, SteelOrbis (2020–2024). Latest data: 2020'
    beside a default output that is NBS's 2025 figure, and the tooltip credited that output to SteelOrbis's target
    report. The crude output behind the needed bar is a row of its own (its source in the source line) and the
    needed bar names both inputs' sources."""
    from greenmfg.charts import card
    from greenmfg.data.frames import latest_row
    from greenmfg.locale.i18n import tr, using

    data = traditional.load()
    crude = latest_row(data["series"], "crude_steel_output")
    with using(lang):
        rows = eaf_what_if.frame(data)
        _, record = card.card_parts(eaf_what_if.chart(rows), eaf_what_if.CHART_ID, "Summary.", root="")
        needed = rows.iloc[1]
        assert needed["output_source"].startswith(crude["source_org"]) and str(int(crude["year"])) in needed["output_source"]
        assert needed["target_source"].startswith(needed["source_org"])
        assert crude["publisher"] in record["source"] and str(int(crude["year"])) in record["source"]
        tips = {t["title"] for layer in eaf_what_if.chart(rows).to_dict()["layer"] for t in layer["encoding"]["tooltip"]}
        assert {tr("Crude output source"), tr("Target share source")} <= tips
