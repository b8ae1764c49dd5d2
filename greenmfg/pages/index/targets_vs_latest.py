"""The home page's scoreboard: each numeric 2030 target, its latest official value, the gap, the pace status and
how fresh the figure is, as one row per target that reads on a phone as well as on a desktop.

Each row is a bar on the target's own scale (latest value as a share of the target level, the tick at the end is
the target), so targets in tonnes and in percent sit on one chart without a shared unit. A thin dark tick marks each
milestone an earlier plan set on the way (greenmfg.data.predecessors), its verdict in its tooltip and in the CSV.
"""
from __future__ import annotations

import altair as alt
import pandas as pd

from greenmfg.charts import theme
from greenmfg.charts.card import chart_id_of
from greenmfg.charts.columns import drawing_only
from greenmfg.charts.markup import cell_text, value_text
from greenmfg.charts.tooltips import source_lines, with_source_dates
from greenmfg.data import targets as pace_math
from greenmfg.data.frames import PROVENANCE, reader_units, with_provenance
from greenmfg.locale.i18n import language, pick, tr
from greenmfg.pages.family.wording import goal_label

CHART_ID = chart_id_of(__name__)
MILESTONE = "earlier milestone"
TOOLTIP = (("metric_en", "Target"), ("kind", "Row"), ("value_label", "Value"), ("year", "Year"), ("gap_label", "Gap"),
           ("pace_needed", "Pace needed"), ("pace_from", "Pace needed measured from"), ("pace_recent", "Recent pace"),
           ("status", "Status"), ("status_reason", "Why"), ("milestones", "Earlier milestones"),
           ("next_release", "Next release"), ("basis", "Basis"), ("attribution", "Target in the document"))
MILESTONE_TOOLTIP = (("label", "Target"), ("kind", "Row"), ("value_label", "Earlier milestone"), ("documents", "Set by"),
                     ("verdict", "Verdict"), ("reason", "Why"))
# Qualifiers the scoreboard writes as symbols (short, to fit a phone); tooltips and the table use words.
SYMBOLS = (">", "≥", "≈", "<", "≤")
ROW_STEP = 66  # pixels per target: a label line, the bar, a figures line
# Font sizes of the label line and the figures line: a size smaller on a phone, so both halves of a line fit.
LARGE, SMALL = alt.ExprRef("width < 420 ? 13 : 14"), alt.ExprRef("width < 420 ? 11 : 12")


def short_value(value, unit, qualifier) -> str:
    """A value with its qualifier as a symbol: '>20 %', '≥5.1亿吨' (value_text spells the qualifier out)."""
    symbol = cell_text(qualifier)
    return (symbol if symbol in SYMBOLS else "") + value_text(value, unit, "=")


def gap_text(progress: pd.Series) -> str:
    """The gap as every page words it (greenmfg.data.targets.gap_text); from a 'more than' latest value it is only
    an upper bound ('at most')."""
    return pace_math.gap_text(progress["gap"], cell_text(progress["unit"]), bool(progress["latest_is_lower_bound"]))


def next_release(text: str) -> str:
    """The next release without the freshness line's own 'Next: ' (下次发布：), which the tooltip's title says."""
    prefix = tr("Next: {phrase}", phrase="")
    return text[len(prefix):] if isinstance(text, str) and text.startswith(prefix) else text


def _scores(progress: pd.Series) -> dict:
    """What a scoreboard row says about one target besides its two values (same on both of its rows)."""
    kind = cell_text(progress["recent_pace_kind"]) or pace_math.PACE_EXACT
    recent = None if pd.isna(progress["recent_annual_change"]) else float(progress["recent_annual_change"])
    return {"metric_en": progress["metric_en"], "status": tr(progress["status"]),
            "status_reason": pace_math.status_reason(progress["required_annual_change"], recent, progress["gap"], kind),
            "gap_label": gap_text(progress), "latest_year": int(progress["latest_year"]),
            "pace_needed": pace_math.pace_label(progress["required_annual_change"], cell_text(progress["unit"])),
            "pace_recent": pace_math.pace_label(recent, cell_text(progress["unit"]), kind),
            "pace_from": progress["pace_from"], "milestones": progress["milestones"],
            "next_release": next_release(progress["next_release"])}


