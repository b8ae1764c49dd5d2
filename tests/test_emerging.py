"""Spec tests for the emerging page's charts, unit tests for their calculations, and checks of its prose values.

The spec walkers (_units, _mark) stay here: tests/conftest.py is not owned by this page.
"""
from __future__ import annotations

import pandas as pd
import pytest
from conftest import mark_type, unit_specs

from greenmfg.charts.card import show
from greenmfg.data import frames as shared
from greenmfg.pages import emerging
from greenmfg.pages.emerging import batteries, nev, pue, pv, structure
from greenmfg.pages.notebook import page_var_keys
from greenmfg.pages.project import page
from greenmfg.pages.var_tokens import lookup
from greenmfg.pages.variables import build_variables

CHARTS = {"nev": nev, "batteries": batteries, "pv": pv, "structure": structure, "pue": pue}


@pytest.fixture(scope="module")
def data():
    return emerging.load()


@pytest.fixture(scope="module")
def frames(data):
    return {name: module.frame(data) for name, module in CHARTS.items()}


@pytest.fixture(scope="module")
def site_variables():
    return build_variables()


# ---------------------------------------------------------------- calculations


def test_share_of_total_exact_and_bounds():
    assert batteries.share_of_total(220, "=", 324, "=") == (67.9, "=")
    assert batteries.share_of_total(100, ">", 750, "=") == (13.3, ">")
    assert batteries.share_of_total(675, "=", 940, ">") == (71.8, "<")
    assert batteries.share_of_total(100, ">", 940, ">") == (None, "")
    assert batteries.share_of_total(float("nan"), "=", 940, "=") == (None, "")


def test_same_release_compares_links_or_one_miit_year():
    a = pd.Series({"url": "http://x/1", "publisher": "CABIA"})
    assert batteries.same_release(a, pd.Series({"url": "http://x/1", "publisher": "CABIA"}))
    assert not batteries.same_release(a, pd.Series({"url": "http://y", "publisher": "CABIA"}))
    assert not batteries.same_release(pd.Series({"url": "", "publisher": ""}), pd.Series({"url": "", "publisher": ""}))
    miit = {"url": "", "publisher": "MIIT", "year": 2024, "as_of": "2024"}
    assert batteries.same_release(pd.Series(miit), pd.Series({**miit, "url": "http://b"}))
    assert not batteries.same_release(pd.Series(miit), pd.Series({**miit, "as_of": "2024-04"}))
    assert not batteries.same_release(pd.Series(miit), pd.Series({**miit, "publisher": "CABIA"}))
    assert not batteries.same_release(pd.Series(miit), pd.Series({**miit, "year": 2023, "as_of": "2023"}))


def test_directed_change_refuses_the_wrong_direction():
    assert emerging.directed_change(-29.6, "fall") == "29.6 %"
    assert emerging.directed_change(13.5, "rise") == "13.5 %"
    with pytest.raises(ValueError):
        emerging.directed_change(13.5, "fall")
    with pytest.raises(ValueError):
        emerging.directed_change(0, "rise")


def test_pue_period_label():
    assert pue.period_label("2025-06", "level") == "June 2025"
    assert pue.period_label("2024", "level") == "2024"
    assert pue.period_label("2025-12", "target") == "end-2025"


def test_shortfall():
    assert emerging.shortfall(9.5, 9.495) == pytest.approx(0.005)
    assert emerging.shortfall(9.5, 9.587) == 0


def test_label_in_refuses_a_missing_year():
    rows = pd.DataFrame({"year": [2021, 2023], "value_label": ["a", "b"]})
    assert emerging.label_in(rows, 2023) == "b"
    with pytest.raises(KeyError):
        emerging.label_in(rows, 2022)


def test_labels_by_year_marks_missing_years():
    frame = pd.DataFrame({"year": [2015, 2017], "measure": ["production"] * 2, "value_label": ["a", "b"]})
    assert nev.labels_by_year(frame, "production", [2015, 2016, 2017]) == {
        2015: "a", 2016: nev.NO_FIGURE, 2017: "b"}


def test_battery_shares_only_on_same_release(frames):
    battery = frames["batteries"].set_index(["battery_type", "year"])
    assert battery.loc[("power", 2024), "share"] == pytest.approx(70.6)
    assert battery.loc[("storage", 2022), "share_label"] == "more than 13.3 %"
    assert battery.loc[("power", 2023), "share_label"] == "less than 71.8 %"
    assert pd.isna(battery.loc[("total", 2024), "share"])
    assert ("power", 2022) not in battery.index  # not sourced: a gap, never filled


