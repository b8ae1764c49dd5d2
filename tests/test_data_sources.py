"""Sources in the data: the validator and the build steps reject an unknown publisher, an address off its outlet's own
site, a withheld reprint host and an unknown source, with a message naming file, row and column (no traceback)."""
from __future__ import annotations

import subprocess
import sys

import pytest

from greenmfg.paths import REPO_ROOT
from tests.test_data_validate import assert_rejected, edit

CONTEXT = "context_series.csv"


def test_unknown_publisher_id(data_copy):
    line = edit(data_copy, CONTEXT, lambda r: r["series_id"] == "nev_sales", publisher_id="ciaps")
    assert_rejected(data_copy, CONTEXT, "publisher_id", line, "unknown publisher id 'ciaps'")


def test_url_off_the_outlets_own_site(data_copy):
    line = edit(data_copy, CONTEXT, lambda r: r["url"].startswith("https://www.steelorbis.com"),
                url="http://javascriptjump.com/a.html")
    assert_rejected(data_copy, CONTEXT, "url", line, "host 'javascriptjump.com' is not a site of outlet 'steelorbis'")


@pytest.mark.parametrize("mirror", ["http://58.221.163.238:8082/w.php", "http://hardyporn.com/caijing/1.html"])
def test_withheld_reprint_address(data_copy, mirror):
    line = edit(data_copy, "claims.csv", lambda r: r["evidence_url"] == "", evidence_mirror_url=mirror)
    assert_rejected(data_copy, "claims.csv", "evidence_mirror_url", line, "is withheld")


def _build(tmp_path, curated_name: str, old: str, new: str) -> subprocess.CompletedProcess:
    """Run the build steps (--check) on a copy of the repository's data and steps with one curated file edited."""
    import shutil

    root = tmp_path / "repo"
    for folder in ("data", "greenmfg"):
        shutil.copytree(REPO_ROOT / folder, root / folder)
    path = root / "data" / "curated" / curated_name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "data.steps", "--check"], cwd=root, capture_output=True, text=True,
                          env={"PYTHONPATH": str(root), "PATH": ""}, timeout=300)


def test_build_names_an_unknown_publisher_in_the_attribution(tmp_path):
    done = _build(tmp_path, "source_attribution.yaml",
                  '"SteelOrbis (English trade press)": {publisher: steelorbis, outlet: steelorbis}',
                  '"SteelOrbis (English trade press)": {publisher: steelorbis, outlet: steel_orbis}')
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert ("curated/source_attribution.yaml: source 'SteelOrbis (English trade press)': column 'outlet': "
            "unknown publisher id 'steel_orbis'" in done.stderr)


def test_build_names_a_reprint_host_in_no_list(tmp_path):
    done = _build(tmp_path, "reprint_hosts.yaml", "  - zonecy.com\n", "")
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert "column 'mirror_url': host 'zonecy.com' is neither the outlet's own site" in done.stderr
    assert "processed/context_series.csv: row " in done.stderr


def test_a_page_that_names_the_outlet_it_carries_credits_that_outlet():
    """A NetEase 网易号 page carries another outlet's report under 来源:光明日报 (or 新华社): the figures are that outlet's
    report seen in a reprint, not NetEase's. No row credits NetEase with a www.163.com address as its own page, and
    the 2023 grid emission factors name 光明日报 (third Chinese reading: 生态环境部（据网易报道）)."""
    from greenmfg.data import loaders
    tables = {name: loaders.load_table(name, raw=True)
              for name in ("context_series", "policy_milestones", "policy_documents_family")}
    for name, table in tables.items():
        own_pages = table[table["url"].str.startswith("https://www.163.com/")]
        assert own_pages.empty, f"{name}: {own_pages['url'].tolist()}"
    series = tables["context_series"]
    grid = series[series["series_id"].isin(["grid_co2_factor_national_mee", "grid_co2_factor_north_china_mee"])]
    assert len(grid) == 3 and set(grid["outlet_id"]) == {"guangming_daily"} and set(grid["publisher_id"]) == {"mee"}
    assert grid["mirror_url"].str.startswith("https://www.163.com/dy/").all()


@pytest.mark.parametrize("series_id, year, outlet", [
    ("equipment_mfg_share_of_industry_va", "2024", "ccin"),
    ("hightech_mfg_share_of_industry_va", "2024", "ccin"),
    ("power_battery_china_firms_share_global_top10_sne", "2025", "jiemian"),
])
def test_a_figure_a_mainland_outlet_reported_names_that_outlet(series_id, year, outlet):
    """Where a mainland outlet's report of the same figure was found (中国化工信息 for the minister's 2024 shares,
    界面新闻 for SNE's 2025 ranking), the row names it, not 中评社 or 聯合報, and quotes its simplified Chinese."""
    from greenmfg.data import loaders
    series = loaders.load_table("context_series", raw=True)
    row = series[(series["series_id"] == series_id) & (series["year"].astype(str) == year)].iloc[0]
    assert row["outlet_id"] == outlet
    assert not set("國業製規陸總較個") & set(row["quote"])  # no traditional characters left in the quote
