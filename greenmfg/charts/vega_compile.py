"""Compile Vega-Lite specs to what browsers run: Vega for the site (light, dark patch, static SVG) and for notebooks.

Readers never download the Vega-Lite compiler: specs are compiled here, at build time.
"""
from __future__ import annotations

from typing import Any

import vl_convert

from . import theme

STATIC_WIDTH = 640
NARROW_WIDTH = 295  # the chart box of a card on a 390 px phone (305 px in Quarto's page) less the chart's padding, so the
# build-time phone chart is drawn at its own size there, never shrunk (its 11 px text would read as 10)
COMPOUND_KEYS = ("hconcat", "vconcat", "concat", "facet", "repeat")


def _recolour(node: Any, mapping: dict[str, str]) -> Any:
    """Swap light hex colours for their dark twins everywhere except in data."""
    if isinstance(node, dict):
        return {k: (v if k in ("datasets", "values") else _recolour(v, mapping)) for k, v in node.items()}
    if isinstance(node, list):
        return [_recolour(v, mapping) for v in node]
    if isinstance(node, str) and node.lower() in mapping:
        return mapping[node.lower()]
    return node


def json_patch(old: Any, new: Any, path: tuple = ()) -> list[list[Any]]:
    """Minimal [[path, value], …] list that turns ``old`` into ``new`` (a list of changed leaves)."""
    if isinstance(old, dict) and isinstance(new, dict):
        out: list[list[Any]] = []
        for key in sorted(set(old) | set(new)):
            if key not in new:
                out.append([list(path + (key,)), None, "delete"])
            elif key not in old:
                out.append([list(path + (key,)), new[key]])
            else:
                out.extend(json_patch(old[key], new[key], path + (key,)))
        return out
    if isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        out = []
        for i, (a, b) in enumerate(zip(old, new)):
            out.extend(json_patch(a, b, path + (i,)))
        return out
    return [] if old == new else [[list(path), new]]


def _strip_title(spec: dict[str, Any]) -> dict[str, Any]:
    spec = dict(spec)
    spec.pop("title", None)
    return spec


class LayoutError(ValueError):
    """A chart that puts views side by side: it cannot fit a phone-wide card without scrolling."""


def _beside(node: dict[str, Any]) -> bool:
    """True when this spec node itself lays views out in more than one column."""
    encoding = node.get("encoding") if isinstance(node.get("encoding"), dict) else {}
    facet = node.get("facet") or encoding.get("facet") or {}
    repeat = node.get("repeat")
    wrapped = "concat" in node or isinstance(repeat, list) or "field" in facet
    columns = node.get("columns", facet.get("columns"))
    by_column = "column" in encoding or "column" in facet or (isinstance(repeat, dict) and "column" in repeat)
    return "hconcat" in node or by_column or (wrapped and columns != 1)


