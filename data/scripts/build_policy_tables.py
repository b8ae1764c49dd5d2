"""Build policy_document.csv, policy_targets.csv, claims.csv and glossary.csv in data/processed/.

Every figure, URL and quote below is copied from the research leads in data/raw/research/ (policy_targets.csv,
policy_structure.md, context_series.csv) or from the cleaned seed article; the verification notes say which.
Mirror/spam hosts go to *mirror_url columns with the original outlet named in *source_org.
Run from the repository root: `.venv/bin/python data/scripts/build_policy_tables.py`.
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from data.scripts.common import COMMON, write_csv  # noqa: E402

HERE = Path(__file__).resolve().parents[1]
PROCESSED = HERE / "processed"

XINHUA_URL = "http://finance.people.com.cn/n1/2024/0301/c1004-40187005.html"
XINHUA_T01 = "工业和信息化部等七部门近日发文提出,将加快推动制造业绿色化发展,优化绿色低碳标杆培育体系,到2030年各级绿色工厂产值占制造业总产值比重超过40%。"
XINHUA_TASKS = "从加快传统产业绿色低碳转型升级、推动新兴产业绿色低碳高起点发展、培育制造业绿色融合新业态、提升制造业绿色发展基础能力等方面"
SMM_URL = "https://news.smm.cn/news/102665124"
SMM_NUM = "到2030年,主要再生资源循环利用量达到5.1亿吨,大宗工业固废综合利用率达到62%,电解铝使用可再生能源比例达到30%以上。"
SMM_GOALS = ("《意见》提出,到2030年,制造业绿色低碳转型成效显著,传统产业绿色发展层级整体跃升,碳排放总量实现达峰,新兴产业绿色增长引擎作用更加突出;"
             "到2035年,制造业绿色发展内生动力显著增强,碳排放达峰后稳中有降,碳中和能力稳步提升,在全球产业链供应链绿色低碳竞争优势凸显,绿色发展成为新型工业化的普遍形态。")
STEELORBIS_URL = "https://www.steelorbis.com/steel-news/latest-news/chinas-share-of-eaf-based-steelmaking-to-exceed-20-percent-by-2030-1330354.htm"
STEELORBIS_Q = "have made a proposal aiming to raise the share of short-process steelmaking (electric arc furnace steelmaking) to more than 20 percent by 2030"
ZY_URL = "https://it.zy-materials.net/article/23.html"
ENVILIANCE_URL = "https://enviliance.com/regions/east-asia/cn/report_11865"
KCOMBER_URL = "http://www.carbon.kcomber.com/en/news/c0e5ba79-3a0a-4bf3-8e7f-3cc09d4f4b17"
ZJSST_URL = "https://en.zjsst.com/Industrynewsdetails/c-_detailId%3D1767038219188203520.html"
CHANGFDB = "http://changfdb.com/service_view.aspx?id=1384"
HLDKLYL = "http://hldklyl.com/touzhi/AEqM.html"
RSWZ = "https://m.rswz.net/news/ZvNP9oX253.html"
SOUTHCN = "https://xapp.southcn.com/node_2ea31fe5fd/5dcea16012.shtml"
THEBRAIN = "http://thebraincenter.net/News/Details/318672"
SBDAILY = "http://sbdailynews.com/news/daynews/2024/240306093455637561.htm"
SEED = "央视网 (CCTV.com) seed article, as republished on Sohu; paragraph "

# ---------------------------------------------------------------- policy_document
DOC_COLUMNS = ["field", "value_zh", "value_en", "status", "source_org", "source_date", "url", "mirror_url", "quote", "note"]
_SMM = ("上海有色网 SMM", "", SMM_URL, "")
_XH = ("新华社 Xinhua, via 人民网", "2024-03-01", XINHUA_URL, "")
ISSUERS = [
    ("工业和信息化部", "Ministry of Industry and Information Technology (MIIT)"),
    ("国家发展改革委", "National Development and Reform Commission (NDRC)"),
    ("财政部", "Ministry of Finance (MOF)"),
    ("生态环境部", "Ministry of Ecology and Environment (MEE)"),
    ("中国人民银行", "People's Bank of China (PBoC)"),
    ("国务院国资委", "State-owned Assets Supervision and Administration Commission (SASAC)"),
    ("市场监管总局", "State Administration for Market Regulation (SAMR)"),
]
TASKS = [
    ("加快传统产业绿色低碳转型升级", "Accelerate the green, low-carbon transformation and upgrading of traditional industries"),
    ("推动新兴产业绿色低碳高起点发展", "Promote green, low-carbon development of emerging industries from a high starting point"),
    ("培育制造业绿色融合新业态", "Cultivate new business forms that integrate green manufacturing"),
    ("提升制造业绿色发展基础能力", "Strengthen the basic capabilities for green development of manufacturing"),
]


def policy_document() -> list[dict]:
    """Long-format identity record of the policy document (one row per field)."""
    rows = [
        dict(field="title_zh", value_zh="关于加快推动制造业绿色化发展的指导意见", value_en="", status="confirmed",
             source_org=_XH[0], source_date=_XH[1], url=_XH[2], quote=XINHUA_T01,
             note="Short title as used in Xinhua/SMM reports; official full text not seen (policy_structure.md §1)."),
        dict(field="title_full_zh", value_zh="工业和信息化部等七部门关于加快推动制造业绿色化发展的指导意见", value_en="", status="confirmed",
             source_org=_SMM[0], source_date="", url=SMM_URL, quote="",
             note="Full title per policy_structure.md §1 (SMM); the exact SMM sentence was not recorded in the research, so no quote."),
        dict(field="title_en", value_zh="", value_en="Guiding Opinions on Accelerating the Green Development of the Manufacturing Industry",
             status="confirmed", source_org="kcomber (English report)", source_date="", url=KCOMBER_URL, quote="",
             note="No official English title found; this rendering is used by kcomber, zscdkj and zjsst (policy_structure.md §1)."),
        dict(field="issuers_count", value_zh="七部门", value_en="7", status="confirmed", source_org=_XH[0], source_date=_XH[1],
             url=_XH[2], quote=XINHUA_T01, note=""),
        dict(field="date_public", value_zh="2024-03-01", value_en="2024-03-01", status="confirmed", source_org=_XH[0],
             source_date=_XH[1], url=_XH[2], quote=XINHUA_T01,
             note="Date the document was made public in news (Xinhua: '近日发文'); the seed article's dateline is also 3月1日."),
        dict(field="date_issued_reported", value_zh="2024-02-29", value_en="2024-02-29", status="reported",
             source_org="Enviliance", source_date="", url=ENVILIANCE_URL, quote="",
             note="Enviliance and goodhao.com.cn give 29 February 2024 as issue/publication date; the exact wording was not recorded in the research."),
        dict(field="date_signed", value_zh="", value_en="", status="not found", source_org="", source_date="", url="", quote="",
             note="成文日期 (signing date) not found (policy_structure.md §1)."),
        dict(field="document_number", value_zh="工信部联节〔2024〕26号", value_en="MIIT Joint Energy-Saving [2024] No. 26", status="unverified",
             source_org="", source_date="", url="", quote="",
             note="NOT seen in any source consulted (policy_structure.md §1); keep marked unverified until checked against gov.cn / miit.gov.cn."),
        dict(field="official_url", value_zh="", value_en="", status="not found", source_org="", source_date="", url="", quote="",
             note="Official full text on gov.cn / miit.gov.cn not found; partial copies only (gdipa.org, zscdkj.com)."),
        dict(field="responsible_unit", value_zh="工业和信息化部节能与综合利用司", value_en="MIIT Department of Energy Conservation and Comprehensive Utilisation",
             status="reported", source_org="kcomber (English report quoting director 黄利斌)", source_date="", url=KCOMBER_URL, quote="",
             note="policy_structure.md §1."),
    ]
    for i, (zh, en) in enumerate(ISSUERS, start=1):
        rows.append(dict(field=f"issuer_{i}", value_zh=zh, value_en=en, status="confirmed", source_org=_SMM[0], source_date="",
                         url=SMM_URL, quote="", note="Chinese list: SMM; English list: zjsst.com and kcomber (policy_structure.md §1)."))
    for i, (zh, en) in enumerate(TASKS, start=1):
        rows.append(dict(field=f"task_area_{i}", value_zh=zh, value_en=en, status="confirmed", source_org=_XH[0],
                         source_date=_XH[1], url=_XH[2], quote=XINHUA_TASKS,
                         note="Four task areas (sections 二–五); English rendering by the team."))
    for r in rows:
        r.setdefault("mirror_url", "")
    return sorted(rows, key=lambda r: r["field"])


# ---------------------------------------------------------------- policy_targets
TARGET_COLUMNS = (["target_id", "horizon_year", "sector", "metric_zh", "metric_en", "target_kind", "chapter"] + COMMON
                  + ["baseline_value", "baseline_qualifier", "baseline_unit", "baseline_year", "baseline_basis",
                     "baseline_series_id", "baseline_source_org", "baseline_source_date", "baseline_url",
                     "baseline_mirror_url", "baseline_quote", "attribution_status", "verification"])


def _target(**kw) -> dict:
    """A target row with defaults for the columns it leaves empty."""
    return {c: kw.get(c, "") for c in TARGET_COLUMNS}


def policy_targets() -> list[dict]:
    """The policy's quantitative and qualitative targets (T01..T10) with latest baselines."""
    smm = dict(source_org="上海有色网 SMM (Chinese summary of the document)", url=SMM_URL, quote=SMM_NUM,
               confidence="high for the figure: same numbers in SMM (Chinese) and Enviliance (English) summaries; official full text not seen")
    rows = [
        _target(target_id="T01", horizon_year="2030", sector="manufacturing (all)", metric_zh="各级绿色工厂产值占制造业总产值比重",
                metric_en="Output of green factories at all levels (national, provincial, municipal) as a share of total manufacturing output",
                target_kind="quantitative", chapter="digital", value="40", qualifier=">", unit="%", as_of="2030",
                basis="Green factories at ALL levels", measure_kind="target", source_org="新华社 Xinhua, via 人民网",
                source_date="2024-03-01", url=XINHUA_URL, quote=XINHUA_T01,
                confidence="high: Xinhua report of the document; Xinhua's wording, not the verbatim official sentence",
                baseline_value="20", baseline_qualifier=">", baseline_unit="%", baseline_year="2024",
                baseline_basis="NATIONAL-level green factories only (6430 at end-2024): not like-for-like with the all-levels target; no all-levels output share found",
                baseline_series_id="green_factories_output_share_of_manufacturing", baseline_source_org="MIIT (王鹏), State Council briefing, via 南方+",
                baseline_source_date="2025-10-31", baseline_url=SOUTHCN, baseline_quote="国家绿色工厂产值占比超过20%",
                attribution_status="confirmed", verification="CONFIRMED via Xinhua report of the document (2024-03-01); official full text not seen"),
        _target(target_id="T02", horizon_year="2030", sector="resource recycling", metric_zh="主要再生资源循环利用量",
                metric_en="Volume of main recycled (secondary) resources recycled and used", target_kind="quantitative",
                chapter="traditional", value="5.1", qualifier="≥", unit="亿吨", as_of="2030",
                basis="Main recycled resources, 循环利用量 ('达到' = reach, coded ≥)", measure_kind="target", **smm,
                baseline_value="4", baseline_qualifier=">", baseline_unit="亿吨", baseline_year="2024",
                baseline_basis="10 kinds of recycled resources, utilisation volume (利用量); categories and verbs differ across years",
                baseline_series_id="main_recycled_resources_volume", baseline_source_org="MIIT (辛国斌), via 央视 (CCTV)",
                baseline_source_date="2025-09", baseline_mirror_url=RSWZ, baseline_quote="2024年,我国废钢、废铜铝等10种再生资源利用量超过4亿吨",
                attribution_status="confirmed", verification="CONFIRMED in SMM (Chinese) and Enviliance (English) summaries; official full text not seen. The same 5.1亿吨 is in the State Council 固体废物综合治理行动计划."),
        _target(target_id="T03", horizon_year="2030", sector="industrial solid waste", metric_zh="大宗工业固废综合利用率",
                metric_en="Comprehensive utilisation rate of bulk industrial solid waste", target_kind="quantitative",
                chapter="traditional", value="62", qualifier="≥", unit="%", as_of="2030",
                basis="MIIT 大宗工业固废 indicator (industrial only)", measure_kind="target", **smm,
                baseline_value="55", baseline_qualifier=">", baseline_unit="%", baseline_year="2024",
                baseline_basis="Preliminary estimate, lower bound; 2023 = 54% (MIIT minister, SCIO 2024-07-05)",
                baseline_series_id="bulk_industrial_solid_waste_utilisation_rate", baseline_source_org="MIIT (张云明), SCIO, via 中新网 (China News Service)",
                baseline_source_date="2025-01-21", baseline_mirror_url=HLDKLYL,
                baseline_quote="预计2024年大宗工业固废综合利用率超过55%,较上年增加1.2个百分点",
                attribution_status="confirmed", verification="CONFIRMED in SMM and Enviliance summaries; interim targets in OTHER documents: 57% by 2025, >57% by 2027"),
        _target(target_id="T04", horizon_year="2030", sector="electrolytic aluminium", metric_zh="电解铝使用可再生能源比例",
                metric_en="Share of renewable energy used in electrolytic (primary) aluminium production", target_kind="quantitative",
                chapter="traditional", value="30", qualifier="≥", unit="%", as_of="2030",
                basis="Renewable energy share of electrolytic aluminium ('达到30%以上')", measure_kind="target", **smm,
                baseline_value="25", baseline_qualifier="≈", baseline_unit="%", baseline_year="2025",
                baseline_basis="'Green electricity', 1 tonne in every 4 (stated as a ratio, ≈25%); green power is not exactly renewable energy. Whole-industry renewable share 24% (2023, CNIA) is a different basis",
                baseline_series_id="", baseline_source_org="MIIT (辛国斌), via 央视 (CCTV)", baseline_source_date="2025-09",
                baseline_mirror_url=RSWZ, baseline_quote="目前,我国电解铝行业每生产4吨铝,就有1吨是使用绿电生产的",
                attribution_status="confirmed", verification="CONFIRMED in SMM and Enviliance summaries; the same 2030 target (and 25% by 2025) is in the 2022 有色金属行业碳达峰实施方案"),
        _target(target_id="T05", horizon_year="2030", sector="steel", metric_zh="短流程炼钢占比",
                metric_en="Share of short-process (electric-arc-furnace) steelmaking in crude steel output", target_kind="quantitative",
                chapter="traditional", value="20", qualifier=">", unit="%", as_of="2030",
                basis="EAF steel / crude steel output", measure_kind="target", source_org="SteelOrbis (English trade press)",
                source_date="2024-03-04", url=STEELORBIS_URL, quote=STEELORBIS_Q,
                confidence="low for attribution: only English/Italian/German trade press attribute it to this document; absent from the Chinese summaries of the paragraph",
                baseline_value="9.7", baseline_qualifier="=", baseline_unit="%", baseline_year="2022",
                baseline_basis="CISA (industry association) figure, not NBS; no official 2023/2024 share found",
                baseline_series_id="eaf_share_crude_steel", baseline_source_org="中国钢铁工业协会 CISA (骆铁军), via 中新网 (China News Service)",
                baseline_source_date="2023", baseline_mirror_url=THEBRAIN,
                baseline_quote="2022年中國電爐鋼產量占粗鋼總產量比重為9.7%,遠低於30%的世界平均水平。",
                attribution_status="found in another document",
                verification="UNCONFIRMED for this document; the identical '>20% by 2030' target is in 工业领域碳达峰实施方案 (2022), per Fastmarkets 2022-08-01"),
        _target(target_id="T06", horizon_year="2030", sector="petrochemicals", metric_zh="合成气一步法制烯烃、乙醇等短流程合成技术实现规模化应用",
                metric_en="Large-scale application of short-process synthesis (one-step syngas to olefins, ethanol, etc.)",
                target_kind="qualitative", chapter="traditional", measure_kind="target", as_of="2030",
                source_org="zy-materials.net (Italian trade press)", url=ZY_URL,
                confidence="low: metric_zh is the researcher's reconstruction of third-party translated wording",
                attribution_status="unconfirmed", verification="UNCONFIRMED: only in third-party translated news; the seed article (p12) also states it"),
        _target(target_id="T07", horizon_year="2030", sector="manufacturing (carbon)", metric_zh="碳排放总量实现达峰",
                metric_en="Total carbon emissions of manufacturing peak", target_kind="qualitative", chapter="overview",
                measure_kind="target", as_of="2030", source_org="上海有色网 SMM", url=SMM_URL, quote=SMM_GOALS,
                confidence="high: consistent across SMM, kcomber and a Japanese translation", attribution_status="confirmed", verification="CONFIRMED"),
        _target(target_id="T08", horizon_year="2030", sector="manufacturing (all)",
                metric_zh="绿色低碳能源利用比例显著提高;产业结构和布局明显优化;污染物和碳排放强度明显下降;绿色发展成为推进新型工业化的坚实基础",
                metric_en="2030 goal package: clearly higher green/low-carbon energy share, optimised structure and layout, clearly lower pollutant and carbon intensity; green development a solid foundation for new industrialisation",
                target_kind="qualitative", chapter="overview", measure_kind="target", as_of="2030", source_org="人民网 People's Daily Online",
                mirror_url=CHANGFDB, quote="《意见》提出,到2030年,制造业绿色低碳转型要取得显著成效,传统产业绿色发展层级实现整体跃升,产业结构和布局明显优化,绿色低碳能源利用比例显著提高。",
                confidence="medium: paraphrase in a 人民网 report known only from a reprint; intensity and 'solid foundation' strings come from translations and the 10kstepsdaily summary",
                attribution_status="confirmed", verification="CONFIRMED as paraphrase"),
        _target(target_id="T09", horizon_year="2035", sector="manufacturing (carbon)", metric_zh="碳排放达峰后稳中有降,碳中和能力稳步提升",
                metric_en="After peaking, carbon emissions stable with a decline; carbon-neutrality capacity steadily improved",
                target_kind="qualitative", chapter="overview", measure_kind="target", as_of="2035", source_org="上海有色网 SMM", url=SMM_URL,
                quote=SMM_GOALS, confidence="high: SMM, 10kstepsdaily, kcomber, Enviliance agree", attribution_status="confirmed", verification="CONFIRMED"),
        _target(target_id="T10", horizon_year="2035", sector="manufacturing (all)",
                metric_zh="制造业绿色发展内生动力显著增强;在全球产业链供应链绿色低碳竞争优势凸显;绿色发展成为新型工业化的普遍形态",
                metric_en="Internal drive for green development much stronger; green, low-carbon competitive advantage in global industrial and supply chains; green development the general form of new industrialisation",
                target_kind="qualitative", chapter="overview", measure_kind="target", as_of="2035", source_org="上海有色网 SMM", url=SMM_URL,
                quote=SMM_GOALS, confidence="high: multiple reproductions", attribution_status="confirmed", verification="CONFIRMED"),
    ]
    return rows


