"""Build data/processed/context_series.csv from the research lead file (data/raw/research/context_series.csv).

Every value, URL and quote is carried over from the research file; this script only (a) assigns clean units,
topics, labels, bases and measure kinds per series, (b) moves "more than"/"approx." into `qualifier`, (c) moves
mirror / spam hosts into `mirror_url`, (d) keeps one row per series-year where the research has `_alt`
duplicates (the other source is named in `confidence`), and (e) splits series whose rows have different bases.
A handful of rows come from data/raw/research/policy_structure.md (§4) and are marked as such.
Run from the repository root: `.venv/bin/python data/scripts/build_context_series.py`.
"""
from __future__ import annotations

import csv
import re
import sys
from pathlib import Path
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from data.scripts.common import COMMON, host_is_original, write_csv  # noqa: E402

HERE = Path(__file__).resolve().parents[1]
LEAD = HERE / "raw" / "research" / "context_series.csv"
OUT = HERE / "processed" / "context_series.csv"

COLUMNS = ["series_id", "year", "series_label_en", "series_label_zh", "topic", "geography"] + COMMON

# series_id: (topic, unit, measure_kind, label_en, label_zh, basis)
META = {
    "aluminium_china_share_global_output": ("aluminium", "%", "share", "China's share of world aluminium output", "中国铝产量占全球比重", "China's share of world aluminium production (approximate press figure)"),
    "aluminium_industry_co2_emissions": ("aluminium", "Mt", "level", "CO2 emissions of the aluminium industry", "铝工业二氧化碳排放量", "Whole aluminium industry, Mt CO2 (electrolytic aluminium 420 Mt of it), CNIA data"),
    "aluminium_industry_renewable_energy_share": ("aluminium", "%", "share", "Renewable-energy share in the aluminium industry", "铝工业可再生能源利用比例", "Renewable share of energy use in the whole aluminium industry (CNIA); not the electrolytic-aluminium basis of target T04"),
    "aluminium_industry_renewable_energy_share_target": ("aluminium", "%", "target", "Target: renewable-energy share in electrolytic aluminium (2025, 2024 action plan)", "电解铝可再生能源利用比例目标(2025)", "Target in the 2024 electrolytic-aluminium energy-saving and carbon-reduction action plan; not this policy"),
    "aluminium_smelting_hydropower_share": ("aluminium", "%", "share", "Hydropower share of energy used by aluminium smelters", "电解铝冶炼用能中水电比例", "Share of hydropower in smelter energy use, approximate trade-press figure"),
    "bulk_industrial_solid_waste_utilisation_rate": ("solid_waste", "%", "share", "Comprehensive utilisation rate of bulk industrial solid waste", "大宗工业固废综合利用率", "MIIT indicator 大宗工业固废 (industrial only); same basis as target T03"),
    "bulk_industrial_solid_waste_utilised_volume": ("solid_waste", "亿吨", "level", "Bulk industrial solid waste utilised", "大宗工业固废综合利用量", "Volume of bulk industrial solid waste (metallurgical slag, tailings etc.) comprehensively utilised"),
    "bulk_solid_waste_utilisation_rate": ("solid_waste", "%", "share", "Bulk solid waste utilisation rate (NDRC, incl. straw and construction waste)", "大宗固废综合利用率(含秸秆、建筑垃圾)", "NDRC 大宗固废 incl. crop straw and construction waste: NOT the MIIT industrial indicator of target T03"),
    "china_share_global_battery_materials_supply": ("battery", "%", "share", "China's share of battery materials supplied to the world", "中国向全球供应电池材料比重", "Share of world battery-material supply, approximate statement"),
    "china_share_global_power_battery_capacity": ("battery", "%", "share", "China's share of global power-battery production capacity", "中国动力电池产能占全球比重", "Production capacity, not output"),
    "china_share_global_power_battery_supply": ("battery", "%", "share", "China's share of power batteries supplied to the world", "中国向全球供应动力电池比重", "Share of world power-battery supply (qualitative statement, not a production statistic)"),
    "co2_intensity_change_13th_FYP": ("emissions", "%", "change", "Change in CO2 per unit of GDP, 2015-2020", "单位GDP二氧化碳排放变化(十三五)", "Economy-wide carbon intensity, cumulative change 2015-2020"),
    "co2_intensity_change_vs_2005": ("emissions", "%", "change", "Change in CO2 per unit of GDP, 2005-2019", "单位GDP二氧化碳排放较2005年变化", "Economy-wide carbon intensity, cumulative change 2005-2019"),
    "crude_steel_china_share_global": ("steel", "%", "share", "China's share of world crude steel output", "中国粗钢产量占全球比重", "worldsteel data as reported"),
    "crude_steel_output": ("steel", "Mt", "level", "Crude steel output", "粗钢产量", "China crude steel production; NBS or worldsteel figure per row (source_org); converted to Mt by the researcher"),
    "data_centre_avg_pue_national": ("data_centre", "PUE", "level", "National average data-centre PUE", "全国数据中心平均PUE", "National annual average power usage effectiveness (low-authority source)"),
    "data_centre_electricity_consumption": ("data_centre", "亿千瓦时", "level", "Data-centre electricity consumption", "数据中心用电量", "All data centres in China (unnamed report)"),
    "data_centre_electricity_share_national": ("data_centre", "%", "share", "Data centres' share of national electricity use", "数据中心用电占全社会用电比重", "Share of national electricity consumption"),
    "data_centre_racks_in_use": ("data_centre", "万标准机架", "level", "Data-centre racks in use", "在用数据中心标准机架", "Racks in use, in 10k standard racks, end of year"),
    "eaf_share_crude_steel": ("steel", "%", "share", "Electric-arc-furnace (short-process) share of crude steel", "电炉钢(短流程)占粗钢产量比重", "EAF steel output / crude steel output; trade-press (2020) and CISA (2022) figures, not NBS"),
    "eaf_share_crude_steel_world": ("steel", "%", "share", "EAF share of world crude steel", "全球电炉钢占比", "World, worldsteel"),
    "eaf_steel_output": ("steel", "万吨", "level", "EAF steel output", "电炉钢产量", "China EAF steel output"),
    "electrolytic_aluminium_clean_energy_share_target": ("aluminium", "%", "target", "Target: clean-energy share in electrolytic aluminium (2027 plan)", "电解铝清洁能源使用比例目标(2027)", "Target in the Aluminium Industry High-Quality Development Plan 2025-2027; clean energy, not renewable only"),
    "electrolytic_aluminium_output": ("aluminium", "万吨", "level", "Electrolytic aluminium output", "电解铝产量", "China electrolytic (primary) aluminium output, rounded"),
    "equipment_mfg_contribution_to_industry_growth": ("structure", "%", "share", "Equipment manufacturing's contribution to industrial growth", "装备制造业对规上工业增长贡献率", "Contribution rate to growth of industry above designated size; NOT a share of value added"),
    "equipment_mfg_share_of_industry_va": ("structure", "%", "share", "Equipment manufacturing share of industrial value added", "装备制造业增加值占规模以上工业比重", "Share of value added of industry above designated size (规模以上工业)"),
    "ev_battery_demand_china": ("battery", "GWh", "level", "EV battery demand in China (IEA)", "中国电动车电池需求(IEA)", "Demand (batteries in EVs sold), not production"),
    "ev_battery_demand_china_share_global": ("battery", "%", "share", "China's share of global EV battery demand (IEA)", "中国电动车电池需求占全球比重(IEA)", "Demand share, not production share"),
    "ev_battery_demand_world": ("battery", "GWh", "level", "World EV battery demand (IEA)", "全球电动车电池需求(IEA)", "World demand"),
    "gdp_energy_intensity_change": ("emissions", "%", "change", "Change in energy use per unit of GDP", "万元GDP能耗变化", "Economy-wide, year on year"),
    "global_liion_battery_market": ("battery", "GWh", "level", "Global lithium-ion battery market", "全球锂离子电池市场规模", "World market size (CCID)"),
    "green_aluminium_output": ("aluminium", "Mt", "level", "Green aluminium output", "绿色铝产量", "CNIA definition of green aluminium"),
    "green_data_centres_avg_pue": ("data_centre", "PUE", "level", "Average PUE of national green data centres", "国家绿色数据中心平均PUE", "Green data centres only, not the national average"),
    "green_data_centres_national_cumulative": ("data_centre", "count", "level", "National green data centres (cumulative)", "国家绿色数据中心(累计)", "National-level green data centres, cumulative"),
    "green_data_centres_national_new": ("data_centre", "count", "level", "National green data centres designated in the year", "当年新培育国家绿色数据中心", "Newly designated in the year"),
    "green_data_centres_renewable_use_rate": ("data_centre", "%", "share", "Average renewable-energy use rate of new national green data centres", "新培育国家绿色数据中心可再生能源利用率平均值", "Only the green data centres designated in 2024"),
    "green_factories_national_cumulative": ("green_system", "count", "level", "National-level green factories (cumulative)", "国家层面绿色工厂(累计)", "National-level green factories, cumulative after that year's list (year = list year)"),
    "green_factories_national_new": ("green_system", "count", "level", "National-level green factories added in the year's list", "当年名单新增国家级绿色工厂", "New national-level green factories in that year's list"),
    "green_factories_output_share_of_manufacturing": ("green_system", "%", "share", "Output of national-level green factories as a share of manufacturing output", "国家级绿色工厂产值占制造业总产值比重", "NATIONAL-level green factories only; target T01 counts green factories at ALL levels"),
    "green_industrial_parks_national_cumulative": ("green_system", "count", "level", "National-level green industrial parks (cumulative)", "国家层面绿色工业园区(累计)", "National-level green industrial parks, cumulative (year = list year)"),
    "green_industrial_parks_national_new": ("green_system", "count", "level", "National-level green industrial parks added in the year's list", "当年名单新增国家级绿色工业园区", "New in that year's list"),
    "green_supply_chain_firms_national_cumulative": ("green_system", "count", "level", "National-level green supply-chain management firms (cumulative)", "国家层面绿色供应链管理企业(累计)", "National-level, cumulative (year = list year)"),
    "green_supply_chain_firms_national_new": ("green_system", "count", "level", "National-level green supply-chain management firms added in the year's list", "当年名单新增绿色供应链管理企业", "New in that year's list"),
    "hightech_industry_share_monthly_Nov": ("structure", "%", "share", "High-tech industry share of industry above designated size (November only)", "高技术产业占规模以上工业比重(当月)", "MONTHLY figure for November 2018, not annual; do not plot with the annual series"),
    "hightech_mfg_share_change_pp": ("structure", "pp", "change", "Change in high-tech manufacturing share of industrial value added", "高技术制造业占规上工业比重变化", "Percentage-point change on the previous year (the implied level is not a row)"),
    "hightech_mfg_share_of_industry_va": ("structure", "%", "share", "High-tech manufacturing share of industrial value added", "高技术制造业增加值占规模以上工业比重", "Share of value added of industry above designated size (规模以上工业)"),
    "industrial_solid_waste_utilised_volume_Q1Q3": ("solid_waste", "亿吨", "level", "Industrial solid waste utilised, January-September", "前三季度工业固废综合利用量", "All industrial solid waste, first three quarters only"),
    "industrial_water_reuse_rate": ("water", "%", "share", "Water reuse rate of industry above designated size", "规上工业用水重复利用率", "All industry above designated size (estimate for the year)"),
    "industry_energy_intensity_change": ("emissions", "%", "change", "Change in energy use per unit of industrial value added", "规上工业单位增加值能耗变化", "Industry above designated size, year on year"),
    "industry_energy_intensity_change_12th_FYP": ("emissions", "%", "change", "Change in industrial energy intensity, 2010-2015", "规上工业单位增加值能耗变化(十二五)", "Cumulative over the 12th Five-Year Plan"),
    "industry_energy_intensity_change_13th_FYP": ("emissions", "%", "change", "Change in industrial energy intensity, 2015-2020", "规上工业单位增加值能耗变化(十三五)", "Cumulative over the 13th Five-Year Plan"),
    "industry_energy_intensity_change_14th_FYP_first2yrs": ("emissions", "%", "change", "Change in industrial energy intensity, 2021-2022", "规上工业单位增加值能耗变化(十四五前两年)", "Cumulative over 2021-2022"),
    "industry_energy_intensity_change_2016_2019": ("emissions", "%", "change", "Change in industrial energy intensity, 2016-2019 (estimate)", "规上工业单位增加值能耗变化(2016-2019)", "Cumulative 2016-2019, estimate"),
    "industry_energy_intensity_target_14th_FYP": ("emissions", "%", "target", "Target: change in industrial energy intensity 2020-2025", "规上工业单位增加值能耗下降目标(2025)", "Target of the Industrial Energy Efficiency Action Plan (2022); not this policy"),
    "industry_energy_intensity_target_annual": ("emissions", "%", "target", "Target: change in industrial energy intensity in 2024", "2024年规上工业单位增加值能耗下降目标", "Annual target (2024-2025 action plan); not an outcome"),
    "industry_water_intensity_change": ("water", "%", "change", "Change in water use per unit of industrial value added", "万元工业增加值用水量变化", "Year on year"),
    "industry_water_intensity_change_12th_FYP": ("water", "%", "change", "Change in industrial water intensity, 2010-2015", "万元工业增加值用水量变化(十二五)", "Cumulative over the 12th Five-Year Plan"),
    "industry_water_intensity_change_13th_FYP": ("water", "%", "change", "Change in industrial water intensity, 2015-2020", "万元工业增加值用水量变化(十三五)", "Cumulative over the 13th Five-Year Plan"),
    "industry_water_intensity_change_2021_2023": ("water", "%", "change", "Change in industrial water intensity, 2021-2023", "万元工业增加值用水量变化(2021-2023)", "Cumulative 2021-2023"),
    "liion_battery_installed": ("battery", "GWh", "level", "Lithium-ion batteries installed (NEV + new-type storage)", "锂电池装机量(含新能源汽车、新型储能)", "Installed volume, not output"),
    "liion_battery_output_total": ("battery", "GWh", "level", "Lithium-ion battery output (all types)", "锂离子电池产量(全部)", "MIIT industry-operation figure, all types"),
    "main_recycled_resources_volume": ("recycling", "亿吨", "level", "Main recycled resources recovered and used (10 categories, MIIT)", "主要品种再生资源回收利用量(10种, 工信部)", "10 main categories, MIIT figures (2020 回收利用量; 2024 利用量)"),
    "main_recycled_resources_volume_ndrc_9cat": ("recycling", "亿吨", "level", "Main recycled resources recovered and used (9 categories, NDRC)", "主要再生资源回收利用量(9类, 发展改革委)", "9 categories, NDRC figure: different basis from the MIIT 10-category series"),
    "nev_china_share_global_sales": ("nev", "%", "share", "China's share of world NEV sales", "中国新能源汽车销量全球占比", "Sales share"),
    "nev_production": ("nev", "万辆", "level", "New-energy vehicle production", "新能源汽车产量", "CAAM/MIIT production"),
    "nev_sales": ("nev", "万辆", "level", "New-energy vehicle sales", "新能源汽车销量", "CAAM/MIIT sales"),
    "nev_share_of_new_vehicle_sales": ("nev", "%", "share", "NEV share of new-vehicle sales", "新能源汽车新车销量占比", "Share of all new-vehicle sales (CAAM)"),
    "new_large_data_centre_pue_target": ("data_centre", "PUE", "target", "Target: PUE of new large data centres by end-2023", "新建大型及以上数据中心PUE目标", "Target of MIIT's 2021-2023 data-centre action plan; not an outcome"),
    "owid_carbon_intensity_elec": ("electricity", "gCO2e/kWh", "level", "Carbon intensity of electricity generation", "发电碳强度", "OWID energy dataset, from Ember; lifecycle gCO2e per kWh generated"),
    "owid_co2_cement": ("emissions", "Mt", "level", "CO2 from cement", "水泥二氧化碳排放", "OWID CO2 dataset (Global Carbon Budget), Mt CO2"),
    "owid_co2_coal": ("emissions", "Mt", "level", "CO2 from coal", "煤炭二氧化碳排放", "OWID CO2 dataset (Global Carbon Budget), Mt CO2"),
    "owid_co2_per_gdp": ("emissions", "kg CO2/int-$", "level", "CO2 per unit of GDP", "单位GDP二氧化碳排放", "OWID CO2 dataset; kg CO2 per international-$ of GDP"),
    "owid_co2_total": ("emissions", "Mt", "level", "Total CO2 emissions (excl. land use)", "二氧化碳排放总量(不含土地利用)", "OWID CO2 dataset (Global Carbon Budget), Mt CO2"),
    "owid_coal_share_elec": ("electricity", "%", "share", "Coal share of electricity generation", "煤电占发电量比重", "OWID energy dataset, from Ember"),
    "owid_electricity_generation": ("electricity", "TWh", "level", "Electricity generation", "发电量", "OWID energy dataset, from Ember"),
    "owid_low_carbon_share_elec": ("electricity", "%", "share", "Low-carbon share of electricity generation", "低碳电力占发电量比重", "OWID energy dataset, from Ember (renewables + nuclear)"),
    "owid_renewables_share_elec": ("electricity", "%", "share", "Renewable share of electricity generation", "可再生能源发电占比", "OWID energy dataset, from Ember"),
    "owid_share_global_cement_co2": ("emissions", "%", "share", "China's share of world cement CO2", "中国水泥二氧化碳排放占全球比重", "OWID CO2 dataset (Global Carbon Budget)"),
    "owid_share_global_co2": ("emissions", "%", "share", "China's share of world CO2", "中国二氧化碳排放占全球比重", "OWID CO2 dataset (Global Carbon Budget)"),
    "owid_solar_electricity": ("electricity", "TWh", "level", "Solar electricity generation", "太阳能发电量", "OWID energy dataset, from Ember"),
    "owid_wind_electricity": ("electricity", "TWh", "level", "Wind electricity generation", "风力发电量", "OWID energy dataset, from Ember"),
    "petrochem_water_reuse_rate_sinopec": ("water", "%", "share", "Sinopec group industrial water reuse rate", "中国石化工业水重复利用率", "One company (Sinopec), 2005; not a sector series"),
    "power_battery_china_firms_share_global_top10": ("battery", "%", "share", "Chinese firms' market share among the global top-10 power-battery makers", "全球前十动力电池企业中中国企业市场份额", "Firm-based market share"),
    "power_battery_installed": ("battery", "GWh", "level", "Power batteries installed in vehicles", "动力电池装车量", "Installed (2019: CAAM supply to OEMs; 2022: MIIT installed volume)"),
    "power_battery_output": ("battery", "GWh", "level", "Power battery output (CAAM/CABIA)", "动力电池产量(中汽协/电池联盟)", "Industry-association power battery output; not the MIIT power-type Li-ion series"),
    "power_liion_battery_output": ("battery", "GWh", "level", "Power-type lithium-ion battery output (MIIT)", "动力型锂离子电池产量(工信部)", "MIIT industry-operation figure, power type"),
    "pv_cell_output": ("pv", "GW", "level", "Solar cell output", "光伏电池产量", "China output"),
    "pv_china_share_all_manufacturing_stages": ("pv", "%", "share", "China's share of global capacity in every PV manufacturing stage (IEA)", "中国在光伏各制造环节产能全球占比(IEA)", "Capacity share, each stage (IEA)"),
    "pv_module_china_share_global": ("pv", "%", "share", "China's share of world PV module output", "中国光伏组件产量全球占比", "Output share (stated mid-2022)"),
    "pv_module_exports": ("pv", "GW", "level", "PV module exports", "光伏组件出口量", "Exports"),
    "pv_module_output": ("pv", "GW", "level", "PV module output", "光伏组件产量", "China output"),
    "pv_polysilicon_china_share_global": ("pv", "%", "share", "China's share of world polysilicon output", "中国多晶硅产量全球占比", "Output share"),
    "pv_polysilicon_output": ("pv", "万吨", "level", "Polysilicon output", "多晶硅产量", "China output"),
    "pv_wafer_china_share_global": ("pv", "%", "share", "China's share of world wafer output", "中国硅片产量全球占比", "Output share"),
    "pv_wafer_output": ("pv", "GW", "level", "Wafer output", "硅片产量", "China output"),
    "recycled_resources_collection_volume": ("recycling", "亿吨", "level", "Recycled resources collected (10 categories, industry association)", "再生资源回收总量(10个品种, 协会)", "Collection (回收) volume, China National Resources Recycling Association: not the MIIT 循环利用量 basis of target T02"),
    "retired_power_battery_recycled_volume": ("recycling", "万吨", "level", "Retired power batteries comprehensively utilised", "退役动力电池综合利用量", "Estimate for the year"),
    "secondary_aluminium_output": ("aluminium", "万吨", "level", "Secondary aluminium output", "再生铝产量", "Rounded"),
    "secondary_aluminium_share_of_electrolytic": ("aluminium", "%", "share", "Secondary aluminium output relative to electrolytic aluminium output", "再生铝产量相当于电解铝产量的比例", "Ratio to electrolytic output, not a share of total supply"),
    "secondary_nonferrous_output": ("aluminium", "万吨", "level", "Output of main secondary non-ferrous metals", "主要再生有色金属产量", "All main secondary non-ferrous metals"),
    "steel_fresh_water_per_tonne_key_enterprises": ("water", "m³/t", "level", "Fresh water withdrawn per tonne of steel (CISA key enterprises)", "重点统计钢铁企业吨钢取(耗新)水量", "CISA key statistical enterprises"),
    "steel_slag_utilisation_rate_key_enterprises_Jan_Sep": ("solid_waste", "%", "share", "Steel slag utilisation rate, CISA key enterprises, January-September", "重点钢铁企业钢渣利用率(1-9月)", "January-September only"),
    "steel_water_reuse_rate_key_enterprises": ("water", "%", "share", "Water reuse rate of CISA key steel enterprises", "重点钢铁企业水重复利用率", "CISA key statistical enterprises, full year"),
    "steel_water_reuse_rate_key_enterprises_Jan_Sep": ("water", "%", "share", "Water reuse rate of CISA key steel enterprises, January-September", "重点钢铁企业水重复利用率(1-9月)", "January-September only"),
    "storage_liion_battery_output": ("battery", "GWh", "level", "Storage-type lithium-ion battery output (MIIT)", "储能型锂离子电池产量(工信部)", "MIIT industry-operation figure, storage type"),
}

