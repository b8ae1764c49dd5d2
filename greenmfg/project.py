"""The project model both renderers share: the pages of the site, in `_quarto.yml` order, and build errors."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .paths import REPO_ROOT


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
    def output(self) -> Path:
        return self.source.with_suffix(".html")

    @property
    def root_prefix(self) -> str:
        return "../" * (len(self.source.parts) - 1)


@functools.cache
def _config_text(path: Path, mtime_ns: int) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def quarto_config() -> dict[str, Any]:
    """The parsed _quarto.yml (re-read when the file changes)."""
    path = REPO_ROOT / "_quarto.yml"
    return _config_text(path, path.stat().st_mtime_ns)


def pages() -> list[Page]:
    """Pages in the order of `project.render` in _quarto.yml."""
    return [Page(Path(p)) for p in quarto_config()["project"]["render"]]
