"""The documents of the family: title, issuing bodies, date, document number with its status, relation to the
Opinions and the source that attests them, oldest first."""
from __future__ import annotations

import html

import pandas as pd

from greenmfg.charts.markup import chinese, escaped
from greenmfg.charts.scrollbox import scroll_box
from greenmfg.data.frames import is_missing
from greenmfg.locale.formatting import reader_date
from greenmfg.locale.i18n import language, pick, tr

from .chain import document_label
from .sources import source_html
from .table import small

COLUMNS = ("Document", "Issued by", "Date", "Document number", "Relation to the Opinions", "Source")
DATE_KINDS = {"signed": "date on the document", "published": "date of release", "reported": "date of the first report seen",
              "dated": "date given in reports"}


def _title(doc: pd.Series) -> str:
    """The full title, and the short title the page's other blocks use wherever it differs (declared once, here)."""
    english = f'<br><span lang="en">{escaped(doc["title_en"])}</span>' if language() == "en" else ""
    short = document_label(doc)
    declared = "" if short == tr("{document}", document=pick(doc, "title")) else small(tr("short title: {short}",
                                                                                        short=short))
    return f"{chinese('《' + doc['title_zh'] + '》')}{english}{declared}"


def _number(doc: pd.Series) -> str:
    if is_missing(doc["document_number"]):
        return html.escape(tr("no number found"))
    return chinese(doc["document_number"]) + small(tr(doc["document_number_status"]))


def _row(doc: pd.Series) -> str:
    issuers = pick(doc, "issuers_en")
    note = pick(doc, "note")
    return (f'<tr id="document-{escaped(doc["document_id"])}"><th scope="row">{_title(doc)}</th>'
            f"<td>{escaped(issuers)}</td>"
            f'<td>{html.escape(reader_date(doc["date"]))}{small(tr(DATE_KINDS[doc["date_kind"]]))}</td><td>{_number(doc)}</td>'
            f'<td><span class="gm-status">{html.escape(tr(doc["relation"]))}</span>{small(pick(doc, "relation_note"))}</td>'
            f'<td>{source_html(doc)}{"" if is_missing(note) else small(note)}</td></tr>')


def documents_html(data: dict) -> str:
    """One row per document, by date (the Opinions among them), anchored as document-<id>."""
    documents = data["documents"].assign(order=data["documents"]["date"].str.pad(10, side="right", fillchar="-"))
    rows = "".join(_row(doc) for _, doc in documents.sort_values("order", kind="stable").iterrows())
    head = "".join(f'<th scope="col">{html.escape(tr(name))}</th>' for name in COLUMNS)
    return scroll_box(f'<table class="gm-front-table gm-family-documents"><thead><tr>{head}</tr>'
                      f"</thead><tbody>{rows}</tbody></table>")
