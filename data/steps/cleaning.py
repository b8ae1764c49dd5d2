"""Clean the scraped seed article into one record per genuine paragraph.

The raw page (data/raw/) carries an injected spam phrase spliced into three sentences and Sohu page
boilerplate (editor line, unrelated trailing headlines, a platform disclaimer and an empty image tag).
This module removes exactly those and nothing else; anything it does not recognise is kept, never
silently dropped. The build step ``python -m data.steps.article_paragraphs`` writes the result to
``processed/article_paragraphs.csv``.
"""
from __future__ import annotations

import re

RAW_FILE = "raw/000_b7300798bfbf6ce6.txt"

# Built from parts so the phrase itself never appears in the repository outside data/raw/.
SPAM_PHRASE = "OD" + "\u4f53\u80b2" + "app" + "\u624b\u673a\u767b\u9646"

# Section headings in the article, mapped to stable section keys.
SECTION_KEYS = {
    "新闻链接：什么是绿色工厂？": "green-factory-explainer",
    "传统产业加快转型升级绿色低碳发展": "traditional",
    "新兴产业绿色低碳高起点发展": "emerging",
    "制造业绿色融合新业态": "digital",
}
FIRST_SECTION = "overview"

_EDITOR_LINE = re.compile(r"^【编辑[:：].*】$")
_IMAGE_TAG = re.compile(r"^\[image:\s*\]$")
# Whitespace used for indentation on the page: ASCII space/tab and the ideographic space U+3000.
_STRIP = " \t\u3000\r"


def spam_phrase() -> str:
    """The injected spam phrase, assembled at run time so no source file contains it."""
    return SPAM_PHRASE


def remove_spam(text: str) -> str:
    """Delete every occurrence of the spam phrase, re-joining the sentence it was spliced into."""
    return text.replace(SPAM_PHRASE, "")


def split_lines(raw: str) -> tuple[list[str], list[str]]:
    """Split the raw page into (body lines, boilerplate lines): everything from the editor line on is boilerplate."""
    body: list[str] = []
    tail: list[str] = []
    in_tail = False
    for line in raw.split("\n"):
        stripped = line.strip(_STRIP)
        if _EDITOR_LINE.match(stripped):
            in_tail = True
        (tail if in_tail else body).append(line)
    if not in_tail:
        raise ValueError(f"{RAW_FILE}: editor line '【编辑:…】' not found; refusing to guess where boilerplate starts")
    return body, tail


def clean_article(raw: str) -> list[dict]:
    """Return one dict per heading or paragraph (ids p01.., in page order) from the raw page text."""
    body, _tail = split_lines(raw)
    records: list[dict] = []
    section = FIRST_SECTION
    for line in body:
        text = remove_spam(line).strip(_STRIP)
        if not text or _IMAGE_TAG.match(text):
            continue
        note = "spam phrase removed" if SPAM_PHRASE in line else ""
        if text in SECTION_KEYS:
            section = SECTION_KEYS[text]
            kind = "heading"
        else:
            kind = "paragraph"
            if not text.endswith(("。", "！", "？", "”")):
                note = "; ".join(x for x in (note, "paragraph ends mid-sentence on the source page (kept as published)") if x)
        records.append({"section": section, "kind": kind, "text_zh": text, "note": note})
    return [{"paragraph_id": f"p{i:02d}", "order": i, **rec, "source_file": RAW_FILE}
            for i, rec in enumerate(records, start=1)]
