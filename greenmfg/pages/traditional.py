"""Chapter "Traditional industries go green": calculations, chart frames, charts and page variables.

Calculation functions are pure and tested; frame builders pick and reshape rows from data/ (with
their provenance); chart functions take one DataFrame and return an ``alt.Chart``.
"""
from __future__ import annotations

import altair as alt
import pandas as pd

from greenmfg import theme  # noqa: F401 - registers the house theme
from greenmfg.formatting import fmt_number, fmt_value
from greenmfg.targets import (
    PACE_EXACT,
    PACE_LOWER_BOUND,
    PACE_UNDETERMINED,
    PACE_UPPER_BOUND,
    status_reason,
    target_progress,
)

PAGE_KEY = "traditional"
TARGET_IDS = ("T03", "T02", "T04", "T05")
SHORT_LABELS = {
    "T02": "Recycled resources used",
    "T03": "Bulk solid waste utilised",
    "T04": "Renewables in aluminium",
    "T05": "EAF share of steel",
}
PACE_UNITS = {"%": "percentage points", "亿吨": "亿吨"}
PROVENANCE = ["source_org", "source_date", "url", "mirror_url", "as_of"]
SEED_ARTICLE_COPY = "data/raw/000_b7300798bfbf6ce6.txt"
SEED_ARTICLE_ORG = "CCTV (央视网) news article on the Guiding Opinions, as reprinted (original page not found)"
YI_TONNES_TO_MT = 100.0
WAN_TONNES_TO_MT = 0.01


# ---------------------------------------------------------------- calculations


def energy_per_unit_change(capacity_multiplier: float, energy_change: float) -> float:
    """Relative change in energy per unit of output when capacity is multiplied and total energy changes.

    (1 + energy_change) / capacity_multiplier − 1; e.g. capacity ×2 with energy −40 % gives −0.7 (−70 %).
    """
    if capacity_multiplier <= 0:
        raise ValueError("capacity multiplier must be positive")
    return (1.0 + energy_change) / capacity_multiplier - 1.0


def eaf_tonnage_needed(crude_output: float, eaf_share_percent: float) -> float:
    """EAF steel tonnage (same unit as crude output) for a given EAF share of crude steel."""
    return crude_output * eaf_share_percent / 100.0


def share_of_target_reached(latest: float, target: float) -> float:
    """Latest value as a percentage of the target value (100 = target reached)."""
    return 100.0 * latest / target


def to_megatonnes(value: float, unit: str) -> float:
    """Convert a tonnage in Mt, 亿吨 (100 Mt) or 万吨 (0.01 Mt) to Mt."""
    factors = {"Mt": 1.0, "亿吨": YI_TONNES_TO_MT, "万吨": WAN_TONNES_TO_MT}
    if unit not in factors:
        raise ValueError(f"unknown tonnage unit {unit!r}")
    return value * factors[unit]


def run_segments(years: pd.Series) -> pd.Series:
    """Label runs of consecutive years (0, 1, …) so a line breaks at every missing year."""
    ordered = years.astype(int)
    return (ordered.diff().fillna(1) != 1).cumsum().astype(int)


def value_label(value: float, unit: str, qualifier: str = "=", decimals: int | None = None) -> str:
    """Reader-facing value with its qualifier, e.g. 'more than 55 %'; 亿吨 also shown in Mt."""
    text = fmt_value(value, unit, qualifier, decimals=decimals)
    if unit == "亿吨":
        text += f" ({fmt_number(to_megatonnes(value, unit), 0)} Mt)"
    return text


def gap_label(gap: float, unit: str) -> str:
    """A distance to target in words: percentage points for rates, the unit (and Mt) for tonnages."""
    if unit == "%":
        return f"{fmt_number(gap, 2)} percentage points"
    return value_label(gap, unit)


PACE_KIND_WORDS = {  # (prefix, suffix) around a pace of each kind
    PACE_EXACT: ("", ""),
    PACE_LOWER_BOUND: ("at least ", " (from a lower bound)"),
    PACE_UPPER_BOUND: ("at most ", " (from an earlier lower bound)"),
}


