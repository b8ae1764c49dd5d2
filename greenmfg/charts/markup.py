"""HTML helpers the front-door pages share: escaped cells, Chinese spans, values, sources, links and filters.

Every builder in greenmfg.pages.<page> writes its tables and lists with these, so escaping, source links and the
filter markup exist once.
"""
from __future__ import annotations

import html
import re
from typing import Any

from greenmfg.charts.card import site_root_prefix
from greenmfg.data.frames import is_missing, reader_value
from greenmfg.locale.formatting import reader_date
from greenmfg.locale.i18n import language, tr
from greenmfg.pages.project import home, page, themes

# The module that wires every .gm-filtered block (select[data-key] hides [data-row] rows); see assets/.
FILTER_SCRIPT_PATH = "assets/gm-filter.mjs"


def cell_text(value: Any) -> str:
    """A cell as text ('' when missing), whole floats without '.0' (years read from CSV)."""
    if is_missing(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def escaped(value: Any) -> str:
    """A cell as escaped HTML text."""
    return html.escape(cell_text(value))


def with_code(text: Any) -> str:
    """Escaped text whose `backticked` names (columns, fields) are shown as code, as the descriptors write them."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", escaped(text))


def chinese(text: Any, tag: str = "span") -> str:
    """Chinese text in an element marked lang="zh-Hans" (right font, right voice); '' when missing."""
    return f'<{tag} lang="zh-Hans">{escaped(text)}</{tag}>' if not is_missing(text) else ""


def value_text(value: Any, unit: Any = "", qualifier: Any = "=") -> str:
    """Display string for a value with its qualifier and unit ('' when there is no value), in the unit the edition's
    readers count in (greenmfg.data.frames.reader_units: 5.1亿吨 is 510 Mt on English pages)."""
    if is_missing(value):
        return ""
    return reader_value(value, cell_text(unit), cell_text(qualifier) or "=")


# Pinyin some reprints print after a character, as in 指導(dǎo): letters with tone marks in brackets after a Hanzi.
PINYIN_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff])\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")


def quote_html(quote: Any, lang: str) -> str:
    """A source's wording as a blockquote, without the pinyin glosses a reprint added after some characters (the
    words are the source's; a note says the glosses were left out)."""
    text, glosses = PINYIN_GLOSS.subn("", str(quote))
    note = (f'<p class="gm-front-small">{html.escape(tr("Pinyin the reprint printed after some characters is left out."))}</p>'
            if glosses else "")
    return f'<blockquote lang="{lang}">{escaped(text)}</blockquote>{note}'


def source_html(org: Any, date: Any, url: Any) -> str:
    """A source: its label (greenmfg.data.sources) and date, linked to the outlet's own page where there is one."""
    label = escaped(org) + (html.escape(tr(", {date}", date=reader_date(cell_text(date)))) if not is_missing(date) else "")
    if not label:
        return ""
    return f'<a href="{escaped(url)}">{label}</a>' if not is_missing(url) else label


def slug(text: str) -> str:
    """A lowercase, hyphenated value for data attributes and ids."""
    return re.sub(r"[^a-z0-9]+", "-", str(text).lower()).strip("-")


def page_href(key: str, anchor: str = "") -> str:
    """Link to a page of the site map in the page's edition (from a page at the edition's root), optionally to an
    anchor on it."""
    return page(key, language()).edition_source.with_suffix(".html").as_posix() + (f"#{anchor}" if anchor else "")


def chapter_link(theme: Any) -> str:
    """Link to the page that discusses a data theme/chapter value (the home page for unknown values)."""
    target = themes(language()).get(cell_text(theme), home(language()))
    return f'<a href="{target.edition_source.with_suffix(".html").as_posix()}">{html.escape(target.nav_text)}</a>'


def filter_select(control_id: str, label: str, key: str, options: list[tuple[str, str]]) -> str:
    """A labelled <select> that filters rows on their data-<key> attribute ('All' shows every row)."""
    choices = f'<option value="">{html.escape(tr("All"))}</option>' + "".join(
        f'<option value="{html.escape(value)}">{html.escape(text)}</option>' for value, text in options)
    return (f'<span><label for="{control_id}">{html.escape(label)}</label>'
            f'<select id="{control_id}" data-key="{key}">{choices}</select></span>')


def filtered_block(block_id: str, selects: str, row_count: int, body: str) -> str:
    """Filters, a live "Showing n of m" line and the rows, plus the module that wires them."""
    return (f'<div class="gm-filtered" id="{block_id}"><div class="gm-filters">{selects}</div>'
            f'<p class="gm-filter-count" aria-live="polite" data-template="{html.escape(tr("Showing {shown} of {total}"))}">'
            f'{html.escape(tr("Showing {shown} of {total}", shown=row_count, total=row_count))}</p>{body}'
            f'<script type="module" src="{site_root_prefix()}{FILTER_SCRIPT_PATH}"></script></div>')
