"""Every chart the site shows: valid Vega-Lite, house theme, tooltip, description, unique id."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import altair as alt
import jsonschema
import nbformat
import pytest

from greenmfg.paths import BUILD_DIR


@lru_cache(maxsize=1)
def vegalite_validator():
    schema_path = Path(alt.__file__).parent / "vegalite" / "v6" / "schema" / "vega-lite-schema.json"
    schema = json.loads(schema_path.read_text())
    return jsonschema.Draft7Validator(schema)


def site_charts(executed_dir: Path) -> list[tuple[str, dict]]:
    charts = []
    for path in sorted(executed_dir.rglob("*.ipynb")):
        if "test-pages" in path.parts:
            continue
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            for output in cell.get("outputs", []):
                meta = output.get("metadata", {}).get("greenmfg")
                if meta:
                    charts.append((f"{path.relative_to(executed_dir)}:{meta['chart_id']}", meta["vegalite"]))
    return charts


def _walk(node):
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def test_every_site_chart_is_valid_and_complete(site):
    charts = site_charts(BUILD_DIR / "executed")
    for edition in ("zh/", ""):  # ids repeat across editions (twins), never within one
        ids = [name.split(":")[1] for name, _ in charts if name.startswith("zh/") == (edition == "zh/")]
        assert ids and len(ids) == len(set(ids)), f"chart ids must be unique within the edition {edition or 'en'}"
    problems = []
    for name, spec in charts:
        errors = sorted(vegalite_validator().iter_errors(spec), key=str)
        if errors:
            problems.append(f"{name}: {errors[0].message[:200]}")
        if not any("tooltip" in node for node in _walk(spec)):
            problems.append(f"{name}: no tooltip")
        if spec.get("config", {}).get("font") is None:
            problems.append(f"{name}: house theme config missing")
        if len(spec.get("description", "")) < 40:
            problems.append(f"{name}: description too short")
    assert problems == []


def test_the_schema_check_can_fail():
    bad = {"$schema": "https://vega.github.io/schema/vega-lite/v6.json", "mark": "nonsense", "data": {"values": []}}
    assert list(vegalite_validator().iter_errors(bad))


@pytest.mark.parametrize("spec_has_tooltip", [True, False])
def test_tooltip_detection(spec_has_tooltip):
    spec = {"encoding": {"tooltip": [{"field": "x"}]}} if spec_has_tooltip else {"encoding": {"x": {"field": "x"}}}
    assert any("tooltip" in n for n in _walk(spec)) is spec_has_tooltip


def test_an_opening_bracket_never_ends_a_wrapped_line():
    """A legend entry read '已完成并公示（' / '中国钢铁工业协会；生态环境部）': the bracket goes with what it opens."""
    from greenmfg.charts import theme

    assert theme.lines("已完成并公示（中国钢铁工业协会；生态环境部）", 30) == ["已完成并公示", "（中国钢铁工业协会；生态环境部）"]
    for text in ("甲乙丙丁戊己（庚辛壬癸子丑寅卯辰巳午未申酉戌亥）", "报道称“超过九百五十万辆新能源汽车”"):
        assert not any(line.endswith(tuple(theme.OPENING)) for line in theme.lines(text, 12))


def test_phone_views_thin_labels_by_the_drawn_width():
    """Value labels and angled years follow Vega's own `width` signal, so they change as the card does."""
    from greenmfg.charts import theme

    assert theme.by_width(-45, 0).to_dict() == {"expr": f"width < {theme.NARROW_VIEW} ? -45 : 0"}
    assert theme.light_config()["axisQuantitative"]["labelSeparation"] > 0
