"""Each numeric 2030 target's predecessor milestones: the steps earlier plans set on the same measure, due before the
target's year (data/processed/policy_milestones.csv), each with its verdict (greenmfg.data.milestones), for the target
tracker and the home scoreboard; and the figure the pace to 2030 is measured from.

A step is one milestone year, value and verdict of a target; plans that set the same step are listed together (with
each wording of it: "more than" in one plan, "at least" in another), on one line of the target's summary and one tick
of the tracker and home charts (both read ``steps``). The pace needed
is measured from the latest official value, except where a step's verdict rests on an exact figure for the step's
year on the latest value's basis while the latest value is only a bound: that observed figure (never the milestone
itself) is the better-founded start, and the row says so in ``pace_from``.
"""
from __future__ import annotations

import pandas as pd

from greenmfg.charts.markup import value_text
from greenmfg.data import loaders
from greenmfg.data import milestones as verdict_rules
from greenmfg.data import targets as pace_math
from greenmfg.data.frames import PROVENANCE, is_missing, provenance_of
from greenmfg.data.freshness import data_last_updated
from greenmfg.locale.i18n import language, pick, tr

STEP_COLUMNS = ["target_id", "year", "value", "qualifier", "unit", "percent_of_target", "value_label", "step_label",
                "documents", "verdict", "reason", "outcome_value", "outcome_qualifier", "outcome_basis", *PROVENANCE]


def load(data_dir=None) -> dict:
    """What verdicts need: the milestones, their documents, the context series and release schedule, last_updated."""
    return {"milestones": loaders.load_policy_milestones(data_dir),
            "documents": loaders.load_policy_documents_family(data_dir),
            "context": loaders.load_context_series(data_dir), "schedule": loaders.load_release_schedule(data_dir),
            "last_updated": data_last_updated(data_dir)}


def _judged(family: dict) -> pd.DataFrame:
    """The dated, numeric milestones that lead to a target, with verdict, reason and the figure the verdict rests on."""
    found = family["milestones"][(family["milestones"]["verification"] != "not found")
                                 & family["milestones"]["value"].notna() & (family["milestones"]["related_target_id"] != "")]
    verdicts = verdict_rules.verdicts(found, family["context"], family["schedule"], family["last_updated"])
    return found.merge(verdicts, on="milestone_id", how="left", validate="one_to_one")


def titles_joined(titles: list[str]) -> str:
    """Document titles in a row: "A, B" in English; in Chinese 《A》《B》, with no 顿号 between book titles
    (GB/T 15834-2011, the national punctuation standard)."""
    return ("" if language() == "zh" else tr(", ")).join(titles)


def _step(target: pd.Series, group: pd.DataFrame, documents: pd.DataFrame) -> dict:
    """One step of a target: its value and year, the plans that set it (each way they word it), the first plan's
    verdict and source."""
    first = group.iloc[0]
    label = tr(" or ").join(value_text(first["value"], first["unit"], qualifier)
                            for qualifier in dict.fromkeys(group["qualifier"]))
    names = [tr("{document}", document=pick(documents.loc[doc], "short_en")) for doc in dict.fromkeys(group["document_id"])]
    return {"target_id": target["target_id"], "year": int(first["year"]), "value": float(first["value"]),
            "qualifier": first["qualifier"], "unit": first["unit"],
            "percent_of_target": round(float(first["value"]) / float(target["value"]) * 100, 1),
            "value_label": label, "step_label": tr("{value} by {year}", value=label, year=int(first["year"])),
            "documents": titles_joined(names), "verdict": tr(first["verdict"]), "reason": first["reason"],
            "outcome_value": first["outcome_value"], "outcome_qualifier": first["outcome_qualifier"],
            "outcome_basis": first["outcome_basis"],
            **provenance_of(first), "as_of": str(documents.loc[first["document_id"], "date"])}


def steps(targets: pd.DataFrame, family: dict) -> pd.DataFrame:
    """Every step before each numeric target's year, in the target's unit, in order of year (one row per step)."""
    judged, documents = _judged(family), family["documents"].set_index("document_id", drop=False)
    rows = []
    for _, target in targets[targets["value"].notna()].iterrows():
        own = judged[(judged["related_target_id"] == target["target_id"]) & (judged["unit"] == target["unit"])
                     & (judged["year"] < int(target["horizon_year"]))].sort_values("year", kind="stable")
        for _, group in own.groupby(["year", "value", "verdict"], sort=False):
            rows.append(_step(target, group, documents))
    return pd.DataFrame(rows, columns=STEP_COLUMNS)


def summary(target_id: str, step_rows: pd.DataFrame) -> str:
    """A target's steps in one line, each once with the plans that set it and its verdict ('≥ 57 % by 2025 (Plan A,
    Plan B): cannot tell'; a step's own ``line`` where the pages word it), or that none was found."""
    own = step_rows[step_rows["target_id"] == target_id]
    if own.empty:
        return tr("no earlier milestone found")
    return tr("; ").join(tr("{milestone}: {verdict}", verdict=row["verdict"], milestone=row["line"] if "line" in row
                            else tr("{milestone} ({documents})", milestone=row["step_label"], documents=row["documents"]))
                         for _, row in own.iterrows())


def _observed_start(progress: pd.Series, own: pd.DataFrame) -> pd.Series | None:
    """The latest step whose verdict rests on an exact figure on the latest value's basis, when the latest value is
    only a bound (else None: the latest value is the better start)."""
    if not progress["latest_is_lower_bound"]:
        return None
    exact = own[own["outcome_value"].map(lambda v: not is_missing(v)) & own["outcome_qualifier"].isin(
        pace_math.EXACT_QUALIFIERS) & (own["outcome_basis"] == progress["latest_basis"])]
    return None if exact.empty else exact.iloc[-1]


def with_milestone_pace(progress: pd.DataFrame, step_rows: pd.DataFrame) -> pd.DataFrame:
    """Progress with the pace needed (and the status it gives) measured from the observed value in a step's year
    where that is the better-founded start, ``pace_from`` saying which figure each pace starts from, and
    ``milestones``, each target's earlier milestones and verdicts in one line."""
    progress = progress.copy()
    starts = []
    for index, row in progress.iterrows():
        start = _observed_start(row, step_rows[step_rows["target_id"] == row["target_id"]])
        if start is None:
            starts.append(tr("the latest official value ({year})", year=int(row["latest_year"])))
            continue
        value, year = float(start["outcome_value"]), int(start["year"])
        required = pace_math.required_annual_change(value, year, row["target_value"], row["target_year"])
        progress.loc[index, "required_annual_change"] = required
        progress.loc[index, "status"] = pace_math.pace_status(required, row["recent_annual_change"],
                                                             row["target_value"] - value, row["recent_pace_kind"])
        starts.append(tr("the observed value in the milestone year ({year})", year=year))
    progress["pace_from"] = starts
    progress["milestones"] = [summary(target_id, step_rows) for target_id in progress["target_id"]]
    return progress
