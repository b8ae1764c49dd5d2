"""The claim ledger: entries and filters, the marked article, theme labels and the page's variables."""
from __future__ import annotations

import html
import re

import pandas as pd
import pytest

from greenmfg.charts.markup import slug
from greenmfg.pages import claims
from greenmfg.pages.claims import article, ledger
from greenmfg.pages.project import themes


@pytest.fixture(scope="module")
def data():
    return claims.load()


def test_claim_marks_split_overlaps_and_link_every_claim():
    text = "甲乙丙丁戊"
    frame = pd.DataFrame({"claim_id": ["a", "b"], "paragraph_id": ["p01", "p01"], "claim_text": ["甲乙丙", "乙丙丁"]})
    out = article.marked_paragraph_html(text, frame, {"a": 1, "b": 2})
    assert out.count('href="#claim-a"') == 1 and out.count('href="#claim-b"') == 1
    assert '<mark class="gm-claim-mark" data-claims="a b">乙丙</mark>' in out
    assert re.sub(r"<[^>]+>|\[\d\]", "", out) == text


def test_claims_ending_together_link_in_ascending_order():
    """Review 1207b 三: '……15.7%和33.6% [4][3]'; two claims ending at one place link as [3][4]."""
    frame = pd.DataFrame({"claim_id": ["a", "b"], "paragraph_id": ["p01", "p01"], "claim_text": ["甲乙丙", "乙丙"]})
    out = article.marked_paragraph_html("甲乙丙丁", frame, {"a": 4, "b": 3})
    assert re.findall(r"\[(\d)\]", out) == ["3", "4"]


def test_claim_text_missing_from_paragraph_is_an_error():
    frame = pd.DataFrame({"claim_id": ["a"], "paragraph_id": ["p01"], "claim_text": ["不在"]})
    with pytest.raises(ValueError):
        article.marked_paragraph_html("甲乙", frame, {"a": 1})


def test_article_marks_every_claim_once(data):
    out = article.article_html(data["article_paragraphs"], data["claims"])
    for claim_id in data["claims"]["claim_id"]:
        assert out.count(f'href="#claim-{claim_id}"') == 1, claim_id
    with_claims = data["article_paragraphs"][data["article_paragraphs"]["paragraph_id"].isin(data["claims"]["paragraph_id"])]
    assert 'lang="zh-Hans"' in out and out.count("<section") == with_claims["section"].nunique()


def test_article_quotes_only_the_sentences_that_carry_claims(data):
    """The ledger does not reprint the report: a sentence is quoted exactly when a checked claim is in it."""
    out = html.unescape(re.sub(r"<[^>]+>|\[\d+\]", "", article.article_html(data["article_paragraphs"], data["claims"])))
    for _, paragraph in data["article_paragraphs"].iterrows():
        text = paragraph["text_zh"]
        spans = [(start, start + len(claim)) for claim in
                 data["claims"].loc[data["claims"]["paragraph_id"] == paragraph["paragraph_id"], "claim_text"]
                 if (start := text.find(claim)) >= 0]
        for sentence in re.finditer(r"[^。！？；]+[。！？；]?", text):
            quoted = sentence.group().strip(" \t\u3000")
            carries = any(start < sentence.end() and end > sentence.start() for start, end in spans)
            if len(quoted) > 4:
                assert (quoted in out) == carries, (paragraph["paragraph_id"], quoted)


def test_article_quotes_end_with_their_verdicts_and_name_the_report_as_a_source(data):
    from greenmfg.locale.i18n import tr, using

    with using("zh"):
        frame = claims.load()
        out = article.article_html(frame["article_paragraphs"], frame["claims"], frame["seed"])
        verdicts = [f"[{number}] {tr(status)}" for number, status in enumerate(frame["claims"]["status"], start=1)]
    for verdict in verdicts:
        assert verdict in out, verdict
    assert "核查结论：" in out and "来源：央视网" in out and "2024年3月1日" in out
    assert "href=\"http" not in out, "the report's own page was not found: no address is made up"


def test_every_article_section_has_an_english_title_and_summary(data):
    sections = set(data["article_paragraphs"]["section"])
    assert sections <= set(article.SECTION_TITLES_EN) and sections <= set(article.SECTION_SUMMARIES_EN)
    assert set(themes()) <= sections, "each theme of the site map names a section of the article"


def test_claims_are_in_reading_order(data):
    text_of = dict(zip(data["article_paragraphs"]["paragraph_id"], data["article_paragraphs"]["text_zh"]))
    positions = [(row["paragraph_id"], text_of[row["paragraph_id"]].find(row["claim_text"]))
                 for _, row in data["claims"].iterrows()]
    assert positions == sorted(positions)


