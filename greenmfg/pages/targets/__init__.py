"""The target tracker: distance to each numeric target, the tracker table, the goals stated in words.

Its variables count targets and pace statuses for the tracker's and the home page's prose.
"""
from __future__ import annotations

import pandas as pd

from greenmfg.charts.markup import slug
from greenmfg.data import freshness, loaders, predecessors
from greenmfg.data import targets as pace_math
from greenmfg.data.frames import is_missing
from greenmfg.data.freshness import data_last_updated
from greenmfg.locale.i18n import pick, tr
from greenmfg.pages.claims.reading_order import ordered_claims
from greenmfg.pages.family.wording import goal_label
from greenmfg.pages.targets.tracker import SHORT_TITLES

# Recent paces that are only bounds, or unknown: the figures may leave a target without a verdict.
BOUND_KINDS = (pace_math.PACE_LOWER_BOUND, pace_math.PACE_UPPER_BOUND, pace_math.PACE_UNDETERMINED)


def load(data_dir=None) -> dict:
    """Targets, each numeric target's progress and freshness (latest period, next release, stale), the milestones
    earlier plans set on the way (`steps`, with verdicts; the pace needed starts from the observed value in a
    milestone's year where that is better founded), the claims in reading order (for ledger links) and the data's
    last_updated (the date staleness is measured against)."""
    targets, context = loaders.load_policy_targets(data_dir), loaders.load_context_series(data_dir)
    raw_claims = loaders.load_claims(data_dir)
    claims = ordered_claims(raw_claims, loaders.load_article_paragraphs(data_dir))
    updated = data_last_updated(data_dir)
    family = predecessors.load(data_dir)
    steps = worded_steps(predecessors.steps(targets, family), family["milestones"], family["documents"])
    progress = predecessors.with_milestone_pace(pace_math.target_progress(targets, context), steps)
    return {"policy_targets": targets, "claims": claims, "progress": progress, "steps": steps, "last_updated": updated,
            "latest": freshness.target_freshness(targets, progress, loaders.load_release_schedule(data_dir),
                                                 freshness.stale_reference(data_dir))}