# _alt rows: dropped in favour of the main row; their source is named in the kept row's confidence.
ALT_SUFFIXES = ("_alt_source", "_alt")

# series-years where the _alt row is the better source (original outlet): it replaces the main row.
PREFER_ALT = {("recycled_resources_collection_volume", "2023")}

# Rows moved to a split series (different basis): (series_id, year) -> new series_id
SPLIT = {("main_recycled_resources_volume", "2021"): "main_recycled_resources_volume_ndrc_9cat"}

# Rows replaced by a better-dated lead from policy_structure.md §4 (kept research row noted in confidence).
REPLACE = {
    ("green_factories_output_share_of_manufacturing", "2023"): {
        "value": "17", "qualifier": ">", "as_of": "2023-12",
        "source_org": "MIIT, via 央视 (CCTV)", "source_date": "2024-02", "source_title": "",
        "url": "", "mirror_url": "https://m.d1cm.com/news/20240220159771.shtml",
        "quote": "截至2023年底,我国已在国家层面建成了绿色工厂5095家,产值占制造业总产值的比重超过17%",
        "confidence": "medium: MIIT figure via a copy of a CCTV report (policy_structure.md §4.1; English: asianmetal.com). "
                      "The research CSV instead put '已超过18%' (MIIT spokesperson 陶青, SCIO 2024-10-23, ny21.cn copy) in this year; that statement was made in Oct 2024 and is not an end-2023 figure.",
    },
}

