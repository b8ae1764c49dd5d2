"""Clean the scraped seed article into one record per genuine paragraph.

The raw page (data/raw/) carries an injected spam phrase spliced into three sentences and Sohu page
boilerplate (editor line, unrelated trailing headlines, a platform disclaimer and an empty image tag).
This module removes exactly those and nothing else; anything it does not recognise is kept, never
silently dropped. Run ``python -m greenmfg.cleaning [DATA_DIR]`` to rewrite
``processed/article_paragraphs.csv``.
"""
from __future__ import annotations

import csv
import io
import re
import sys
from pathlib import Path

from greenmfg.paths import data_dir as _data_dir

RAW_FILE = "raw/000_b7300798bfbf6ce6.txt"
OUT_FILE = "processed/article_paragraphs.csv"
COLUMNS = ["paragraph_id", "order", "section", "kind", "text_zh", "source_file", "note"]

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
        records.append({"text_zh": text, "kind": kind, "section": section, "note": note})
    for i, rec in enumerate(records, start=1):
        rec["paragraph_id"] = f"p{i:02d}"
        rec["order"] = i
        rec["source_file"] = RAW_FILE
    return [{c: rec[c] for c in COLUMNS} for rec in records]


def to_csv(records: list[dict]) -> str:
    """Serialise paragraph records as a stable, diff-friendly CSV string (\\n line endings)."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    w.writerows(records)
    return buf.getvalue()


def build(data_dir=None) -> Path:
    """Read the raw article under data_dir and write processed/article_paragraphs.csv; return its path."""
    d = _data_dir(data_dir)
    raw = (d / RAW_FILE).read_text(encoding="utf-8")
    out = d / OUT_FILE
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(to_csv(clean_article(raw)), encoding="utf-8", newline="")
    return out


if __name__ == "__main__":  # pragma: no cover - thin CLI
    path = build(sys.argv[1] if len(sys.argv) > 1 else None)
    print(f"wrote {path}")