def pace_label(value: float | None, unit: str, kind: str = PACE_EXACT) -> str:
    """A change per year with its unit and kind, e.g. '+1.17 percentage points a year',
    'at least +1 percentage point a year (from a lower bound)'; an undetermined pace shows no number."""
    if value is None or pd.isna(value):
        return "no same-basis series"
    if kind == PACE_UNDETERMINED or kind not in PACE_KIND_WORDS:
        return "undetermined (its end figures are bounds)"
    sign = "+" if value >= 0 else "−"
    number = fmt_number(abs(value), 2)
    unit_words = PACE_UNITS.get(unit, unit)
    if number == "1" and unit_words.endswith("points"):
        unit_words = unit_words[:-1]
    prefix, suffix = PACE_KIND_WORDS[kind]
    return f"{prefix}{sign}{number} {unit_words} a year{suffix}"


def _kind(row: pd.Series) -> str:
    """The recent pace's kind of a target-progress row ('exact' when the column is absent)."""
    return row.get("recent_pace_kind", PACE_EXACT) or PACE_EXACT


def _status_reason(row: pd.Series) -> str:
    return status_reason(row["required_annual_change"], _none(row["recent_annual_change"]), row["gap"], _kind(row))


def _none(value):
    return None if value is None or pd.isna(value) else float(value)


# ---------------------------------------------------------------- frames


def target_provenance(target: pd.Series) -> dict[str, str]:
    """Provenance of a target row; its 'as of' is when the target was reported, not its horizon year."""
    out = {c: target[c] for c in PROVENANCE}
    out["as_of"] = target["source_date"] if isinstance(target["source_date"], str) and target["source_date"] else ""
    return out


def status_sentence(statuses: pd.Series) -> str:
    """How many of the chapter's targets are in each pace status, in words ('… needs faster progress: three; …')."""
    words = {0: "none", 1: "one", 2: "two", 3: "three", 4: "four", 5: "five"}
    counts = statuses.value_counts()
    parts = [f"{status}: {words.get(int(n), str(n))}" for status, n in counts.items()]
    return f"Pace status of the {words.get(len(statuses), str(len(statuses)))} targets — " + "; ".join(parts)


def _distance_labels(row: pd.Series) -> dict[str, str]:
    """Tooltip strings of one target-progress row; a lower-bound latest value says so, and so does its gap."""
    bound = bool(row["latest_is_lower_bound"])
    since = f" (since {row['recent_from_year']})" if pd.notna(row["recent_from_year"]) else ""
    return {
        "latest_label": value_label(row["latest_value"], row["unit"], row["latest_qualifier"])
        + (" (lower bound)" if bound else ""),
        "target_label": value_label(row["target_value"], row["unit"], row["target_qualifier"]),
        "gap_label": gap_label(row["gap"], row["unit"]) + (" at most (latest is a lower bound)" if bound else ""),
        "required_label": pace_label(row["required_annual_change"], row["unit"]),
        "recent_label": pace_label(row["recent_annual_change"], row["unit"], _kind(row)) + since,
        "status_reason": _status_reason(row),
    }


def distance_frame(progress: pd.DataFrame) -> pd.DataFrame:
    """One row per chapter target: latest vs target as % of the target, paces as % of the target a year.

    A recent pace that is only a bound is marked 'at least' / 'at most'; an undetermined one gets no bar.
    """
    rows = progress[progress["target_id"].isin(TARGET_IDS)].copy()
    rows["order"] = rows["target_id"].map({t: i for i, t in enumerate(TARGET_IDS)})
    rows = rows.sort_values("order")
    labels = [_distance_labels(row) for _, row in rows.iterrows()]
    kinds = rows["recent_pace_kind"].fillna("")
    recent = rows["recent_annual_change"].astype(float).where(kinds != PACE_UNDETERMINED)  # no bar for an unknown pace
    out = pd.DataFrame({
        "target_id": rows["target_id"],
        "target": rows["target_id"].map(SHORT_LABELS),
        "reached_pct": share_of_target_reached(rows["latest_value"], rows["target_value"]),
        "required_pct_a_year": 100.0 * rows["required_annual_change"] / rows["target_value"],
        "recent_pct_a_year": 100.0 * recent / rows["target_value"],
        "recent_pace_kind": kinds,
        "recent_bound_mark": kinds.map({PACE_LOWER_BOUND: "at least", PACE_UPPER_BOUND: "at most"}).fillna(""),
        "latest_year": rows["latest_year"].astype(int),
        "status": rows["status"],
        "latest_basis": rows["latest_basis"],
    }).reset_index(drop=True)
    out = pd.concat([out, pd.DataFrame(labels)], axis=1)
    rows = rows.reset_index(drop=True)
    for column in PROVENANCE:
        out[column] = rows[column].fillna("").astype(str)
    return out.reset_index(drop=True)


