"""The house look: one palette (shared with the site CSS), one Altair theme, light and dark.

Categories keep their colour on every chart: ask :func:`color_scale` for the categories a chart
shows and the domain/range pair comes from :data:`CATEGORY_COLORS`. Colours are the Okabe–Ito set
(distinguishable with the common colour-vision deficiencies), with lighter variants for dark mode.
"""
from __future__ import annotations

import json
import re
from typing import Any

import altair as alt

from greenmfg.locale.formatting import vega_number_locale
from greenmfg.locale.i18n import tr_all

FONT = '"Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif'

# Okabe–Ito hues; dark variants are lightened so marks keep >= 3:1 against the dark background.
HUES: dict[str, tuple[str, str]] = {
    "blue": ("#0072B2", "#5AB4F0"),
    "orange": ("#B35C00", "#F0A33C"),
    "green": ("#007A5A", "#3CC79A"),
    "sky": ("#3B8DBF", "#8CCDF2"),
    "vermillion": ("#C24E00", "#FF8A4C"),
    "purple": ("#A3508A", "#E39BCB"),
    "grey": ("#595959", "#B5B5B5"),
    "ink": ("#1F1F1F", "#EDEDED"),
}

# Semantic categories -> hue. Add a category here (never a hex code in a chart function).
CATEGORY_HUES: dict[str, str] = {
    # generic measures
    "production": "blue", "output": "blue", "sales": "orange", "share": "green",
    "target": "purple", "latest": "blue", "baseline": "blue", "required pace": "purple",
    "recent pace": "blue", "reported case": "purple", "article": "purple", "official": "blue",
    "calculated": "grey", "gap": "vermillion",
    # photovoltaics
    "polysilicon": "blue", "wafers": "orange", "cells": "green", "modules": "purple",
    # batteries
    "power": "blue", "storage": "green", "total": "grey", "other": "grey",
    # electricity
    "solar": "orange", "wind": "sky", "coal": "grey", "renewables": "green", "low-carbon": "blue",
    "grid average": "grey", "coal-fired": "ink",
    # green-manufacturing system
    "green factories": "green", "green industrial parks": "blue", "green supply-chain firms": "orange",
    # steel and industry structure
    "national average": "grey", "all stages": "ink",
    "crude steel": "grey", "EAF share": "vermillion", "high-tech manufacturing": "blue",
    "equipment manufacturing": "orange",
    # claim statuses
    "confirmed": "green", "partly confirmed": "sky", "found in another document": "orange",
    "not found": "grey", "conflicts with official data": "vermillion",
    # target-tracker statuses
    "on track": "green", "needs faster progress": "vermillion", "not enough data": "grey",
    # milestone verdicts (policy family), and the Opinions' 2030 targets that end each chain
    "met": "green", "not met": "vermillion", "cannot tell": "grey", "not yet due": "sky",
    "2030 target of the Opinions": "purple", "earlier milestone": "ink",
}

# Each page's hue (by its key in the site map): navigation cards and page accents use it.
PAGE_HUES: dict[str, str] = {
    "index": "ink", "traditional": "grey", "emerging": "green", "digital": "blue",
    "targets": "purple", "family": "purple", "claims": "orange", "glossary": "sky", "data": "vermillion", "about": "ink",
}

LIGHT = {"background": "#FFFFFF", "text": "#1F1F1F", "muted": "#595959", "grid": "#E3E3E3", "domain": "#8A8A8A"}
DARK = {"background": "#1B1D21", "text": "#EDEDED", "muted": "#BDBDBD", "grid": "#3A3D42", "domain": "#8F8F8F"}


def hue(name: str, mode: str = "light") -> str:
    """Hex colour of a named hue in light or dark mode."""
    light, dark = HUES[name]
    return dark if mode == "dark" else light


def category_color(category: str, mode: str = "light") -> str:
    """The site-wide colour of one category; unknown categories are an error, not a silent grey."""
    try:
        return hue(CATEGORY_HUES[category], mode)
    except KeyError as exc:
        raise KeyError(f"category {category!r} has no colour: add it to greenmfg.charts.theme.CATEGORY_HUES") from exc


