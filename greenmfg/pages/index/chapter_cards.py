"""The three chapters as cards on the home page: title, the task area's Chinese name, a key figure and a one-line finding.

The chapters and their order come from the site map; the figure and the finding come from the notebook, with their
numbers as {{< var >}} tokens resolved from _variables.yml like a chart card's takeaway.
"""
from __future__ import annotations

import html
from typing import Any

from greenmfg.charts.markup import chinese
from greenmfg.charts.theme import PAGE_HUES
from greenmfg.locale.i18n import language, tr
from greenmfg.pages.index.page_map import href
from greenmfg.pages.project import BuildError, chapters
from greenmfg.pages.var_tokens import load_variables, substitute


def _card(chapter, figure: str, finding: str) -> str:
    """One chapter card: its heading links to the chapter; the accent is the chapter's hue (its dark twin in dark mode)."""
    subtitle = chapter.front_matter.get("subtitle", "")
    strong = f'<strong class="gm-key-figure">{html.escape(figure)}</strong>'
    return (f'<article class="gm-chapter-card" style="--gm-accent: var(--gm-{PAGE_HUES[chapter.key]})">'
            f'<h3><a href="{href(chapter)}">{html.escape(chapter.title)}</a></h3>'
            + (f'<p class="gm-chapter-area">{chinese(subtitle)}</p>' if subtitle else "")
            + f'<p class="gm-chapter-finding">{tr("{figure} {finding}", finding=html.escape(finding), figure=strong)}'
            "</p></article>")


def chapter_cards_html(findings: dict[str, tuple[str, str]], variables: dict[str, Any] | None = None) -> str:
    """A card per chapter of the reader's edition, in site order; ``findings`` maps each chapter key to (key figure, the finding's rest).

    Every chapter needs a finding and no other key is accepted, so a chapter added to the site map shows up here
    as a build error until it has one.
    """
    keys = [chapter.key for chapter in chapters(language())]
    if sorted(findings) != sorted(keys):
        raise BuildError(f"home page chapter cards: findings for {sorted(findings)}, chapters are {keys}")
    variables = load_variables() if variables is None else variables
    cards = []
    for chapter in chapters(language()):
        figure, finding = (substitute(text, variables, f"home page card {chapter.key}") for text in findings[chapter.key])
        cards.append(_card(chapter, figure, finding))
    return f'<div class="gm-chapter-cards">{"".join(cards)}</div>'
