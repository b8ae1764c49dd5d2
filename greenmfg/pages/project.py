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

from greenmfg.paths import REPO_ROOT

CHAPTERS_DIR = "chapters"
# The data's theme/chapter value for the headline goals, which the home page carries.
OVERVIEW = "overview"


class BuildError(RuntimeError):
    """A build step failed; the message names the page, cell or file."""


@dataclass(frozen=True)
class Page:
    """One page of one edition: its source notebook and where its HTML goes.

    English pages sit at the root; each other edition mirrors them under a folder named for its
    language (zh/chapters/digital.ipynb is the Chinese twin of chapters/digital.ipynb).
    """

    source: Path  # relative to the repo root, e.g. chapters/digital.ipynb or zh/chapters/digital.ipynb

    @property
    def lang(self) -> str:
        return self.source.parts[0] if self.source.parts[0] in editions()[1:] else editions()[0]

    @property
    def edition_prefix(self) -> str:
        """The edition's folder under the site root: '' for English, 'zh/' for Chinese."""
        return "" if self.lang == editions()[0] else f"{self.lang}/"

    @property
    def edition_source(self) -> Path:
        """The source path inside its edition (the same for both twins)."""
        return Path(self.source.as_posix().removeprefix(self.edition_prefix))

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
        """From the page to the site root (shared assets, data)."""
        return "../" * (len(self.source.parts) - 1)

    @property
    def edition_root_prefix(self) -> str:
        """From the page to its edition's root (its pages, chart files, search index)."""
        return "../" * (len(self.edition_source.parts) - 1)

    @property
    def is_chapter(self) -> bool:
        return self.edition_source.parts[0] == CHAPTERS_DIR

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
        """The page's label in its edition's navigation."""
        return _nav_texts(self.lang).get(self.source.as_posix(), self.title)

    def twin(self, lang: str) -> Page:
        """The same page in another edition."""
        return Page(Path(("" if lang == editions()[0] else f"{lang}/") + self.edition_source.as_posix()))


@functools.cache
def _read_yaml(path: Path, mtime_ns: int) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def editions() -> list[str]:
    """The site's languages, from the profile group in _quarto.yml; the first is the default (the site root)."""
    path = REPO_ROOT / "_quarto.yml"
    return list(_read_yaml(path, path.stat().st_mtime_ns)["profile"]["group"][0])


def _merge_profile(base: Any, extra: Any) -> Any:
    """Quarto's profile merge: maps merge key by key, lists are joined, other values are replaced."""
    if isinstance(base, dict) and isinstance(extra, dict):
        return {**base, **{k: _merge_profile(base[k], v) if k in base else v for k, v in extra.items()}}
    if isinstance(base, list) and isinstance(extra, list):
        return base + extra
    return extra


def quarto_config(lang: str | None = None) -> dict[str, Any]:
    """_quarto.yml merged with the edition's profile (_quarto-<lang>.yml), as `quarto render --profile <lang>`
    reads it (re-read when a file changes)."""
    lang = lang or editions()[0]
    base_path, profile_path = REPO_ROOT / "_quarto.yml", REPO_ROOT / f"_quarto-{lang}.yml"
    base = _read_yaml(base_path, base_path.stat().st_mtime_ns)
    return _merge_profile(base, _read_yaml(profile_path, profile_path.stat().st_mtime_ns))


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


def _nav_texts(lang: str) -> dict[str, str]:
    return {item["href"]: item.get("text", "") for item in _nav_items(quarto_config(lang)["website"]["navbar"]["left"])}


def pages(lang: str | None = None) -> list[Page]:
    """One edition's pages (default: English) in the order of `project.render` in its profile."""
    return [Page(Path(p)) for p in quarto_config(lang)["project"]["render"]]


def all_pages() -> list[Page]:
    """Every page of every edition, edition by edition."""
    return [p for lang in editions() for p in pages(lang)]


def chapters(lang: str | None = None) -> list[Page]:
    """The themed chapters, in site order."""
    return [p for p in pages(lang) if p.is_chapter]


def page(key: str, lang: str | None = None) -> Page:
    """The page with this key; KeyError names the keys there are."""
    found = {p.key: p for p in pages(lang)}
    if key not in found:
        raise KeyError(f"no page {key!r} in _quarto-{lang or editions()[0]}.yml (pages: {', '.join(found)})")
    return found[key]


def site_url() -> str:
    """The published site's address (website.site-url), ending in '/': embeds, sitemap and links derive from it."""
    url = quarto_config()["website"].get("site-url", "")
    if not url.startswith("https://"):
        raise BuildError("_quarto.yml: website.site-url must be the published https:// address of the site")
    return url.rstrip("/") + "/"


def repository_url() -> str:
    """The repository the site is built from: website.repo-url in _quarto.yml where set, else the GitHub repository
    a GitHub Pages site-url names (https://OWNER.github.io/REPO/ -> https://github.com/OWNER/REPO). Readers are sent
    there to see the code and data and to report an error (its issue tracker)."""
    configured = quarto_config()["website"].get("repo-url", "")
    if configured:
        return configured.rstrip("/")
    host, _, path = site_url().removeprefix("https://").partition("/")
    owner, _, pages_domain = host.partition(".")
    repo = path.strip("/").split("/")[0]
    if pages_domain != "github.io" or not repo:
        raise BuildError("_quarto.yml: set website.repo-url (the site-url is not a GitHub Pages project address)")
    return f"https://github.com/{owner}/{repo}"


def home(lang: str | None = None) -> Page:
    return pages(lang)[0]


def themes(lang: str | None = None) -> dict[str, Page]:
    """The data's theme/chapter values and the page that discusses each: overview -> home, then the chapters."""
    return {OVERVIEW: home(lang), **{p.key: p for p in chapters(lang)}}
