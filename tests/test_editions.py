"""Two editions from one source: every page in both languages, the same numbers and charts, linked to each other."""
from __future__ import annotations

import json
import re
import string
from pathlib import Path

import nbformat
import pytest

from greenmfg.locale.i18n import MissingTranslation, catalogue, tr, using
from greenmfg.pages.notebook import page_var_keys
from greenmfg.pages.project import Page, all_pages, editions, pages
from greenmfg.pages.var_tokens import VAR_TOKEN
from greenmfg.pages.variables import build_variables
from greenmfg.paths import BUILD_DIR, REPO_ROOT

TWINS = [(page, page.twin("zh")) for page in pages("en")]
TWIN_IDS = [page.key for page, _ in TWINS]
ENGLISH_ONLY_VALUES = {"doc.title_en"}
CJK = re.compile(r"[\u3400-\u9fff]")
SECTION_ID = re.compile(r"\{#(sec-[\w-]+)")
CHART_CALL = re.compile(r"chart_id=([\w.]+)")
# Latin words a Chinese chart may keep: units, acronyms and names that Chinese sources write in Latin letters too
# (not Mt or TWh: a Chinese desk counts those in 亿吨 and 亿千瓦时).
LATIN_OK = {"kWh", "GWh", "MWh", "PUE", "CO", "CO₂", "CO2", "CO2e", "CSV", "PNG", "SVG", "OWID", "Ember", "IEA",
            "IAI", "SMM", "CAAM", "CPIA", "CISA", "CABIA", "CIAPS", "MIIT", "NBS", "Our", "World", "Data", "in",
            "worldsteel", "kg", "GW", "MW", "kW", "Li", "ion", "EAF", "BOF", "NEV", "HEV", "PHEV", "BEV"}


def _cells(page: Page) -> list:
    return nbformat.read(REPO_ROOT / page.source, as_version=4).cells


def _code(page: Page) -> str:
    return "\n".join(c.source for c in _cells(page) if c.cell_type == "code")


def _markdown(page: Page) -> str:
    return "\n".join(c.source for c in _cells(page) if c.cell_type == "markdown")


def test_every_page_exists_in_both_editions_in_the_same_order():
    english = [p.edition_source for p in pages("en")]
    for lang in editions()[1:]:
        assert [p.edition_source for p in pages(lang)] == english, f"{lang} edition's pages differ from English"
    for page in all_pages():
        assert (REPO_ROOT / page.source).is_file(), f"{page.source} is listed but missing"
    stray = {p.relative_to(REPO_ROOT).as_posix() for p in (REPO_ROOT / "zh").rglob("*.ipynb")
             if ".ipynb_checkpoints" not in p.parts} - {p.source.as_posix() for p in all_pages()}
    assert not stray, f"Chinese pages with no English twin (or not listed in _quarto-zh.yml): {sorted(stray)}"


@pytest.mark.parametrize("english,chinese", TWINS, ids=TWIN_IDS)
def test_twins_take_the_same_numbers_from_data(english, chinese):
    """Same {{< var >}} keys in prose, takeaways and notes: one source of truth for every figure."""
    def keys(page: Page) -> set[str]:
        return set(page_var_keys(page.source.as_posix())) | set(VAR_TOKEN.findall(_code(page)))
    assert keys(chinese) - keys(english) == set(), f"only in Chinese: {sorted(keys(chinese) - keys(english))}"
    # the policy's English title is a name, not a figure: English readers need it, Chinese readers do not
    assert keys(chinese) | ENGLISH_ONLY_VALUES >= keys(english), (f"only in English: {sorted(keys(english) - keys(chinese))}; "
                                            f"only in Chinese: {sorted(keys(chinese) - keys(english))}")


@pytest.mark.parametrize("english,chinese", TWINS, ids=TWIN_IDS)
def test_twins_show_the_same_charts_and_sections_in_the_same_order(english, chinese):
    assert CHART_CALL.findall(_code(chinese)) == CHART_CALL.findall(_code(english))
    assert SECTION_ID.findall(_markdown(chinese)) == SECTION_ID.findall(_markdown(english))


