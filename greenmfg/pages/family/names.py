"""Short names for the values the policy-family page's prose quotes: `{{< var fam.eaf >}}`, `{{< var ms.eaf25_air_quality >}}`.

Each name stands for one of this page's variables() (family.*), which greenmfg.pages.variables adds to both editions' values.
Groups: fam (the latest published figure of a series a chain of milestones belongs with, and its year), ms (a
milestone as its plan words it: measure, the year's last two digits, the plan).
"""
from __future__ import annotations

NAMES = {
    # the figure the aluminium target's distance is measured from (as on the traditional chapter)
    "alu.base": "target.t04.baseline",
    "alu.base_year": "target.t04.baseline_year",
    # the latest published figure of each series a chain belongs with (family.latest.*, family.latest_year.*)
    "fam.eaf": "family.latest.eaf_share_crude_steel",
    "fam.eaf_year": "family.latest_year.eaf_share_crude_steel",
    "fam.recycled": "family.latest.main_recycled_resources_volume",
    "fam.recycled_year": "family.latest_year.main_recycled_resources_volume",
    "fam.recycled9": "family.latest.main_recycled_resources_volume_ndrc_9cat",
    "fam.recycled9_year": "family.latest_year.main_recycled_resources_volume_ndrc_9cat",
    "fam.secal": "family.latest.secondary_aluminium_output",
    "fam.secnf": "family.latest.secondary_nonferrous_output",
    "fam.secnf_year": "family.latest_year.secondary_nonferrous_output",
    "fam.waste": "family.latest.bulk_industrial_solid_waste_utilisation_rate",
    "fam.waste_year": "family.latest_year.bulk_industrial_solid_waste_utilisation_rate",
    # each milestone as worded, with its qualifier (family.m.*)
    "ms.al25_nonferrous_peak": "family.m.al_2025_nonferrous_peak",
    "ms.al27_aluminium_quality": "family.m.al_2027_aluminium_quality",
    "ms.al30_nonferrous_peak": "family.m.al_2030_nonferrous_peak",
    "ms.eaf25_air_quality": "family.m.eaf_2025_air_quality",
    "ms.eaf25_industry_peak": "family.m.eaf_2025_industry_peak",
    "ms.eaf30_industry_peak": "family.m.eaf_2030_industry_peak",
    "ms.greenind25_green_14fyp": "family.m.greenind_2025_green_14fyp",
    "ms.nev25_nev_plan": "family.m.nev_2025_nev_plan",
    "ms.nonfossil25_energy_carbon": "family.m.nonfossil_2025_energy_carbon",
    "ms.pue_all25_datacentre_green": "family.m.pue_all_2025_datacentre_green",
    "ms.pue_new21_datacentre_3yr": "family.m.pue_new_2021_datacentre_3yr",
    "ms.pue_new23_datacentre_3yr": "family.m.pue_new_2023_datacentre_3yr",
    "ms.recycled25_green_14fyp": "family.m.recycled_2025_green_14fyp",
    "ms.recycled25_resource_use": "family.m.recycled_2025_resource_use",
    "ms.recycled25_waste_materials": "family.m.recycled_2025_waste_materials",
    "ms.secal25_green_14fyp": "family.m.secal_2025_green_14fyp",
    "ms.secal27_aluminium_quality": "family.m.secal_2027_aluminium_quality",
    "ms.secnf25_circular": "family.m.secnf_2025_circular",
    "ms.secnf30_recycled_materials": "family.m.secnf_2030_recycled_materials",
    "ms.ule25_green_14fyp": "family.m.ule_2025_green_14fyp",
    "ms.ule25_steel_ule": "family.m.ule_2025_steel_ule",
    "ms.waste_rate25_circular": "family.m.waste_rate_2025_circular",
    "ms.waste_rate25_resource_use": "family.m.waste_rate_2025_resource_use",
    "ms.waste_rate27_traditional": "family.m.waste_rate_2027_traditional",
}
