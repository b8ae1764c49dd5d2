"""Chinese punctuation at display: reprints type ASCII marks in Chinese prose; pages show it full-width, as Chinese is
printed, while the data keeps each quote as the reprint printed it."""
from __future__ import annotations

import re

from greenmfg.data.frames import is_missing
from greenmfg.locale.formatting import is_cjk

# Chinese text shown to readers is punctuated full-width (，；：（）？！), as Chinese is printed; many reprints we quote
# from type the ASCII marks. The data keeps each quote as the reprint printed it; pages punctuate at display
# (zh_punctuation). A mark between two Latin letters or digits stays as it is (a thousands comma in 1,000, a time
# 10:30, 'PUE, CUE'), and text without Chinese characters is left alone.
_FULL_WIDTH = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "?": "？", "!": "！"}
_ASCII_WORD = re.compile(r"[A-Za-z0-9]")
_PINYIN = re.compile(r"(\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]*\))")
# Clause marks a goal's wording is split at into separate goals (zh_clauses): the data joins clauses of a reprint
# with them, so each clause is one goal, as the document lists it.
_CLAUSE_MARKS = re.compile(r"\s*[,;，；]\s*")


def zh_punctuation(text) -> str:
    """``text`` with the ASCII marks of Chinese prose as full-width ones: '优化,绿色低碳;绿色发展' -> '优化，绿色低碳；绿色
    发展', '效率(PUE)降至' -> '效率（PUE）降至'; '1,000', '10:30' and text without Chinese characters unchanged."""
    text = "" if is_missing(text) else str(text)
    if not any(is_cjk(ch) for ch in text):
        return text
    glosses = _PINYIN.split(text)  # a reprint's pinyin (dǎo) keeps its brackets, for the page that leaves it out
    if len(glosses) > 1:
        return "".join(part if _PINYIN.fullmatch(part) else zh_punctuation(part) for part in glosses)
    out = []
    for i, ch in enumerate(text):
        before, after = text[i - 1: i], text[i + 1: i + 2]
        latin = bool(_ASCII_WORD.match(before)) and bool(_ASCII_WORD.match(after))
        out.append(ch if ch not in _FULL_WIDTH or latin else _FULL_WIDTH[ch])
    return re.sub(r"(?<=[，；：（）？！])\s+|\s+(?=[，；：（）？！])", "", "".join(out))


def zh_clauses(text) -> list[str]:
    """A goal's Chinese wording as the clauses it joins, each full-width punctuated: '产业结构和布局明显优化,绿色低碳能源
    利用比例显著提高;绿色发展…' -> ['产业结构和布局明显优化', '绿色低碳能源利用比例显著提高', '绿色发展…']."""
    return [zh_punctuation(part) for part in _CLAUSE_MARKS.split("" if is_missing(text) else str(text)) if part]


# Quotation marks an excerpt shown in quotation marks (<q>, or “…” in Chinese) may carry of its own.
_OPENING, _CLOSING = "“\"「『", "”\"」』"


def quoted_excerpt(text) -> str:
    """A source's words as they go inside our own quotation marks: the Chinese punctuated full-width (zh_punctuation);
    an opening mark the excerpt never closes (the source's own quotation running on past the excerpt) left out, since
    our marks open it; and the excerpt's own double marks as single ones (‘规模以上工业企业’), as quotes within a quote
    are printed, so a reader never sees two opening marks in a row (““规模以上…)."""
    text = zh_punctuation(text).strip()
    if text[:1] in _OPENING and not any(mark in text[1:] for mark in _CLOSING):
        text = text[1:]
    return text.replace("“", "‘").replace("”", "’")
