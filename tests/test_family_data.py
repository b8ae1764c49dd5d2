"""The policy family in the data: related documents, their milestones and the four task areas.

Every milestone carries the exact sentence it comes from, copied from the family research note; every figure stands
in its sentence; sources are publisher ids of the publisher table, a source seen only in a reprint says so, and no
bare IP address or withheld (spam, link-farm, adult) host reaches a public column. What was searched and not found is a row of its own, with what was searched.
"""
from __future__ import annotations

import re

import pytest
import yaml

from greenmfg.data import csvfiles, loaders
from greenmfg.data.hosts import host_of, is_ip_address, on_site
from greenmfg.data.validate import check_resource
from greenmfg.data.validate_sources import withheld_hosts
from greenmfg.locale.formatting import fmt_number
from greenmfg.locale.i18n import tr, using
from greenmfg.paths import DEFAULT_DATA_DIR

NOTE = DEFAULT_DATA_DIR / "raw" / "research" / "policy-family-2026-12" / "README.md"
TABLES = ("policy_documents_family", "policy_milestones", "policy_task_areas")
CURATED = DEFAULT_DATA_DIR / "curated"


@pytest.fixture(scope="module")
def note() -> str:
    return NOTE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def documents():
    return loaders.load_policy_documents_family()


@pytest.fixture(scope="module")
def milestones():
    return loaders.load_policy_milestones()


@pytest.fixture(scope="module")
def areas():
    return loaders.load_policy_task_areas()


@pytest.mark.parametrize("table", TABLES)
def test_family_tables_are_in_the_package_and_valid(table):
    assert getattr(loaders, f"load_{table}")().shape[0] > 0
    assert check_resource(table) == []


def test_every_milestone_has_its_exact_sentence_and_a_source(milestones, note):
    found = milestones[milestones["verification"] != "not found"]
    assert len(found) >= 40
    for _, row in found.iterrows():
        where = f"milestone {row['milestone_id']}"
        assert row["quote"] and row["quote"] in note, f"{where}: quote not copied from the family note"
        assert row["publisher_id"] and row["source_org"], f"{where}: no publisher"
        assert row["document_id"], f"{where}: no document"


def test_every_figure_stands_in_its_sentence(milestones):
    """A value is never typed from memory: its digits are in the quote (a fall of 16 % is the 16 of '降低16%')."""
    numeric = milestones[milestones["value"].notna()]
    for _, row in numeric.iterrows():
        digits = fmt_number(abs(row["value"]), lang="zh")
        assert digits in re.sub(r"\s", "", row["quote"]).replace("２０００", "2000"), (row["milestone_id"], digits)


def test_words_only_milestones_say_so_in_both_languages(milestones):
    words = milestones[milestones["value"].isna() & (milestones["verification"] != "not found")]
    assert len(words) >= 3  # the peaks and "a larger fall than the economy-wide one"
    assert (words["label_en"] != "").all() and (words["label_zh"] != "").all()


def test_what_was_searched_and_not_found_is_recorded(milestones):
    missing = milestones[milestones["verification"] == "not found"]
    assert {"T01", "T06"} <= set(missing["related_target_id"]), "T01 and T06 have no earlier milestone: say so"
    for _, row in missing.iterrows():
        assert row["value"] != row["value"] and row["quote"] == "" and row["url"] == "" and row["publisher_id"] == ""
        assert row["search_note"] and row["search_note_zh"], row["milestone_id"]


def test_milestones_continue_a_target_or_a_series(milestones):
    targets = set(loaders.load_policy_targets()["target_id"])
    series = loaders.load_context_series()
    for _, row in milestones.iterrows():
        assert row["related_target_id"] or row["related_series_id"], row["milestone_id"]
        assert not row["related_target_id"] or row["related_target_id"] in targets
        assert not row["related_series_id"] or row["related_series_id"] in set(series["series_id"])
        if row["outcome_series_id"]:
            bases = set(series.loc[series["series_id"] == row["outcome_series_id"], "basis"])
            assert row["outcome_basis"] in bases, f"{row['milestone_id']}: outcome_basis is not the series' basis"
        else:
            assert row["outcome_basis"] == ""


def test_milestones_leading_to_a_target_are_judged_on_its_latest_figure_s_series(milestones):
    """A milestone that leads to a target is judged on the series the target's distance to 2030 is measured on: one
    basis per chain, never one count for the milestones and another for the target."""
    targets = loaders.load_policy_targets().set_index("target_id")
    leading = milestones[(milestones["related_target_id"] != "") & (milestones["outcome_series_id"] != "")]
    for _, row in leading.iterrows():
        baseline = targets.loc[row["related_target_id"], "baseline_series_id"]
        assert not baseline or row["outcome_series_id"] == baseline, (row["milestone_id"], baseline)


