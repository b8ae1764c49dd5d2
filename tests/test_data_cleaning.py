"""Cleaning of the seed article: spam and boilerplate gone, every genuine paragraph kept intact and in order."""
from __future__ import annotations

import subprocess

from data.steps import cleaning
from greenmfg.data import csvfiles
from greenmfg.data.loaders import load_article_paragraphs
from greenmfg.paths import DEFAULT_DATA_DIR, REPO_ROOT

RAW = DEFAULT_DATA_DIR / cleaning.RAW_FILE
SPAM = cleaning.spam_phrase()
BOILERPLATE = ["【编辑", "谌贻琴", "王毅南下", "九个月内第二次", "湘江2024年第1号洪水", "声明：", "搜狐", "[image"]


def raw_text() -> str:
    """The raw scraped page."""
    return RAW.read_text(encoding="utf-8")


def test_raw_file_is_verbatim_and_has_the_defects():
    import hashlib
    import json

    prov = json.loads((DEFAULT_DATA_DIR / "raw" / "000_b7300798bfbf6ce6.provenance.json").read_text(encoding="utf-8"))
    assert hashlib.sha256(RAW.read_bytes()).hexdigest() == prov["sha256"]
    assert raw_text().count(SPAM) == 3  # spliced into three sentences


def independent_genuine_lines() -> list[str]:
    """Genuine lines derived independently: lines before the editor line, stripped, minus empty lines and the image tag."""
    out = []
    for line in raw_text().split("\n"):
        s = line.strip(" \t\u3000")
        if s.startswith("【编辑"):
            break
        if s and s != "[image: ]":
            out.append(s.replace(SPAM, ""))
    return out


def test_every_genuine_paragraph_survives_in_order():
    df = load_article_paragraphs()
    assert df["text_zh"].tolist() == independent_genuine_lines()
    assert len(df) == 21
    assert df["paragraph_id"].tolist() == [f"p{i:02d}" for i in range(1, 22)]
    assert (df["kind"] == "heading").sum() == 4


def test_spliced_sentences_are_repaired():
    text = "".join(load_article_paragraphs()["text_zh"])
    assert "绿色工厂产值占制造业总产值比重超过40%" in text
    assert "动力电池产量占全球60%左右" in text
    assert "重点行业和领域主要污染物和二氧化碳排放强度持续下降" in text


def test_boilerplate_removed():
    text = "".join(load_article_paragraphs()["text_zh"])
    for b in BOILERPLATE:
        assert b not in text, b


def test_sections_follow_headings():
    df = load_article_paragraphs()
    assert df.set_index("paragraph_id").loc[["p01", "p06", "p08", "p15", "p21"], "section"].tolist() == [
        "overview", "green-factory-explainer", "traditional", "emerging", "digital"]


def test_processed_file_is_up_to_date():
    on_disk = csvfiles.read_dicts(DEFAULT_DATA_DIR / "processed" / "article_paragraphs.csv")[1]
    assert on_disk == [{k: str(v) for k, v in rec.items()} for rec in cleaning.clean_article(raw_text())]


def test_missing_editor_line_is_an_error_not_a_guess():
    import pytest

    with pytest.raises(ValueError, match="editor line"):
        cleaning.clean_article("只有一段。\n")


def test_spam_phrase_appears_nowhere_outside_data_raw():
    files = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"], cwd=REPO_ROOT,
                           capture_output=True, text=True, check=True).stdout.splitlines()
    needle = SPAM.encode("utf-8")
    needle_part = ("OD" + "\u4f53\u80b2").encode("utf-8")
    offenders = []
    for f in files:
        if f.startswith("data/raw/"):
            continue
        p = REPO_ROOT / f
        if p.is_file():
            data = p.read_bytes()
            if needle in data or needle_part in data:
                offenders.append(f)
    assert offenders == []
