"""Short names for the values the traditional-industries page's prose and takeaways quote: `{{< var eaf.share >}}`.

Each name stands for a value the build already computes: a generic key (series.*, target.*, claim.*) or one of this
page's variables() (traditional.*). greenmfg.pages.variables adds the names to both editions' values; a name means one value
across the site. Groups: trad (the page as a whole), eaf (electric-arc-furnace steel and its 2030 target), steel (crude
steel output), waste (bulk industrial solid waste), recycle (recycled resources), alu (renewable power in aluminium),
syngas, ule (ultra-low-emission retrofits), water (water reuse), press (the filter-press case). Fields: year = the
year of the group's latest figure; target / gap / needed / recent / status / why = a target's value, gap, the pace
needed and the recent pace (…_rise: without the sign), its pace status and the reason for it; verdict = the claims
ledger's status of the article's figure, claimed = the figure as the article gives it; first / first_at = the earliest
count and its date, at = the date of the latest.
"""
from __future__ import annotations

NAMES = {
    "trad.statuses": "traditional.status_sentence",
    # electric-arc-furnace (short-process) steel
    "eaf.share": "series.eaf_share_crude_steel.latest",
    "eaf.year": "series.eaf_share_crude_steel.latest_year",
    "eaf.y2020": "series.eaf_share_crude_steel.y2020",
    "eaf.y2022": "series.eaf_share_crude_steel.y2022",
    "eaf.y2024": "series.eaf_share_crude_steel.y2024",
    "eaf.target": "target.t05.display",
    "eaf.needed": "traditional.T05.required",
    "eaf.recent": "traditional.T05.recent",
    "eaf.needed_rise": "traditional.T05.required_rise",
    "eaf.recent_rise": "traditional.T05.recent_rise",
    "eaf.status": "traditional.T05.status",
    "eaf.verdict": "claim.eaf_steel_2030.status",
    "eaf.mt": "traditional.steel.eaf_latest_mt",
    "eaf.mt_year": "series.eaf_steel_output.latest_year",
    "eaf.mt_needed": "traditional.steel.eaf_needed_mt",
    "eaf.times": "traditional.steel.eaf_needed_multiple",
    # crude steel
    "steel.output": "series.crude_steel_output.latest",
    "steel.year": "series.crude_steel_output.latest_year",
    "steel.y2024": "series.crude_steel_output.y2024",
    "steel.peak": "traditional.steel.crude_peak",
    "steel.peak_year": "traditional.steel.crude_peak_year",
    # bulk industrial solid waste
    "waste.rate": "series.bulk_industrial_solid_waste_utilisation_rate.latest",
    "waste.year": "series.bulk_industrial_solid_waste_utilisation_rate.latest_year",
    "waste.target": "target.t03.display",
    "waste.gap": "traditional.T03.gap",
    "waste.needed": "traditional.T03.required",
    "waste.recent": "traditional.T03.recent",
    "waste.status": "traditional.T03.status",
    "waste.why": "traditional.T03.status_reason",
    "waste.verdict": "claim.bulk_solid_waste_2030.status",
    # recycled resources
    "recycle.latest": "traditional.T02.latest",
    "recycle.year": "series.main_recycled_resources_volume_ndrc_9cat.latest_year",
    "recycle.target": "traditional.T02.target",
    "recycle.needed": "traditional.T02.required",
    "recycle.recent": "traditional.T02.recent",
    "recycle.status": "traditional.T02.status",
    "recycle.why": "traditional.T02.status_reason",
    "recycle.verdict": "claim.recycled_resources_2030.status",
    "recycle.collected": "series.recycled_resources_collection_volume.y2024",
    "recycle.collected_year": "series.recycled_resources_collection_volume.latest_year",
    # aluminium
    "alu.base": "target.t04.baseline",
    "alu.base_year": "target.t04.baseline_year",
    "alu.industry": "series.aluminium_industry_renewable_energy_share.y2023",
    "alu.year": "series.aluminium_industry_renewable_energy_share.latest_year",
    "alu.status": "traditional.T04.status",
    "alu.verdict": "claim.aluminium_renewables_2030.status",
    "syngas.verdict": "claim.syngas_short_process_2030.status",
    # ultra-low-emission retrofits
    "ule.firms": "traditional.ule.firms_latest",
    "ule.cap": "traditional.ule.capacity_latest",
    "ule.at": "traditional.ule.latest_when",
    "ule.firms_first": "traditional.ule.firms_first",
    "ule.first_at": "traditional.ule.first_when",
    "ule.cap_first": "traditional.ule.capacity_first",
    "ule.cap_first_at": "traditional.ule.capacity_first_when",
    "ule.added": "traditional.ule.firms_added",
    "ule.months": "traditional.ule.months_between",
    "ule.position": "traditional.ule.claim_position",
    "ule.claimed_firms": "claim.steel_ule_firms.value",
    "ule.claimed_cap": "claim.steel_ule_capacity.value",
    "ule.verdict": "claim.steel_ule_firms.status",
    # the 2019 ultra-low-emission opinion's 2025 milestone as it words it (as on the policy-family page)
    "ms.ule25_steel_ule": "family.m.ule_2025_steel_ule",
    # water reuse
    "water.steel_claimed": "claim.steel_water_reuse.value",
    "water.petro_claimed": "claim.petrochem_water_reuse.value",
    "water.steel_verdict": "claim.steel_water_reuse.status",
    "water.petro_verdict": "claim.petrochem_water_reuse.status",
    "water.cisa": "series.steel_water_reuse_rate_key_enterprises.y2021",
    "water.cisa_year": "series.steel_water_reuse_rate_key_enterprises.latest_year",
    "water.cisa_ytd": "series.steel_water_reuse_rate_key_enterprises_jan_sep.y2024",
    "water.ytd_year": "series.steel_water_reuse_rate_key_enterprises_jan_sep.latest_year",
    "water.all": "series.industrial_water_reuse_rate.y2024",
    "water.year": "series.industrial_water_reuse_rate.latest_year",
    # the filter-press case
    "press.capacity_verdict": "claim.dezhou_filter_press_capacity.status",
    "press.energy_verdict": "claim.dezhou_filter_press_energy.status",
    "press.times": "traditional.press_filter.capacity_multiplier",
    "press.cut": "traditional.press_filter.energy_change",
    "press.left": "traditional.press_filter.energy_left",
    "press.index": "traditional.press_filter.per_unit_index",
    "press.unit_cut": "traditional.press_filter.per_unit_fall",
    "press.formula": "traditional.press_filter.per_unit_formula",
}