@pytest.mark.parametrize("english,chinese", TWINS, ids=TWIN_IDS)
def test_chinese_pages_are_written_in_chinese(english, chinese):
    assert CJK.search(chinese.title), f"{chinese.source}: title {chinese.title!r}"
    prose = VAR_TOKEN.sub("", _markdown(chinese))
    prose = re.sub(r"\]\([^)]*\)|\[@[^\]]*\]|\{[^}]*\}|`[^`]*`|https?://\S+", "", prose)
    cjk, latin = len(CJK.findall(prose)), len(re.findall(r"[A-Za-z]", prose))
    assert cjk > 2 * latin, f"{chinese.source}: {cjk} Chinese characters against {latin} Latin letters"


def _keys(node, prefix=""):
    if isinstance(node, dict):
        return {k for key, value in node.items() for k in _keys(value, f"{prefix}{key}.")}
    return {prefix.rstrip(".")}


def test_both_editions_have_the_same_variable_keys():
    english, chinese = build_variables(lang="en"), build_variables(lang="zh")
    assert _keys(english) == _keys(chinese)
    assert english["series"] != chinese["series"], "the Chinese values are formatted for Chinese readers"


def test_catalogue_twins_use_only_the_fields_of_their_message():
    """A twin may leave a field out (the Chinese page drops an English gloss), never invent one."""
    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}
    wrong = {key: value for key, value in catalogue("zh").items() if not fields(value) <= fields(key)}
    assert wrong == {}


def test_a_message_without_chinese_stops_a_chinese_page():
    assert tr("a message nobody translated") == "a message nobody translated"
    with using("zh"), pytest.raises(MissingTranslation, match="a message nobody translated"):
        tr("a message nobody translated")


def _visible_strings(spec: dict) -> list[str]:
    """Titles, subtitles, descriptions, control labels and the category values a legend or label shows."""
    found: list[str] = []

    def walk(node, key=""):
        if isinstance(node, dict):
            for k, v in node.items():
                if k in ("datasets", "data"):
                    continue
                if k in ("title", "subtitle", "description") and isinstance(v, (str, list)):
                    found.extend([v] if isinstance(v, str) else [s for s in v if isinstance(s, str)])
                elif k == "bind" and isinstance(v, dict) and isinstance(v.get("name"), str):
                    found.append(v["name"])
                else:
                    walk(v, k)
        elif isinstance(node, list):
            for v in node:
                walk(v, key)
    walk(spec)
    return found


def _english_words(text: str) -> list[str]:
    return [w for w in re.findall(r"[A-Za-z][A-Za-z₂]+", text) if w not in LATIN_OK]


def test_every_chart_on_a_chinese_page_speaks_chinese(site):
    problems = []
    for page in pages("zh"):
        nb = nbformat.read(BUILD_DIR / "executed" / (page.slug + ".ipynb"), as_version=4)
        for cell in nb.cells:
            for output in cell.get("outputs", []):
                meta = output.get("metadata", {}).get("greenmfg")
                if not meta:
                    continue
                for text in _visible_strings(meta["vegalite"]):
                    if not CJK.search(text) and _english_words(text):
                        problems.append(f"{page.source}:{meta['chart_id']}: {text!r}")
    assert problems == []


