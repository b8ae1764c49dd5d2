"""Timeline: for one measure (chosen under the chart), each document that set a milestone on it, as a line from the
document's date to the year the milestone is due, the milestone coloured by its verdict, and the Opinions' 2030 target
at the end of the chain."""
from __future__ import annotations

import altair as alt
import pandas as pd

from greenmfg.charts import theme
from greenmfg.charts.card import chart_id_of
from greenmfg.charts.columns import drawing_only
from greenmfg.charts.tooltips import source_lines, with_source_dates
from greenmfg.data import milestones as verdict_rules
from greenmfg.data.frames import PROVENANCE, is_missing
from greenmfg.locale.formatting import fmt_number, reader_date
from greenmfg.locale.i18n import language, pick, tr

from .chain import OPINIONS, documents_by_id, iso_date, verdict_frame
from .sources import provenance
from .wording import goal_label, milestone_words, target_name

CHART_ID = chart_id_of(__name__)
DEFAULT_MEASURE = "eaf_share"  # the chain from the 2022 plans to the 2030 target, with three 2025 milestones
TARGET = "2030 target of the Opinions"
CATEGORIES = (verdict_rules.MET, verdict_rules.NOT_MET, verdict_rules.CANNOT_TELL, verdict_rules.NOT_YET_DUE, TARGET)
COLUMNS = ["measure_id", "measure", "role", "target_id", "document_id", "document", "row_order", "relation", "issued",
           "issued_label", "due_year", "due", "value_label", "short_label", "verdict", "reason", "basis",
           *PROVENANCE]
# Ids the chart selects by (named for readers by measure and document), row kind and order, the axis's ISO dates and
# mid-year placement of a due year, the point labels: readers get the words, the dates and the due year instead.
DRAWING_ONLY = ("measure_id", "role", "target_id", "document_id", "row_order", "issued", "due", "short_label")
SYMBOLS = {">": "> ", "≥": "≥ ", "<": "< ", "≤": "≤ ", "≈": "≈ ", "=": ""}
TOOLTIP = [("document", "Document"), ("relation", "Relation"), ("issued_label", "Document date"), ("due_year", "Due"),
           ("value_label", "Milestone"), ("verdict", "Verdict"), ("reason", "Why"), ("basis", "Basis")]
# No "figure used" line: each milestone's reason names the figure it was judged on, or says there is none.



# A Chinese title longer than this many characters is set on two lines, not cut short with an ellipsis: a title in
# book-title marks is the document's own (《钢铁行业节能降碳专项行动计划》), so it cannot be abbreviated to fit a phone.
ZH_TITLE_LINE = 12


def _two_line_titles() -> dict:
    """Axis options that set a long Chinese title on two lines (Vega draws an array of strings as lines)."""
    if language() != "zh":
        return {}
    half = "ceil(length(datum.label) / 2)"
    return {"labelExpr": f"length(datum.label) > {ZH_TITLE_LINE} ? "
                         f"[substring(datum.label, 0, {half}), substring(datum.label, {half})] : datum.label"}

def _document_cells(document: pd.Series) -> dict:
    """The document's columns; the Opinions sort last (row_order), the others by date."""
    last = document["document_id"] == OPINIONS
    return {"document_id": document["document_id"], "document": document["label"],
            "row_order": "9999" if last else iso_date(document["date"]), "relation": tr(document["relation"]),
            "issued": iso_date(document["date"]), "issued_label": reader_date(document["date"])}


def short_label(row: pd.Series) -> str:
    """The label drawn beside a point, short enough for two points of one document a year or two apart: the qualifier
    as a symbol ('≥ 57 %', '> 480 Mt', '< 1.35' for a PUE, which the measure names); a fall in its words (降18%,
    '18 % lower': a minus sign is no way to say a fall); 'in words' for a goal without a value."""
    value, unit, qualifier = row["value"], row["unit"], row["qualifier"]
    if is_missing(value):
        return tr("in words")
    if float(value) < 0:
        return goal_label(row).replace("下降", "降")
    symbol = SYMBOLS.get(str(qualifier) or "=", "")
    number = fmt_number(value) if unit == "PUE" else verdict_rules.value_label(value, unit, "=")
    return (symbol.strip() if language() == "zh" else symbol) + number


def _due(year: int) -> str:
    """A milestone's point on the time axis: the middle of its year, so it sits within the year it is due."""
    return f"{int(year)}-07-01"


def _source(row: pd.Series, document: pd.Series) -> dict:
    """A row's source, dated: a source the data gives no date takes its document's date (the date the reader would
    look the document up by), so a tooltip says 'date not known' only where neither has one. The row holds as of its
    document's date, so the card's source line spans the documents' years and its 'Latest data' is the newest
    document's date (the card's note says so, beside the page's as-of line, the newest source in all the data)."""
    cells = provenance(row, str(document["date"]))
    if is_missing(cells.get("source_date")) and not is_missing(document["date"]):
        cells["source_date"] = str(document["date"])
    return cells


def _milestone_rows(data: dict) -> list[dict]:
    """One row per dated milestone, with its verdict in the page's language."""
    documents, rows = documents_by_id(data), []
    for _, m in verdict_frame(data).iterrows():
        if m["verdict"] == verdict_rules.NOT_FOUND:
            continue
        document = documents.loc[m["document_id"]]
        rows.append({"measure_id": m["measure_id"], "measure": pick(m, "measure_en"), "role": "milestone",
                     "target_id": m["related_target_id"], **_document_cells(document),
                     "due_year": int(m["year"]), "due": _due(m["year"]), "value_label": milestone_words(m),
                     "short_label": short_label(m), "verdict": tr(m["verdict"]),
                     "reason": m["reason"], "basis": pick(m, "basis"),
                     **_source(m, document)})
    return rows


