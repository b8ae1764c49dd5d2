"""The data & method page: datasets, checks, what could not be sourced, licences and the page's variables."""
from __future__ import annotations

import html

import pandas as pd
import pytest

from greenmfg.charts.markup import with_code
from greenmfg.locale.i18n import using
from greenmfg.pages import data as data_page
from greenmfg.pages.data import changes, checks, datasets, sources


@pytest.fixture(scope="module")
def data():
    return data_page.load()


def test_datasets_page_covers_every_resource(data):
    out = datasets.datasets_html(data["descriptor"], data)
    for resource in data["descriptor"]["resources"]:
        assert f'href="data/{resource["path"]}"' in out
        for field in resource["schema"]["fields"]:
            assert f"<code>{field['name']}</code>" in out
    assert "not loaded" not in out


def test_coverage_text():
    frame = pd.DataFrame({"series_id": ["a", "a", "b"], "year": [2020, 2021, 2023]})
    assert datasets.coverage_text("context_series", frame) == "3 rows; 2 series; years 2020–2023"


def test_reprint_counts():
    frame = pd.DataFrame({"url": ["http://x", "", ""], "publisher_id": ["miit", "nbs", ""]})
    group = {"url": "url", "publisher": "publisher_id"}
    descriptor = {"resources": [{"name": "context_series", "greenmfg:sources": [group]}]}
    assert sources.reprint_counts({"descriptor": descriptor, "context_series": frame}) == {"sourced": 2,
                                                                                          "reprint_only": 1}


def test_checks_and_not_sourced(data):
    described = data["descriptor"].get("greenmfg:check_descriptions", {})
    assert described and checks.checks_html(data["descriptor"]).count("<li>") == len(described)
    out = sources.not_sourced_html(data["policy_document"], data["claims"])
    for claim_id in data["claims"].query("status == 'not found'")["claim_id"]:
        assert f"#claim-{claim_id}" in out


def test_source_licences_name_each_source_once(data):
    out = sources.source_licences_html(data["descriptor"])
    named = data["descriptor"].get("sources", []) + [s for r in data["descriptor"]["resources"] for s in r.get("sources", [])]
    titles = {s["title"] for s in named if not str(s.get("path", "")).startswith(sources.OWN_NOTES)}
    assert out.count("<tr><td>") == 1 + len(titles)


def test_data_variables(data):
    out = data_page.variables()
    assert list(out) == ["data"] and all(isinstance(v, str) and v for v in out["data"].values())
    values = out["data"]
    assert values["datasets"] == str(len(data["descriptor"]["resources"]))
    assert int(values["rows_reprint_only"]) <= int(values["rows_sourced"])


def test_what_changed_log_lists_every_entry(data):
    out = changes.changes_html(data["series_changes"])
    assert out.count('<tr><th scope="row">') == len(data["series_changes"]) > 0
    assert "<em>new figure</em>" in out and "<strong>16.49 million vehicles</strong>" in out and "<strong>more than 8,000</strong>" in out
    assert data_page.variables()["data"]["changes_logged"] == str(len(data["series_changes"]))


def test_what_changed_log_words_a_correction_and_an_empty_log():
    frame = pd.DataFrame([{"changed_on": "2026-12-01", "series_id": "x", "series_label_en": "X", "year": 2024,
                           "old_value": 1.0, "old_qualifier": "=", "new_value": 2.0, "new_qualifier": ">", "unit": "%",
                           "reason": "Corrected.", "source_org": "NBS", "source_date": "", "url": ""}])
    out = changes.changes_html(frame)
    assert "1 % →<br><strong>more than 2 %</strong>" in out and "Corrected." in out and "X, 2024" in out
    assert "No value has changed" in changes.changes_html(frame.iloc[0:0])


def test_backticked_names_in_descriptions_show_as_code():
    from greenmfg.charts.markup import with_code

    assert with_code("Its unit is in the row's `unit` column.") == "Its unit is in the row&#x27;s <code>unit</code> column."


def test_chinese_coverage_and_change_rows():
    frame = pd.DataFrame({"series_id": ["a", "a", "b"], "year": [2020, 2021, 2023]})
    change = pd.DataFrame([{"changed_on": "2026-12-01", "series_id": "x", "series_label_en": "X", "series_label_zh": "某序列",
                            "year": 2024, "old_value": None, "old_qualifier": "", "new_value": 2.0, "new_qualifier": ">",
                            "unit": "%", "reason": "Corrected.", "reason_zh": "更正。", "source_org": "NBS",
                            "source_date": "", "url": ""}])
    with using("zh"):
        assert datasets.coverage_text("context_series", frame) == "3行；2个序列；2020—2023年"
        out = changes.changes_html(change)
        assert "No value" not in changes.changes_html(change.iloc[0:0])
    assert "某序列（2024年）" in out and "<em>新增数字</em>" in out and "更正。" in out and "Corrected" not in out


