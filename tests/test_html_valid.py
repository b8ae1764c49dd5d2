"""Valid HTML: the Nu HTML Checker finds no error from our markup on either renderer's site (both editions, embeds
and the charts' static SVGs included); Quarto's own known leftovers are named with their Quarto issue."""
from __future__ import annotations

import pytest

from greenmfg.site import check_html


@pytest.fixture(scope="module")
def checker() -> None:
    reason = check_html.unavailable()
    if reason:
        pytest.skip(reason)


def test_no_checker_error_comes_from_our_markup(checker, site, renderer):
    ours, quartos = check_html.errors(site)
    assert [check_html.describe(m) for m in ours] == []
    if renderer == "preview":
        assert quartos == [], "the preview has none of Quarto's markup"


def test_the_check_names_an_error_of_ours_and_sets_quarto_leftovers_apart(checker, tmp_path):
    (tmp_path / "page.html").write_text(
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title>'
        '<link rel="stylesheet" href="a.css" id="quarto-bootstrap"><link rel="stylesheet" href="b.css" id="quarto-bootstrap">'
        '</head><body><svg xlink="http://www.w3.org/1999/xlink"></svg></body></html>', encoding="utf-8")
    ours, quartos = check_html.errors(tmp_path)
    assert len(ours) == 1 and "xlink" in ours[0]["message"] and ours[0]["file"] == "page.html"
    assert [check_html.quarto_issue(m) for m in quartos] == ["quarto-dev/quarto-cli#8095"]