def test_part_year_and_other_bases_stay_out_of_the_annual_series(data, frames):
    """CPIA's January-October figures and the battery alliance's counts are their own series, never annual points."""
    context = data["context"]
    for series_id in pv.OUTPUT_SERIES.values():
        rows = shared.series_rows(context, series_id)
        assert (rows["as_of"].astype(str) == rows["year"].astype(str)).all(), series_id  # full years only
        part = shared.series_rows(context, series_id + pv.PART_YEAR)
        assert part["as_of"].str.len().eq(7).all(), series_id  # a month: part-year
    pv_frame = frames["pv"]
    part = pv_frame[pv_frame["measure"] == pv.PART_YEAR_MEASURE]
    assert len(part) == 4 and (part["unit"] == "%").all() and part["level_label"].str.contains("January").all()
    assert int(pv_frame.query("measure == 'output'")["year"].max()) < int(part["year"].max())
    for series_id in ("power_battery_installed", "power_battery_output"):
        assert "CIAPS" not in " ".join(shared.series_rows(context, series_id)["source_org"])
    pue_frame = frames["pue"]
    assert set(pue_frame.loc[pue_frame["measure"].str.contains("computing"), "series_id"]) == {pue.NATIONAL}


def test_frames_carry_provenance(frames):
    for name, frame in frames.items():
        assert set(shared.PROVENANCE) <= set(frame.columns), name
        assert (frame["source_org"] != "").all(), name
        assert (frame["publisher"] != "").all() and "mirror_url" not in frame.columns, name
        assert "quote" not in frame.columns


def test_nev_frame_hover_labels_and_lower_bounds(frames):
    nev_frame = frames["nev"]
    row = nev_frame[(nev_frame["year"] == 2016) & (nev_frame["measure"] == "sales")].iloc[0]
    assert row["production_label"] == nev.NO_FIGURE
    assert frames["pv"].query("stage == 'polysilicon' and year == 2023")["value_label"].iloc[0].startswith("more than")


def test_nev_claim_and_variables(frames, site_variables):
    assert frames["nev"].attrs["claim"]["status"] == "partly confirmed"
    values = emerging.variables()["emerging"]
    assert values["nev_sales_shortfall"] == "5,000 vehicles"
    assert values["nev_production_claim_year"] == "9.587 million vehicles"
    assert lookup(site_variables, "series.liion_battery_output_total.y2023") == "more than 940 GWh"
    assert all(isinstance(v, str) and v for v in values.values())


def test_every_prose_token_of_the_page_has_a_value(site_variables):
    for key in page_var_keys(page("emerging").source.as_posix()):
        assert lookup(site_variables, key), key


@pytest.mark.parametrize("series_ids", [
    ("nev_sales", "nev_share_of_new_vehicle_sales"),
    ("liion_battery_output_total", "storage_liion_battery_output", "power_liion_battery_output"),
    ("pv_module_output", "pv_wafer_output", "pv_cell_output", "pv_polysilicon_output"),
])
def test_prose_pairs_latest_values_of_one_year(data, series_ids):
    """The prose puts these series' latest values next to one latest_year token: they must share that year."""
    years = {series_id: int(shared.latest_row(data["context"], series_id)["year"]) for series_id in series_ids}
    assert len(set(years.values())) == 1, years


# ---------------------------------------------------------------- chart specs


def test_chart_ids_follow_module_paths():
    assert {name: module.CHART_ID for name, module in CHARTS.items()} == {
        name: f"emerging-{name}" for name in CHARTS}


def test_nev_chart_spec(frames):
    chart = nev.chart(frames["nev"])
    spec = chart.to_dict()
    assert spec["title"]["text"] and "million vehicles" in spec["title"]["subtitle"]
    assert len(spec["description"]) >= 40
    assert f"report's {frames['nev'].attrs['claim']['year']} figure" in spec["description"]
    assert spec["resolve"]["scale"]["y"] == "independent"
    units = unit_specs(spec)
    assert {"line", "point", "rule", "text"} <= {mark_type(u) for u in units}
    params = [p for u in units for p in u.get("params", [])] + spec.get("params", [])
    hover = [p for p in params if p["name"] == "year_hover"]
    assert hover and hover[0]["select"]["on"] == "pointerover" and hover[0]["select"]["nearest"]
    lines = [u for u in units if mark_type(u) == "line"]
    assert any(u["encoding"].get("detail", {}).get("field") == "segment" for u in lines)
    for unit in units:
        assert "tooltip" in unit["encoding"], unit
    year_tips = {t["field"] for u in units for t in (u["encoding"]["tooltip"] if isinstance(u["encoding"]["tooltip"], list) else [])}
    assert {"production_label", "sales_label", "share_label", "source_date_label"} <= year_tips
    assert units[0]["encoding"]["x"]["type"] == "quantitative"
    show(chart, chart_id=nev.CHART_ID, summary="s")