def test_chinese_page_shows_the_chinese_twins(data):
    with using("zh"):
        out = datasets.datasets_html(data["descriptor"], data)
        not_sourced = sources.not_sourced_html(data["policy_document"], data["claims"])
        log = changes.changes_html(data["series_changes"])
        licences = sources.source_licences_html(data["descriptor"])
        checks_out = checks.checks_html(data["descriptor"])
    for resource in data["descriptor"]["resources"]:
        assert f'href="data/{resource["path"]}"' in out and html.escape(resource["title_zh"]) in out
        assert with_code(resource["description_zh"]) in out
    assert out.count("<code>") > 0 and "Coverage" not in out and "Fields (" not in out
    for _, claim in data["claims"].query("status == 'not found'").iterrows():
        assert html.escape(claim["claim_text"]) in not_sourced and claim["claim_text_en"] not in not_sourced
    assert "Document:" not in not_sourced and "成文日期" in not_sourced
    for reason in data["series_changes"]["reason_zh"]:
        assert html.escape(reason) in log
    assert "<th scope=\"col\">来源</th>" in licences and "not stated" not in licences
    assert checks_out.count("<li>") == len(data["descriptor"]["greenmfg:check_descriptions"])


# What readers must not be shown: a command, a path into the repository's folders, a source file of the build.
WORKING_NOTES = r"python -m|\b(?:raw|curated|steps|processed)/|\.ya?ml\b|\.py\b"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_data_page_speaks_of_the_report_not_of_the_build(data, lang):
    """The datasets and licence sections describe what was done to the text in readers' terms: no command, no
    repository path or build file (the download links name the tables' own CSV files, which readers get)."""
    import re

    with using(lang):
        shown = datasets.datasets_html(data["descriptor"], data) + sources.source_licences_html(data["descriptor"])
    text = re.sub(r'href="[^"]*"|>[a-z_]+\.csv<', "", shown)
    assert not re.search(WORKING_NOTES, text), re.search(WORKING_NOTES, text)[0]
    assert ("央视网报道的文本" if lang == "zh" else "The text of the CCTV report") in text


def test_licence_table_lists_sources_not_our_notes_and_writes_cc_by_one_way(data):
    """Our research notes are not a source a reader can consult; CC BY 4.0 is written as in the titles, never
    as the identifier CC-BY-4.0."""
    from greenmfg.locale.i18n import using

    with using("zh"):
        out = sources.source_licences_html(data["descriptor"])
    assert "CC-BY-4.0" not in out and "研究线索" not in out and "序列笔记" not in out
    assert "CC BY 4.0" in out


def test_a_not_sourced_claim_sharing_its_clause_names_its_figure(data):
    """钢铁、石化化工……分别超过97%和95%: the not-found petrochemical claim says it means the 95 % figure."""
    from greenmfg.locale.i18n import using

    with using("zh"):
        out = sources.not_sourced_html(data["policy_document"], data["claims"])
    assert "分别超过97%和95%（指其中的超过95%）" in out


def test_chinese_data_dictionary_gives_each_allowed_value_its_chinese(data):
    """A CSV cell holds the code (confirmed); a Chinese reader is told what it means (confirmed（已证实）), symbols
    stay as they are; the English page lists the codes alone."""
    with using("zh"):
        zh = datasets.datasets_html(data["descriptor"], data)
    with using("en"):
        en = datasets.datasets_html(data["descriptor"], data)
    assert "confirmed（已证实）、reported（有报道）" in zh and "confirmed, reported" not in zh
    assert "=、&gt;、≥" in zh and "One of: confirmed, reported" in en


def test_chinese_data_page_words_its_edits_for_readers(data):
    """The cleaned report's description and the change log speak of the sources, not of our searches or in a
    desk's slang: 删去了转载网页插入的广告文字, not 垃圾广告词; a page 已无法访问, not 现已查不到."""
    with using("zh"):
        shown = datasets.datasets_html(data["descriptor"], data) + changes.changes_html(data["series_changes"])
    assert "删去了转载网页插入的广告文字" in shown
    assert not any(word in shown for word in ("垃圾广告", "垃圾短语", "查不到"))
