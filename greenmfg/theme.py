"""The house look: one palette (shared with the site CSS), one Altair theme, light and dark.

Categories keep their colour on every chart: ask :func:`color_scale` for the categories a chart
shows and the domain/range pair comes from :data:`CATEGORY_COLORS`. Colours are the Okabe–Ito set
(distinguishable with the common colour-vision deficiencies), with lighter variants for dark mode.
"""
from __future__ import annotations

from typing import Any

import altair as alt

from .i18n import tr_all

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
    "2030 target of the Opinions": "purple",
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
        raise KeyError(f"category {category!r} has no colour: add it to greenmfg.theme.CATEGORY_HUES") from exc


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
        "legend": {"labelColor": colors["text"], "titleColor": colors["text"], "labelFont": FONT, "titleFont": FONT,
                   "labelFontSize": 12, "titleFontSize": 12, "orient": "bottom"},
        "header": {"labelColor": colors["text"], "titleColor": colors["text"], "labelFont": FONT, "titleFont": FONT},
        "title": {"color": colors["text"], "subtitleColor": colors["muted"], "font": FONT, "subtitleFont": FONT,
                  "fontSize": 15, "subtitleFontSize": 12, "anchor": "start"},
        "text": {"color": colors["text"], "font": FONT},
        "range": {"category": [hue(h) for h in ("blue", "orange", "green", "purple", "vermillion", "sky", "grey")]},
        "line": {"strokeWidth": 2.5},
        "point": {"size": 60, "filled": True},
    }


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
    lines = ["/* Generated by `python -m greenmfg.theme` from greenmfg/theme.py: do not edit. */", ":root {"]
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
    from .paths import ASSETS_DIR

    (ASSETS_DIR / "palette.css").write_text(palette_css(), encoding="utf-8")
