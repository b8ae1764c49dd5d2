"""Ultra-low-emission steel: firms and crude-steel capacity with full-process retrofits, cumulative, by date, with
the CCTV report's undated claim as a separate, labelled marker (never a point of the series)."""
from __future__ import annotations

import calendar

import altair as alt
import pandas as pd

from greenmfg.charts import theme
from greenmfg.charts.card import chart_id_of
from greenmfg.charts.columns import drawing_only
from greenmfg.charts.tooltips import source_lines, with_source_dates
from greenmfg.data.frames import PROVENANCE, figure_label, is_derived, provenance_of, rescale, series_rows
from greenmfg.data.sources import publisher_name
from greenmfg.locale.formatting import chart_unit, fmt_number, fmt_value, in_chart_unit, reader_date
from greenmfg.locale.i18n import tr
from greenmfg.pages.traditional.progress import value_label

CHART_ID = chart_id_of(__name__)
# Measure (as tooltips name it) -> its series and the CCTV report's claim about it.
CAPACITY, FIRMS = "crude-steel capacity covered", "steel firms"
SERIES = {CAPACITY: "steel_ule_capacity", FIRMS: "steel_ule_firms"}
CLAIMS = {CAPACITY: "steel-ule-capacity", FIRMS: "steel-ule-firms"}
Y_TITLES = {CAPACITY: "Capacity covered, {unit}", FIRMS: "Firms"}
TONNES = "Mt"  # capacity's unit in the frame's English; charts show it in the edition's (formatting.chart_unit: 亿吨)
# Who counts the published retrofits (ids of the publisher table, which names them in the reader's language).
COUNTED_BY = ("cisa", "mee")
PUBLISHED_KIND = "Completed, publicly notified ({first}; {second})"
DERIVED_KIND = "Completed, publicly notified ({first}; {second}), derived"
# Legend entry -> (colour category of greenmfg.charts.theme, mark shape); the claim's entry is built with its verdict.
STYLES = {"published": ("official", "circle"), "derived": ("calculated", "triangle-up"), "claim": ("article", "diamond")}
COLUMNS = ["measure", "kind", "style", "date", "when", "value", "qualifier", "unit", "value_label", "short_label", "figure",
           *PROVENANCE]
TOOLTIP = [("measure", "Measure"), ("when", "As of"), ("value_label", "Value"), ("figure", "Figure")]
LINE_TOOLTIP = [("measure", "Measure"), ("kind", "Series")]


def tooltip(fields: list[tuple[str, str]]) -> list[alt.Tooltip]:
    """Tooltip fields (field, English title), titled in the page's language."""
    return [alt.Tooltip(f"{field}:N", title=tr(title)) for field, title in fields]


def series_kind(derived: bool) -> str:
    """The legend entry of the published (or derived) counts, naming who counts them from the publisher table."""
    first, second = (publisher_name(publisher) for publisher in COUNTED_BY)
    return tr(DERIVED_KIND if derived else PUBLISHED_KIND, first=first, second=second)


def claim_kind(status: str) -> str:
    """The legend entry of the article's claim, with its verdict from the claims ledger."""
    return tr("News article's claim, verdict: {status}", status=tr(status))


def as_of_date(as_of: str) -> str:
    """An ISO date for a YYYY / YYYY-MM / YYYY-MM-DD reference date: a cumulative count 'by' it, so its last day."""
    parts = [int(p) for p in as_of.split("-")]
    year, month = parts[0], parts[1] if len(parts) > 1 else 12
    day = parts[2] if len(parts) > 2 else calendar.monthrange(year, month)[1]
    return f"{year:04d}-{month:02d}-{day:02d}"


def as_of_words(as_of: str) -> str:
    """A reference date as readers say it: '2025-07' -> 'July 2025' (2025年7月), '2023-12-16' -> '16 December 2023'."""
    if "-" not in as_of:
        return tr("end of {year}", year=int(as_of))
    return reader_date(as_of)