def _goal(target: pd.Series) -> str:
    """A Chinese target as every Chinese page words it (20%以上, 达到62%; a Chinese desk reads no ≥); English rows keep
    the symbol, short for a phone, and the unit of their latest value (≥5.1亿吨 beside 3.85亿吨)."""
    return goal_label(target) if language() == "zh" else ""


def _point(progress: pd.Series, label: str, kind: str, source: dict, goal: str = "") -> dict:
    """One of a target's two rows: the latest value or the target itself (``goal``: its value as every page words
    it, 20%以上, not ≥20%), with its own provenance."""
    value, qualifier, year, basis = ((progress["latest_value"], progress["latest_qualifier"], progress["latest_year"],
                                      progress["latest_basis"]) if kind == "latest" else
                                     (progress["target_value"], progress["target_qualifier"], progress["target_year"],
                                      source["basis"]))
    return {"target_id": progress["target_id"], "label": label, "kind": tr(kind), "year": int(year),
            **dict(zip(("value", "unit"), reader_units(float(value), progress["unit"]))), "qualifier": qualifier,
            "value_label": goal or value_text(value, progress["unit"], qualifier),
            "short_label": goal or short_value(value, progress["unit"], qualifier),
            "percent_of_target": round(float(value) / float(progress["target_value"]) * 100, 1),
            "basis": basis, "attribution": tr(source["attribution_status"]) if source.get("attribution_status") else "",
            **_scores(progress),
            **{column: source[column] for column in PROVENANCE}}


