"""The `{{< var key >}}` token: one implementation for the preview renderer, chart cards and notebooks.

Values come from `_variables.yml`, which the build writes from data/ before any page executes.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from greenmfg.locale.i18n import language
from greenmfg.pages.project import BuildError
from greenmfg.paths import REPO_ROOT

VAR_TOKEN = re.compile(r"\{\{<\s*var\s+([A-Za-z0-9_.-]+)\s*>\}\}")
ANY_SHORTCODE = re.compile(r"\{\{<\s*(\S+)")
# Quarto reads only this file; the build copies the edition being rendered into it.
VARIABLES_FILE = REPO_ROOT / "_variables.yml"
EDITION_VARIABLES_DIR = REPO_ROOT / ".build" / "variables"


def variables_file(lang: str) -> Path:
    """One edition's values (the same keys in every edition, values formatted for its readers)."""
    return EDITION_VARIABLES_DIR / f"{lang}.yml"


def load_variables(lang: str | None = None) -> dict[str, Any]:
    """The values behind {{< var >}} for one edition (default: the language being written), as the build wrote them."""
    path = variables_file(lang or language())
    if not path.exists():
        raise BuildError(f"{path.relative_to(REPO_ROOT)} is missing: run `make env` or `make site` (it is written from data/)")
    # libyaml's loader where PyYAML has it: the values file is read by every build and card.
    return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}


def lookup(variables: dict[str, Any], key: str) -> str:
    """Resolve a dotted key the way Quarto does; a missing key is a KeyError (Quarto would print '?')."""
    node: Any = variables
    for part in key.split("."):
        if not isinstance(node, dict) or part not in node:
            raise KeyError(key)
        node = node[part]
    if isinstance(node, (dict, list)):
        raise KeyError(f"{key} is not a single value")
    return str(node)


def substitute(text: str, variables: dict[str, Any], where: str) -> str:
    """Replace every {{< var >}}; any other shortcode is outside the supported subset."""
    def replace(match: re.Match[str]) -> str:
        try:
            return lookup(variables, match.group(1))
        except KeyError:
            raise BuildError(f"{where}: unknown variable {match.group(1)!r} (is it in _variables.yml?)") from None

    text = VAR_TOKEN.sub(replace, text)
    other = ANY_SHORTCODE.search(text)
    if other:
        raise BuildError(f"{where}: shortcode {other.group(1)!r} is not in the supported Quarto subset")
    return text