# ---------------------------------------------------------------- claims
CLAIM_COLUMNS = ["claim_id", "paragraph_id", "claim_text", "claim_text_en", "theme", "claim_type", "status",
                 "value", "qualifier", "unit", "as_of", "measure_kind", "evidence_org", "evidence_date", "evidence_url",
                 "evidence_mirror_url", "evidence_quote", "search_note", "related_target_id", "related_series_id", "note"]
NOT_FOUND_NOTE = ("Searched the team research files (policy_structure.md §4 and §6, context_series.csv/.md, policy_targets.csv); "
                  "no source with this figure. No web access in this task; the research itself found no page with it.")


def _claim(**kw) -> dict:
    """A claim row with defaults for the columns it leaves empty."""
    return {c: kw.get(c, "") for c in CLAIM_COLUMNS}


def claims() -> list[dict]:
    """Every quantitative claim (and the 2035 headline goal) of the cleaned seed article with its verdict and evidence."""
    return [
        _claim(claim_id="green-factory-share-2030", paragraph_id="p01", claim_text="绿色工厂产值占制造业总产值比重超过40%",
               claim_text_en="green factories' output to exceed 40% of total manufacturing output (by 2030)", theme="overview",
               claim_type="target", status="confirmed", value="40", qualifier=">", unit="%", as_of="2030", measure_kind="target",
               evidence_org="新华社 Xinhua, via 人民网", evidence_date="2024-03-01", evidence_url=XINHUA_URL, evidence_quote=XINHUA_T01,
               related_target_id="T01", related_series_id="green_factories_output_share_of_manufacturing",
               note="The document says green factories at ALL levels (各级); the article omits this."),
        _claim(claim_id="goal-2035-emissions", paragraph_id="p02", claim_text="碳排放达峰后稳中有降，碳中和能力稳步提升",
               claim_text_en="after peaking, carbon emissions stable with a decline; carbon-neutrality capacity steadily improved (2035)",
               theme="overview", claim_type="target", status="confirmed", as_of="2035", measure_kind="target",
               evidence_org="上海有色网 SMM", evidence_url=SMM_URL, evidence_quote=SMM_GOALS, related_target_id="T09",
               note="Qualitative goal: no value."),
        _claim(claim_id="hightech-share-2023", paragraph_id="p04", claim_text="高技术制造业、装备制造业增加值占规模以上工业增加值比重分别达到15.7%",
               claim_text_en="high-tech manufacturing reached 15.7% of the value added of industry above designated size (2023)",
               theme="overview", claim_type="statistic", status="confirmed", value="15.7", qualifier="=", unit="%", as_of="2023",
               measure_kind="share", evidence_org="国家统计局 NBS, via 新华社 Xinhua", evidence_date="2024-09-10",
               evidence_mirror_url="http://zonecy.com/szb/pc/col/202409/11/content_250302.html",
               evidence_quote="2023年,高技術制造業增加值占規模以上工業增加值比重為15.7%,比2012年提高6.3個百分點。",
               related_series_id="hightech_mfg_share_of_industry_va",
               note="Also stated by MIIT minister 金壮龙 (SCIO 2024-07-05). Claim text overlaps the equipment claim because both share one sentence."),
        _claim(claim_id="equipment-share-2023", paragraph_id="p04", claim_text="装备制造业增加值占规模以上工业增加值比重分别达到15.7%和33.6%",
               claim_text_en="equipment manufacturing reached 33.6% of the value added of industry above designated size (2023)",
               theme="overview", claim_type="statistic", status="confirmed", value="33.6", qualifier="=", unit="%", as_of="2023",
               measure_kind="share", evidence_org="MIIT (金壮龙), SCIO, via 央广网 CNR", evidence_date="2024-07-05",
               evidence_mirror_url="https://heicmy.com/data/show.php?itemid=204664",
               evidence_quote="工业和信息化部部长金壮龙介绍,2023年,高技术制造业占规模以上工业增加值比重达15.7%,装备制造业占比达33.6%。",
               related_series_id="equipment_mfg_share_of_industry_va"),
        _claim(claim_id="nev-output-sales-2023", paragraph_id="p04", claim_text="新能源汽车产销超过950万辆",
               claim_text_en="NEV production and sales exceeded 9.5 million (2023)", theme="overview", claim_type="statistic",
               status="conflicts with official data", value="950", qualifier=">", unit="万辆", as_of="2023", measure_kind="level",
               evidence_org="中国汽车工业协会 CAAM, via 经济日报 Economic Daily", evidence_date="2024-01-11",
               evidence_mirror_url="http://zjthegrand.com/229/50995.html",
               evidence_quote="在政策和市場雙重作用下,2023年我國新能源汽車市場持續快速增長,新能源汽車產銷分別完成958.7萬輛和949.5萬輛,同比分別增長35.8%和37.9%,市場占有率達到31.6%。",
               related_series_id="nev_sales",
               note="Holds for production (958.7万) but not for sales (949.5万 < 950万): stated more strongly than CAAM data allow. Production series: nev_production."),
        _claim(claim_id="power-battery-global-share", paragraph_id="p04", claim_text="动力电池产量占全球60%左右",
               claim_text_en="power-battery output is about 60% of the world total", theme="overview", claim_type="statistic",
               status="partly confirmed", value="60", qualifier="≈", unit="%", as_of="2023", measure_kind="share",
               evidence_org="MIIT, SCIO, via 中国青年报 China Youth Daily", evidence_date="2025-01-21",
               evidence_mirror_url="http://jujuwan.cn/111013.html",
               evidence_quote="此外,我国建成了涵盖基础材料、零部件、整车、制造装备等全链条、完备高效的产业体系,向全球供应了70%的电池材料、60%的动力电池。",
               related_series_id="china_share_global_power_battery_supply",
               note="Same 60% in press coverage of the release (sbdailynews.com); the official statement found is about supply (2024), not output share in 2023."),
        _claim(claim_id="pv-output-world-first", paragraph_id="p04", claim_text="光伏产业链主要环节产量连续多年保持全球第一",
               claim_text_en="output of the main PV manufacturing stages has ranked first in the world for many years", theme="overview",
               claim_type="statistic", status="partly confirmed", measure_kind="share",
               evidence_org="IEA Special Report on Solar PV Global Supply Chains, quoted by The Statesman", evidence_date="2022",
               evidence_url="https://www.thestatesman.com/world/international-energy-agency-report-warns-chinas-dominance-solar-panel-supply-chain-1503088503.html",
               evidence_quote="“Today, China’s share in all the manufacturing stages of solar panels (such as polysilicon, ingots, wafers, cells and modules) exceeds 80 per cent. This is more than double China’s share of global PV demand.",
               related_series_id="pv_china_share_all_manufacturing_stages",
               note="Rank claim without a number; shares are known for single years only (polysilicon 76% 2020, 80% 2021; wafers >90% 2019)."),
        _claim(claim_id="dezhou-filter-press-capacity", paragraph_id="p09", claim_text="新的压滤机产品产能提升一倍",
               claim_text_en="the new filter-press line doubled capacity", theme="traditional", claim_type="case", status="not found",
               value="100", qualifier="=", unit="%", measure_kind="change", search_note=NOT_FOUND_NOTE,
               note="Company case (Dezhou, Shandong); 'doubled' stored as +100%."),
        _claim(claim_id="dezhou-filter-press-energy", paragraph_id="p09", claim_text="能耗降低了40%",
               claim_text_en="while energy use fell by 40%", theme="traditional", claim_type="case", status="not found",
               value="-40", qualifier="=", unit="%", measure_kind="change", search_note=NOT_FOUND_NOTE),
        _claim(claim_id="steel-water-reuse", paragraph_id="p11", claim_text="钢铁、石化化工行业规模以上工业重复用水率分别超过97%",
               claim_text_en="water reuse rate of steel industry above designated size exceeds 97%", theme="traditional",
               claim_type="statistic", status="partly confirmed", value="97", qualifier=">", unit="%", measure_kind="share",
               evidence_org="中国钢铁工业协会 CISA (key statistical enterprises), via 冶金财经", evidence_date="",
               evidence_url="https://www.clyj.com.cn/html/zhuantibaogao/9367.html",
               evidence_quote="2021年重点钢铁企业水的平均重复利用率为98.07%,比上年提高0.07个百分点,已处于较高技术水平,其中有78%的企业水重复利用率提高。",
               related_series_id="steel_water_reuse_rate_key_enterprises",
               note="The exact '>97%' statement was not found; CISA's ~98% for KEY enterprises is consistent with it but on a different basis."),
        _claim(claim_id="petrochem-water-reuse", paragraph_id="p11", claim_text="石化化工行业规模以上工业重复用水率分别超过97%和95%",
               claim_text_en="and for petrochemicals and chemicals exceeds 95%", theme="traditional", claim_type="statistic",
               status="not found", value="95", qualifier=">", unit="%", measure_kind="share",
               search_note=NOT_FOUND_NOTE + " Only a company figure was found (Sinopec 95% in 2005), which is not evidence for the sector.",
               related_series_id="petrochem_water_reuse_rate_sinopec"),
        _claim(claim_id="steel-ule-firms", paragraph_id="p11", claim_text="累计有89家钢铁企业",
               claim_text_en="89 steel firms in total (completed full-process ultra-low-emission retrofits)", theme="traditional",
               claim_type="statistic", status="not found", value="89", qualifier="=", unit="count", as_of="2024-03", measure_kind="level",
               search_note=NOT_FOUND_NOTE + " Nearby official counts: 78 firms at end-2023 (MIIT) and 147 in July 2025 (CISA); 89 may be an intermediate count."),
        _claim(claim_id="steel-ule-capacity", paragraph_id="p11", claim_text="4.26亿吨粗钢产能完成全流程超低排放改造",
               claim_text_en="426 Mt of crude-steel capacity completed full-process ultra-low-emission retrofits", theme="traditional",
               claim_type="statistic", status="not found", value="4.26", qualifier="=", unit="亿吨", as_of="2024-03", measure_kind="level",
               search_note=NOT_FOUND_NOTE + " Nearby: 3.9亿吨 at end-2023 (MIIT) and 6亿吨 in July 2025 (CISA)."),
        _claim(claim_id="recycled-resources-2030", paragraph_id="p12", claim_text="主要再生资源循环利用量达到5.1亿吨",
               claim_text_en="main recycled resources used to reach 510 Mt (by 2030)", theme="traditional", claim_type="target",
               status="confirmed", value="5.1", qualifier="≥", unit="亿吨", as_of="2030", measure_kind="target",
               evidence_org="上海有色网 SMM", evidence_url=SMM_URL, evidence_quote=SMM_NUM, related_target_id="T02",
               related_series_id="main_recycled_resources_volume"),
        _claim(claim_id="bulk-solid-waste-2030", paragraph_id="p12", claim_text="大宗工业固废综合利用率达到62%",
               claim_text_en="bulk industrial solid-waste utilisation rate to reach 62% (by 2030)", theme="traditional", claim_type="target",
               status="confirmed", value="62", qualifier="≥", unit="%", as_of="2030", measure_kind="target",
               evidence_org="上海有色网 SMM", evidence_url=SMM_URL, evidence_quote=SMM_NUM, related_target_id="T03",
               related_series_id="bulk_industrial_solid_waste_utilisation_rate"),
        _claim(claim_id="aluminium-renewables-2030", paragraph_id="p12", claim_text="电解铝使用可再生能源比例达到30%以上",
               claim_text_en="renewable share of electrolytic aluminium to reach 30% or more (by 2030)", theme="traditional",
               claim_type="target", status="confirmed", value="30", qualifier="≥", unit="%", as_of="2030", measure_kind="target",
               evidence_org="上海有色网 SMM", evidence_url=SMM_URL, evidence_quote=SMM_NUM, related_target_id="T04"),
        _claim(claim_id="eaf-steel-2030", paragraph_id="p12", claim_text="短流程炼钢比例达到20%以上",
               claim_text_en="short-process (EAF) steelmaking to reach more than 20% (by 2030)", theme="traditional", claim_type="target",
               status="found in another document", value="20", qualifier=">", unit="%", as_of="2030", measure_kind="target",
               evidence_org="SteelOrbis (English trade press)", evidence_date="2024-03-04", evidence_url=STEELORBIS_URL,
               evidence_quote=STEELORBIS_Q, related_target_id="T05", related_series_id="eaf_share_crude_steel",
               note="The quote shows only that trade press attributed 20% to this document. Chinese summaries of the paragraph (SMM, Enviliance) list only 5.1亿吨 / 62% / 30%. The identical '>20% by 2030' target is in 工业领域碳达峰实施方案 (2022), per Fastmarkets 2022-08-01 (https://www.fastmarkets.com/insights/chinas-eaf-steel-production-to-exceed-15-in-2025-for-decarbonization; sentence not recorded verbatim)."),
        _claim(claim_id="syngas-short-process-2030", paragraph_id="p12", claim_text="合成气一步法制烯烃、乙醇等短流程合成技术实现规模化应用",
               claim_text_en="short-process synthesis such as one-step syngas-to-olefins and ethanol applied at scale (by 2030)",
               theme="traditional", claim_type="target", status="not found", as_of="2030", measure_kind="target",
               related_target_id="T06",
               search_note="Not in the Chinese summaries of the document (SMM, Xinhua, Enviliance) recorded in the research; only an Italian/German trade-press page (" + ZY_URL + ") mentions it, and no quote of it was recorded. Possibly from 工业领域碳达峰实施方案 (2022); unverified.",
               note="Qualitative target; no value."),
        _claim(claim_id="jjj-computing-centre-savings", paragraph_id="p15", claim_text="节电量在400万度以上",
               claim_text_en="saves more than 4 million kWh of electricity (vs. a conventional data centre)", theme="emerging",
               claim_type="case", status="confirmed", value="400", qualifier=">", unit="万千瓦时", measure_kind="level",
               evidence_org="人民网 People's Daily Online", evidence_date="2024-03-30", evidence_mirror_url=CHANGFDB,
               evidence_quote="与传统大数据中心相比,节电量在400万度以上",
               note="A news case, not policy text. 度 = kWh; unit stored as 万千瓦时."),
        _claim(claim_id="taishan-pv-capacity", paragraph_id="p20", claim_text="20兆瓦光伏发电项目",
               claim_text_en="a 20 MW photovoltaic project (Taishan Steel, Jinan)", theme="digital", claim_type="case",
               status="not found", value="20", qualifier="=", unit="MW", measure_kind="level", search_note=NOT_FOUND_NOTE),
        _claim(claim_id="taishan-pv-output", paragraph_id="p20", claim_text="预计可提供绿电5.1亿千瓦时",
               claim_text_en="expected to supply 510 million kWh of green power over a 25-year life", theme="digital",
               claim_type="case", status="not found", value="5.1", qualifier="≈", unit="亿千瓦时", measure_kind="level",
               search_note=NOT_FOUND_NOTE + " Arithmetic plausibility only (≈1,020 full-load hours a year), which is not verification."),
        _claim(claim_id="taishan-pv-co2", paragraph_id="p20", claim_text="减少二氧化碳排放量48万吨",
               claim_text_en="cutting CO2 emissions by 480,000 t (over 25 years)", theme="digital", claim_type="case",
               status="not found", value="48", qualifier="≈", unit="万吨", measure_kind="change", search_note=NOT_FOUND_NOTE,
               note="The source paragraph ends mid-sentence after this figure."),
    ]


