"""The policy family: the documents before, beside and under the 2024 Opinions, the milestones they set on the measures
of its 2030 targets, a verdict on each milestone whose year has passed (greenmfg.data.milestones), and the four task areas
mapped to the site.

One module per block: timeline (the chart), table (milestones and verdicts), documents, task_areas; sources holds
how a source is shown. variables() gives the prose its counts and each milestone's value under family.*; ``NAMES``
(names.py) gives the prose short names for the longest of them.
"""
from __future__ import annotations

import pandas as pd

from greenmfg.data import loaders
from greenmfg.data import milestones as verdict_rules
from greenmfg.data.frames import latest_row
from greenmfg.data.freshness import data_last_updated
from greenmfg.locale.i18n import tr
from greenmfg.pages.family.names import NAMES  # noqa: F401 - the prose's short names, read by greenmfg.pages.variables
from greenmfg.pages.values import key

from .chain import verdict_frame
from .timeline import frame as timeline_frame
from .wording import goal_label, milestone_words

PAGE_KEY = __name__.rpartition(".")[2]


def load(data_dir=None) -> dict:
    """The family tables, the targets, the context series with its release schedule, and the data's last_updated
    (the date verdicts are given as of)."""
    return {"milestones": loaders.load_policy_milestones(data_dir),
            "documents": loaders.load_policy_documents_family(data_dir),
            "task_areas": loaders.load_policy_task_areas(data_dir), "targets": loaders.load_policy_targets(data_dir),
            "context": loaders.load_context_series(data_dir), "schedule": loaders.load_release_schedule(data_dir),
            "last_updated": data_last_updated(data_dir)}


def met_missed(met: int, missed: int) -> str:
    """What the judged milestones show: 'all were met' (均已实现) when none was missed, else '1 was met and 2 were
    missed' (已实现1个，未实现2个); a count of none in words, never '0 were missed'."""
    if met and not missed:
        return tr("all were met")
    met_words = tr("none was met") if met == 0 else tr("{count} was met" if met == 1 else "{count} were met", count=met)
    missed_words = (tr("none was missed") if missed == 0
                    else tr("{count} was missed" if missed == 1 else "{count} were missed", count=missed))
    return tr("{met} and {missed}", met=met_words, missed=missed_words)


def cannot_tell_why(frame: pd.DataFrame) -> str:
    """The milestones that cannot be told, counted by why, most frequent first: '16: no official figure seen;
    …' (其中16个未见当年官方数字；…)."""
    causes = frame[frame["verdict"] == verdict_rules.CANNOT_TELL]["cause"].value_counts()
    parts = [tr("{count}: {cause}", count=int(count), cause=tr(cause)) for cause, count in causes.items()]
    return tr("; ").join(parts)


def _counts(frame: pd.DataFrame, documents: pd.DataFrame) -> dict[str, str]:
    """How many documents, dated milestones, searches that found nothing, and milestones in each verdict."""
    counts = frame["verdict"].value_counts()
    found = frame[frame["verdict"] != verdict_rules.NOT_FOUND]
    named = {verdict_rules.MET: "met", verdict_rules.NOT_MET: "not_met", verdict_rules.CANNOT_TELL: "cannot_tell",
             verdict_rules.NOT_YET_DUE: "not_yet_due"}
    out = {name: str(int(counts.get(verdict, 0))) for verdict, name in named.items()}
    out["due"] = str(sum(int(out[k]) for k in ("met", "not_met", "cannot_tell")))
    out["judged"] = str(int(out["met"]) + int(out["not_met"]))
    out["met_missed"] = met_missed(int(out["met"]), int(out["not_met"]))
    out["cannot_tell_why"] = cannot_tell_why(frame)
    relations = documents["relation"].value_counts()
    out.update({"documents": str(len(documents)), "milestones": str(len(found)), "searched": str(len(frame) - len(found)),
                "predecessors": str(int(relations.get("predecessor", 0))),
                "siblings": str(int(relations.get("sibling", 0))),
                "implementing": str(int(relations.get("implementing plan", 0)))})
    return out


def variables(data_dir=None) -> dict[str, dict]:
    """family.{counts}, family.m.<milestone> (each milestone as its document words it: 力争80%以上, 下降18%) and
    family.o.<milestone> (the figure a verdict rests on, with its period)."""
    data = load(data_dir)
    frame = verdict_frame(data)
    dated = frame[frame["verdict"] != verdict_rules.NOT_FOUND]
    out: dict = _counts(frame, data["documents"])
    out["m"] = {key(row["milestone_id"]): milestone_words(row) for _, row in dated.iterrows()}
    with_figure = dated[dated["outcome_label"] != ""]
    out["o"] = {key(row["milestone_id"]): row["outcome_label"] for _, row in with_figure.iterrows()}
    out["o_period"] = {key(row["milestone_id"]): row["outcome_period"] for _, row in with_figure.iterrows()}
    falls = dated[dated["value"] < 0]
    out["fall"] = {key(row["milestone_id"]): fall_label(row["value"], row["unit"], row["qualifier"])
                   for _, row in falls.iterrows()}
    fell = with_figure[with_figure["outcome_value"].map(lambda v: v != "" and float(v) < 0)]
    out["o_fall"] = {key(row["milestone_id"]): fall_label(row["outcome_value"], row["outcome_unit"],
                                                          row["outcome_qualifier"]) for _, row in fell.iterrows()}
    out.update(_latest_and_targets(data))
    chart_rows = timeline_frame(data)
    out["chart_rows"], out["chart_goals"] = str(len(chart_rows)), str(int((chart_rows["role"] == "target").sum()))
    return {PAGE_KEY: out}


def _latest_and_targets(data: dict) -> dict[str, dict[str, str]]:
    """family.latest.<series> and family.latest_year.<series>: the latest published figure of each series a milestone
    belongs with; family.t.<target>: each numeric 2030 target a chain ends at. All in the page's units (Mt in English)."""
    milestones, context = data["milestones"], data["context"]
    series = sorted((set(milestones["related_series_id"]) | set(milestones["outcome_series_id"])) - {""})
    latest = {sid: latest_row(context, sid) for sid in series}
    targets = data["targets"].set_index("target_id")
    numeric = [t for t in dict.fromkeys(milestones["related_target_id"]) if t and not pd.isna(targets.loc[t, "value"])]
    return {"latest": {key(s): verdict_rules.value_label(r["value"], r["unit"], r["qualifier"]) for s, r in latest.items()},
            "latest_year": {key(s): str(int(r["year"])) for s, r in latest.items()},
            "t": {key(t): goal_label(targets.loc[t]) for t in numeric}}


def fall_label(value, unit: str, qualifier: str) -> str:
    """A fall as prose says it after 'a fall of' / 降低: its size, '≈' kept ('13.5 %', '≈ 25 %'; 13.5%, 约25%)."""
    return verdict_rules.value_label(abs(float(value)), unit, "≈" if qualifier == "≈" else "=")
