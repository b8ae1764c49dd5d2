"""The glossary: an anchored entry per term, with links to where each term is used."""
from __future__ import annotations

import html
import re

import pandas as pd
import pytest

from greenmfg.charts.markup import page_href
from greenmfg.locale.i18n import using
from greenmfg.pages import glossary
from greenmfg.pages.glossary import entries


@pytest.fixture(scope="module")
def data():
    return glossary.load()


def test_glossary_anchors_and_usage_links(data):
    out = entries.glossary_html(data["glossary"], data["article_paragraphs"], data["claims"], data["policy_targets"])
    assert sorted(re.findall(r'id="term-([^"]+)"', out)) == sorted(data["glossary"]["term_id"])
    uses = entries.term_usage("绿色工厂", data["article_paragraphs"], data["claims"], data["policy_targets"])
    assert (page_href("claims", "para-p01"), "article paragraph 1") in uses
    # paragraph 6 names green factories too, but the ledger quotes none of it (no claim there): no link to nothing
    assert not any("para-p06" in href for href, _ in uses)


def test_terms_are_in_english_alphabetical_order(data):
    out = entries.glossary_html(data["glossary"], data["article_paragraphs"], data["claims"], data["policy_targets"])
    english = re.findall(r'<article class="gm-entry" id="term-[^"]+"><h3>(.*?) · ', out)
    assert english == sorted(english, key=str.lower) and len(english) == len(data["glossary"])


def test_chinese_glossary_leads_with_the_chinese_term_in_pinyin_order(data):
    with using("zh"):
        out = entries.glossary_html(*(data[k] for k in ("glossary", "article_paragraphs", "claims", "policy_targets")))
    heads = re.findall(r'<article class="gm-entry" id="term-([^"]+)"><h3>([^<]+) <span[^>]*>([^<]+)</span> · '
                       r'<span class="gm-front-small" lang="en">([^<]+)</span></h3>', out)
    assert len(heads) == len(data["glossary"])
    by_id = data["glossary"].set_index("term_id")
    assert [(zh, py, en) for _, zh, py, en in heads] == [
        (by_id.at[i, "term_zh"], by_id.at[i, "pinyin"], by_id.at[i, "term_en"]) for i, *_ in heads]
    plain = [entries._plain_pinyin(pd.Series([py]))[0] for _, _, py, _ in heads]
    assert plain == sorted(plain) and plain[0].startswith("chao")
    for definition in data["glossary"]["definition_zh"]:
        assert html.escape(definition) in out


def test_chinese_glossary_has_no_english_labels(data):
    with using("zh"):
        out = entries.glossary_html(*(data[k] for k in ("glossary", "article_paragraphs", "claims", "policy_targets")))
        uses = entries.term_usage("绿色工厂", data["article_paragraphs"], data["claims"], data["policy_targets"])
    assert "<dt>依据原文</dt>" in out and "<dt>见于</dt>" in out
    assert (page_href("claims", "para-p01"), "原文第1段") in uses
    assert all(re.fullmatch(r"(原文第\d+段|核查条目\d+|目标：\w+)", label) for _, label in uses)
    assert ("targets.html#target-T01", "目标：各级绿色工厂产值占制造业总产值比重") in uses  # named, never 目标T01
    visible = re.sub(r'<span class="gm-front-small" lang="en">[^<]*</span>|<[^>]+>', " ", out)
    for word in ("Source text", "Used in", "article paragraph", "claim "):
        assert word not in visible