def steel_frame(series: pd.DataFrame, targets: pd.DataFrame) -> pd.DataFrame:
    """Crude-steel output (Mt) and EAF share (%) rows in long format, plus the 2030 EAF target row."""
    keep = {"crude_steel_output": "crude steel", "eaf_share_crude_steel": "EAF share"}
    rows = series[series["series_id"].isin(keep)].copy().sort_values(["series_id", "year"])
    rows["measure"] = rows["series_id"].map(keep)
    rows["segment"] = rows.groupby("series_id")["year"].transform(run_segments)
    target = targets[targets["target_id"] == "T05"].iloc[0]
    target_row = {"series_id": "eaf_target_2030", "year": int(target["horizon_year"]), "value": float(target["value"]),
                  "qualifier": target["qualifier"], "unit": target["unit"], "measure": "target", "segment": 0,
                  **target_provenance(target)}
    rows = pd.concat([rows, pd.DataFrame([target_row])], ignore_index=True)
    rows["year"] = rows["year"].astype(int)
    rows["value_label"] = [value_label(row["value"], row["unit"], row["qualifier"]) for _, row in rows.iterrows()]
    rows.loc[rows["measure"] == "target", "value_label"] = "2030 target: " + rows["value_label"]
    columns = ["measure", "year", "value", "unit", "value_label", "segment", *PROVENANCE]
    return rows[columns].fillna({c: "" for c in PROVENANCE}).reset_index(drop=True)


def eaf_what_if_frame(series: pd.DataFrame, targets: pd.DataFrame) -> pd.DataFrame:
    """Two bars' inputs: reported EAF tonnage (latest, Mt) and the 2030 requirement (computed in the chart)."""
    eaf = series[series["series_id"] == "eaf_steel_output"].sort_values("year").iloc[-1]
    crude = series[series["series_id"] == "crude_steel_output"].sort_values("year").iloc[-1]
    target = targets[targets["target_id"] == "T05"].iloc[0]
    reported = {"bar": f"Made in {int(eaf['year'])} (reported)", "kind": "latest",
                "tonnes_mt": to_megatonnes(float(eaf["value"]), eaf["unit"]), "year": int(eaf["year"]),
                "method": "reported", **{c: eaf[c] for c in PROVENANCE}}
    needed = {"bar": "Needed in 2030", "kind": "required pace", "tonnes_mt": None, "year": 2030,
              "method": f"slider output × slider share; default output = {int(crude['year'])} crude steel "
                        f"({fmt_number(crude['value'])} Mt), default share = target T05",
              "default_output_mt": float(crude["value"]), "default_share": float(target["value"]),
              **target_provenance(target)}
    frame = pd.DataFrame([reported, needed])
    frame[["default_output_mt", "default_share"]] = frame[["default_output_mt", "default_share"]].ffill().bfill()
    return frame.fillna({c: "" for c in PROVENANCE})


