"""The glossary: an anchored entry per term, with links to where each term is used."""
from __future__ import annotations

import re

import pytest

from greenmfg.markup import page_href
from greenmfg.pages import glossary
from greenmfg.pages.glossary import entries


@pytest.fixture(scope="module")
def data():
    return glossary.load()


def test_glossary_anchors_and_usage_links(data):
    out = entries.glossary_html(data["glossary"], data["article_paragraphs"], data["claims"], data["policy_targets"])
    assert sorted(re.findall(r'id="term-([^"]+)"', out)) == sorted(data["glossary"]["term_id"])
    uses = entries.term_usage("绿色工厂", data["article_paragraphs"], data["claims"], data["policy_targets"])
    assert (page_href("claims", "para-p06"), "article paragraph p06") in uses


def test_terms_are_in_english_alphabetical_order(data):
    out = entries.glossary_html(data["glossary"], data["article_paragraphs"], data["claims"], data["policy_targets"])
    english = re.findall(r'<article class="gm-entry" id="term-[^"]+"><h3>(.*?) · ', out)
    assert english == sorted(english, key=str.lower) and len(english) == len(data["glossary"])
