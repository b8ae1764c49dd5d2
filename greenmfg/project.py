"""The site map: every page of the site, read once from `_quarto.yml` and each page's front matter.

Everything else that lists pages (navigation cards, ledger themes, data enums, colours, tests)
derives from here. A page's key is its notebook's name; a chapter is a page under chapters/, and its
key names its package (greenmfg.pages.<key>), its variables namespace, its chart-id prefix and
its value in the data's chapter/theme columns.
"""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .paths import REPO_ROOT

CHAPTERS_DIR = "chapters"
# The data's theme/chapter value for the headline goals, which the home page carries.
OVERVIEW = "overview"


class BuildError(RuntimeError):
    """A build step failed; the message names the page, cell or file."""


@dataclass(frozen=True)
class Page:
    """One page of the site: its source notebook and where its HTML goes."""

    source: Path  # relative to the repo root, e.g. chapters/digital.ipynb

    @property
    def slug(self) -> str:
        return self.source.with_suffix("").as_posix()

    @property
    def key(self) -> str:
        return self.source.stem

    @property
    def output(self) -> Path:
        return self.source.with_suffix(".html")

    @property
    def root_prefix(self) -> str:
        return "../" * (len(self.source.parts) - 1)

    @property
    def is_chapter(self) -> bool:
        return self.source.parts[0] == CHAPTERS_DIR

    @property
    def package(self) -> str:
        return f"greenmfg.pages.{self.key}"

    @property
    def front_matter(self) -> dict[str, Any]:
        return _front_matter(self.source)

    @property
    def title(self) -> str:
        return self.front_matter.get("title", "")

    @property
    def description(self) -> str:
        return self.front_matter.get("description", "")

    @property
    def nav_text(self) -> str:
        """The page's label in the site navigation."""
        return _nav_texts().get(self.source.as_posix(), self.title)


@functools.cache
def _read_yaml(path: Path, mtime_ns: int) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def quarto_config() -> dict[str, Any]:
    """The parsed _quarto.yml (re-read when the file changes)."""
    path = REPO_ROOT / "_quarto.yml"
    return _read_yaml(path, path.stat().st_mtime_ns)


def _front_matter(source: Path) -> dict[str, Any]:
    path = REPO_ROOT / source
    return _notebook_front_matter(path, path.stat().st_mtime_ns)


@functools.cache
def _notebook_front_matter(path: Path, mtime_ns: int) -> dict[str, Any]:
    cells = json.loads(path.read_text(encoding="utf-8")).get("cells", [])
    raw = "".join(cells[0]["source"]) if cells and cells[0]["cell_type"] == "raw" else ""
    return yaml.safe_load(raw.strip().strip("-")) or {} if raw.strip().startswith("---") else {}


def _nav_items(items: list[dict[str, Any]]):
    for item in items:
        if "menu" in item:
            yield from _nav_items(item["menu"])
        elif "href" in item:
            yield item


def _nav_texts() -> dict[str, str]:
    return {item["href"]: item.get("text", "") for item in _nav_items(quarto_config()["website"]["navbar"]["left"])}


def pages() -> list[Page]:
    """Pages in the order of `project.render` in _quarto.yml."""
    return [Page(Path(p)) for p in quarto_config()["project"]["render"]]


def chapters() -> list[Page]:
    """The themed chapters, in site order."""
    return [p for p in pages() if p.is_chapter]


def page(key: str) -> Page:
    """The page with this key; KeyError names the keys there are."""
    found = {p.key: p for p in pages()}
    if key not in found:
        raise KeyError(f"no page {key!r} in _quarto.yml (pages: {', '.join(found)})")
    return found[key]


def site_url() -> str:
    """The published site's address (website.site-url), ending in '/': embeds, sitemap and links derive from it."""
    url = quarto_config()["website"].get("site-url", "")
    if not url.startswith("https://"):
        raise BuildError("_quarto.yml: website.site-url must be the published https:// address of the site")
    return url.rstrip("/") + "/"


def home() -> Page:
    return pages()[0]


def themes() -> dict[str, Page]:
    """The data's theme/chapter values and the page that discusses each: overview -> home, then the chapters."""
    return {OVERVIEW: home(), **{p.key: p for p in chapters()}}
