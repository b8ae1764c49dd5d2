"""Short names for the values the emerging page's prose and takeaways quote: `{{< var nev.sales >}}`.

Each name stands for a value the build already computes: a generic key (series.*, claim.*) or one of this page's
variables() (emerging.*); a phrase joins a value and its year as the prose reads them. greenmfg.pages.variables adds the
names to both editions' values. A name means one value across the site. Groups: nev (new-energy vehicles), dom (their
share of domestic sales), li (lithium-ion batteries), sto (storage batteries), inst (power-battery installations),
ciaps (the battery alliance's counts), pv (photovoltaics, full years), ytd/poly/wafer/cell/module (CPIA's part-year
counts), iea, ht (high-tech manufacturing), eq (equipment manufacturing), jjj (the Beijing–Tianjin–Hebei computing
centre), gdc (green data centres), dc (computing-centre racks), pue. Fields: year = the year of the group's latest
figure; first / first_at = the earliest figure the page quotes and its period; at = a period; verdict = the claims
ledger's status of the article's figure.
"""
from __future__ import annotations

from greenmfg.pages.values import phrase

NAMES = {
    # new-energy vehicles
    "nev.year": "series.nev_sales.latest_year",
    "nev.sales": "emerging.nev_sales_last",
    "nev.share": "series.nev_share_of_new_vehicle_sales.latest",
    "nev.share_years": "emerging.nev_share_years",
    "nev.from": phrase("{level} in {year}", level="emerging.nev_sales_first", year="emerging.nev_first_year"),
    "nev.to": phrase("{level} in {year}", level="emerging.nev_sales_last", year="series.nev_sales.latest_year"),
    "dom.year": "series.nev_share_of_domestic_new_vehicle_sales.latest_year",
    "dom.share": "series.nev_share_of_domestic_new_vehicle_sales.latest",
    "nev.made23": "emerging.nev_production_claim_year",
    "nev.sold23": "emerging.nev_sales_claim_year",
    "nev.gap23": "emerging.nev_sales_shortfall",
    "nev.verdict": "claim.nev_output_sales_2023.status",
    # batteries
    "li.year": "series.liion_battery_output_total.latest_year",
    "li.total": "series.liion_battery_output_total.latest",
    "li.y2022": "series.liion_battery_output_total.y2022",
    "li.y2023": "series.liion_battery_output_total.y2023",
    "li.power": "emerging.battery_power_share_last",
    "li.storage": "emerging.battery_storage_share_last",
    "li.verdict": "claim.power_battery_global_share.status",
    "sto.y2021": "series.storage_liion_battery_output.y2021",
    "sto.y2022": "series.storage_liion_battery_output.y2022",
    "sto.to": phrase("{level} in {year}", level="series.storage_liion_battery_output.latest",
                     year="series.storage_liion_battery_output.latest_year"),
    "inst.share": "series.china_share_global_power_battery_installation.latest",
    "inst.year": "series.china_share_global_power_battery_installation.latest_year",
    "inst.top10": "series.power_battery_china_firms_share_global_top10.latest",
    "ciaps.year": "series.power_battery_installed_ciaps.latest_year",
    "ciaps.inst": "series.power_battery_installed_ciaps.latest",
    "ciaps.made": "series.power_and_storage_battery_output_ciaps.latest",
    "ciaps.y2022": "series.power_battery_output.y2022",
    # photovoltaics
    "pv.year": "series.pv_module_output.latest_year",
    "pv.poly": "emerging.pv_polysilicon_last",
    "pv.wafer": "series.pv_wafer_output.latest",
    "pv.cell": "series.pv_cell_output.latest",
    "pv.module": "series.pv_module_output.latest",
    "pv.verdict": "claim.pv_output_world_first.status",
    "pv.ytd": "emerging.pv_part_year",
    "ytd.year": "series.pv_polysilicon_output_jan_oct.latest_year",
    "poly.ytd": "emerging.pv_polysilicon_part_year",
    "poly.fall": "emerging.pv_polysilicon_fall",
    "poly.year": "series.pv_polysilicon_output.latest_year",
    "wafer.fall": "emerging.pv_wafers_fall",
    "cell.rise": "emerging.pv_cells_rise",
    "module.rise": "emerging.pv_modules_rise",
    "iea.share": "series.pv_china_share_all_manufacturing_stages.latest",
    "iea.year": "series.pv_china_share_all_manufacturing_stages.latest_year",
    # industry structure
    "ht.y2014": "series.hightech_mfg_share_of_industry_va.y2014",
    "ht.y2023": "series.hightech_mfg_share_of_industry_va.y2023",
    "ht.y2024": "series.hightech_mfg_share_of_industry_va.y2024",
    "ht.y2025": "series.hightech_mfg_share_of_industry_va.y2025",
    "ht.latest": "series.hightech_mfg_share_of_industry_va.latest",
    "ht.year": "series.hightech_mfg_share_of_industry_va.latest_year",
    "ht.verdict": "claim.hightech_share_2023.status",
    "ht.month": "emerging.hightech_monthly_period",
    "eq.y2023": "series.equipment_mfg_share_of_industry_va.y2023",
    "eq.y2025": "series.equipment_mfg_share_of_industry_va.y2025",
    "eq.latest": "series.equipment_mfg_share_of_industry_va.latest",
    "eq.verdict": "claim.equipment_share_2023.status",
    # green computing
    "jjj.kwh": "emerging.jjj_savings",
    "jjj.verdict": "claim.jjj_computing_centre_savings.status",
    "gdc.all": "series.green_data_centres_national_cumulative.y2024",
    "gdc.new": "series.green_data_centres_national_new.y2024",
    "gdc.re": "series.green_data_centres_renewable_use_rate.y2024",
    "dc.racks": "emerging.dc_racks",
    "dc.at": "emerging.dc_racks_period",
    "dc.first": "emerging.dc_racks_first",
    "dc.first_at": "emerging.dc_racks_first_period",
    "pue.now": "emerging.pue_latest",
    "pue.now_at": "emerging.pue_latest_period",
    "pue.first": "emerging.pue_first",
    "pue.first_at": "emerging.pue_first_period",
    "pue.cap": "emerging.pue_target",
    "pue.by": "emerging.pue_target_period",
    "pue.goal": phrase("{period} ceiling of {value}", period="emerging.pue_target_period", value="emerging.pue_target"),
}