def side_by_side(node: Any, path: str = "spec") -> list[str]:
    """Where a Vega-Lite spec puts views side by side (hconcat, column facets, wrapped views in more than one
    column), each place named by its path in the spec."""
    found = []
    if isinstance(node, dict):
        found += [path] if _beside(node) else []
        for key, value in node.items():
            if key not in ("data", "datasets", "encoding", "config"):
                found += side_by_side(value, f"{path}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += side_by_side(value, f"{path}[{index}]")
    return found


def _responsive(spec: dict[str, Any]) -> dict[str, Any]:
    """Single views fill their container (Vega-Lite's width "container"); stacked views are made to in Vega
    (_fill_width). Views side by side are refused: they would not fit a phone."""
    beside = side_by_side(spec)
    if beside:
        raise LayoutError(f"views side by side at {', '.join(beside)}: stack them (vconcat, a facet with columns=1) "
                          "so the chart fits a phone-wide card")
    if any(k in spec for k in COMPOUND_KEYS):
        return spec
    return {**spec, "width": "container", "autosize": {"type": "fit-x", "contains": "padding"}}


CONTAINER_WIDTH = "isFinite(containerSize()[0]) ? containerSize()[0] : 300"  # as Vega-Lite writes "container"


def _fill_width(vega: dict[str, Any]) -> dict[str, Any]:
    """Stacked views as wide as the card: every view's width follows the `width` signal, which Vega's fit-x autosize
    sets from the container, as Vega-Lite does for a single view (it offers no "container" width for vconcat)."""
    vega.pop("width", None)
    signals = [s for s in vega.get("signals", []) if s["name"] != "width"]
    for signal in signals:
        if signal["name"].endswith("_width") or signal["name"] == "childWidth":
            signal.pop("value", None)
            signal["update"] = "width"
    resize = {"events": "window:resize", "update": CONTAINER_WIDTH}
    vega["signals"] = [{"name": "width", "init": CONTAINER_WIDTH, "on": [resize]}, *signals]
    vega["autosize"] = {"type": "fit-x", "contains": "padding"}
    return vega


def _site_vega(live: dict[str, Any]) -> dict[str, Any]:
    """The Vega a card runs: compiled, and stacked views made as wide as the card."""
    vega = to_vega(live)
    return _fill_width(vega) if any(k in live for k in COMPOUND_KEYS) else vega


def _voronoi_tooltips(node: Any) -> Any:
    """Point the tooltips of nearest-point (voronoi) cells at the item each cell stands for.

    Vega-Lite copies a mark's tooltip onto the cells but reads the fields from the cell's datum, which is the mark
    item, not its row (vega-lite#4859), so every field showed "undefined"; the item's own tooltip is already right.
    """
    if isinstance(node, dict):
        update = node.get("encode", {}).get("update", {}) if node.get("type") == "path" else {}
        if "isVoronoi" in update and "tooltip" in update:
            update["tooltip"] = {"signal": "datum.tooltip"}
        for value in node.values():
            _voronoi_tooltips(value)
    elif isinstance(node, list):
        for value in node:
            _voronoi_tooltips(value)
    return node


def to_vega(spec: dict[str, Any]) -> dict[str, Any]:
    """A Vega-Lite spec compiled to Vega, with the compiler's known tooltip slip mended."""
    return _voronoi_tooltips(vl_convert.vegalite_to_vega(spec))


TRANSIENT_EVENTS = ("pointerover", "mouseover", "pointermove", "mousemove")


def _params(node: Any):
    if isinstance(node, dict):
        yield from node.get("params", []) if isinstance(node.get("params"), list) else []
        for key, value in node.items():
            if key not in ("params", "datasets", "data"):
                yield from _params(value)
    elif isinstance(node, list):
        for value in node:
            yield from _params(value)


def shareable_params(spec: dict[str, Any]) -> list[str]:
    """Names of the settings a shared link keeps: bound inputs and click/legend selections, not hovers.

    They appear in URLs as ?<chart-id>.<name>=, so they are public: renaming one breaks saved links.
    """
    names: dict[str, None] = {}
    for param in _params(spec):
        select = param.get("select")
        on = str(select.get("on", "")) if isinstance(select, dict) else ""
        if (param.get("bind") and not select) or (select and not any(e in on for e in TRANSIENT_EVENTS)):
            names[param["name"]] = None
    return list(names)


def site_specs(spec: dict[str, Any], dataset_name: str, narrow: bool = False) -> dict[str, Any]:
    """Light Vega spec, its dark-mode patch and the static SVG of a Vega-Lite spec (rows stay out of the specs);
    with ``narrow``, also a static SVG laid out for a phone's width (a card shown static in the first screen)."""
    live = _responsive(_strip_title(spec))
    light_vega = _site_vega(live)
    dark_spec = _recolour({**live, "config": theme.dark_config()}, theme.dark_color_map())
    dark_vega = _site_vega(dark_spec)
    for vg in (light_vega, dark_vega):  # the rows travel once, in the table; the runtime puts them back
        for entry in vg.get("data", []):
            if entry.get("name") == dataset_name:
                entry["values"] = "__gm_rows__"
    static = _strip_title(spec)
    if not any(k in static for k in COMPOUND_KEYS):
        static = {**static, "width": STATIC_WIDTH}
    svg = vl_convert.vegalite_to_svg(static)
    single = not any(k in static for k in COMPOUND_KEYS)
    svg_narrow = vl_convert.vegalite_to_svg({**static, "width": NARROW_WIDTH}) if narrow and single else ""
    return {"vega": light_vega, "dark_patch": json_patch(light_vega, dark_vega), "svg": svg, "svg_narrow": svg_narrow,
            "state": shareable_params(spec)}


def notebook_bundle(spec: dict[str, Any]) -> dict[str, Any]:
    """What a Jupyter front end gets: the chart compiled to Vega, plus a static SVG.

    Front ends bundle their own, often older, Vega-Lite (JupyterLab 4.6: 5.6.1, while Altair writes
    6.x specs), so the spec is compiled here and they only run Vega, offline. Those without a Vega
    renderer show the SVG. Altair's html renderer would load Vega from a CDN, so it is not used.
    Single views get a fixed width: "container" has no width to fill in a notebook output.
    """
    if not any(k in spec for k in COMPOUND_KEYS) and "width" not in spec:
        spec = {**spec, "width": STATIC_WIDTH}
    return {"application/vnd.vega.v5+json": to_vega(spec),
            "image/svg+xml": vl_convert.vegalite_to_svg(spec)}