def _target_reason(target: pd.Series, searched: pd.DataFrame) -> str:
    """The target's attribution and, where a search found no earlier milestone, what was looked for and not found
    (readers know the target by its measure and document, never by its id)."""
    text = tr("A 2030 target of the Opinions; attribution: {status}.", status=tr(target["attribution_status"]))
    for _, row in searched.iterrows():
        text = tr("{reason} {note}", reason=text, note=tr("Searched for and not found: {note}",
                                                           note=pick(row, "search_note")))
    return text


def _target_source(target: pd.Series, opinions: pd.Series) -> dict:
    """The target's own source where it is on an original page, else the Opinions' own report (dated as _source)."""
    return _source(opinions if is_missing(target["url"]) else target, opinions)


def _target_rows(data: dict) -> list[dict]:
    """Each measure's 2030 target of the Opinions, at the end of its chain."""
    targets, opinions = data["targets"].set_index("target_id", drop=False), documents_by_id(data).loc[OPINIONS]
    rows = []
    for measure_id, chain in data["milestones"].groupby("measure_id", sort=False):
        for target_id in [i for i in dict.fromkeys(chain["related_target_id"]) if i]:
            target = targets.loc[target_id]  # a goal in words is shown by its words (碳排放总量实现达峰)
            label = target_name(target) if is_missing(target["value"]) else goal_label(target)
            rows.append({"measure_id": measure_id, "measure": pick(chain.iloc[0], "measure_en"), "role": "target",
                         "target_id": target_id, **_document_cells(opinions), "due_year": int(target["horizon_year"]),
                         "due": _due(target["horizon_year"]), "value_label": label, "verdict": tr(TARGET),
                         "short_label": short_label(target),
                         "reason": _target_reason(target, chain[chain["verification"] == "not found"]),
                         "basis": target_name(target), **_target_source(target, opinions)})
    return rows


def frame(data: dict) -> pd.DataFrame:
    """Milestone rows and target rows, measure by measure in the data's order."""
    rows = pd.DataFrame(_milestone_rows(data) + _target_rows(data), columns=COLUMNS)
    order = {m: i for i, m in enumerate(dict.fromkeys(data["milestones"]["measure_id"]))}
    return rows.sort_values(["measure_id", "issued"], key=lambda s: s.map(order) if s.name == "measure_id" else s,
                            kind="stable").reset_index(drop=True)


def chart(frame: pd.DataFrame) -> alt.LayerChart:
    """Documents as rows (oldest first) on a time axis; a bound select picks the measure whose chain is drawn."""
    options = list(dict.fromkeys(frame["measure_id"]))
    labels = [frame.loc[frame["measure_id"] == m, "measure"].iloc[0] for m in options]
    measure = alt.param(name="measure", value=DEFAULT_MEASURE,
                        bind=alt.binding_select(options=options, labels=labels, name=tr("Measure") + " "))
    first, last = int(frame["issued"].str[:4].min()), int(frame["due_year"].max())
    x_scale = alt.Scale(domain=[f"{first}-01-01", f"{last + 1}-06-30"])
    axis = alt.Axis(format="%Y", tickCount={"interval": "year", "step": 2}, labelFlush=False)
    y = alt.Y("document:N", title=None, sort=alt.EncodingSortField("row_order", op="min"),
              axis=alt.Axis(labelLimit=180, **_two_line_titles()))  # documents by their proper titles
    tooltip = [alt.Tooltip(f"{field}:N", title=tr(title)) for field, title in TOOLTIP] + source_lines()
    start, due = alt.X("issued:T", title=None, scale=x_scale, axis=axis), alt.X("due:T", title=None, scale=x_scale)
    colour = alt.Color("verdict:N", scale=theme.color_scale(list(CATEGORIES)), title=tr("Verdict"),
                       legend=alt.Legend(columns=1, orient="bottom"))
    span = alt.Chart().mark_rule(color=theme.category_color("national average"), strokeWidth=2).encode(
        x=start, x2="due:T", y=y, tooltip=tooltip)
    issued = alt.Chart().mark_point(shape="circle", filled=False, size=60, color=theme.category_color("all stages"),
                                    opacity=1).encode(x=start, y=y, tooltip=tooltip)
    point = alt.Chart().mark_point(filled=True, size=130, opacity=1).encode(x=due, y=y, color=colour, tooltip=tooltip)
    text = alt.Chart().mark_text(dy=-12, fontSize=11).encode(x=due, y=y, text="short_label:N", tooltip=tooltip)
    title = alt.Title(tr("From earlier plans to the 2030 targets"), subtitle=tr(
        "Documents that set a milestone on the chosen measure: each line runs from the document's date to the year "
        "the milestone is due; colour = verdict; the Opinions' own 2030 target last"))
    description = tr("Timeline of {documents} documents dated {first} to {last} and the milestones they set on {count} "
                     "measures, due {due_first} to {due_last}, each coloured by whether it was met, missed, cannot be "
                     "told from the figures or is not yet due; the Opinions' 2030 targets end each chain.",
                     documents=frame["document_id"].nunique(), first=first, last=int(frame["issued"].str[:4].max()),
                     count=len(options), due_first=int(frame["due_year"].min()), due_last=last)
    layers = drawing_only(alt.layer(span, issued, point, text, data=frame), *DRAWING_ONLY)
    return with_source_dates(layers).transform_filter("datum.measure_id == measure").add_params(
        measure).properties(title=title, description=description, height=alt.Step(40))
