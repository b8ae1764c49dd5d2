"""Short names for the values the digital–green page's prose and takeaways quote: `{{< var case.factor >}}`.

Each name stands for a value the build already computes: a generic key (series.*, target.*, claim.*) or one of this
page's variables() (digital.*). greenmfg.pages.variables adds the names to both editions' values; a name means one value
across the site. Groups: digi (the page as a whole), case (the Taishan Steel rooftop-PV case as the page computes it),
claimed (the case's figures as the article gives them), grid (China's grid carbon intensity), mix / solar / wind /
coal (the power mix), mee / om (the official baselines: MEE and NBS's average factors, the North China grid's
operating-margin factor), green (national green factories and the 2030 target), parks (green industrial parks), chains
(green supply-chain firms). Fields: year = the year of the group's latest figure; first / first_year = the earliest
figure and its year (mix.first: the mix's first year); times = how many times as much; verdict = the claims ledger's
status.
"""
from __future__ import annotations

NAMES = {
    # the Taishan Steel case
    "case.kwh": "digital.case_kwh",
    "case.factor": "digital.case_factor",
    "case.times": "digital.factor_vs_latest_grid",
    "case.mw": "digital.case_mw",
    "case.years": "digital.case_years",
    "case.hours": "digital.case_hours",
    "case.co2": "digital.case_co2",
    "case.verdict": "claim.taishan_pv_output.status",
    "claimed.mw": "claim.taishan_pv_capacity.value",
    "claimed.kwh": "claim.taishan_pv_output.value",
    "claimed.co2": "claim.taishan_pv_co2.value",
    # the grid's carbon intensity, and the case's tonnes at it
    "grid.year": "series.owid_carbon_intensity_elec.latest_year",
    "grid.latest": "digital.grid_latest",
    "grid.first": "digital.grid_first",
    "grid.first_year": "digital.grid_first_year",
    "grid.co2_first": "digital.case_co2_at_first_grid",
    "grid.co2_latest": "digital.case_co2_at_latest_grid",
    # the official baselines: MEE and NBS's national average factor, their North China average, and the North China
    # grid's operating-margin (OM) factor for certified reductions; the case's tonnes at each
    "mee.national": "series.grid_co2_factor_national_mee.latest",
    "mee.year": "series.grid_co2_factor_national_mee.latest_year",
    "mee.north": "series.grid_co2_factor_north_china_mee.latest",
    "mee.co2": "digital.case_co2_at_national_factor",
    "om.first": "series.grid_om_factor_north_china.y2012",
    "om.first_year": "digital.om_first_year",
    "om.latest": "series.grid_om_factor_north_china.latest",
    "om.year": "series.grid_om_factor_north_china.latest_year",
    "om.co2_first": "digital.case_co2_at_om_first",
    "om.co2_latest": "digital.case_co2_at_om_latest",
    # the power mix
    "mix.first": "digital.mix_first_year",
    "solar.first": "digital.solar_first",
    "solar.latest": "digital.solar_latest",
    "solar.year": "series.owid_solar_electricity.latest_year",
    "solar.times": "digital.solar_growth",
    "wind.first": "digital.wind_first",
    "wind.latest": "digital.wind_latest",
    "coal.first": "digital.coal_first",
    "coal.latest": "digital.coal_latest",
    "coal.year": "series.owid_coal_share_elec.latest_year",
    # the green-manufacturing system
    "green.factories": "series.green_factories_national_cumulative.latest",
    "green.year": "series.green_factories_national_cumulative.latest_year",
    "green.new": "series.green_factories_national_new.latest",
    "green.new_year": "series.green_factories_national_new.latest_year",
    "green.share": "series.green_factories_output_share_of_manufacturing.latest",
    "green.share_year": "series.green_factories_output_share_of_manufacturing.latest_year",
    "green.target": "target.t01.display",
    "parks.new": "series.green_industrial_parks_national_new.latest",
    "parks.total": "series.green_industrial_parks_national_cumulative.latest",
    "parks.year": "series.green_industrial_parks_national_cumulative.latest_year",
    "chains.total": "series.green_supply_chain_firms_national_cumulative.latest",
    "chains.year": "series.green_supply_chain_firms_national_cumulative.latest_year",
}