# Rows added from policy_structure.md §4 (figures with an exact quote there).
EXTRA = [
    {"series_id": "main_recycled_resources_volume", "year": "2024", "value": "4", "qualifier": ">",
     "as_of": "2024", "source_org": "MIIT (vice-minister 辛国斌), via 央视 (CCTV)", "source_date": "2025-09",
     "source_title": "", "url": "", "mirror_url": "https://m.rswz.net/news/ZvNP9oX253.html",
     "quote": "2024年,我国废钢、废铜铝等10种再生资源利用量超过4亿吨",
     "confidence": "medium: lead from policy_structure.md §4.2, copy of a CCTV report on a mirror host; verb 利用量 (utilisation) vs 2020's 回收利用量.",
     "geography": "China"},
]

# as_of overrides (YYYY-MM) where the research says the figure is 'as of' a month.
AS_OF = {
    ("green_factories_national_cumulative", "2022"): "2023-05",
    ("green_factories_national_cumulative", "2023"): "2024-03",
    ("green_factories_national_cumulative", "2024"): "2025-01",
    ("green_industrial_parks_national_cumulative", "2022"): "2023-05",
    ("green_industrial_parks_national_cumulative", "2023"): "2024-03",
    ("green_supply_chain_firms_national_cumulative", "2022"): "2023-05",
    ("green_supply_chain_firms_national_cumulative", "2023"): "2024-03",
    ("green_data_centres_national_cumulative", "2024"): "2024-06",
    ("industrial_solid_waste_utilised_volume_Q1Q3", "2024"): "2024-09",
    ("steel_slag_utilisation_rate_key_enterprises_Jan_Sep", "2024"): "2024-09",
    ("steel_water_reuse_rate_key_enterprises_Jan_Sep", "2024"): "2024-09",
    ("hightech_industry_share_monthly_Nov", "2018"): "2018-11",
    ("data_centre_racks_in_use", "2023"): "2023-12",
}

