"""The site's two editions and the message catalogue that puts every chart and card in the reader's language.

English text in the code is the message key: ``tr("List year")`` returns it unchanged on English pages and
its Chinese twin from ``greenmfg/locale/zh/*.yaml`` on Chinese pages. A Chinese page asking for a message
the catalogue lacks stops the build with the message and the file to add it to, so no English is left on a
Chinese page by accident. The current language is set once per page (``prose_values`` in its first cell)
and by the build around anything it writes for one edition.
"""
from __future__ import annotations

import contextlib
import functools
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

LOCALE_DIR = Path(__file__).parent / "locale"
DEFAULT = "en"
# BCP 47 tags for lang / hreflang attributes (Simplified Chinese is what the Chinese edition is written in).
HREFLANG = {"en": "en", "zh": "zh-Hans"}

# The page's language (set once per page, in its first cell) and, per thread, a language `using` holds for a
# block: the build renders pages of one edition in parallel threads, which must not switch each other's language.
_page_language = [DEFAULT]
_block = threading.local()


class MissingTranslation(KeyError):
    """A message has no twin in the current language's catalogue."""

    def __str__(self) -> str:
        return str(self.args[0])


def language() -> str:
    """The language pages and charts are being written in now ('en' or 'zh')."""
    return getattr(_block, "lang", None) or _page_language[0]


def _known(lang: str) -> str:
    if lang not in HREFLANG:
        raise ValueError(f"unknown language {lang!r} (editions: {', '.join(HREFLANG)})")
    return lang


def set_language(lang: str) -> None:
    """The page's language, from now on (a page's first cell sets it)."""
    _page_language[0] = _known(lang)


@contextlib.contextmanager
def using(lang: str) -> Iterator[None]:
    """Write in ``lang`` inside the block (in this thread only), then go back."""
    before = getattr(_block, "lang", None)
    _block.lang = _known(lang)
    try:
        yield
    finally:
        _block.lang = before


@functools.cache
def catalogue(lang: str) -> dict[str, str]:
    """English message -> translation, merged from every file under locale/<lang>/ (a key lives in one file)."""
    merged: dict[str, str] = {}
    origin: dict[str, str] = {}
    for path in sorted((LOCALE_DIR / lang).glob("*.yaml")):
        entries = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for key, value in entries.items():
            if key in merged:
                raise ValueError(f"{path.name}: message {key!r} is already in {origin[key]}")
            if not isinstance(value, str) or not value.strip():
                raise ValueError(f"{path.name}: message {key!r} has no {lang} text")
            merged[str(key)] = value
            origin[str(key)] = path.name
    return merged


def tr(message: str, **values: Any) -> str:
    """``message`` in the current language, with ``{name}`` fields filled from ``values``."""
    lang = language()
    text = message
    if lang != DEFAULT:
        table = catalogue(lang)
        if message not in table:
            raise MissingTranslation(f"no {lang} text for {message!r}: add it to greenmfg/locale/{lang}/")
        text = table[message]
    return text.format(**values) if values else text


def tr_all(messages: list[str] | tuple[str, ...]) -> list[str]:
    """Each message translated, in order (a colour domain keeps its order, so each category keeps its colour)."""
    return [tr(m) for m in messages]


def pick(row: Any, field: str) -> Any:
    """A data row's reader-facing text in the current language: ``<field>_zh`` on Chinese pages, else ``<field>``
    (or ``<field>_en`` where the data names both)."""
    lang = language()
    base = field.removesuffix("_en")
    for name in ((f"{base}_zh",) if lang == "zh" else (field, f"{base}_en", base)):
        if name in row:
            return row[name]
    raise KeyError(f"no {lang} twin of {field!r} in the data")


def header(column: str) -> str:
    """A data column's header for readers: its field name in English (CSV files keep stable names), its
    Chinese label (``column.<name>`` in the catalogue) on Chinese pages."""
    return column if language() == DEFAULT else tr(f"column.{column}")


def edition_prefix(lang: str | None = None) -> str:
    """The edition's folder under the site root: '' for the default language, 'zh/' for Chinese."""
    lang = lang or language()
    return "" if lang == DEFAULT else f"{lang}/"


def reader_date(iso: str) -> str:
    """A date from the data as the page's readers write it: ISO on English pages (2026-03-19, as the data has it),
    2026年3月19日 on Chinese pages (2026年3月, 2026年 for a month or a year)."""
    text = str(iso or "")
    if language() == DEFAULT or not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text):
        return text
    parts = [int(p) for p in text.split("-")]
    return "".join(f"{value}{unit}" for value, unit in zip(parts, ("年", "月", "日")))