def test_battery_chart_spec(frames):
    chart = batteries.chart(frames["batteries"])
    spec = chart.to_dict()
    assert spec["mark"]["type"] == "bar"
    param = spec["params"][0]
    assert param["bind"]["input"] == "radio" and param["bind"]["name"].strip() == "Show"
    assert param["bind"]["options"] == ["GWh", "share of total (%)"]
    assert any("battery_measure" in t.get("calculate", "") for t in spec["transform"])
    enc = spec["encoding"]
    assert enc["x"]["type"] == "ordinal" and enc["y"]["field"] == "shown" and enc["xOffset"]["field"] == "battery_type"
    assert enc["color"]["scale"]["domain"] == ["power", "storage", "total"]
    assert {t["field"] for t in enc["tooltip"]} >= {"gwh_label", "share_label", "method", "source_org"}
    assert "GWh" in spec["title"]["subtitle"] and len(spec["description"]) >= 40
    show(chart, chart_id=batteries.CHART_ID, summary="s")


def test_pv_chart_spec(frames):
    chart = pv.chart(frames["pv"])
    spec = chart.to_dict()
    assert "vconcat" in spec and spec["data"]["name"] in spec["datasets"]
    share, output, change = spec["vconcat"]
    assert output["encoding"]["facet"]["field"] == "panel" and output["resolve"]["scale"]["y"] == "independent"
    assert output["encoding"]["detail"]["field"] == "segment"
    assert output["width"] <= 320 and share["width"] <= 320
    pick = [p for p in spec.get("params", []) + share.get("params", []) if p["name"] == "pv_stage"][0]
    assert pick["bind"] == "legend" and pick["select"]["fields"] == ["stage"]
    bars = change["layer"][0]
    assert bars["mark"]["type"] == "bar" and "level_label" in {t["field"] for t in bars["encoding"]["tooltip"]}
    for unit in (output, share, bars):
        assert unit["encoding"]["opacity"]["condition"]["param"] == "pv_stage"
        assert {t["field"] for t in unit["encoding"]["tooltip"]} >= {"value_label", "year", "source_org"}
    assert output["encoding"]["color"]["scale"]["domain"] == ["polysilicon", "wafers", "cells", "modules"]
    assert len(spec["description"]) >= 40
    show(chart, chart_id=pv.CHART_ID, summary="s")


def test_structure_chart_spec(frames):
    chart = structure.chart(frames["structure"])
    spec = chart.to_dict()
    units = unit_specs(spec)
    assert [mark_type(u) for u in units] == ["point", "line", "text"]
    x = units[0]["encoding"]["x"]
    # a time axis: empty years keep their stretch, and Vega thins the year labels to the card's width
    assert x["type"] == "quantitative" and x["scale"]["domain"] == [2014, 2025] and x["axis"]["format"] == "d"
    pick = [p for p in spec.get("params", []) + units[0].get("params", []) if p["name"] == "structure_industry"][0]
    assert pick["bind"] == "legend" and pick["select"]["fields"] == ["industry"]
    assert units[1]["encoding"]["detail"]["field"] == "segment"
    assert all("tooltip" in u["encoding"] for u in units)
    assert "%" in spec["title"]["subtitle"] and len(spec["description"]) >= 40
    show(chart, chart_id=structure.CHART_ID, summary="s")


def test_pue_chart_spec(frames):
    chart = pue.chart(frames["pue"])
    spec = chart.to_dict()
    units = unit_specs(spec)
    assert [mark_type(u) for u in units] == ["point", "text"]
    assert units[0]["encoding"]["x"]["field"] == "pue" and units[0]["encoding"]["y"]["type"] == "nominal"
    assert {t["field"] for t in units[0]["encoding"]["tooltip"]} >= {"basis", "value_label", "source_org"}
    assert len(frames["pue"]) >= 5 and len(spec["description"]) >= 40
    assert all(f"({period})" in figure for figure, period in zip(frames["pue"]["measure"], frames["pue"]["period"]))
    assert all(str(year) in spec["description"] for year in frames["pue"]["year"])  # years come from the data
    show(chart, chart_id=pue.CHART_ID, summary="s")


def test_pv_subtitle_spans_every_year_the_chart_draws(frames):
    """The subtitle's years are the data's: the share panel's points start before the output lines (2010, 2012),
    and a subtitle giving only the output's span said the chart began later than it does."""
    spec = pv.chart(frames["pv"]).to_dict()
    drawn = frames["pv"][frames["pv"]["measure"].isin(["output", "share of world"])]["year"]
    assert str(drawn.min()) in spec["title"]["subtitle"] and str(drawn.max()) in spec["title"]["subtitle"]


def test_jjj_savings_keep_the_reports_or_more():
    """The report says 节电量在400万度以上: the value reads 400万千瓦时以上 ('at least'), not 达到400万千瓦时."""
    from greenmfg.locale.i18n import using
    from greenmfg.pages import emerging

    with using("zh"):
        zh = emerging.variables()["emerging"]["jjj_savings"]
    with using("en"):
        en = emerging.variables()["emerging"]["jjj_savings"]
    assert zh.endswith("以上") and not zh.startswith("达到") and en.startswith("at least")
