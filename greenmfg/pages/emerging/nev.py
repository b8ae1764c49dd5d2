"""NEV production and sales (million vehicles) and share of new-vehicle sales, with the CCTV report's claim."""
from __future__ import annotations

import altair as alt
import pandas as pd

from greenmfg.charts import theme
from greenmfg.charts.card import chart_id_of
from greenmfg.charts.columns import drawing_only
from greenmfg.charts.tooltips import source_lines, with_source_dates
from greenmfg.data.frames import PROVENANCE, series_rows, with_provenance, year_runs, year_span
from greenmfg.locale.formatting import fmt_value
from greenmfg.locale.i18n import tr
from greenmfg.pages.emerging.units import shown

CHART_ID = chart_id_of(__name__)
SERIES = {"production": "nev_production", "sales": "nev_sales", "share": "nev_share_of_new_vehicle_sales"}
CLAIM_ID = "nev-output-sales-2023"
NO_FIGURE = "no sourced figure"


def labels_by_year(frame: pd.DataFrame, measure: str, years: list[int]) -> dict[int, str]:
    """The value label of one measure for each year, or 'no sourced figure' (hover tooltips show every measure)."""
    rows = frame[frame["measure"] == measure]
    labels = dict(zip(rows["year"], rows["value_label"]))
    return {year: labels.get(year, tr(NO_FIGURE)) for year in years}


def claim_of(claims: pd.DataFrame) -> dict:
    """The CCTV report's NEV claim: value in million vehicles, year, qualifier, status and texts."""
    row = claims.set_index("claim_id").loc[CLAIM_ID]
    value, unit = shown(row["value"], row["unit"])
    return {"value": value, "unit": unit, "year": int(row["as_of"]), "qualifier": row["qualifier"],
            "status": row["status"], "text_zh": row["claim_text"],
            "label": fmt_value(value, unit, row["qualifier"])}


def frame(data: dict) -> pd.DataFrame:
    """One row per year and measure (million vehicles or %), with every measure's label per year for the hover.

    The article's claim rides along in ``attrs["claim"]``: the chart draws it, but it is not a row of data.
    """
    parts = []
    for measure, series_id in SERIES.items():
        rows = series_rows(data["context"], series_id)
        values = [shown(value, unit) for value, unit in zip(rows["value"], rows["unit"])]
        part = pd.DataFrame({
            "year": rows["year"].astype(int).to_list(), "measure": measure,
            "value": [value for value, _ in values], "qualifier": rows["qualifier"].to_list(),
            "unit": [unit for _, unit in values],
            "value_label": [fmt_value(value, unit, q) for (value, unit), q in zip(values, rows["qualifier"])],
            "segment": year_runs(rows["year"]),
        })
        parts.append(pd.concat([part, rows[list(PROVENANCE)].reset_index(drop=True)], axis=1))
    nev = pd.concat(parts, ignore_index=True)
    years = sorted(nev["year"].unique())
    for measure in SERIES:
        nev[f"{measure}_label"] = nev["year"].map(labels_by_year(nev, measure, years))
    nev = with_provenance(nev)
    nev.attrs["claim"] = claim_of(data["claims"])
    return nev


POINT_TOOLTIP = [("year:O", "Year"), ("measure:N", "Measure"), ("value_label:N", "Value")]
YEAR_TOOLTIP = [("year:O", "Year"), ("production_label:N", "Production"), ("sales_label:N", "Sales"),
                ("share_label:N", "Share of new-vehicle sales")]
X = alt.X("year:Q", title=None, axis=alt.Axis(format="d", tickMinStep=1), scale=alt.Scale(zero=False, nice=False))


def tooltip(fields: list[tuple[str, str]]) -> list[alt.Tooltip]:
    """Tooltip fields (field, English title), titled in the page's language."""
    return [alt.Tooltip(field, title=tr(title)) for field, title in fields]


def point_tooltip() -> list[alt.Tooltip]:
    """A figure's tooltip: year, measure and value, then its source and publication date."""
    return tooltip(POINT_TOOLTIP) + source_lines()


def _volume(base: alt.Chart, unit: str) -> list[alt.Chart]:
    """Production and sales as lines broken at missing years, with points."""
    volume = base.transform_filter(f"datum.measure != '{tr('share')}'")
    y = alt.Y("value:Q", title=tr("Production and sales ({unit})", unit=unit))
    colors = theme.color_scale(list(SERIES))
    lines = volume.mark_line().encode(x=X, y=y, detail="segment:N", color=alt.Color("measure:N", scale=colors, title=None),
                                      tooltip=point_tooltip())
    points = volume.mark_point(filled=True).encode(x=X, y=y, color=alt.Color("measure:N", scale=colors),
                                                   tooltip=point_tooltip())
    return [lines, points]