def _labels(measure: str, value: float, unit: str, qualifier: str) -> tuple[float, str, str, str]:
    """Plotted value, shown unit, full label and short point label of one figure ('6亿吨 (600 Mt)', '600 Mt'; in
    Chinese 6亿吨 throughout, plotted in 亿吨)."""
    if measure == FIRMS:
        number = fmt_value(value, "", qualifier)
        return value, tr("firms"), tr("{number} firms", number=number), fmt_number(value)
    megatonnes, _ = rescale(value, unit)
    return (*in_chart_unit(megatonnes, TONNES), value_label(value, unit, qualifier),
            fmt_value(megatonnes, TONNES, decimals=0))


def _series_rows(series: pd.DataFrame, measure: str) -> list[dict]:
    rows = series_rows(series, SERIES[measure])
    out = []
    for (_, row), derived in zip(rows.iterrows(), is_derived(rows)):
        value, unit, label, short = _labels(measure, float(row["value"]), row["unit"], row["qualifier"])
        out.append({"measure": measure, "kind": series_kind(derived),
                    "style": "derived" if derived else "published", "date": as_of_date(row["as_of"]),
                    "when": as_of_words(row["as_of"]), "value": value, "qualifier": row["qualifier"], "unit": unit, "value_label": label,
                    "short_label": short, "figure": figure_label(row), **provenance_of(row)})
    return out


def _claim_row(claims: pd.DataFrame, seed: dict, measure: str) -> dict:
    """The article's claim at the article's date (it gives none), sourced to the article itself."""
    claim = claims.set_index("claim_id").loc[CLAIMS[measure]]
    value, unit, label, short = _labels(measure, float(claim["value"]), claim["unit"], claim["qualifier"] or "=")
    return {"measure": measure, "kind": claim_kind(claim["status"]), "style": "claim", "date": seed["source_date"],
            "when": tr("not stated; placed at the article's date, {date}", date=as_of_words(seed["source_date"])),
            "value": value, "qualifier": claim["qualifier"] or "=", "unit": unit,
            "value_label": label, "short_label": tr("article: {label}", label=short),
            "figure": tr("claim in the news article, not a point of the series; verdict: {status}",
                         status=tr(claim["status"])),
            **seed, "as_of": seed["source_date"][:7]}