# Explicit qualifiers (checked by hand against unit/note/quote text of the research row).
QUALIFIER = {
    ("aluminium_china_share_global_output", "2024"): "≈",
    ("aluminium_smelting_hydropower_share", "2015"): "≈",
    ("aluminium_smelting_hydropower_share", "2022"): "≈",
    ("bulk_industrial_solid_waste_utilisation_rate", "2024"): ">",
    ("bulk_industrial_solid_waste_utilised_volume", "2019"): "≈",
    ("bulk_industrial_solid_waste_utilised_volume", "2020"): "≈",
    ("bulk_industrial_solid_waste_utilised_volume", "2023"): "≈",
    ("china_share_global_power_battery_capacity", "2021"): "≈",
    ("data_centre_racks_in_use", "2023"): ">",
    ("electrolytic_aluminium_clean_energy_share_target", "2027"): "≥",
    ("electrolytic_aluminium_output", "2024"): "≈",
    ("ev_battery_demand_china", "2023"): "≈",
    ("ev_battery_demand_world", "2023"): ">",
    ("green_data_centres_avg_pue", "2024"): "≈",
    ("green_data_centres_renewable_use_rate", "2024"): ">",
    ("green_factories_output_share_of_manufacturing", "2024"): ">",
    ("industrial_solid_waste_utilised_volume_Q1Q3", "2024"): "≈",
    ("industrial_water_reuse_rate", "2024"): ">",
    ("industry_energy_intensity_change_13th_FYP", "2020"): "≈",
    ("industry_energy_intensity_target_annual", "2024"): "≈",
    ("industry_water_intensity_change_13th_FYP", "2020"): "≈",
    ("liion_battery_installed", "2023"): ">",
    ("liion_battery_installed", "2024"): ">",
    ("liion_battery_output_total", "2023"): ">",
    ("new_large_data_centre_pue_target", "2023"): "<",
    ("nev_china_share_global_sales", "2022"): ">",
    ("nev_sales", "2018"): "≈",
    ("power_battery_china_firms_share_global_top10", "2022"): ">",
    ("power_battery_installed", "2022"): "≈",
    ("pv_cell_output", "2023"): ">",
    ("pv_china_share_all_manufacturing_stages", "2021"): ">",
    ("pv_module_china_share_global", "2022"): ">",
    ("pv_module_exports", "2024"): "≈",
    ("pv_module_output", "2023"): ">",
    ("pv_polysilicon_output", "2019"): "≈",
    ("pv_polysilicon_output", "2023"): ">",
    ("pv_polysilicon_output", "2024"): ">",
    ("pv_wafer_china_share_global", "2019"): ">",
    ("pv_wafer_china_share_global", "2021"): "≈",
    ("pv_wafer_output", "2023"): ">",
    ("recycled_resources_collection_volume", "2023"): "≈",
    ("retired_power_battery_recycled_volume", "2024"): ">",
    ("secondary_aluminium_output", "2024"): "≈",
    ("secondary_aluminium_share_of_electrolytic", "2024"): "≈",
    ("secondary_nonferrous_output", "2024"): "=",
    ("storage_liion_battery_output", "2022"): ">",
    ("china_share_global_battery_materials_supply", "2024"): "=",
    ("china_share_global_power_battery_supply", "2024"): "=",
}