def color_scale(categories: list[str]) -> alt.Scale:
    """An Altair colour scale mapping each category (named in English) to its site-wide (light) colour.

    The domain is in the page's language (the frame's category values are translated the same way, with
    ``tr``), the colours come from the English names: a category keeps its colour in both editions.
    Dark mode swaps the range at render time: the runtime gets the dark twin of every light hue.
    """
    return alt.Scale(domain=tr_all(list(categories)), range=[category_color(c) for c in categories])


def _config(colors: dict[str, str]) -> dict[str, Any]:
    axis = {
        "labelColor": colors["muted"], "titleColor": colors["text"], "gridColor": colors["grid"],
        "domainColor": colors["domain"], "tickColor": colors["domain"], "labelFont": FONT, "titleFont": FONT,
        "labelFontSize": 12, "titleFontSize": 12, "titleFontWeight": "normal",
    }
    return {
        "background": colors["background"],
        "font": FONT,
        "view": {"stroke": None, "continuousWidth": 560, "continuousHeight": 300},
        "axis": axis,
        # Numbers and dates on a continuous axis: Vega drops every other label until neighbours are 6 px apart.
        "axisQuantitative": {"labelOverlap": True, "labelSeparation": 6},
        "axisTemporal": {"labelOverlap": True, "labelSeparation": 6},
        # Legends list one entry a row under the chart: a row of entries would be wider than a phone-wide card.
        "legend": {"labelColor": colors["text"], "titleColor": colors["text"], "labelFont": FONT, "titleFont": FONT,
                   "labelFontSize": 12, "titleFontSize": 12, "orient": "bottom", "direction": "vertical"},
        "header": {"labelColor": colors["text"], "titleColor": colors["text"], "labelFont": FONT, "titleFont": FONT,
                   "labelFontSize": 12, "titleFontSize": 12},
        "title": {"color": colors["text"], "subtitleColor": colors["muted"], "font": FONT, "subtitleFont": FONT,
                  "fontSize": 15, "subtitleFontSize": 12, "anchor": "start"},
        "text": {"color": colors["text"], "font": FONT},
        "range": {"category": [hue(h) for h in ("blue", "orange", "green", "purple", "vermillion", "sky", "grey")]},
        "line": {"strokeWidth": 2.5},
        "point": {"size": 60, "filled": True},
        # Numbers on axes, in tooltips and in format() grouped as the page's edition writes them (8340 / 8,340).
        "locale": {"number": vega_number_locale()},
    }


HAN = r"\u2e80-\u2fff\u3040-\u9fff\uac00-\ud7a3\uf900-\ufaff"  # Chinese (and other wide) letters
PUNCT = r"\u3000-\u303f\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6"  # full-width punctuation
WIDE = re.compile(f"[{HAN}{PUNCT}]")
# Where a line may break: around a short Chinese bracket, a number with its Chinese unit (2030年), a run of Chinese
# letters (split only when longer than a line), a full-width punctuation mark, spaces, or any other run (a word).
UNIT = "年月日号万亿个"
TOKEN = re.compile(f"（[^（）]{{1,16}}）|[^\\s{HAN}{PUNCT}]*\\d[{UNIT}]|[{HAN}]+|[{PUNCT}]|\\s+"
                   f"|[^\\s{HAN}{PUNCT}]+")
CLOSING = "，。、；：）》”"
OPENING = "（《“"


def _width(text: str) -> int:
    """Width of text in narrow characters: a Chinese (wide) character counts two."""
    return sum(2 if WIDE.match(c) else 1 for c in text)


def _tokens(text: str, width: int) -> list[str]:
    """The pieces a line may break between; a run of Chinese letters wider than a line comes apart by letter."""
    pieces = []
    for token in TOKEN.findall(text):
        long_run = WIDE.match(token) and _width(token) > width and not token.startswith("（")
        pieces += list(token) if long_run else [token]
    glued: list[str] = []  # an opening bracket or quote goes with what follows it, never at the end of a line
    for piece in pieces:
        glued[-1:] = [glued[-1] + piece] if glued and glued[-1] in OPENING else [*glued[-1:], piece]
    return glued


