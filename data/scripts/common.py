"""Shared helpers for the data build scripts: column order, host classification, CSV writing."""
from __future__ import annotations

import csv
from pathlib import Path
from urllib.parse import urlparse

COMMON = ["value", "qualifier", "unit", "as_of", "basis", "measure_kind", "source_org", "source_title",
          "source_date", "url", "mirror_url", "quote", "confidence"]

# Hosts that are the original outlet's (or data publisher's) own site. Every other host seen in the research is
# a repost, mirror, spam-injected copy or bare IP: its address goes to `mirror_url` and is never linked.
ORIGINAL_HOSTS = {
    "github.com", "paper.people.com.cn", "finance.people.com.cn", "m.mysteel.com", "www.mysteel.net",
    "www.argusmedia.com", "auto.cfbond.com", "app.xinhuanet.com", "fastmarkets.com", "www.fastmarkets.com",
    "japanmetal.com", "www.japanmetaldaily.com", "www.iea.org", "www.digitimes.com", "www.chinaautoreview.com",
    "www.clyj.com.cn", "cn.steelorbis.com", "www.steelorbis.com", "recyclinginternational.com", "www.electrive.com",
    "japanese.china.org.cn", "www.china.org.cn", "english.www.gov.cn", "big5.www.gov.cn", "english.nna.jp",
    "www.thestatesman.com", "cnews.chinadaily.com.cn", "www.nhcl.com.cn", "nerdsofsteel.com", "www.modb.pro",
    "wallstreetcn.com", "www.mine.ren", "chinaccm.cn", "news.smm.cn", "enviliance.com",
    "www.carbon.kcomber.com", "xapp.southcn.com", "www.wam.ae", "www.163.com", "it.zy-materials.net",
    "www.asianmetal.com", "sbdailynews.com", "10kstepsdaily.com", "en.zjsst.com", "goodhao.com.cn",
}


def host_is_original(url: str) -> bool:
    """True if the URL is on an original outlet's own host (see ORIGINAL_HOSTS)."""
    return urlparse(url).netloc.lower() in ORIGINAL_HOSTS


def write_csv(path: Path, columns: list[str], rows: list[dict]) -> None:
    """Write rows as UTF-8 CSV with a fixed column order and \\n line endings."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=columns, lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({c: r.get(c, "") for c in columns})
