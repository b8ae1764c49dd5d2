"""The data & method page: datasets, checks, what could not be sourced, licences and the page's variables."""
from __future__ import annotations

import html
import re

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
    promised = checks.promises(data["descriptor"])
    assert promised and checks.checks_html(data["descriptor"]).count("<li>") == len(promised)
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
    assert 'data-label="Change">added</td>' in out and "<strong>16.49 million vehicles</strong>" in out
    assert "<strong>more than 8,000</strong>" in out
    assert data_page.variables()["data"]["changes_logged"] == str(len(data["series_changes"]))


def test_what_changed_log_words_a_correction_and_an_empty_log():
    frame = pd.DataFrame([{"changed_on": "2026-12-01", "series_id": "x", "series_label_en": "X", "year": 2024,
                           "old_value": 1.0, "old_qualifier": "=", "new_value": 2.0, "new_qualifier": ">", "unit": "%",
                           "change": "value", "reason": "Corrected.", "source_org": "NBS", "source_date": "",
                           "url": ""}])
    out = changes.changes_html(frame)
    assert "1 % →<br><strong>more than 2 %</strong>" in out and "Corrected." in out and "X, 2024" in out
    assert ">value changed</td>" in out
    assert "No value has changed" in changes.changes_html(frame.iloc[0:0])


def test_backticked_names_in_descriptions_show_as_code():
    from greenmfg.charts.markup import with_code

    assert with_code("Its unit is in the row's `unit` column.") == "Its unit is in the row&#x27;s <code>unit</code> column."


def test_chinese_coverage_and_change_rows():
    frame = pd.DataFrame({"series_id": ["a", "a", "b"], "year": [2020, 2021, 2023]})
    change = pd.DataFrame([{"changed_on": "2026-12-01", "series_id": "x", "series_label_en": "X", "series_label_zh": "某序列",
                            "year": 2024, "old_value": None, "old_qualifier": "", "new_value": 2.0, "new_qualifier": ">",
                            "unit": "%", "change": "added", "reason": "Corrected.", "reason_zh": "更正。", "source_org": "NBS",
                            "source_date": "", "url": ""}])
    with using("zh"):
        assert datasets.coverage_text("context_series", frame) == "3行；2个序列；2020—2023年"
        out = changes.changes_html(change)
        assert "No value" not in changes.changes_html(change.iloc[0:0])
    assert "某序列（2024年）" in out and ">新增</td>" in out and "更正。" in out and "Corrected" not in out
    assert "<th scope=\"col\">改动类型</th>" in out and "<th scope=\"col\">数值</th>" in out


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
    assert checks_out.count("<li>") == len(checks.promises(data["descriptor"]))
    assert all(html.escape(item["description_zh"]) in checks_out for item in checks.promises(data["descriptor"]))


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


def test_each_promise_rests_on_the_checks_that_keep_it_true(data):
    """The page's statements about the data name the validator's checks behind them (so a statement without a check,
    or naming a check that no longer exists, fails here), and each has its Chinese."""
    from greenmfg.data.validate import EVERY_TABLE, RULES, sources_known

    known = set(RULES) | {rule.__name__ for rule in (*EVERY_TABLE, sources_known)}
    for item in checks.promises(data["descriptor"]):
        assert item["checks"] and set(item["checks"]) <= known, item
        assert re.search(r"[\u4e00-\u9fff]", item["description_zh"]), item


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_checks_section_speaks_of_the_figures_not_of_the_validators_rules(data, lang):
    """Readers are told what each figure carries and where its link goes; ranges of dates and shares, signs of
    levels (the validator's rules, documented with the data) are not shown to them."""
    with using(lang):
        out = checks.checks_html(data["descriptor"])
    assert not re.search(r"2000|2036|0 and 100|0到100|negative|为负", out), out
    assert ("据××报道" if lang == "zh" else "reported by") in out