def test_recycled_resources_chain_is_the_nine_category_count(milestones):
    """The 2030 target's term (循环利用量) is the NDRC's nine-category one: its 2025 steps are the two 4.5亿吨
    milestones and its latest figure is on that count; MIIT's ten-category milestones (4.8亿吨) do not lead to it."""
    t02 = loaders.load_policy_targets().set_index("target_id").loc["T02"]
    assert t02["baseline_series_id"] == "main_recycled_resources_volume_ndrc_9cat"
    steps = milestones[(milestones["related_target_id"] == "T02") & milestones["value"].notna()]
    assert sorted(steps["milestone_id"]) == ["recycled_2025_waste_materials", "recycled_2025_waste_system",
                                             "recycled_2030_solid_waste"]
    assert set(steps.loc[steps["year"] == 2025, "outcome_series_id"]) == {t02["baseline_series_id"]}


def test_aluminium_milestones_name_the_figure_the_target_is_measured_from(milestones):
    """The 2025 aluminium milestones and the 2030 target use one figure: the family's reason names the ministry's
    green-power ratio the tracker measures the distance from (its year), and says why it cannot settle the year."""
    t04 = loaders.load_policy_targets().set_index("target_id").loc["T04"]
    rows = milestones[milestones["milestone_id"].isin(["al_2025_nonferrous_peak", "al_2025_aluminium_energy"])]
    assert len(rows) == 2
    for _, row in rows.iterrows():
        assert str(int(t04["baseline_year"])) in row["basis_note"] and "green power" in row["basis_note"]
        assert "绿电" in row["basis_note_zh"] and "only figure" not in row["basis_note"]


def test_each_measure_ends_at_no_more_than_one_target(milestones):
    per_measure = milestones[milestones["related_target_id"] != ""].groupby("measure_id")["related_target_id"].nunique()
    assert (per_measure <= 1).all(), per_measure[per_measure > 1]
    for column in ("measure_en", "measure_zh"):
        assert (milestones.groupby("measure_id")[column].nunique() == 1).all()


def test_documents_of_the_family(documents, milestones):
    assert set(milestones["document_id"]) - {""} <= set(documents["document_id"])
    this = documents[documents["relation"] == "this document"]
    assert this["document_id"].tolist() == ["guiding_opinions_2024"]
    assert {"predecessor", "sibling", "implementing plan"} <= set(documents["relation"])
    assert set(documents["implements"]) - {""} <= set(documents["document_id"])
    numbered = documents[documents["document_number"] != ""]
    assert set(numbered["document_number_status"]) <= {"seen in a copy", "unverified"}
    assert (documents.loc[documents["document_number"] == "", "document_number_status"] == "not found").all()
    assert documents.set_index("document_id").loc["industry_peak_2022", "document_number"] == "工信部联节〔2022〕88号"


def _curated(name: str) -> dict:
    return yaml.safe_load((CURATED / f"{name}.yaml").read_text(encoding="utf-8"))


def test_public_addresses_are_outlet_pages_or_evidence_reprints(note):
    """url: a page on its outlet's own site (the publisher table); mirror_url: a reprint on a host listed as evidence.
    Never an IP address, never a withheld host, never an address the note does not give."""
    sites = {row["id"]: row["hosts"].split() for _, row in loaders.load_publishers().iterrows()}
    evidence = set(_curated("reprint_hosts")["evidence"])
    for table in TABLES:
        frame = loaders.load_table(table, raw=True)
        for _, row in frame[frame["url"] != ""].iterrows():
            assert row["url"] in note, f"{table}: {row['url']} is not in the family note"
            assert on_site(row["url"], sites[row["outlet_id"]]), f"{table}: {row['url']} is not {row['outlet_id']}'s"
        for address in frame.loc[frame["mirror_url"] != "", "mirror_url"]:
            assert address in note and host_of(address) in evidence and not is_ip_address(host_of(address)), address