def test_ledger_lists_every_claim_with_filters(data):
    out = ledger.ledger_html(data["claims"])
    ids = re.findall(r'<li class="gm-entry" id="claim-([^"]+)"', out)
    assert ids == list(data["claims"]["claim_id"])
    assert '<label for="claims-ledger-status">' in out and '<label for="claims-ledger-theme">' in out


def test_theme_labels_follow_the_site_map():
    labels = ledger.theme_labels()
    assert list(labels) == list(themes())
    for key, theme_page in themes().items():
        assert labels[key] == (theme_page.nav_text if theme_page.is_chapter else key.capitalize())
    assert labels["overview"] == "Overview"


def test_claims_variables_add_up_to_every_claim(data):
    out = claims.variables()
    assert list(out) == ["claims"] and all(isinstance(v, str) and v for v in out["claims"].values())
    assert sum(int(out["claims"][slug(s).replace("-", "_")]) for s in ledger.CLAIM_STATUSES) == len(data["claims"])


def test_chinese_ledger_keeps_anchors_and_filters_and_leads_with_the_chinese_text(data):
    from greenmfg.locale.i18n import using
    english = ledger.ledger_html(data["claims"])
    with using("zh"):
        chinese = ledger.ledger_html(data["claims"])
        marked = article.article_html(data["article_paragraphs"], data["claims"])
    anchors = r'<li class="gm-entry" id="(claim-[^"]+)" data-row data-status="([^"]+)" data-theme="([^"]+)"'
    assert re.findall(anchors, chinese) == re.findall(anchors, english)
    for _, claim in data["claims"].iterrows():
        assert claim["claim_text_en"] not in chinese
        if isinstance(claim["note_zh"], str) and claim["note_zh"]:
            assert html.escape(claim["note_zh"]) in chinese
    assert "In the article" not in chinese and "原文位置" in chinese
    assert re.findall(r'href="#claim-[^"]+"', marked) == re.findall(
        r'href="#claim-[^"]+"', article.article_html(data["article_paragraphs"], data["claims"]))
    assert "In English:" not in marked


def test_chinese_theme_labels_are_the_chinese_navigation():
    from greenmfg.locale.i18n import using
    with using("zh"):
        labels = ledger.theme_labels()
    assert list(labels) == list(themes())
    assert all(re.search(r"[\u4e00-\u9fff]", label) for label in labels.values())


def test_chinese_ledger_labels_foreign_evidence_and_gives_its_gist():
    """Evidence in English or German stays in its language on the Chinese page, labelled as the original (英文原文,
    德文原文) and followed by its Chinese gist; a quote in traditional characters says so; notes name no site."""
    from greenmfg.locale.i18n import using

    with using("zh"):
        frame = claims.load()["claims"]  # sources are named in the language of the page that loads them
        out = ledger.ledger_html(frame)
    entry = {cid: re.search(rf'id="claim-{cid}".*?</li>', out).group() for cid in frame["claim_id"]}
    assert "英文原文：" in entry["eaf-steel-2030"] and "中文大意：" in entry["eaf-steel-2030"]
    assert '<q lang="en">' in entry["eaf-steel-2030"]
    assert "德文原文：" in entry["syngas-short-process-2030"] and '<q lang="de">' in entry["syngas-short-process-2030"]
    assert '<q lang="zh-Hant">' in entry["nev-output-sales-2023"] and "繁体字" in entry["nev-output-sales-2023"]
    visible = re.sub(r"<q [^>]*>.*?</q>|<[^>]+>", " ", out)
    assert not re.search(r"a reprint|\.com\b|nev_production|段落p\d", visible)


def test_foreign_evidence_must_carry_its_language_and_gist():
    """The validator names a quote whose language does not match its script, and a foreign quote without a gist."""
    from greenmfg.data.validate_rules import claim_evidence

    rows = [(2, {"status": "confirmed", "evidence_url": "https://x", "evidence_quote": "In English only."}),
            (3, {"status": "confirmed", "evidence_url": "https://x", "evidence_quote": "In English.",
                 "evidence_language": "en"})]
    msgs = claim_evidence("claims.csv", rows, {})
    assert len(msgs) == 2 and "evidence_language" in msgs[0] and "evidence_gloss_zh" in msgs[1]