def test_the_promise_about_links_holds_for_every_sourced_row(data):
    """What the page promises about links, checked on every sourced row of every table as readers get it: a link goes
    to the site of the outlet the label names ('MIIT, reported by Xinhua' links Xinhua's page; 'MIIT' alone, MIIT's
    own); a row without a link says it was seen in a reprint; no reprint address reaches a page."""
    from greenmfg.data import loaders
    from greenmfg.data.hosts import on_site
    from greenmfg.data.sources import for_readers, publisher_name

    publishers = loaders.load_publishers().set_index("id")
    checked, offenders = 0, []
    for resource in data["descriptor"]["resources"]:
        groups = resource.get("greenmfg:sources", [])
        if not groups:
            continue
        raw = loaders.load_table(resource["name"], raw=True)
        shown = for_readers(raw, groups)
        for group in groups:
            assert group["mirror_url"] not in shown.columns
            for (_, row), label in zip(raw.iterrows(), shown[group["org"]]):
                publisher, outlet, url = row[group["publisher"]], row[group["outlet"]], row[group["url"]]
                if not publisher:
                    continue
                checked += 1
                if not url:
                    ok = "(seen in a reprint)" in label
                else:
                    site = outlet or publisher
                    ok = on_site(url, publishers.loc[site, "hosts"].split()) and (
                        site == publisher or f"reported by {publisher_name(site)}" in label)
                if not ok:
                    offenders.append(f"{resource['name']}: {label} {url}")
    assert checked > 100 and offenders == [], offenders[:5]


def test_one_licence_row_per_source_and_no_licence_in_a_source_name(data):
    """A source is one row whose licence comes only from its licence field: no source title states a licence of its
    own (the OWID datasets once read 'CC BY 4.0' in the name beside 'not stated by the source')."""
    upstream = sources.upstream_sources(data["descriptor"])
    paths = [s.get("path") or s["title"] for s in upstream]
    assert len(paths) == len(set(paths))
    for source in upstream:
        for title in (source["title"], source.get("title_zh", "")):
            assert not re.search(r"CC[ -]BY|licen[cs]e|许可", title), title
    with using("zh"):
        out = sources.source_licences_html(data["descriptor"])
    rows = re.findall(r"<tr><td>(.*?)</td><td>(.*?)</td></tr>", out)
    owid = [terms for name, terms in rows if "Our World in Data" in name]
    assert len(owid) == 2 and set(owid) == {"CC BY 4.0"}


def test_the_change_log_shows_a_value_once_unless_it_changed(data):
    """'6亿吨 → 6亿吨' said nothing: a figure whose value stayed shows it once, with what changed beside it; the kind
    of change is the data's, found by comparing the rows (every kind the log shows is an allowed value)."""
    log = data["series_changes"]
    with using("zh"):
        out = changes.changes_html(log)
    kinds = {f["name"]: f for f in next(r for r in data["descriptor"]["resources"]
                                         if r["name"] == "series_changes")["schema"]["fields"]}["change"]
    assert set(log["change"]) <= set(kinds["constraints"]["enum"])
    same = log[log["change"] != "value"]
    finer = out.count("改动小于所示精度")  # 1,019.1 → 1,019.08 Mt: both 10.19亿吨, so shown once, with a note
    assert len(same) > 0 and finer > 0 and out.count("→") + finer == int((log["change"] == "value").sum())
    assert "改来源" in out and "新增" in out


@pytest.mark.parametrize("old,new,was,now,kind", [
    ("", "1", {}, {"qualifier": "="}, "added"),
    ("1", "", {"qualifier": "="}, {}, "removed"),
    ("1", "2", {"qualifier": "="}, {"qualifier": "="}, "value"),
    ("52", "52", {"qualifier": "="}, {"qualifier": "≈"}, "value"),
    ("6", "6", {"qualifier": "", "url": "https://a"}, {"qualifier": "=", "url": "https://b"}, "source"),
    ("6", "6", {"qualifier": "=", "url": "https://a"}, {"qualifier": "=", "url": "https://a"}, "details"),
    ("6", "6", {}, {"qualifier": ">", "url": "https://a"}, "source or details"),
])
def test_kind_of_change_is_derived_from_the_rows(old, new, was, now, kind):
    from data.steps.series_changes import change_kind

    assert change_kind(old, new, was, now) == kind


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_data_dictionary_says_unverified_in_readers_terms(data, lang):
    """A document number is 'unverified' because it was not seen in a text with a known source, not because it
    'circulates'; the unit codes read as a CSV glossary, each code set as code."""
    with using(lang):
        out = datasets.datasets_html(data["descriptor"], data)
    assert not re.search(r"circulat|有流传", out)
    assert ("未核实：未在有出处的文本中见到" if lang == "zh" else "not seen in a text whose source is known") in out
    assert "<code>Mt</code>" in out and "<code>count</code>" in out and "Mt即" not in out