EXTRA_CONFIDENCE = {
    ("crude_steel_output", "2021"): "The research quote shows only the 2022 figure; the 2021 value (103 470万吨) is from a table on the same page per the research note — re-check.",
    ("crude_steel_output", "2025"): "2025 figure published by worldsteel in early 2026; 2024 is a gap (no full-year quote found).",
    ("green_factories_output_share_of_manufacturing", "2024"): "Other statements of the same stock: '国家绿色工厂产值占比超过20%' (MIIT's 王鹏, State Council briefing 2025-10-31, https://xapp.southcn.com/node_2ea31fe5fd/5dcea16012.shtml); '已超过18%' as of Oct 2024 (陶青, SCIO 2024-10-23, copy at http://ny21.cn/show.asp?nid=94689).",
    ("hightech_mfg_share_change_pp", "2024"): "The research notes this 'implies 16.3%' for 2024; that implied level is deliberately NOT a row.",
}

_DATE_PATTERNS = [
    re.compile(r"(20\d\d)-(\d\d)-(\d\d)"),
]
_URL_DATE = [
    re.compile(r"/(20\d\d)-(\d\d)/(\d\d)/"),
    re.compile(r"/(20\d\d)/(\d\d)(\d\d)/"),
    re.compile(r"[/t_](20\d\d)(\d\d)(\d\d)(?:\d|_|\.|/)"),
    re.compile(r"/(20\d\d)(\d\d)/(\d\d)/"),
    re.compile(r"/(20\d\d)-(\d\d)/"),
]