def worded_steps(steps: pd.DataFrame, milestones: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """The steps with each value as the plans that set it word it (力争80%以上, 'aim for at least 80 %'), and dated by
    their document where their source gives no date. Where the plans word one figure differently, the figure is
    given once and each plan's wording after it, by the plan's title ('15%（《工业领域碳达峰实施方案》为超过15%；
    《空气质量持续改善行动计划》为达到15%）'), never the wordings strung together with 'or'. ``line`` is the step as the
    target's one-line summary lists it: the wordings already name the plans, so only a step worded alike adds them."""
    steps, titles = steps.copy(), documents.set_index("document_id")
    for index, step in steps.iterrows():
        same = milestones[(milestones["related_target_id"] == step["target_id"]) & (milestones["year"] == step["year"])
                          & (milestones["value"] == step["value"]) & (milestones["unit"] == step["unit"])]
        wordings = {pick(titles.loc[m["document_id"]], "short_en"): goal_label(m) for _, m in same.iterrows()}
        if len(set(wordings.values())) > 1:
            figure = goal_label({**same.iloc[0].to_dict(), "qualifier": "=", "aim": "no", "or_more": "no"})
            label = tr("{value} ({wordings})", value=figure, wordings=tr("; ").join(
                tr("{document}: {wording}", document=title, wording=wording) for title, wording in wordings.items()))
        else:
            label = next(iter(wordings.values()), step["value_label"])
        if len(set(wordings.values())) > 1:  # 'by 2025: 15 % (…)', the year first, before the plans' wordings
            step_label = line = tr("by {year}: {value}", value=label, year=int(step["year"]))
        else:
            step_label = tr("{value} by {year}", value=label, year=int(step["year"]))
            line = tr("{milestone} ({documents})", milestone=step_label, documents=step["documents"])
        steps.loc[index, ["value_label", "step_label", "line"]] = [label, step_label, line]
    undated = steps["source_date"].map(is_missing)
    steps.loc[undated, "source_date"] = steps.loc[undated, "as_of"]
    return steps


def pace_kind_counts(progress: pd.DataFrame) -> dict[str, str]:
    """How many recent paces are only bounds or unknown, and how many of those give 'not enough data'."""
    bounded = progress["recent_pace_kind"].isin(BOUND_KINDS)
    no_verdict = bounded & (progress["status"] == pace_math.NOT_ENOUGH_DATA)
    return {"pace_from_bounds": str(int(bounded.sum())), "pace_bounds_no_verdict": str(int(no_verdict.sum()))}


def needs_faster_phrase(count: int) -> str:
    """'1 needs' / '2 need': the count with its verb, for "... faster progress" in the distance chart's takeaway
    (Chinese: the count with its measure word)."""
    return tr("{count} needs" if count == 1 else "{count} need", count=count)


# How each pace count reads, by count: none, one, several (the Chinese twins say 尚无一项… for none, never "0项").
PACE_COUNT_WORDS = {
    pace_math.ON_TRACK: ("none is on track", "{count} is on track", "{count} are on track"),
    pace_math.NEEDS_FASTER: ("none needs faster progress", "{count} needs faster progress",
                             "{count} need faster progress"),
    pace_math.NOT_ENOUGH_DATA: ("", "for {count} the figures cannot tell yet", "for {count} the figures cannot tell yet"),
}
REACHED_WORDS = ("none has been reached yet", "{count} has been reached", "{count} have been reached")


def count_phrase(words: tuple[str, str, str], count: int) -> str:
    """A count in words that read naturally at zero ('none is on track', 尚无一项进度达标); '' where the words for
    none are empty (a clause that is left out rather than said with a zero)."""
    message = words[0] if count == 0 else words[1] if count == 1 else words[2]
    return tr(message, count=count) if message else ""


def pace_summary(statuses: pd.Series) -> str:
    """How many targets are in each pace status, as one clause built from the counts: 'none is on track, 1 needs
    faster progress, and for 4 the figures cannot tell yet' (尚无一项进度达标，1项需加快进度，另有4项现有数字还不足以判断)."""
    counts = statuses.value_counts()
    parts = [phrase for status, words in PACE_COUNT_WORDS.items()
             if (phrase := count_phrase(words, int(counts.get(status, 0))))]
    if len(parts) == 3:
        return tr("{first}, {second}, and {third}", first=parts[0], second=parts[1], third=parts[2])
    return parts[0] if len(parts) == 1 else tr("{first} and {second}", first=parts[0], second=parts[1])


def variables(data_dir=None) -> dict[str, dict[str, str]]:
    """Counts of targets (numeric, in words, tracked, reached) and of each pace status."""
    data = load(data_dir)
    targets, progress = data["policy_targets"], data["progress"]
    numeric = targets["target_kind"] == "quantitative"
    statuses = progress["status"].value_counts()
    out = {"numeric": str(int(numeric.sum())), "qualitative": str(int((~numeric).sum())),
           "tracked": str(len(progress)),
           "reached": str(int((progress["gap"] <= 0).sum())),
           "pace_needs_faster_phrase": needs_faster_phrase(int(statuses.get(pace_math.NEEDS_FASTER, 0))),
           "pace_summary": pace_summary(progress["status"]),
           "reached_phrase": count_phrase(REACHED_WORDS, int((progress["gap"] <= 0).sum()))}
    for status in pace_math.STATUSES:
        out["pace_" + slug(status).replace("-", "_")] = str(int(statuses.get(status, 0)))
    out.update(pace_kind_counts(progress))
    out.update({"stale": str(int(data["latest"]["stale"].sum())), "stale_months": str(freshness.STALE_AFTER_MONTHS),
                "goals_without_chinese": str(int((~numeric & (targets["metric_zh"] == "")).sum())),
                "short_titles": tr(SHORT_TITLES, link=tr("the policy family page"))})  # the scoreboard's note says it too
    return {"targets": out}