def frame(data: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Two rows per numeric target (latest official value, target), each with its own source; words (sector,
    measure, basis, row kind, status, lines) in the page's language."""
    meta = data["policy_targets"].set_index("target_id")
    releases = data["freshness"].set_index("target_id")["next_release"]
    rows, steps = [], []
    for _, progress in data["progress"].iterrows():
        target = meta.loc[progress["target_id"]]
        progress = pd.concat([progress, pd.Series({"next_release": releases[progress["target_id"]]})])
        progress["metric_en"], progress["latest_basis"] = pick(target, "metric_en"), data["bases"][progress["latest_basis"]]
        label = cell_text(pick(target, "sector")).capitalize()
        attribution = {"attribution_status": target["attribution_status"]}
        rows.append(_point(progress, label, "latest", {**progress.to_dict(), **attribution}))
        # the target's 'as of' is when it was reported, not its horizon year (else "Data as of 2030")
        rows.append(_point(progress, label, "target", {**target.to_dict(), "basis": pick(target, "basis"),
                                                        "as_of": target["source_date"]}, _goal(target)))
        steps += _milestones(progress["target_id"], label, data["steps"])
    out = pd.DataFrame(rows)
    latest = out["kind"] == tr("latest")
    out["line"] = [tr("{value} in {year}", value=value, year=year)
                   for value, year in zip(out["short_label"], out["latest_year"])]
    out.loc[~latest, "line"] = [tr("target {value}, {gap}", value=value, gap=gap)
                                for value, gap in zip(out.loc[~latest, "short_label"], out.loc[~latest, "gap_label"])]
    out = pd.concat([out, pd.DataFrame(steps)], ignore_index=True)
    out["latest_year"] = out["latest_year"].map(lambda year: "" if pd.isna(year) else int(year)).astype(object)
    # what a screen reader says of each mark: the sector, the row and its value (Vega would read out every encoded
    # field, the row key among them)
    out["aria"] = [tr("{sector}: {kind}, {value}", sector=label, kind=kind, value=value)
                   for label, kind, value in zip(out["label"], out["kind"], out["value_label"])]
    return with_provenance(out.fillna(""))


def _milestones(target_id: str, label: str, steps: pd.DataFrame) -> list[dict]:
    """The target's earlier milestones as rows of their own: value, year, plans, verdict and source."""
    own = steps[steps["target_id"] == target_id]
    return [{"target_id": target_id, "label": label, "kind": tr(MILESTONE), "year": int(step["year"]),
             **dict(zip(("value", "unit"), reader_units(step["value"], step["unit"]))), "qualifier": step["qualifier"],
             "value_label": step["step_label"],
             "short_label": short_value(step["value"], step["unit"], step["qualifier"]),
             "percent_of_target": step["percent_of_target"], "documents": step["documents"],
             "verdict": step["verdict"], "reason": step["reason"], **{c: step[c] for c in PROVENANCE}}
            for _, step in own.iterrows()]


def _tooltip(fields: tuple[tuple[str, str], ...]) -> list[alt.Tooltip]:
    return [alt.Tooltip(f"{field}:{'O' if field == 'year' else 'N'}", title=tr(title)) for field, title in fields] + \
        source_lines()


def _text(base: alt.Chart, field: str, kind: str, x_end: float | None, line: int, **style) -> alt.Chart:
    """A text line of each row: at the left edge (x_end None) or right-aligned at x_end; line -1 above the bar, 1 below."""
    at = alt.datum(0) if x_end is None else alt.datum(x_end)
    mark = base.transform_filter(alt.datum.kind == tr(kind)).mark_text(
        align="left" if x_end is None else "right", baseline="middle", dy=line * 19, **style)
    return mark.encode(x=at, text=f"{field}:N")


def chart(frame: pd.DataFrame) -> alt.LayerChart:
    """Per target: label and pace status, a bar from zero to the latest value's share of the target, the figures."""
    x_end = max(100.0, float(frame["percent_of_target"].max())) + 2  # room for the target tick at the right edge
    status = alt.Color("status:N", scale=theme.color_scale(list(pace_math.STATUSES)), legend=None)
    base = with_source_dates(alt.Chart(frame)).encode(
        y=alt.Y("target_id:N", sort=list(dict.fromkeys(frame["target_id"])), axis=None, title=None),
        x=alt.X("percent_of_target:Q", scale=alt.Scale(domain=[0, x_end], nice=False), axis=None, title=None),
        tooltip=_tooltip(TOOLTIP), description="aria:N")
    track = base.transform_filter(alt.datum.kind == tr("target")).mark_bar(size=10, color=theme.LIGHT["grid"])
    fill = base.transform_filter(alt.datum.kind == tr("latest")).mark_bar(size=10).encode(color=status)
    tick = base.transform_filter(alt.datum.kind == tr("target")).mark_tick(thickness=3, size=20,
                                                                       color=theme.category_color("target"))
    step = base.transform_filter(alt.datum.kind == tr(MILESTONE)).mark_tick(
        thickness=2, size=16, color=theme.category_color(MILESTONE)).encode(tooltip=_tooltip(MILESTONE_TOOLTIP))
    muted = theme.LIGHT["muted"]
    lines = [_text(base, "label", "latest", None, -1, fontSize=LARGE, fontWeight="bold", limit=alt.ExprRef("width - 115")),
             _text(base, "status", "latest", x_end, -1, fontSize=LARGE).encode(color=status),
             _text(base, "line", "latest", None, 1, fontSize=SMALL, color=muted),
             _text(base, "line", "target", x_end, 1, fontSize=SMALL, color=muted)]
    title = alt.Title(tr("Where each 2030 target stands"),
                      subtitle=tr("Bar: latest official value as a share of its target (tick); dark tick: an earlier "
                                  "plan's milestone; words and colour: pace"))
    units = tr(" or ").join(sorted({tr("percent") if unit == "%" else unit for unit in frame["unit"]}))
    years = [year for year in frame["latest_year"] if year != ""]
    description = tr("Scoreboard of the {count} numeric 2030 targets of the Guiding Opinions: for each, the latest "
                     "official value (years {first} to {last}) as a share of the target level, the gap in the target's "
                     "own unit ({units}), whether the recent pace is enough, and a tick for each of {steps} milestones "
                     "earlier plans set on the way.", count=frame["target_id"].nunique(), first=min(years),
                     last=max(years), units=units, steps=int((frame["kind"] == tr(MILESTONE)).sum()))
    drawn = drawing_only(alt.layer(track, fill, tick, step, *lines), "target_id", "short_label", "line",
                         "aria")  # rows, text, what a screen reader says
    return drawn.properties(height=alt.Step(ROW_STEP), title=title, description=description)
