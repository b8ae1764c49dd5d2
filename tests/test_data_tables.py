"""Content rules for the processed tables: sourcing, mirrors, claims, targets, document identity, descriptor."""
from __future__ import annotations

import codecs
import csv
import importlib
import io
import re
from urllib.parse import urlparse

import pandas as pd
import pytest

from greenmfg.data import csvfiles, loaders
from greenmfg.data.data_tables import load_descriptor
from greenmfg.data.datapackage import readme_is_current, stale_files
from greenmfg.data.validate_rules import RULES
from greenmfg.paths import DEFAULT_DATA_DIR

MIRROR_HOSTS = ["hldklyl.com", "pakinfos.com", "rswz.net", "thebraincenter.net", "changfdb.com", "gd1214b",
                "heicmy.com", "zonecy.com", "jujuwan.cn", "zjthegrand.com", "m.d1cm.com"]
NUMERIC_TABLES = ["context_series", "policy_targets"]


def test_frictionless_validates_the_package():
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(str(DEFAULT_DATA_DIR / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_readme_is_generated_from_descriptor():
    assert readme_is_current(DEFAULT_DATA_DIR), "run: python -m greenmfg.data.datapackage"


@pytest.mark.parametrize("table", NUMERIC_TABLES)
def test_every_numeric_row_is_sourced(table):
    df = loaders.load_table(table, raw=True)
    numeric = df[df["value"].notna()]
    assert len(numeric) > 0
    for _, r in numeric.iterrows():
        assert r["url"] or r["mirror_url"] or r["publisher_id"], r.to_dict()
        assert r["quote"], r.to_dict()
        assert r["qualifier"] and r["unit"] and r["measure_kind"] and r["source_org"] and r["confidence"]


def test_mirror_hosts_never_in_url_columns():
    for name in ["context_series", "policy_targets", "claims", "policy_document", "glossary"]:
        df = loaders.load_table(name, raw=True)
        for col in [c for c in df.columns if c in ("url", "baseline_url", "evidence_url", "source_url")]:
            for u in df[col]:
                host = urlparse(u).netloc
                assert not any(m in host for m in MIRROR_HOSTS), (name, col, u)
                assert not re.match(r"^\d+\.\d+\.\d+\.\d+", host), (name, col, u)


def test_units_are_clean():
    cs = loaders.load_context_series()
    for u in cs["unit"].unique():
        assert not re.search(r"more than|approx|超过|约|\(|percent", u), u
    assert cs.groupby("series_id")["unit"].nunique().max() == 1
    assert not cs["series_id"].str.contains("_alt").any()


def test_nev_2023_figures_and_claim_verdict():
    assert loaders.series("nev_production").set_index("year").loc[2023, "value"] == 958.7
    assert loaders.series("nev_sales").set_index("year").loc[2023, "value"] == 949.5
    c = loaders.load_claims().set_index("claim_id")
    # Production clears 950万, sales miss it by 0.5万: the claim holds in approximate form, and the entry says so
    # (in English units in the English note, in 万 in the Chinese one).
    assert c.loc["nev-output-sales-2023", "status"] == "partly confirmed"
    assert "5,000 vehicles" in c.loc["nev-output-sales-2023", "note"]
    assert "0.5万" in c.loc["nev-output-sales-2023", "note_zh"]


def test_rejudged_verdicts_carry_their_evidence_and_reasoning():
    c = loaders.load_claims().set_index("claim_id")
    for claim_id in ("eaf-steel-2030", "syngas-short-process-2030"):
        assert c.loc[claim_id, "status"] == "partly confirmed"
        assert c.loc[claim_id, "evidence_quote"] and "Verdict reasoning" in c.loc[claim_id, "note"]
    # the second copy of the computing-centre figure repeats the article word for word: not a confirmation
    assert c.loc["jjj-computing-centre-savings", "status"] == "not found"
    assert "word for word" in c.loc["jjj-computing-centre-savings", "search_note"]
    # 达到…以上 is "or more" wherever the data codes it
    assert c.loc["eaf-steel-2030", "qualifier"] == "≥" and c.loc["jjj-computing-centre-savings", "qualifier"] == "≥"
    targets = loaders.load_policy_targets().set_index("target_id")
    assert targets.loc["T05", "qualifier"] == targets.loc["T04", "qualifier"] == "≥"
    assert targets.loc["T06", "quote"], "T06 carries the sentence that states it"


def test_every_claim_text_is_in_its_paragraph():
    paras = loaders.load_article_paragraphs().set_index("paragraph_id")["text_zh"]
    for _, r in loaders.load_claims().iterrows():
        assert r["claim_text"] in paras[r["paragraph_id"]], r["claim_id"]


def test_claims_have_evidence_unless_not_found():
    for _, r in loaders.load_table("claims", raw=True).iterrows():
        if r["status"] == "not found":
            assert r["search_note"]
        else:
            assert (r["evidence_url"] or r["evidence_mirror_url"] or r["evidence_publisher_id"]) and r["evidence_quote"], \
                r["claim_id"]


def test_targets():
    t = loaders.load_policy_targets().set_index("target_id")
    assert list(t.index) == [f"T{i:02d}" for i in range(1, 16)]
    expected = {"T01": (40, ">"), "T02": (5.1, "≥"), "T03": (62, "≥"), "T04": (30, "≥"), "T05": (20, "≥")}
    for tid, (v, q) in expected.items():
        assert t.loc[tid, "value"] == v and t.loc[tid, "qualifier"] == q and t.loc[tid, "horizon_year"] == 2030
    assert t.loc["T05", "attribution_status"] == "partly confirmed"  # the claims ledger's verdict on the same evidence
    assert t[t["target_kind"] == "qualitative"]["value"].isna().all()
    series_ids = set(loaders.load_context_series()["series_id"])
    assert set(t["baseline_series_id"]) - {""} <= series_ids


def test_policy_document_identity():
    d = loaders.load_policy_document().set_index("field")
    assert sum(f.startswith("issuer_") for f in d.index) == 7
    assert d.loc["date_public", "value_en"] == "2024-03-01"
    assert d.loc["date_issued_reported", "value_en"] == "2024-02-29"
    # no source seen gives the number, so none is published (never filled from memory)
    assert d.loc["document_number", "value_zh"] == ""
    assert d.loc["document_number", "status"] == "not found"
    assert all(d.loc[f"task_area_{i}", "value_zh"] and d.loc[f"task_area_{i}", "value_en"] for i in range(1, 5))


def test_glossary_has_required_terms():
    g = set(loaders.load_glossary()["term_zh"])
    required = ["短流程炼钢", "超低排放改造", "大宗工业固废综合利用", "再生资源", "电解铝", "工艺流程再造", "工业绿色微电网",
                "绿色工厂", "绿色工业园区", "绿色供应链", "绿色算力", "增材制造", "再制造", "新型工业化", "碳达峰", "碳中和",
                "数字化绿色化协同", "规模以上工业"]
    assert set(required) <= g


def test_csvs_are_diffable():
    for p in (DEFAULT_DATA_DIR / "processed").glob("*.csv"):
        b = p.read_bytes()
        assert b"\r" not in b and b.endswith(b"\n"), p.name


def _package_csvs_open_as_utf8(folder) -> list[str]:
    """Problems of the package's CSVs in folder (the repository's data/ or a site's): each must start with the UTF-8
    byte-order mark, so Excel (Chinese Windows included) reads it as UTF-8, and its header, read as UTF-8 with
    the mark, must be the table's columns with no '\\ufeff' glued to the first."""
    problems = []
    for res in load_descriptor()["resources"]:
        path = folder / res["path"]
        raw = path.read_bytes() if path.is_file() else b""
        header = next(csv.reader(io.StringIO(raw.decode("utf-8-sig"))), [])
        if not raw.startswith(codecs.BOM_UTF8):
            problems.append(f"{res['path']}: no byte-order mark")
        if header != [f["name"] for f in res["schema"]["fields"]]:
            problems.append(f"{res['path']}: header {header[:2]}...")
    return problems


def test_package_csvs_carry_the_byte_order_mark():
    assert len(list((DEFAULT_DATA_DIR / "processed").glob("*.csv"))) == len(load_descriptor()["resources"])
    assert _package_csvs_open_as_utf8(DEFAULT_DATA_DIR) == []


def test_published_package_csvs_carry_the_byte_order_mark(site):
    assert _package_csvs_open_as_utf8(site / "data") == []


def test_frictionless_reads_the_headers_without_the_mark():
    frictionless = pytest.importorskip("frictionless")
    package = frictionless.Package(str(DEFAULT_DATA_DIR / "datapackage.json"))
    for resource in package.resources:
        assert resource.encoding == "utf-8"  # as declared: UTF-8, the mark being UTF-8's own signature
        with resource:
            assert resource.header == resource.schema.field_names, resource.name


def test_series_loader_errors_on_unknown_series():
    with pytest.raises(KeyError):
        loaders.series("no_such_series")


def _research_corpus() -> str:
    """All research lead text plus the cleaned article: every quote and URL must come from here."""
    text = "".join(p.read_text(encoding="utf-8") for p in sorted((DEFAULT_DATA_DIR / "raw" / "research").rglob("*"))
                   if p.is_file())
    return text + "".join(loaders.load_article_paragraphs()["text_zh"])


def test_quotes_and_urls_are_carried_verbatim_from_the_research():
    corpus = _research_corpus()
    for name in _table_names():
        df = getattr(loaders, f"load_{name}")()
        cols = [c for c in df.columns if c.endswith("quote") or c.endswith("url")]
        for col in cols:
            for i, v in enumerate(df[col], start=2):
                assert not v or v in corpus, f"{name}.csv row {i} column {col}: not in research leads: {v[:80]}"


def test_processed_tables_match_their_build_steps():
    from data.steps import STEPS
    from data.steps.common import table_text

    for table in STEPS:
        step = importlib.import_module(f"data.steps.{table}")
        expected = table_text(table, step.rows())
        assert csvfiles.is_written(DEFAULT_DATA_DIR / "processed" / f"{table}.csv", expected), \
            f"{table}.csv is stale: run python -m data.steps"


def test_datapackage_json_is_generated_from_the_resource_files():
    assert stale_files(DEFAULT_DATA_DIR) == [], "run: python -m greenmfg.data.datapackage"


def test_curated_entries_only_use_known_columns():
    from data.steps.common import to_csv

    with pytest.raises(ValueError, match="not columns of the table"):
        to_csv("glossary", [{"term_id": "x", "defintion_en": "misspelt key"}])


# Wording about how the data was compiled, not about the policy or the sources: never in public fields or pages.
PROCESS_PHRASES = ("research note", "research unit", "research files", "team research", "no web access", "in this task",
                   "this session", "by the researcher", "by researcher", "in the research", "re-check", "research csv",
                   "research leads behind this site", "searched stored", "figures from data/ with sources",
                   "preview render (pandoc)", "policy_structure", "data/raw/")
# File names, validator rule names and internal ids (a second source's series id ends in _alt; an article paragraph's
# id is p01 …, '段落p01'), and the data folder as a place to look things up ('data/ 中没有…', 'a row in `data/`').
RULE_NAMES = re.compile(r"\b(?:" + "|".join([*RULES, "sources_known"]) + r")\b")
PROCESS_PATTERNS = (re.compile(r"(?<![\w/.-])[\w-]+\.(?:md|txt|py|ipynb|ya?ml)\b"),
                    re.compile(r"\b[a-z0-9]+(?:_[a-z0-9]+)*_alt(?:_source)?\b"),
                    RULE_NAMES)
# In what pages and table cells show (the descriptor documents id columns, so it may name their form, p01 …).
READER_ID_PATTERNS = (re.compile(r"(?<![A-Za-z0-9_#/.-])p\d{2}(?![\w-])"),
                      re.compile(r"(?<![\w./:-])`?data/(?![\w-])(?!\.\w)`?"))
# A target's id (T01 … T15: 目标T01统计的是…, 'same basis as target T03', T06和T11) in what a built page or chart CSV
# shows; not an anchor (#target-T03) nor a chart's key value ("target_id": "T03") in its data.
TARGET_ID = re.compile(r'(?<![A-Za-z0-9_"#/.-])T\d{2}(?![A-Za-z0-9_"-])')
# Columns whose values are ids by design (the data's keys and references): the id patterns do not apply to them.
ID_COLUMN = re.compile(r"(?:^|_)(?:id|ids|key)$")
# English words a Chinese page must not carry around its quotes and sources (a reprint's site is named in Chinese).
ENGLISH_ON_CHINESE_PAGES = ("a reprint", "seen in a reprint", "reported by", "(via ")


def _process_phrases(text: str) -> list[str]:
    lowered = text.lower()
    return [phrase for phrase in PROCESS_PHRASES if phrase in lowered] + [
        found for pattern in PROCESS_PATTERNS for found in pattern.findall(text)]


def _series_ids() -> re.Pattern:
    """Every context series id (nev_production, computing_centre_avg_pue_national …) as a whole word."""
    ids = sorted(set(loaders.load_context_series()["series_id"]), key=len, reverse=True)
    return re.compile(r"(?<![\w.-])(?:" + "|".join(map(re.escape, ids)) + r")(?![\w-])")


def _internal_ids(text: str, series_ids: re.Pattern) -> list[str]:
    """What a reader should not meet in prose, tables, tooltips or chart CSV cells: file and rule names, process
    wording, paragraph and series ids."""
    return (_process_phrases(text) + [found for pattern in READER_ID_PATTERNS for found in pattern.findall(text)]
            + series_ids.findall(text))


def _table_names() -> list[str]:
    """Every table of the data package, from the descriptor (so a new table is scanned without editing a list)."""
    return [resource["name"] for resource in load_descriptor()["resources"]]


def test_public_fields_speak_to_readers():
    """Every text column of every processed table, and the whole descriptor (titles, descriptions), speak to readers:
    no file, rule, paragraph or series ids outside the columns that hold ids."""
    offenders, series_ids = [], _series_ids()
    for name in _table_names():
        table = loaders.load_table(name)
        for column in table.columns:
            if pd.api.types.is_numeric_dtype(table[column]) or ID_COLUMN.search(column) or column == "paragraph":
                continue
            for line, text in enumerate(table[column], start=2):
                found = _internal_ids(str(text), series_ids)
                if found:
                    offenders.append(f"{name}.csv: row {line}: column '{column}': {found}")
    offenders += [f"datapackage.json: {phrase}" for text in _reader_texts(load_descriptor())
                  for phrase in _process_phrases(text)]
    assert offenders == []


def _reader_texts(item) -> list[str]:
    """The descriptor's words for readers: every title and description (and check description), in both languages."""
    if isinstance(item, list):
        return [text for value in item for text in _reader_texts(value)]
    if not isinstance(item, dict):
        return []
    texts = [str(v) for k, v in item.items() if k.split(":")[-1].removesuffix("_zh") in ("title", "description")]
    texts += [str(v) for k, v in item.items() if k.startswith("greenmfg:check_descriptions")
              for v in v.values()]
    return texts + [text for k, v in item.items() if isinstance(v, (list, dict)) and not k.startswith("greenmfg:check")
                    for text in _reader_texts(v)]


def _visible_text(path) -> str:
    """What a reader sees of a built file: a page's text and its chart data (tooltips), a CSV's cells."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".csv":
        return text.split("\n", 1)[-1]  # the header row holds the stable column names
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(text, "html.parser")
    for tag in soup(["style"]):
        tag.decompose()
    payloads = " ".join(tag.get_text() for tag in soup.select('script[type="application/json"]'))
    for tag in soup(["script"]):
        tag.decompose()
    return soup.get_text(" ") + " " + payloads


def test_public_pages_speak_to_readers(site):
    """Built pages of both editions (their text and chart data), chart CSVs and embed pages speak to readers: no
    file, rule, paragraph, series or target ids, and on Chinese pages no English words around quotes and sources."""
    offenders, series_ids = {}, _series_ids()
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site).as_posix()
        if path.suffix in (".html", ".csv") and not relative.startswith(("data/", "assets/")):
            text = _visible_text(path)
            found = _internal_ids(text, series_ids) + TARGET_ID.findall(text)
            if relative.startswith("zh/"):
                found += [phrase for phrase in ENGLISH_ON_CHINESE_PAGES if phrase in text]
            if found:
                offenders[relative] = sorted(set(found))
    assert offenders == {}


def test_data_guide_names_no_validator_rules():
    """The data package's guide (data/README.md, published with the data) explains its checks in words, not by the
    validator's function names."""
    readme = (DEFAULT_DATA_DIR / "README.md").read_text(encoding="utf-8")
    assert RULE_NAMES.findall(readme) == []


def test_process_wording_check_can_fail():
    assert _process_phrases("Searched the team research files. No web access in this task.") == [
        "research files", "team research", "no web access", "in this task"]


def test_process_patterns_are_found():
    assert _process_phrases("See policy_structure.md §1; numeric_row_sourced; confidence: nev_sales_alt, "
                            "copy at data/raw/000_b73.txt. Preview render (pandoc).") == [
        "preview render (pandoc)", "policy_structure", "data/raw/", "policy_structure.md", "nev_sales_alt",
        "numeric_row_sourced"]


@pytest.mark.parametrize("text,found", [
    ("产量序列：nev_production。", ["nev_production"]),
    ("原文位置 段落p01", ["p01"]),
    ("但 `data/` 中没有来源可靠的燃煤发电排放因子", ["`data/`"]),
    ("a correction can point to the exact row in data/.", ["data/"]),
    ("national average,computing_centre_avg_pue_national,official,1.42", ["computing_centre_avg_pue_national"]),
    ("见核查清单第1段；https://example.org/data/processed/claims.csv#para-p01", []),
])
def test_internal_ids_are_found(text, found):
    assert _internal_ids(text, _series_ids()) == found


@pytest.mark.parametrize("text,found", [
    ("仅限国家级绿色工厂；目标T01统计的是各级绿色工厂", ["T01"]), ("与目标T03口径相同", ["T03"]),
    ("T06和T11没有数字", ["T06", "T11"]), ("same basis as target T03", ["T03"]),
    ('<a href="targets.html#target-T03">', []), ('{"target_id": "T03", "label": "钢铁"}', []),
])
def test_target_ids_are_found(text, found):
    assert TARGET_ID.findall(text) == found