def _greedy(tokens: list[str], width: int) -> list[str]:
    """Lines of at most ``width`` narrow characters (one piece may overrun), never starting with closing punctuation."""
    out, line = [], ""
    for token in tokens:
        if line.strip() and _width((line + token).rstrip()) > width and token not in CLOSING:
            out.append(line.rstrip())
            line = token.lstrip()
        else:
            line += token
    return [*out, line.rstrip()] if line.strip() else out


def lines(text: str, width: int = 34) -> list[str]:
    """``text`` in as few lines of at most ``width`` narrow characters as it needs, of even length: titles inside a
    chart wrap to fit a phone-wide card (Vega draws a list of strings as lines)."""
    tokens = _tokens(text, width)
    most = _greedy(tokens, width)
    even = max(1, -(-_width(text) // max(1, len(most))))
    while len(_greedy(tokens, even)) > len(most):
        even += 1
    return _greedy(tokens, even)


def wrapped_labels(values: Any, width: int) -> str:
    """An axis labelExpr drawing each of ``values`` in lines of about ``width`` narrow characters (see lines)."""
    table = {str(value): lines(str(value), width) for value in values}
    return f"{json.dumps(table, ensure_ascii=False)}[datum.label] || datum.label"


def label_step(values: Any, width: int, font_size: int = 12) -> alt.Step:
    """The band per category that leaves the tallest of ``values``' wrapped labels (see wrapped_labels) room, with a
    gap to the next: Vega draws a line of text ``font_size`` + 2 px high."""
    most = max(len(lines(str(value), width)) for value in values)
    return alt.Step(most * (font_size + 2) + 12)


# A view (the plot, without axes) narrower than this many px is a phone's: charts thin their value labels there and
# angle crowded year labels. Vega's built-in `width` signal is the view's width as drawn, so it follows the card.
NARROW_VIEW = 400
WIDE_VIEW = f"width >= {NARROW_VIEW}"  # an expression: true in a view wide enough for every label


def by_width(narrow: Any, wide: Any) -> alt.ExprRef:
    """A mark or axis property that takes ``narrow`` in a phone-wide view and ``wide`` otherwise."""
    return alt.ExprRef(f"width < {NARROW_VIEW} ? {json.dumps(narrow)} : {json.dumps(wide)}")


def light_config() -> dict[str, Any]:
    """Vega-Lite config of the light theme."""
    return _config(LIGHT)


def dark_config() -> dict[str, Any]:
    """Vega-Lite config of the dark theme (same semantics, lightened hues)."""
    return _config(DARK)


def dark_color_map() -> dict[str, str]:
    """Light hex -> dark hex, used to recolour category ranges when the page is dark."""
    mapping = {light.lower(): dark for light, dark in HUES.values()}
    mapping.update({LIGHT[k].lower(): DARK[k] for k in LIGHT})
    return mapping


@alt.theme.register("greenmfg", enable=True)
def greenmfg_theme() -> alt.theme.ThemeConfig:
    """The house theme, registered once on import and enabled."""
    return {"config": light_config()}


def palette_css() -> str:
    """CSS custom properties for the palette, so the site and the charts share one source."""
    lines = ["/* Generated by `python -m greenmfg.charts.theme` from greenmfg/charts/theme.py: do not edit. */", ":root {"]
    for name, (light, _dark) in HUES.items():
        lines.append(f"  --gm-{name}: {light};")
    for key, value in LIGHT.items():
        lines.append(f"  --gm-{key}: {value};")
    for key, name in PAGE_HUES.items():
        lines.append(f"  --gm-page-{key}: var(--gm-{name});")
    lines.append("}")
    dark_rules = [f"  --gm-{name}: {dark};" for name, (_light, dark) in HUES.items()]
    dark_rules += [f"  --gm-{key}: {value};" for key, value in DARK.items()]
    lines.append("body.quarto-dark, html[data-theme=\"dark\"] body {")
    lines += dark_rules
    lines.append("}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    from greenmfg.paths import ASSETS_DIR

    (ASSETS_DIR / "palette.css").write_text(palette_css(), encoding="utf-8")