def press_filter_frame(claims: pd.DataFrame) -> pd.DataFrame:
    """The Dezhou press-filter case: energy per unit of output before (index 1) and after (computed in the chart)."""
    by_id = claims.set_index("claim_id")
    capacity = by_id.loc["dezhou-filter-press-capacity"]
    energy = by_id.loc["dezhou-filter-press-energy"]
    provenance = {"source_org": SEED_ARTICLE_ORG, "source_date": "2024-03", "url": "",
                  "mirror_url": SEED_ARTICLE_COPY, "as_of": "2024-03"}
    common = {"claim_status": f"capacity: {capacity['status']}; energy: {energy['status']}",
              "default_capacity_multiplier": 1 + float(capacity["value"]) / 100,
              "default_energy_change_pct": float(energy["value"]), **provenance}
    return pd.DataFrame([
        {"stage": "before the upgrade", "kind": "reported case", "method": "index, = 1 by definition", **common},
        {"stage": "after the upgrade", "kind": "calculated",
         "method": "(1 + energy change) / capacity multiplier", **common},
    ])


# ---------------------------------------------------------------- charts


def distance_chart(frame: pd.DataFrame) -> alt.HConcatChart:
    """How far each 2030 target is, and the pace needed vs the recent pace; click a target to highlight it."""
    pick = alt.selection_point(fields=["target_id"], name="pick_target", on="click", clear="dblclick")
    highlight = alt.condition(pick, alt.value(1.0), alt.value(0.3))
    y = alt.Y("target:N", title=None, sort=list(SHORT_LABELS[t] for t in TARGET_IDS),
              axis=alt.Axis(labelLimit=190))
    tooltip = [alt.Tooltip("target:N", title="Target"), alt.Tooltip("latest_label:N", title="Latest value"),
               alt.Tooltip("latest_year:O", title="Latest year"), alt.Tooltip("target_label:N", title="2030 target"),
               alt.Tooltip("gap_label:N", title="Gap"), alt.Tooltip("required_label:N", title="Pace needed"),
               alt.Tooltip("recent_label:N", title="Recent pace"), alt.Tooltip("status:N", title="Status"),
               alt.Tooltip("status_reason:N", title="Why"),
               alt.Tooltip("source_org:N", title="Source of latest value")]
    base = alt.Chart().encode(y=y, tooltip=tooltip)
    reached = base.mark_bar().encode(
        x=alt.X("reached_pct:Q", title="Latest value, % of the 2030 target", scale=alt.Scale(domain=[0, 110])),
        color=alt.value(theme.category_color("latest")),
        opacity=highlight,
    ).add_params(pick)
    goal = alt.Chart().mark_rule(strokeDash=[4, 3], strokeWidth=2, aria=False).encode(  # the 100 % line
        x=alt.datum(100), color=alt.value(theme.category_color("target")))
    folded = base.transform_fold(["required_pct_a_year", "recent_pct_a_year"], as_=["pace", "pct_a_year"]) \
        .transform_calculate(kind="datum.pace == 'required_pct_a_year' ? 'required pace' : 'recent pace'") \
        .transform_filter("isValid(datum.pct_a_year)")
    offset = alt.YOffset("kind:N", sort=["required pace", "recent pace"])
    pace = folded.mark_bar().encode(
        x=alt.X("pct_a_year:Q", title="Change a year, % of the 2030 target"),
        yOffset=offset,
        color=alt.Color("kind:N", scale=theme.color_scale(["required pace", "recent pace"]), title=None),
        opacity=highlight,
    )
    bound_marks = folded.transform_filter("datum.kind == 'recent pace' && datum.recent_bound_mark != ''").mark_text(
        align="left", dx=3, fontSize=10).encode(x="pct_a_year:Q", yOffset=offset, text="recent_bound_mark:N")
    hidden_y = y.axis(labels=False, ticks=False)
    return alt.hconcat(
        alt.layer(reached, goal).properties(width=230, height=200, title="How far: latest value"),
        alt.layer(pace.encode(y=hidden_y), bound_marks.encode(y=hidden_y)).properties(
            width=230, height=200, title="How fast: pace needed vs recent"),
        data=frame,
    ).properties(
        title=alt.Title("Distance to 2030: four resource and steel targets",
                        subtitle="Latest value and yearly pace as % of each 2030 target; 'at least' marks a recent "
                                 "pace from a lower bound; click a bar to highlight"),
        description=("Four 2030 targets of the Guiding Opinions (bulk industrial solid-waste utilisation, recycled "
                     "resources, renewables in electrolytic aluminium, EAF steel share): latest official or industry "
                     "value (2022–2025) as a percentage of the target, and the yearly change needed to reach it by "
                     "2030 beside the recent yearly change, both as a percentage of the target."),
    )