def test_withheld_hosts_never_reach_the_processed_tables():
    """Every reprint address of the family on a withheld host or an IP address stays in the research note only."""
    family = _curated("policy_family")
    addresses = [e["address"] for key in ("documents", "milestones", "task_areas") for e in family[key] if e.get("address")]
    withheld = {host_of(a) for a in addresses if is_ip_address(host_of(a)) or host_of(a) in withheld_hosts(DEFAULT_DATA_DIR)}
    assert {"hardyporn.com", "119.23.250.19"} <= withheld  # an adult site and a bare IP address
    text = "".join(csvfiles.read_text(DEFAULT_DATA_DIR / "processed" / f"{table}.csv") for table in TABLES)
    for host in withheld:
        assert host not in text, host


def test_no_free_text_sources_in_the_family():
    """Sources are ids of the publisher table: no source_org text, no host lists of the family's own."""
    family = _curated("policy_family")
    assert not {"original_hosts", "evidence_hosts"} & set(family)
    entries = [e for key in ("documents", "milestones", "task_areas") for e in family[key]]
    assert not [e for e in entries if {"source_org", "source_org_zh", "seen_in"} & set(e)]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_reprints_say_so_and_name_the_outlet(lang):
    """Readers see the publisher table's names in their language; a source without the outlet's own page says
    "seen in a reprint" and names the outlet the reprint copies."""
    with using(lang):
        milestones = loaders.load_policy_milestones()
        reprint = {"en": "(seen in a reprint)", "zh": "转载"}[lang]
        quoted = milestones[milestones["quote"] != ""]
        seen_in_reprint = quoted[quoted["url"] == ""]
        assert len(seen_in_reprint) >= 20 and seen_in_reprint["source_org"].str.contains(reprint, regex=False).all()
        row = milestones.set_index("milestone_id").loc["secnf_2025_circular"]
        assert row["source_org"] == tr("{publisher} (seen in a reprint)", publisher="中新网" if lang == "zh" else
                                       "China News Service")
        linked = quoted[quoted["url"] != ""]
        assert not linked["source_org"].str.contains(reprint, regex=False).any()


def test_task_areas_map_every_target_once(areas):
    document = loaders.load_policy_document().set_index("field")
    tasks = areas[areas["area"] > 0].sort_values("area")
    assert tasks["area"].tolist() == [1, 2, 3, 4]
    assert tasks["heading_zh"].tolist() == [document.loc[f"task_area_{i}", "value_zh"] for i in range(1, 5)]
    listed = [t for ids in areas["target_ids"] for t in ids.split()]
    assert sorted(listed) == sorted(loaders.load_policy_targets()["target_id"]), "each target in exactly one area"
    assert (areas["site_data_en"] != "").all() and (areas["site_data_zh"] != "").all()


def test_task_area_measures_are_measures_of_the_page(areas, milestones):
    measures = set(milestones["measure_id"])
    named = {m for ids in areas["measure_ids"] for m in ids.split()}
    assert named <= measures and measures <= named, (named ^ measures)


READER_FIELDS = ("relation_note", "relation_note_zh", "note", "note_zh", "basis", "basis_zh", "basis_note",
                 "basis_note_zh", "search_note", "search_note_zh", "verification_note", "verification_note_zh",
                 "site_data_en", "site_data_zh")


def test_reader_text_names_measures_not_target_ids(documents, milestones, areas):
    """Readers know a target by what it measures (T05, 'T06 and T11' mean nothing to them), and a document number
    is either seen in a source or not given (never 'circulates but not seen in any source')."""
    for frame in (documents, milestones, areas):
        for field in READER_FIELDS:
            if field not in frame:
                continue
            for text in frame[field]:
                assert not re.search(r"\bT\d\d\b", str(text)), text
                assert "虽有流传" not in str(text) and "circulates" not in str(text), text


def test_task_areas_print_only_section_numbers_seen(areas):
    """A section number appears only where a copy of the text shows it as a numbered heading, never inferred."""
    seen = areas["heading_status"] == "seen as a numbered heading"
    assert (areas.loc[~seen, "section_zh"] == "").all()
    assert (areas.loc[seen, "section_zh"] != "").all() and seen.sum() >= 2


def test_document_short_names_are_proper_titles(documents):
    """The chart's row names are the documents' own titles or their standard short forms, one place in the data."""
    made_up = {"绿色化指导意见", "空气质量改善计划", "钢铁节能降碳计划", "碳达峰行动方案", "数据中心三年计划"}
    assert not made_up & set(documents["short_zh"])
    for _, doc in documents.iterrows():
        assert "-" not in doc["title_zh"] and "-" not in doc["short_zh"], doc["title_zh"]  # 2021—2023年, not 2021-2023年