def _payload_ids(path: Path) -> list[str]:
    from greenmfg.charts.card_payload import payloads_in

    return [p["id"] for p in payloads_in(path.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("english,chinese", TWINS, ids=TWIN_IDS)
def test_built_twins_have_the_same_chart_ids_and_rows(site, english, chinese):
    from greenmfg.charts.card_payload import payloads_in

    en = payloads_in((site / english.output).read_text(encoding="utf-8"))
    zh = payloads_in((site / chinese.output).read_text(encoding="utf-8"))
    assert [p["id"] for p in zh] == [p["id"] for p in en]
    assert [len(p["rows"]) for p in zh] == [len(p["rows"]) for p in en], "same data rows in both editions"
    for payload in zh:
        csv = (site / "zh" / "chart-data" / f"{payload['id']}.csv").read_text(encoding="utf-8")
        assert CJK.search(csv.splitlines()[0]), f"{payload['id']}: CSV headers are not in Chinese"


def test_each_edition_has_its_own_search_index_and_sitemap(site):
    english = {e["href"].split("#")[0] for e in json.loads((site / "search.json").read_text(encoding="utf-8"))}
    chinese = {e["href"].split("#")[0] for e in json.loads((site / "zh" / "search.json").read_text(encoding="utf-8"))}
    assert english == {p.output.as_posix() for p in pages("en")}
    assert chinese == {p.edition_source.with_suffix(".html").as_posix() for p in pages("zh")}
    sitemap = (site / "zh" / "sitemap.xml").read_text(encoding="utf-8")
    assert sitemap.count("<loc>") == len(pages("zh")) and 'hreflang="zh-Hans"' in sitemap and "/zh/" in sitemap
    assert "zh/sitemap.xml" in (site / "robots.txt").read_text(encoding="utf-8")


# What the site's root may hold besides the default edition's pages and their folders: each other edition, Quarto's
# libraries, the shared assets and data package, chart CSVs, embed pages, the search index, sitemap and robots.txt.
SITE_ROOT_EXTRAS = {"assets", "site_libs", "data", "chart-data", "embed", "search.json", "sitemap.xml", "robots.txt"}


def stray_entries(site: Path) -> list[str]:
    """Names at the site's root that belong to no page, edition or listed extra."""
    allowed = SITE_ROOT_EXTRAS | {p.output.parts[0] for p in pages()} | set(editions()[1:])
    return sorted(p.name for p in site.iterdir() if p.name not in allowed)


def test_the_site_root_holds_nothing_stray(site):
    assert stray_entries(site) == []


def test_the_stray_check_catches_a_copy_of_the_site_inside_itself(tmp_path):
    """Quarto once copied _site/ into the site through an unanchored resource glob (_site/_site/)."""
    (tmp_path / "_site").mkdir()
    (tmp_path / "index.html").write_text("x")
    assert stray_entries(tmp_path) == ["_site"]


@pytest.mark.parametrize("page", all_pages(), ids=[p.slug for p in all_pages()])
def test_every_page_links_its_twin_and_declares_its_language(site, page):
    text = (site / page.output).read_text(encoding="utf-8")
    assert re.search(rf'<html[^>]* lang="{"zh" if page.lang == "zh" else "en"}', text)
    for lang, tag in (("en", "en"), ("zh", "zh-Hans")):
        href = re.search(rf'<link rel="alternate" hreflang="{tag}" href="([^"]+)"', text)
        assert href and href.group(1).endswith(page.twin(lang).output.as_posix())
    assert 'hreflang="x-default"' in text and '<link rel="canonical"' in text
    switch = re.search(r'<a class="gm-lang-switch" href="([^"]+)"', text)
    other = page.twin("en" if page.lang == "zh" else "zh")
    assert switch and (site / page.output).parent.joinpath(switch.group(1)).resolve() == (site / other.output).resolve()


def test_chinese_embed_pages_are_chinese_and_point_to_chinese_pages(site):
    pages_ = sorted((site / "zh" / "embed").glob("*.html"))
    assert pages_, "no Chinese embed pages"
    for path in pages_:
        text = path.read_text(encoding="utf-8")
        assert '<html lang="zh-Hans"' in text and "/zh/" in re.search(r'rel="canonical" href="([^"]+)"', text).group(1)
        assert '../../assets/gm-charts.mjs' in text and 'href="../chart-data/' in text


def _main_text(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    main = re.search(r"<main[^>]*>(.*)</main>", text, re.S)
    body = re.sub(r"<script.*?</script>|<svg.*?</svg>", " ", main.group(1) if main else text, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body))


def test_every_glossary_term_on_an_english_page_appears_in_chinese_on_its_twin(site):
    from greenmfg.data import loaders
    glossary = loaders.load_glossary()
    missing = []
    for english, chinese in TWINS:
        en_text, zh_text = _main_text(site / english.output).lower(), _main_text(site / chinese.output)
        for _, term in glossary.iterrows():
            if re.search(rf"\b{re.escape(term['term_en'].lower())}\b", en_text) and term["term_zh"] not in zh_text:
                missing.append(f"{chinese.output}: {term['term_zh']} ({term['term_en']})")
    assert missing == []


def test_each_edition_cites_the_same_references_in_its_language():
    from greenmfg.pages.project import quarto_config

    def entries(lang: str) -> dict[str, str]:
        text = (REPO_ROOT / quarto_config(lang)["bibliography"]).read_text(encoding="utf-8")
        return {m.group(1): " ".join(re.findall(r"url = \{([^}]*)\}", m.group(2)))
                for m in re.finditer(r"@\w+\{([\w-]+),(.*?)\n\}", text, re.S)}
    english, chinese = entries("en"), entries("zh")
    assert english and chinese == english, "same keys and addresses in both bibliographies"
    assert quarto_config("zh")["bibliography"] != quarto_config("en")["bibliography"]


def test_parallel_renders_keep_their_own_language():
    """Pages of one edition render in parallel threads: one leaving its `using` block must not switch another."""
    import threading

    english_in, chinese_in, english_out = threading.Event(), threading.Event(), threading.Event()
    seen = {}

    def english() -> None:
        with using("en"):
            english_in.set()
            chinese_in.wait(5)
        english_out.set()  # leaves its block while the Chinese page is still being written

    def chinese() -> None:
        english_in.wait(5)
        with using("zh"):
            chinese_in.set()
            english_out.wait(5)
            seen["zh"] = tr("On this page")

    threads = [threading.Thread(target=english), threading.Thread(target=chinese)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen == {"zh": "本页目录"}


def _edition_text(lang: str) -> str:
    """Everything one edition's values and template words say, as one text."""
    from greenmfg.pages.variables import build_variables

    with using(lang):
        words = [tr("On this page"), tr("References")]
    return json.dumps(build_variables(None, lang), ensure_ascii=False, sort_keys=True) + "|".join(words)


def test_two_editions_written_concurrently_match_writing_them_one_by_one():
    """The edition is a parameter of each block of work: 8 interleaved renders of both editions in 4 threads say
    exactly what each edition says alone."""
    from concurrent.futures import ThreadPoolExecutor

    alone = {lang: _edition_text(lang) for lang in ("en", "zh")}
    order = ["en", "zh"] * 4
    with ThreadPoolExecutor(max_workers=4) as pool:
        together = list(pool.map(_edition_text, order))
    assert [text == alone[lang] for text, lang in zip(together, order)] == [True] * len(order)
    assert alone["en"] != alone["zh"]


def test_a_page_kernel_writes_in_its_folders_edition(tmp_path, monkeypatch):
    """A notebook's kernel runs in the notebook's folder (JupyterLab and the build alike): zh/… is Chinese."""
    monkeypatch.chdir(REPO_ROOT / "zh" / "chapters")
    assert tr("On this page") == "本页目录"
    monkeypatch.chdir(REPO_ROOT / "chapters")
    assert tr("On this page") == "On this page"
    monkeypatch.chdir(tmp_path)
    assert tr("On this page") == "On this page"


def test_no_module_level_or_thread_local_language():
    """Nothing in the package keeps the language in a module-level variable or per thread."""
    found = []
    for path in sorted((REPO_ROOT / "greenmfg").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        for pattern in (r"threading\.local\(", r"^_?\w*lang\w*\s*=\s*\[", r"\bset_language\b", r"^\s*global\s+\w*lang"):
            found += [f"{path.relative_to(REPO_ROOT)}: {m.group(0)}" for m in re.finditer(pattern, text, re.M)]
    assert found == []