def frame(data: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Capacity (Mt; 亿吨 in Chinese) and firm counts by reference date, each series' rows then the article's claim."""
    rows = [row for measure in SERIES for row in _series_rows(data["series"], measure)]
    rows += [_claim_row(data["claims"], data["seed_article"], measure) for measure in SERIES]
    return pd.DataFrame(rows, columns=COLUMNS)


def latest(frame: pd.DataFrame, measure: str) -> pd.Series:
    """The newest published point of one measure (derived points and the claim never count)."""
    rows = frame[(frame["measure"] == measure) & (frame["style"] == "published")]
    return rows.sort_values("date").iloc[-1]


def claim_position(frame: pd.DataFrame) -> str:
    """Where the article's firm count falls among the published counts, in words ('between the counts of A and B')."""
    firms = frame[(frame["measure"] == FIRMS) & (frame["style"] == "published")].sort_values("date")
    claim = float(frame[(frame["measure"] == FIRMS) & (frame["style"] == "claim")]["value"].iloc[0])
    below, above = firms[firms["value"] <= claim], firms[firms["value"] >= claim]
    if below.empty:
        return tr("below the earliest count, of {when}", when=firms.iloc[0]["when"])
    if above.empty:
        return tr("above the latest count, of {when}", when=firms.iloc[-1]["when"])
    return tr("between the counts of {first} and {second}", first=below.iloc[-1]["when"], second=above.iloc[0]["when"])


def months_between(start: str, end: str) -> int:
    """Whole months from one ISO date to a later one ('2023-12-16' to '2025-07-31': 19)."""
    (y0, m0, d0), (y1, m1, d1) = ([int(p) for p in date.split("-")] for date in (start, end))
    return (y1 - y0) * 12 + (m1 - m0) - (1 if d1 < d0 else 0)


def _panel(base: alt.Chart, measure: str, x: alt.X, color: alt.Color, shape: alt.Shape, first: str) -> alt.LayerChart:
    """One measure: the published series as a line, every figure as a point, the claim as a labelled diamond. A
    figure's label sits above-left of its point, clear of the rising line (the one at the axis's start, ``first``,
    above it)."""
    rows = base.transform_filter(f"datum.measure == '{tr(measure)}'")
    y = alt.Y("value:Q", title=tr(Y_TITLES[measure], unit=chart_unit(TONNES)[1]), scale=alt.Scale(zero=True))
    published, claim = tr("published"), tr("claim")
    line = rows.transform_filter(f"datum.style == '{published}'").mark_line().encode(x=x, y=y, color=color,
                                                                                         tooltip=tooltip(LINE_TOOLTIP))
    points = rows.mark_point(filled=True, size=90, opacity=1).encode(x=x, y=y, color=color, shape=shape,
                                                                     tooltip=tooltip(TOOLTIP) + source_lines())
    at_start = f"datum.date == '{first}'"
    series_text = rows.transform_filter(f"datum.style != '{claim}'").mark_text(
        fontSize=11, baseline="bottom", align=alt.expr(f"{at_start} ? 'center' : 'right'"), dx=alt.expr(
            f"{at_start} ? 0 : -4"), dy=alt.expr(f"{at_start} ? -8 : -5")).encode(
        x=x, y=y, text="short_label:N", tooltip=tooltip(TOOLTIP) + source_lines())
    claim_text = rows.transform_filter(f"datum.style == '{claim}'").mark_text(align="left", dx=7, dy=12, fontSize=11).encode(
        x=x, y=y, text="short_label:N", color=color, tooltip=tooltip(TOOLTIP) + source_lines())
    return alt.layer(line, series_text, claim_text, points).properties(width=250, height=140)


def chart(frame: pd.DataFrame) -> alt.VConcatChart:
    """Cumulative capacity (Mt) above firm counts, by reference date; the article's claim as a diamond marker."""
    kinds = list(dict.fromkeys(frame["kind"]))
    styles = [STYLES[s] for s in dict.fromkeys(frame["style"])]
    legend = alt.Legend(orient="bottom", direction="vertical", title=None, labelLimit=360,
                        labelExpr=theme.wrapped_labels(kinds, 30))  # long entries in two lines on a phone
    color = alt.Color("kind:N", legend=legend, scale=alt.Scale(
        domain=kinds, range=[theme.category_color(category) for category, _ in styles]))
    shape = alt.Shape("kind:N", legend=legend, scale=alt.Scale(domain=kinds, range=[mark for _, mark in styles]))
    years = [int(frame["date"].min()[:4]), int(frame["date"].max()[:4])]
    x = alt.X("date:T", title=None, axis=alt.Axis(format="%Y", tickCount="year"),
              scale=alt.Scale(domain=[f"{years[0]}-01-01", f"{years[1]}-12-31"]))
    base = alt.Chart()
    capacity, firms = latest(frame, CAPACITY), latest(frame, FIRMS)
    first = frame[frame["style"] == "published"].sort_values("date").iloc[0]
    claim = frame[frame["style"] == "claim"].set_index("measure")
    shown = frame.assign(measure=frame["measure"].map(tr), style=frame["style"].map(tr))  # in the page's language
    start = str(frame["date"].min())
    panels = alt.vconcat(*(_panel(base, measure, x, color, shape, start) for measure in (CAPACITY, FIRMS)), data=shown)
    panels = drawing_only(panels, "style", "date", "short_label")  # marks, placement on the axis, point labels
    return with_source_dates(panels).resolve_scale(x="shared", color="shared", shape="shared").properties(
        title=alt.Title(tr("Ultra-low-emission steel: {capacity} of capacity and {firms} firms by {when}",
                           capacity=capacity["short_label"], firms=firms["short_label"], when=firms["when"]),
                        subtitle=tr("China, cumulative full-process retrofits (capacity in {unit}, firms); the "
                                    "article's undated claim is a separate marker", unit=chart_unit(TONNES)[1])),
        description=tr("Cumulative crude-steel capacity (million tonnes) and number of Chinese steel firms whose "
                       "full-process ultra-low-emission retrofit was completed and publicly notified, {first} to "
                       "{last} (CISA counts; the environment ministry's count for capacity at the end of 2022). The "
                       "CCTV report's figures, {firms} and {capacity}, are drawn as diamonds at the article's date: "
                       "{verdict}.", first=first["when"], last=capacity["when"], firms=claim.loc[FIRMS, "value_label"],
                       capacity=claim.loc[CAPACITY, "value_label"], verdict=claim.loc[FIRMS, "kind"].lower()),
    )