def _claim(base: alt.Chart, claim: dict) -> list[alt.Chart]:
    """The article's figure as a dashed rule with a label, at its year."""
    text = tr("CCTV report: {text} ('{label}', {year}); claim status: {status}", text=claim["text_zh"],
              label=claim["label"], year=claim["year"], status=tr(claim["status"]))
    at_claim = base.transform_filter(f"datum.year == {claim['year']} && datum.measure == '{tr('sales')}'")
    color = theme.category_color("article")
    rule = at_claim.mark_rule(strokeDash=[4, 3], color=color).encode(y=alt.datum(claim["value"]),
                                                                      tooltip=alt.value(text))
    words = tr("article: {label}", label=claim["label"])
    # Wide, the label ends just left of the claim's year. On a phone that put it beside the share line's latest
    # label, reading as one ("超过950万辆 47.9%"): there it starts at the plot's left edge, above the rule, where the
    # early years' volumes lie far below, in two lines (figure last) so it stays clear of the rising lines.
    two_lines = [words[:len(words) - len(claim["label"])].strip(), claim["label"]]
    wide = at_claim.transform_filter(theme.WIDE_VIEW).mark_text(
        align="right", baseline="bottom", dx=-8, dy=-4, fontSize=11, color=color, text=words).encode(
        x=alt.datum(claim["year"]), y=alt.datum(claim["value"]), tooltip=alt.value(text))
    narrow = at_claim.transform_filter(f"!({theme.WIDE_VIEW})").mark_text(
        align="left", baseline="bottom", x=4, dy=-4, fontSize=11, color=color, text=two_lines).encode(
        y=alt.datum(claim["value"]), tooltip=alt.value(text))
    return [rule, wide, narrow]


def _year_hover(base: alt.Chart) -> tuple[alt.Chart, alt.Chart]:
    """An invisible wide rule per year that catches the pointer, and the visible rule at the hovered year."""
    hover = alt.selection_point(name="year_hover", fields=["year"], on="pointerover", nearest=True, empty=False,
                                clear="pointerout")
    catcher = base.mark_rule(strokeWidth=14, opacity=0).encode(x=X, tooltip=tooltip(YEAR_TOOLTIP)).add_params(hover)
    rule = base.mark_rule(color=theme.category_color("calculated")).encode(x=X, tooltip=tooltip(YEAR_TOOLTIP)) \
        .transform_filter(hover)
    return catcher, rule


def _share(base: alt.Chart, latest_year: int) -> alt.LayerChart:
    """Share of new-vehicle sales on the right axis: a dashed line with its labels."""
    share = base.transform_filter(f"datum.measure == '{tr('share')}'")
    y = alt.Y("value:Q", title=tr("Share of new-vehicle sales (%)"), scale=alt.Scale(domain=[0, 100]),
              axis=alt.Axis(orient="right"))
    line = share.mark_line(strokeDash=[6, 3], point=True).encode(
        x=X, y=y, color=alt.Color("measure:N", scale=theme.color_scale(list(SERIES))), tooltip=point_tooltip())
    # The rising share line leaves room below-right of each point (the volume lines run above it) and above-left of
    # the latest, which the right axis borders; a phone-wide view labels the latest only.
    latest = f"datum.year == {latest_year}"
    labels = share.transform_filter(f"{latest} || {theme.WIDE_VIEW}").mark_text(
        fontSize=11, align=alt.expr(f"{latest} ? 'right' : 'left'"), baseline=alt.expr(f"{latest} ? 'bottom' : 'top'"),
        dx=alt.expr(f"{latest} ? -6 : 6"), dy=alt.expr(f"{latest} ? -6 : 4")).encode(
        x=X, y=y, text="value_label:N", tooltip=point_tooltip())
    return alt.layer(line, labels)


def chart(frame: pd.DataFrame) -> alt.LayerChart:
    """Production and sales (left axis) and share of new-vehicle sales (right axis); hovering a year shows all three."""
    claim = frame.attrs["claim"]
    sales = frame[frame["measure"] == "sales"].sort_values("year")
    first, last, unit = sales.iloc[0], sales.iloc[-1], sales["unit"].iloc[0]
    base = with_source_dates(alt.Chart(frame.assign(measure=frame["measure"].map(tr))))  # measures in page's language
    catcher, year_rule = _year_hover(base)
    left = alt.layer(catcher, *_volume(base, unit), *_claim(base, claim), year_rule)
    span = year_span(frame)
    # segments break lines at gaps; each year's three labels serve the year hover (each row has its own value)
    hover_only = ("segment", *(f"{measure}_label" for measure in SERIES))
    share = _share(base, int(frame.loc[frame["measure"] == "share", "year"].max()))
    return drawing_only(alt.layer(left, share), *hover_only).resolve_scale(y="independent").properties(
        height=320,
        title=alt.Title(tr("New-energy vehicle sales: {first:.1f} million in {first_year}, {last:.1f} million in "
                           "{last_year}", first=first["value"], first_year=first["year"], last=last["value"],
                           last_year=last["year"]),
                        subtitle=tr("Production and sales ({unit}, left) and share of new-vehicle sales (%, right), "
                                    "{span}; hover a year", unit=unit, span=span)),
        description=tr("New-energy vehicle production and sales in China in {unit}, {span} (CAAM/MIIT), with the NEV "
                       "share of all new-vehicle sales in percent for the years sourced, and the CCTV report's {year} "
                       "figure as a dashed line.", unit=unit, span=span, year=claim["year"]))