def steel_chart(frame: pd.DataFrame) -> alt.VConcatChart:
    """Crude-steel output (Mt) over time above the EAF share (%) with the 2030 target line."""
    tooltip = [alt.Tooltip("measure:N", title="Measure"), alt.Tooltip("year:O", title="Year"),
               alt.Tooltip("value_label:N", title="Value"), alt.Tooltip("source_org:N", title="Source"),
               alt.Tooltip("source_date:N", title="Source date")]
    x = alt.X("year:Q", title=None, scale=alt.Scale(domain=[2015, 2031]), axis=alt.Axis(format="d"))
    hover = alt.selection_point(fields=["year"], name="hover_year", on="pointerover", nearest=True, clear="pointerout")
    size = alt.condition(hover, alt.value(140), alt.value(60))
    colors = theme.color_scale(["crude steel", "EAF share", "target"])
    output = alt.Chart().transform_filter("datum.measure == 'crude steel'").encode(
        x=x, y=alt.Y("value:Q", title="Crude steel output, Mt", scale=alt.Scale(zero=True)),
        color=alt.Color("measure:N", scale=colors, title=None), tooltip=tooltip)
    output_view = alt.layer(output.mark_line().encode(detail="segment:N"),
                            output.mark_point().encode(size=size).add_params(hover)).properties(width=260, height=170)
    eaf = alt.Chart().transform_filter("datum.measure == 'EAF share'").encode(
        x=x, y=alt.Y("value:Q", title="EAF share of crude steel, %", scale=alt.Scale(domain=[0, 25])),
        color=alt.Color("measure:N", scale=colors, title=None), tooltip=tooltip)
    target = alt.Chart().transform_filter("datum.measure == 'target'")
    eaf_view = alt.layer(
        target.mark_rule(strokeDash=[4, 3]).encode(y="value:Q", color=alt.Color("measure:N", scale=colors),
                                                   tooltip=tooltip),
        target.mark_text(align="right", dy=-8, x="width").encode(y="value:Q", text="value_label:N"),
        eaf.mark_point().encode(size=size),  # the hover selection lives in the output view; both react
        eaf.mark_text(dy=-12).encode(text="value_label:N"),
    ).properties(width=260, height=150)
    return alt.vconcat(output_view, eaf_view, data=frame).resolve_scale(color="shared").properties(
        title=alt.Title("Steel: output has plateaued, the EAF share is still under a tenth",
                        subtitle="China, crude steel output (Mt) and EAF share of crude steel (%); gaps are years "
                                 "without a sourced figure"),
        description=("China's crude steel output in million tonnes (2016–2025, NBS or worldsteel figures, years "
                     "without a sourced figure left as gaps) and the electric-arc-furnace share of crude steel in "
                     "per cent (2020 and 2022, trade press and CISA) against the 2030 target of more than 20 per cent."),
    )


