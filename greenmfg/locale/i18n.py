"""The site's two editions and the message catalogue that puts every chart and card in the reader's language.

English text in the code is the message key: ``tr("List year")`` returns it unchanged on English pages and
its Chinese twin from ``greenmfg/locale/zh/*.yaml`` on Chinese pages. A Chinese page asking for a message
the catalogue lacks stops the build with the message and the file to add it to, so no English is left on a
Chinese page by accident. The edition is a parameter, never module state: a page's kernel runs in the page's
folder, so a notebook under zh/ writes Chinese (in the build and in JupyterLab alike), and the build writes
for one edition inside ``using(lang)``, a context variable that threads and tasks do not share.
"""
from __future__ import annotations

import contextlib
import functools
import os
from collections.abc import Iterator
from contextvars import ContextVar
from pathlib import Path
from typing import Any

import yaml

from greenmfg.paths import REPO_ROOT

LOCALE_DIR = Path(__file__).parent
DEFAULT = "en"
# BCP 47 tags for lang / hreflang attributes (Simplified Chinese is what the Chinese edition is written in).
HREFLANG = {"en": "en", "zh": "zh-Hans"}

# The edition a block of the build writes for (`using`); outside any block, the edition of the working folder.
EDITION: ContextVar[str | None] = ContextVar("edition", default=None)


class MissingTranslation(KeyError):
    """A message has no twin in the current language's catalogue."""

    def __str__(self) -> str:
        return str(self.args[0])


def language() -> str:
    """The language pages and charts are being written in now ('en' or 'zh'): the build's, inside ``using``, else
    that of the folder the code runs in (a page's kernel runs in the page's folder)."""
    return EDITION.get() or folder_edition(os.getcwd())


@functools.lru_cache(maxsize=64)
def folder_edition(folder: str) -> str:
    """The edition whose pages live in ``folder``: the edition named by its first folder under the repository
    (zh/…), else the default."""
    try:
        first = Path(folder).resolve().relative_to(REPO_ROOT).parts[:1]
    except ValueError:
        return DEFAULT
    return first[0] if first and first[0] in HREFLANG else DEFAULT


def _known(lang: str) -> str:
    if lang not in HREFLANG:
        raise ValueError(f"unknown language {lang!r} (editions: {', '.join(HREFLANG)})")
    return lang


@contextlib.contextmanager
def using(lang: str) -> Iterator[None]:
    """Write in ``lang`` inside the block (in this context only: other threads keep theirs), then go back."""
    token = EDITION.set(_known(lang))
    try:
        yield
    finally:
        EDITION.reset(token)


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
            raise MissingTranslation(f"no {lang} text for {message!r}: add it to greenmfg/locale/{lang}/<page>.yaml "
                                     "(common.yaml if several pages use it)")
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