def source_date(row: dict) -> str:
    """Publication date of the source where the research states it or the URL encodes it; else ''."""
    for text in (row["source_org"], row["note"]):
        m = _DATE_PATTERNS[0].search(text)
        if m:
            return "-".join(m.groups())
    path = urlparse(row["source_url"]).path
    for pat in _URL_DATE:
        m = pat.search(path)
        if m:
            parts = [g for g in m.groups() if g]
            if 1 <= int(parts[1]) <= 12 and (len(parts) < 3 or 1 <= int(parts[2]) <= 31):
                return "-".join(parts)
    return ""


def confidence(row: dict, original: bool, alt_note: str) -> str:
    """A short confidence note: level from host quality and the research note, plus the research note itself."""
    note = row["note"].strip()
    low = "LOW" in note or "machine" in note.lower() or "low-authority" in note.lower()
    level = "low" if low else ("high" if original else "medium")
    why = "original outlet page" if original else "copy on a third-party/mirror host; cite the outlet, not the page"
    parts = [f"{level}: {why}"]
    if row.get("unit"):
        parts.append(f"research unit text: '{row['unit']}'")
    if note:
        parts.append(f"research note: {note}")
    if alt_note:
        parts.append(alt_note)
    return ". ".join(parts)


def build() -> list[dict]:
    """Transform the research lead rows into processed context_series rows (sorted by series_id, year)."""
    with LEAD.open(encoding="utf-8", newline="") as f:
        lead = list(csv.DictReader(f))
    alts: dict[tuple[str, str], list[dict]] = {}
    main: list[dict] = []
    for r in lead:
        sid = r["series_id"]
        base = next((sid[: -len(s)] for s in ALT_SUFFIXES if sid.endswith(s)), None)
        if base:
            alts.setdefault((base, r["year"]), []).append(r)
        else:
            main.append(r)
    rows = []
    for r in main:
        key = (r["series_id"], r["year"])
        sid = SPLIT.get(key, r["series_id"])
        topic, unit, kind, label_en, label_zh, basis = META[sid]
        alt_note = ""
        if key in PREFER_ALT:
            better = alts.pop(key)[0]
            alts[key] = [dict(r)]
            r = {**better, "series_id": r["series_id"]}
        for a in alts.pop(key, []):
            alt_note += (f"Second source kept out (research row {a['series_id']}): {a['value']} ({a['unit']}), "
                         f"{a['source_org']}, {a['source_url']} — quote: {a['quote']}")
        original = host_is_original(r["source_url"])
        out = {
            "series_id": sid, "year": r["year"], "series_label_en": label_en, "series_label_zh": label_zh,
            "topic": topic, "geography": r["geography"],
            "value": r["value"], "qualifier": QUALIFIER.get(key, "="), "unit": unit,
            "as_of": AS_OF.get(key, r["year"]), "basis": basis, "measure_kind": kind,
            "source_org": r["source_org"], "source_title": "", "source_date": source_date(r),
            "url": r["source_url"] if original else "", "mirror_url": "" if original else r["source_url"],
            "quote": r["quote"], "confidence": confidence(r, original, alt_note),
        }
        if sid.startswith("owid_"):
            out["source_title"] = r["source_url"].rsplit("/", 1)[-1] + " at commit " + r["source_url"].split("/blob/")[1].split("/")[0][:12]
        if key in EXTRA_CONFIDENCE:
            out["confidence"] += ". " + EXTRA_CONFIDENCE[key]
        if key in REPLACE:
            out.update(REPLACE[key])
        rows.append(out)
    if alts:
        raise SystemExit(f"unmatched _alt rows: {sorted(alts)}")
    for e in EXTRA:
        sid = e["series_id"]
        topic, unit, kind, label_en, label_zh, basis = META[sid]
        rows.append({"series_label_en": label_en, "series_label_zh": label_zh, "topic": topic, "unit": unit,
                     "measure_kind": kind, "basis": basis, **e})
    rows.sort(key=lambda x: (x["series_id"], int(x["year"])))
    return [{c: x.get(c, "") for c in COLUMNS} for x in rows]


if __name__ == "__main__":
    write_csv(OUT, COLUMNS, build())
    print(f"wrote {OUT}")