def eaf_what_if_chart(frame: pd.DataFrame) -> alt.Chart:
    """Slider what-if: EAF tonnage needed in 2030 for a chosen crude output and EAF share, beside the reported tonnage."""
    default_output = float(frame["default_output_mt"].iloc[0])
    default_share = float(frame["default_share"].iloc[0])
    output = alt.param(name="output_2030", value=default_output,
                       bind=alt.binding_range(min=700, max=1100, step=10, name="Crude steel output in 2030, Mt "))
    share = alt.param(name="eaf_share_2030", value=default_share,
                      bind=alt.binding_range(min=10, max=40, step=1, name="EAF share in 2030, % "))
    base = alt.Chart(frame).transform_calculate(
        tonnes="datum.method == 'reported' ? datum.tonnes_mt : output_2030 * eaf_share_2030 / 100",
        label="format(datum.tonnes, ',.0f') + ' Mt'",
        detail=("datum.method == 'reported' ? 'reported' : format(eaf_share_2030, '.0f') + '% of ' + "
                "format(output_2030, ',.0f') + ' Mt crude steel'"),
    ).encode(
        y=alt.Y("bar:N", title=None, sort=None, axis=alt.Axis(labelLimit=200)),
        tooltip=[alt.Tooltip("bar:N", title="Bar"), alt.Tooltip("label:N", title="EAF steel"),
                 alt.Tooltip("detail:N", title="How"), alt.Tooltip("source_org:N", title="Source")],
    )
    bars = base.mark_bar().encode(
        x=alt.X("tonnes:Q", title="EAF steel, million tonnes", scale=alt.Scale(domain=[0, 450])),
        color=alt.Color("kind:N", scale=theme.color_scale(["latest", "required pace"]), legend=None),
    )
    labels = base.mark_text(align="left", dx=4).encode(x="tonnes:Q", text="label:N")
    return alt.layer(bars, labels).add_params(output, share).properties(
        height=120,
        title=alt.Title("What if: how much EAF steel would 2030 need?",
                        subtitle="Million tonnes; move the sliders to change 2030 crude output and the EAF share"),
        description=("What-if calculator: electric-arc-furnace steel needed in 2030 in million tonnes, equal to the "
                     "chosen 2030 crude steel output times the chosen EAF share, compared with the EAF steel "
                     "China reportedly made in 2020."),
    )


def press_filter_chart(frame: pd.DataFrame) -> alt.Chart:
    """Slider explorer of the press-filter case: energy per unit of output after capacity and energy change."""
    capacity = alt.param(name="capacity_multiplier", value=float(frame["default_capacity_multiplier"].iloc[0]),
                         bind=alt.binding_range(min=1, max=3, step=0.1, name="Capacity multiplier (×) "))
    energy = alt.param(name="energy_change_pct", value=float(frame["default_energy_change_pct"].iloc[0]),
                       bind=alt.binding_range(min=-80, max=50, step=5, name="Change in total energy use, % "))
    base = alt.Chart(frame).transform_calculate(
        per_unit="datum.stage == 'before the upgrade' ? 1 : (1 + energy_change_pct / 100) / capacity_multiplier",
        label=("datum.stage == 'before the upgrade' ? '1.00 (index)' : format(datum.per_unit, '.2f') + ' (' + "
               "(datum.per_unit >= 1 ? '+' : '−') + format(abs(datum.per_unit - 1) * 100, '.0f') + ' %)'"),
    ).encode(
        y=alt.Y("stage:N", title=None, sort=["before the upgrade", "after the upgrade"]),
        tooltip=[alt.Tooltip("stage:N", title="Stage"), alt.Tooltip("label:N", title="Energy per unit of output"),
                 alt.Tooltip("method:N", title="Method"), alt.Tooltip("claim_status:N", title="Claim status")],
    )
    bars = base.mark_bar().encode(
        x=alt.X("per_unit:Q", title="Energy per unit of output (before = 1)", scale=alt.Scale(domain=[0, 1.6]),
                axis=alt.Axis(values=[0, 0.5, 1, 1.5])),
        color=alt.Color("kind:N", scale=theme.color_scale(["reported case", "calculated"]), legend=None),
    )
    labels = base.mark_text(align="left", dx=4).encode(x="per_unit:Q", text="label:N")
    return alt.layer(bars, labels).add_params(capacity, energy).properties(
        height=110,
        title=alt.Title(f"A reported case: output ×{fmt_number(capacity.param.value)}, "
                        f"{fmt_number(abs(energy.param.value))} % less energy",
                        subtitle="Energy per unit of output, index (before = 1); move the sliders to test other cases"),
        description=("Explorable arithmetic of a company case reported in the seed article (2024): energy use per "
                     "unit of output as an index, before = 1, after = (1 + change in total energy) / capacity "
                     "multiplier; defaults are the reported doubling of capacity and 40 per cent less energy."),
    )