def test_the_report_is_in_both_reference_lists_as_the_data_name_it():
    """The CCTV report is cited on the ledger, so it is in the page's references; its publisher and date are the
    data's (the provenance record and the publisher table), and it carries no address, since none was found."""
    from greenmfg.data import loaders
    from greenmfg.data.sources import publisher_name
    from greenmfg.locale.i18n import using
    from greenmfg.paths import REPO_ROOT

    date = loaders.seed_article()["source_date"]
    for lang, bib, notebook in (("en", "references.bib", "claims.ipynb"), ("zh", "references-zh.bib", "zh/claims.ipynb")):
        entry = re.search(r"@misc\{cctv2024article,.*?\n\}", (REPO_ROOT / bib).read_text(encoding="utf-8"), re.S)[0]
        with using(lang):
            publisher = publisher_name("cctv", short=False)
        assert f"author = {{{{{publisher}}}}}" in entry, bib
        assert f"year = {{{date[:4]}}}" in entry and f"month = {{{int(date[5:7])}}}" in entry, bib
        assert "url" not in entry and "data/raw" not in entry and "抓取" not in entry, bib
        assert "[@cctv2024article]" in (REPO_ROOT / notebook).read_text(encoding="utf-8"), notebook


def test_verdict_counts_say_a_verdict_no_claim_has_as_none():
    """核查结果：已证实7处，部分证实6处，未找到来源9处；没有一处见于其他文件或与官方数据不符 (never 与官方数据不符0处)."""
    from greenmfg.locale.i18n import using

    statuses = pd.Series(["confirmed"] * 7 + ["partly confirmed"] * 6 + ["not found"] * 9)
    assert claims.verdict_summary(statuses) == ("7 confirmed, 6 partly confirmed and 9 not found; none is found in "
                                                "another document or in conflict with official data")
    with using("zh"):
        assert claims.verdict_summary(statuses) == "已证实7处，部分证实6处，未找到来源9处；没有一处见于其他文件或与官方数据不符"
        assert "0" not in claims.variables()["claims"]["summary"]


def test_a_whole_year_figure_is_that_years_not_as_of_it():
    """15.7% of 2023's value added reads （2023年）, not （截至2023年）, which says a running total; a dated stock keeps 截至."""
    from greenmfg.locale.i18n import using
    from greenmfg.pages.claims.ledger import _when

    share = pd.Series({"as_of": "2023", "claim_type": "statistic"})
    stock = pd.Series({"as_of": "2024-03", "claim_type": "statistic"})
    target = pd.Series({"as_of": "2030", "claim_type": "target"})
    with using("zh"):
        assert (_when(share), _when(stock), _when(target)) == ("（2023年）", "（截至2024年3月）", "（到2030年）")
    with using("en"):
        assert _when(share) == " (2023)"


def test_value_wording_is_the_articles_own_words_and_the_chinese_ledger_shows_it():
    """产能提升一倍 reads “提升一倍” in the value cell, not 100%; the words are the article's (part of claim_text)."""
    from greenmfg.data import loaders
    from greenmfg.locale.i18n import using
    from greenmfg.pages.claims import ledger

    claims = loaders.load_claims()
    worded = claims[claims["value_wording"].fillna("") != ""]
    assert len(worded) >= 3
    assert all(w in text for w, text in zip(worded["value_wording"], worded["claim_text"]))
    capacity = claims[claims["claim_id"] == "dezhou-filter-press-capacity"].iloc[0]
    with using("zh"):
        cell = ledger._details(capacity)
    assert "“提升一倍”" in cell and "100%" not in cell.split("</dd>")[0]


def test_claims_quoting_one_fenbie_clause_follow_the_order_of_their_figures():
    """分别超过97%和95%: the steel claim (97%) comes before the petrochemical one (95%), though both quote the clause."""
    from greenmfg.pages.claims.reading_order import ordered_claims

    claims = pd.DataFrame({"claim_id": ["b-steel", "a-petro"], "paragraph_id": ["p01", "p01"],
                           "claim_text": ["分别超过97%和95%"] * 2, "value": ["97", "95"]})
    paragraphs = pd.DataFrame({"paragraph_id": ["p01"], "text_zh": ["钢铁、石化分别超过97%和95%。"]})
    assert ordered_claims(claims, paragraphs)["claim_id"].tolist() == ["b-steel", "a-petro"]


def test_evidence_quotes_carry_no_quotation_marks_of_their_own(data):
    """Pages put the quotation marks around a quote; one copied with its own opening mark shows doubled (“““Today…)."""
    quotes = data["claims"]["evidence_quote"].fillna("")
    marks = tuple("“”\"「」‘’")
    assert [q[:30] for q in quotes if q.startswith(marks) or (q.endswith(marks) and q.count(q[-1]) % 2)] == []


def test_pv_claim_cites_the_iea_report_itself(data):
    claim = data["claims"].set_index("claim_id").loc["pv-output-world-first"]
    assert claim["evidence_publisher_id"] == "iea" and claim["evidence_outlet_id"] == "iea"
    assert "capacity" in claim["note"] and "产能" in claim["note_zh"]
