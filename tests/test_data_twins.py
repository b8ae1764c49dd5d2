"""Chinese twins of the data's reader-facing text: declared in the descriptor, required by the validator wherever
the English is filled (those rejections are cases in tests/test_data_validate.py), and faithful to the English (same
figures, Chinese punctuation, no words about our process)."""
from __future__ import annotations

import json
import re

from test_data_validate import PROC

from greenmfg.data import loaders
from greenmfg.data.data_tables import load_descriptor, resource
from greenmfg.data.validate import twins, untranslated, validate

# Per table: each twin the Chinese edition reads and the English column it translates.
REQUIRED_TWINS = {
    "claims": {"note_zh": "note", "search_note_zh": "search_note"},
    "glossary": {"definition_zh": "definition_en"},
    "policy_targets": {"sector_zh": "sector", "basis_zh": "basis", "baseline_basis_zh": "baseline_basis",
                       "metric_zh_note_zh": "metric_zh_note"},
    "policy_document": {"note_zh": "note"},
    "series_changes": {"reason_zh": "reason", "series_label_zh": "series_label_en"},
    "context_series": {"basis_zh": "basis", "derivation_zh": "derivation"},
}
HAN = "\u4e00-\u9fff"
NUMBER = re.compile(r"(?<![A-Za-z\d.])\d+(?:,\d{3})*(?:\.\d+)?(?![\d,.]?[\dA-Za-z])")  # not CO2, T04, 10k, 12th
# Text quoted verbatim (a source's own words, any language) is left as it is.
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|'[^']*'")
HALF_WIDTH_NEXT_TO_HAN = re.compile(rf"[{HAN}][,;:()]|[,;:()][{HAN}]")
SPACE_BETWEEN_HAN_AND_NUMBER = re.compile(rf"[{HAN}] \d|\d [{HAN}%]")
# Names written the Chinese way (十三五 for a five-year span, 前十 for top-10): their figures need not match the English.
LABELS = {"series_label_zh"}
PROCESS_PHRASES_ZH = ("本次任务", "研究团队", "研究文件", "无法联网", "本会话", "研究人员")


# A figure's scale from the words after it, so 4.14亿吨 and 414 Mt, 949.5万 and 9.495 million, 390亿千瓦时 and 39 TWh
# are one figure: 万亿 before 万 and 亿; Mt is million tonnes, GW a million kW (万千瓦), TWh a billion kWh (亿千瓦时).
SCALES = ((re.compile(r"\s?万亿"), 1e12), (re.compile(r"\s?万"), 1e4), (re.compile(r"\s?亿"), 1e8),
          (re.compile(r" (?:trillion)\b"), 1e12), (re.compile(r" (?:billion|TWh)\b"), 1e9),
          (re.compile(r" (?:million|Mt|GW)\b"), 1e6), (re.compile(r" GWh\b"), 1e6))


def numbers(text: str) -> set[float]:
    """The figures a text contains, as numbers at their full scale (so 2024-07-05 and 2024年7月5日 agree; 1,020 is
    1020; 4.14亿吨 and 414 Mt are both 414,000,000), to six significant digits."""
    found = set()
    for match in NUMBER.finditer(text):
        value, rest = float(match.group().replace(",", "")), text[match.end():]
        scale = next((factor for pattern, factor in SCALES if pattern.match(rest)), 1.0)
        found.add(float(f"{value * scale:.6g}"))
    return found


def twin_pairs():
    """(table, line, twin column, English text, Chinese text) for every filled twin of every table."""
    for name in (res["name"] for res in load_descriptor()["resources"]):
        table = loaders.load_table(name)
        path = f"{PROC}/{name}.csv"
        for twin, english in twins(load_descriptor())[path].items():
            for line, (en, zh) in enumerate(zip(table[english], table[twin]), start=2):
                if en and zh:
                    yield name, line, twin, en, zh


def test_descriptor_declares_every_required_twin():
    declared = twins(load_descriptor())
    for name, wanted in REQUIRED_TWINS.items():
        assert wanted.items() <= declared[f"{PROC}/{name}.csv"].items(), name


def test_twins_keep_every_figure_of_the_english():
    lost = [f"{name}.csv row {line} {twin}: {sorted(numbers(en) - numbers(zh))}"
            for name, line, twin, en, zh in twin_pairs() if twin not in LABELS and numbers(en) - numbers(zh)]
    assert lost == []


def test_twins_use_chinese_punctuation_and_no_space_before_units():
    bad = []
    for name, line, twin, _, zh in twin_pairs():
        own = QUOTED.sub("", zh)
        for pattern in (HALF_WIDTH_NEXT_TO_HAN, SPACE_BETWEEN_HAN_AND_NUMBER):
            bad += [f"{name}.csv row {line} {twin}: {m.group()!r}" for m in pattern.finditer(own)]
    assert bad == []


def test_twins_speak_to_readers():
    assert [(name, line, twin) for name, line, twin, _, zh in twin_pairs()
            if any(phrase in zh for phrase in PROCESS_PHRASES_ZH)] == []


def test_numbers_compare_across_chinese_and_english_units():
    assert numbers("414 Mt, 9.495 million vehicles, 20 million yuan, 39 TWh") == numbers(
        "4.14亿吨、949.5万辆、2000万元、390亿千瓦时")
    assert numbers("1.18 trillion kWh") == numbers("1.18万亿千瓦时") and numbers("41.4 Mt") != numbers("4.14亿吨")


def test_numbers_and_punctuation_checks_can_fail():
    assert numbers("Mt CO2 in 2023 (420 Mt of it), 1,020 hours") - numbers("2023年，其中420 Mt") == {1020.0}
    assert numbers("10k racks, 12th plan, T04, 44.2 ÷ 73.78 = 59.9 %.") == {44.2, 73.78, 59.9}
    assert HALF_WIDTH_NEXT_TO_HAN.search("产量,销量") and not HALF_WIDTH_NEXT_TO_HAN.search(QUOTED.sub("", "“产量,销量”"))
    assert SPACE_BETWEEN_HAN_AND_NUMBER.search("约 0.05 %")


def _edit_descriptor(d, change) -> None:
    """Apply change(descriptor) to the copy's datapackage.json."""
    path = d / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    change(descriptor)
    path.write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")


def test_every_reader_facing_description_has_its_chinese():
    assert untranslated(load_descriptor()) == []


def test_field_description_without_chinese_is_rejected(data_copy):
    _edit_descriptor(data_copy, lambda d: resource(d, "claims")["schema"]["fields"][-1].pop("description_zh"))
    assert "processed/claims.resource.yaml: column 'note_zh': 'description' has no Chinese twin 'description_zh'" \
        in validate(data_copy)


def test_resource_title_and_check_without_chinese_are_rejected(data_copy):
    def change(d):
        resource(d, "glossary")["title_zh"] = "Glossary"
        d["greenmfg:check_descriptions_zh"].pop("twins_complete")
    _edit_descriptor(data_copy, change)
    msgs = validate(data_copy)
    assert "processed/glossary.resource.yaml: 'title' has no Chinese twin 'title_zh'" in msgs
    assert "package.yaml: check 'twins_complete' has no Chinese description in greenmfg:check_descriptions_zh" in msgs


def test_twin_of_an_unknown_column_is_rejected(data_copy):
    _edit_descriptor(data_copy, lambda d: resource(d, "claims")["schema"]["fields"][-1].update({"greenmfg:twin_of": "notes"}))
    assert any(m.startswith("processed/claims.resource.yaml: column 'note_zh': twin of 'notes'") for m in validate(data_copy))