# ---------------------------------------------------------------- page data and variables


def load_page_data(data_dir=None) -> dict[str, pd.DataFrame]:
    """The tables this page reads, loaded (and validated) through greenmfg.loaders."""
    from greenmfg import loaders

    return {"series": loaders.load_context_series(data_dir), "targets": loaders.load_policy_targets(data_dir),
            "claims": loaders.load_claims(data_dir)}


def chart_frames(data: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Every chart's frame, keyed by chart."""
    progress = target_progress(data["targets"], data["series"])
    return {"distance": distance_frame(progress), "steel": steel_frame(data["series"], data["targets"]),
            "eaf_what_if": eaf_what_if_frame(data["series"], data["targets"]),
            "press_filter": press_filter_frame(data["claims"])}


def page_variables(data: dict[str, pd.DataFrame]) -> dict[str, dict[str, str]]:
    """Display strings for the prose: per-target progress, steel, water and case arithmetic."""
    progress = target_progress(data["targets"], data["series"]).set_index("target_id")
    out: dict[str, str | dict[str, str]] = {}
    for target_id in TARGET_IDS:
        row = progress.loc[target_id]
        out[target_id] = {
            "latest": value_label(row["latest_value"], row["unit"], row["latest_qualifier"]),
            "latest_year": str(int(row["latest_year"])),
            "target": value_label(row["target_value"], row["unit"], row["target_qualifier"]),
            "gap": gap_label(row["gap"], row["unit"]),
            "required": pace_label(row["required_annual_change"], row["unit"]),
            "recent": pace_label(row["recent_annual_change"], row["unit"], _kind(row)),
            "pace_kind": _kind(row) if pd.notna(row["recent_annual_change"]) else "none",
            "status": row["status"],
            "status_reason": _status_reason(row),
        }
    series = data["series"]

    def latest(series_id: str) -> pd.Series:
        return series[series["series_id"] == series_id].sort_values("year").iloc[-1]

    crude, eaf = latest("crude_steel_output"), latest("eaf_steel_output")
    needed = eaf_tonnage_needed(float(crude["value"]), float(data["targets"].set_index("target_id").loc["T05", "value"]))
    eaf_mt = to_megatonnes(float(eaf["value"]), eaf["unit"])
    claims = data["claims"].set_index("claim_id")
    capacity = 1 + float(claims.loc["dezhou-filter-press-capacity", "value"]) / 100
    energy = float(claims.loc["dezhou-filter-press-energy", "value"]) / 100
    out["steel"] = {
        "crude_latest": fmt_value(crude["value"], "Mt", crude["qualifier"]), "crude_latest_year": str(int(crude["year"])),
        "eaf_latest_mt": fmt_value(eaf_mt, "Mt", eaf["qualifier"], decimals=0), "eaf_latest_year": str(int(eaf["year"])),
        "eaf_needed_mt": fmt_value(needed, "Mt", decimals=0),
        "eaf_needed_multiple": fmt_number(needed / eaf_mt, 1),
    }
    out["press_filter"] = {
        "capacity_multiplier": fmt_number(capacity, 1), "energy_change": fmt_value(abs(energy) * 100, "%"),
        "energy_left": fmt_number(1 + energy, 2),
        "per_unit_index": fmt_number(1 + energy_per_unit_change(capacity, energy), 2),
        "per_unit_fall": fmt_value(abs(energy_per_unit_change(capacity, energy)) * 100, "%", decimals=0),
    }
    out["status_sentence"] = status_sentence(progress.loc[list(TARGET_IDS), "status"])
    years = [int(progress.loc[t, "latest_year"]) for t in TARGET_IDS] + [int(crude["year"])]
    out["as_of"] = str(max(years))
    return {PAGE_KEY: out}


def variables(data_dir=None) -> dict:
    """This page's derived numbers for _variables.yml, under the key 'traditional'."""
    return page_variables(load_page_data(data_dir))
