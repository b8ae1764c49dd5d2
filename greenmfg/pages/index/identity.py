"""The policy's identity card: titles in Chinese and English, date made public, issuers, the four task areas."""
from __future__ import annotations

from typing import Any

import pandas as pd

from greenmfg.charts.markup import chinese, escaped, source_html
from greenmfg.locale.formatting import reader_date
from greenmfg.locale.i18n import pick, tr


def document_facts(doc: pd.DataFrame) -> dict[str, Any]:
    """The policy's identity from the long policy_document table: titles, date, issuers, task areas."""
    by_field = {row["field"]: row for _, row in doc.iterrows()}

    def numbered(prefix: str) -> list[pd.Series]:
        """Rows whose field starts with prefix (issuer_1, issuer_2, ...), in field order."""
        return [by_field[field] for field in sorted(by_field) if field.startswith(prefix)]

    return {"title_zh": by_field["title_zh"], "title_en": by_field["title_en"], "date_public": by_field["date_public"],
            "issuers": numbered("issuer_"), "task_areas": numbered("task_area_")}


def _source_of(row: pd.Series | None) -> str:
    """The source of one document fact ('' when there is no such fact)."""
    return source_html(row["source_org"], row["source_date"], row["url"]) if row is not None else ""


def policy_identity_html(doc: pd.DataFrame) -> str:
    """Titles (Chinese and English), issuers and the four task areas, each with its source (the Chinese edition
    names issuers and task areas in Chinese only: its catalogue drops the English field)."""
    facts = document_facts(doc)
    title_zh, title_en, date = facts["title_zh"], facts["title_en"], facts["date_public"]
    issuers = "".join(f'<li>{tr("{zh} — {en}", zh=chinese(issuer["value_zh"]), en=escaped(issuer["value_en"]))}</li>'
                      for issuer in facts["issuers"])
    tasks = "".join(f'<li>{tr("{en} ({zh})", en=escaped(task["value_en"]), zh=chinese(task["value_zh"]))}</li>'
                    for task in facts["task_areas"])
    first_issuer = facts["issuers"][0] if facts["issuers"] else None
    first_task = facts["task_areas"][0] if facts["task_areas"] else None
    titles = tr("{zh}<br>{en}", zh=f'<span lang="zh-Hans">《{escaped(title_zh["value_zh"])}》</span>',
                en=escaped(title_en["value_en"]))
    sources = tr("Sources: {first}; {second}", first=_source_of(title_zh), second=_source_of(title_en))
    return (
        '<dl class="gm-identity">'
        f'<dt>{tr("Title")}</dt><dd>{titles}<br><span class="gm-front-small">{sources}</span></dd>'
        f'<dt>{tr("Made public")}</dt><dd>{escaped(reader_date(pick(date, "value_en")))} '
        f'<span class="gm-front-small">{tr("({source})", source=_source_of(date))}</span></dd>'
        f'<dt>{tr("Issued by")}</dt><dd><ol>{issuers}</ol>'
        f'<span class="gm-front-small">{tr("Source: {source}", source=_source_of(first_issuer))}</span></dd>'
        f'<dt>{tr("Four task areas")}</dt><dd><ol>{tasks}</ol>'
        f'<span class="gm-front-small">{tr("Source: {source}", source=_source_of(first_task))}</span></dd>'
        "</dl>")