# ---------------------------------------------------------------- glossary
GLOSSARY_COLUMNS = ["term_id", "term_zh", "pinyin", "term_en", "definition_en", "quote", "source_org", "source_date",
                    "source_url", "source_mirror_url", "chapter"]


def _g(term_id, zh, py, en, definition, quote, org, url="", mirror="", date="", chapter="overview") -> dict:
    """One glossary row."""
    return dict(term_id=term_id, term_zh=zh, pinyin=py, term_en=en, definition_en=definition, quote=quote,
                source_org=org, source_date=date, source_url=url, source_mirror_url=mirror, chapter=chapter)


def glossary() -> list[dict]:
    """Key terms of the policy, each defined from a quote in the research files or the seed article."""
    seed = "央视网 CCTV.com (seed article)"
    rows = [
        _g("short-process-steelmaking", "短流程炼钢", "duǎn liúchéng liàngāng", "short-process steelmaking",
           "Steelmaking in electric arc furnaces (电炉) rather than the long converter (转炉) route; its share of crude-steel output is the 'EAF share'.",
           STEELORBIS_Q, "SteelOrbis", STEELORBIS_URL, date="2024-03-04", chapter="traditional"),
        _g("ultra-low-emission-retrofit", "超低排放改造", "chāodī páifàng gǎizào", "ultra-low-emission retrofit",
           "Retrofitting steel plants so that the whole process (全流程) meets ultra-low emission requirements; progress is counted in firms and in crude-steel capacity.",
           "累计有89家钢铁企业4.26亿吨粗钢产能完成全流程超低排放改造", seed + ", p11", chapter="traditional"),
        _g("bulk-industrial-solid-waste-utilisation", "大宗工业固废综合利用", "dàzōng gōngyè gùfèi zōnghé lìyòng",
           "comprehensive utilisation of bulk industrial solid waste",
           "Re-use of large-volume industrial solid wastes such as metallurgical slag and tailings; MIIT tracks it as a utilisation rate (target 62% by 2030). Not the same as NDRC's 大宗固废, which includes crop straw and construction waste.",
           "2020年,我国冶金渣、尾矿等大宗工业固体废弃物综合利用量约20亿吨", "MIIT, via 人民日报 People's Daily",
           mirror="https://www.imsilkroad.com/news/p/471004.html", chapter="traditional"),
        _g("recycled-resources", "再生资源", "zàishēng zīyuán", "recycled (secondary) resources",
           "Recoverable waste materials such as scrap steel, scrap non-ferrous metals, plastics, paper, tyres, e-waste, end-of-life vehicles, textiles, glass and batteries, counted in ten categories.",
           "2023年,我国废钢铁、废有色金属、废塑料、废纸、废轮胎、废弃电器电子产品、报废机动车、废旧纺织品、废玻璃、废电池(铅酸电池除外)十个品种再生资源回收总量约为3.76亿吨,比2022年增长1.5%。",
           "China National Resources Recycling Association, via China Daily", "https://cnews.chinadaily.com.cn/a/202412/06/WS67529a2ba310b59111da76ca.html",
           date="2024-12-06", chapter="traditional"),
        _g("electrolytic-aluminium", "电解铝", "diànjiě lǚ", "electrolytic (primary) aluminium",
           "Primary aluminium smelted by electrolysis; the policy targets the share of renewable energy it uses (30% or more by 2030).",
           SMM_NUM, "上海有色网 SMM", SMM_URL, chapter="traditional"),
        _g("process-reengineering", "工艺流程再造", "gōngyì liúchéng zàizào", "process re-engineering",
           "Redesigning production processes of traditional industries, alongside restructuring their products, energy use and raw materials.",
           "加快传统产业产品结构、用能结构、原料结构优化调整和工艺流程再造", seed + ", p08", chapter="traditional"),
        _g("green-microgrid", "绿色微电网", "lǜsè wēidiànwǎng", "green micro-grid",
           "An industrial micro-grid that lets factories and parks use renewable power generated nearby at a large scale and high share (measure 三 of section 二, as summarised).",
           "就近大规模高比例利用可再生能源", "News summaries of measure (三) (Xinhua, SMM, 10kstepsdaily) as compiled in research policy_structure.md §2",
           chapter="traditional"),
        _g("green-factory", "绿色工厂", "lǜsè gōngchǎng", "green factory",
           "A firm that achieves intensive land use, harmless raw materials, clean production, waste recycling and low-carbon energy; the core unit of the green manufacturing system, designated in national, provincial and municipal lists.",
           "绿色工厂是指实现用地集约化、原料无害化、生产洁净化、废物资源化、能源低碳化的企业，是绿色制造核心实施单元。", seed + ", p06"),
        _g("green-industrial-park", "绿色工业园区", "lǜsè gōngyè yuánqū", "green industrial park",
           "An industrial park designated as a platform where green factories and green infrastructure cluster.",
           "绿色工业园区是绿色工厂和绿色基础设施集聚的平台", "MIIT, via 新华社 Xinhua (攀枝花日报 reprint)",
           mirror="https://pzhrb.pzhkai.com/html/2025-01/24/content_81674_18217664.htm", date="2025-01-23"),
        _g("green-supply-chain", "绿色供应链", "lǜsè gōngyìngliàn", "green supply chain",
           "Supply chains managed for green performance; MIIT designates 'green supply-chain management firms' (绿色供应链管理企业) in its annual green-manufacturing lists.",
           "新培育国家层面绿色工厂1382家、绿色工业园区123家、绿色供应链管理企业126家。", "MIIT, via 新华社 Xinhua (攀枝花日报 reprint)",
           mirror="https://pzhrb.pzhkai.com/html/2025-01/24/content_81674_18217664.htm", date="2025-01-23"),
        _g("green-computing-power", "绿色算力", "lǜsè suànlì", "green computing power",
           "Computing infrastructure run with higher energy efficiency and more green energy; the policy calls for a market-oriented green, low-carbon computing application system.",
           "探索构建市场导向的绿色低碳算力应用体系", seed + ", p17", chapter="emerging"),
        _g("additive-manufacturing", "增材制造", "zēngcái zhìzào", "additive manufacturing (3D printing)",
           "Building parts layer by layer; named by the policy among the key remanufacturing technologies to industrialise.",
           "加快增材制造、柔性成型、无损检测和拆解等关键再制造技术创新与产业化应用", seed + ", p17", chapter="emerging"),
        _g("remanufacturing", "再制造", "zàizhìzào", "remanufacturing",
           "Restoring used equipment to as-new condition; the policy promotes it for high-tech, high-value-added equipment.",
           "推动高技术含量、高附加值装备开展再制造", seed + ", p17", chapter="emerging"),
        _g("new-industrialisation", "新型工业化", "xīnxíng gōngyèhuà", "new industrialisation",
           "China's current industrial-development strategy; the policy wants green development to be its 'solid foundation' by 2030 and its 'general form' by 2035.",
           "绿色发展成为推进新型工业化的坚实基础", seed + ", p01"),
        _g("carbon-peak", "碳达峰", "tàn dáfēng", "carbon peaking",
           "Total carbon emissions reaching their highest point before declining; the policy's 2030 goal is that manufacturing emissions peak.",
           SMM_GOALS, "上海有色网 SMM", SMM_URL),
        _g("carbon-neutrality", "碳中和", "tàn zhōnghé", "carbon neutrality",
           "Balancing emissions with removals; for 2035 the policy asks for steadily stronger 'carbon-neutrality capacity' after emissions peak.",
           SMM_GOALS, "上海有色网 SMM", SMM_URL),
        _g("digital-synergy", "数字化绿色化协同", "shùzìhuà lǜsèhuà xiétóng", "digital synergy (twin transition)",
           "Using digital technology to raise resource efficiency, environmental benefit and management efficiency so that digitalisation and greening advance together.",
           "加速生产方式数字化绿色化协同转型", seed + ", p21", chapter="digital"),
        _g("industry-above-designated-size", "规模以上工业", "guīmó yǐshàng gōngyè", "industry above designated size",
           "The statistical universe of industrial enterprises above a revenue threshold used by NBS and MIIT for value-added shares and intensity figures (the threshold itself is not given in the research files).",
           "2023年,高技術制造業增加值占規模以上工業增加值比重為15.7%,比2012年提高6.3個百分點。", "国家统计局 NBS, via 新华社 Xinhua",
           mirror="http://zonecy.com/szb/pc/col/202409/11/content_250302.html", date="2024-09-10"),
        _g("green-manufacturing-system", "绿色制造体系", "lǜsè zhìzào tǐxì", "green manufacturing system",
           "The set of designated green factories, green industrial parks, green supply-chain firms and green products, built around green factories as the basic unit.",
           "目前，我国以绿色工厂为核心基础单元的绿色制造体系已成为各地推行绿色制造的重要抓手。", seed + ", p06"),
    ]
    return sorted(rows, key=lambda r: r["term_id"])


def main() -> None:
    """Write the four tables."""
    write_csv(PROCESSED / "policy_document.csv", DOC_COLUMNS, policy_document())
    write_csv(PROCESSED / "policy_targets.csv", TARGET_COLUMNS, policy_targets())
    write_csv(PROCESSED / "claims.csv", CLAIM_COLUMNS, sorted(claims(), key=lambda r: r["claim_id"]))
    write_csv(PROCESSED / "glossary.csv", GLOSSARY_COLUMNS, glossary())


if __name__ == "__main__":
    main()
    print("wrote policy_document, policy_targets, claims, glossary")
