"""Short publisher names for a chart's one-line source ("CAAM, MIIT (2016–2025)").

A row's ``source_org`` says who published the figure and through which outlet ("MIIT (2024), via CCTV");
readers scanning a card want the publisher only. The full per-release list stays one click away and
in the CSV, so nothing is dropped. The first matching pattern wins; an unknown organisation keeps its
text up to the first comma, bracket or " via ".
"""
from __future__ import annotations

import re
from collections.abc import Iterable

# (pattern on source_org, English short name, Chinese short name)
PUBLISHERS: tuple[tuple[str, str, str], ...] = (
    (r"Equipment Industry Development Center", "MIIT", "工业和信息化部"),
    (r"CAAM|中国汽车工业协会", "CAAM", "中国汽车工业协会"),
    (r"CABIA|Battery Innovation Alliance|CIAPS", "CABIA", "中国汽车动力电池产业创新联盟"),
    (r"CCID", "CCID", "赛迪研究院"),
    (r"CPIA|光伏行业协会", "CPIA", "中国光伏行业协会"),
    (r"CISA|钢铁工业协会|中钢协", "CISA", "中国钢铁工业协会"),
    (r"CNIA|有色金属工业协会", "CNIA", "中国有色金属工业协会"),
    (r"Resources Recycling Association", "CRRA", "中国再生资源回收利用协会"),
    (r"^MIIT|工业和信息化部|工信部", "MIIT", "工业和信息化部"),
    (r"^NBS|国家统计局", "NBS", "国家统计局"),
    (r"^NDRC|发展改革委|发改委", "NDRC", "国家发展改革委"),
    (r"^NEA\b|国家能源局", "NEA", "国家能源局"),
    (r"Ministry of Ecology|^MEE|生态环境部|Xie Zhenhua", "MEE", "生态环境部"),
    (r"^State Council|^State plan", "State Council", "国务院"),
    (r"International Aluminium Institute", "IAI", "国际铝业协会"),
    (r"worldsteel|世界钢铁协会", "worldsteel", "世界钢铁协会"),
    (r"^IEA", "IEA", "国际能源署"),
    (r"Our World in Data", "Our World in Data", "Our World in Data"),
    (r"SPIC|State Power Investment", "SPIC", "国家电力投资集团"),
    (r"央视网|CCTV\.com", "CCTV", "央视网"),
    (r"新华社|^Xinhua", "Xinhua", "新华社"),
    (r"人民网|People's Daily", "People's Daily", "人民日报"),
    (r"上海有色网|SMM", "SMM", "上海有色网"),
)
_COMPILED = tuple((re.compile(pattern), en, zh) for pattern, en, zh in PUBLISHERS)
_FALLBACK_END = re.compile(r"\s*(?:,|\(|（| via | / |$)")


def short_publisher(source_org: str, lang: str = "en") -> str:
    """The publisher behind ``source_org``, as a reader would name it."""
    for pattern, en, zh in _COMPILED:
        if pattern.search(source_org):
            return zh if lang == "zh" else en
    return source_org[: _FALLBACK_END.search(source_org).start()].strip() or source_org


def _year(as_of: str) -> str:
    match = re.match(r"\d{4}", as_of or "")
    return match.group() if match else ""


def short_source_line(rows: Iterable[dict], lang: str = "en") -> str:
    """Publishers in order of first appearance and the years the rows cover: 'CAAM, MIIT (2016–2025)'."""
    names: dict[str, None] = {}
    years: set[str] = set()
    for row in rows:
        org = str(row.get("source_org") or "").strip()
        if org:
            names[short_publisher(org, lang)] = None
        if year := _year(str(row.get("as_of") or "")):
            years.add(year)
    comma = "、" if lang == "zh" else ", "
    line = comma.join(names)
    if years:
        span = min(years) if len(years) == 1 else f"{min(years)}–{max(years)}"
        line += f"（{span}）" if lang == "zh" else f" ({span})"
    return line
