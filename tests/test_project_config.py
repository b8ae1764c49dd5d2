"""The project's contracts: page map, _quarto.yml, Make targets, pinned environments, habits."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from greenmfg.pages.project import editions, pages, quarto_config
from greenmfg.paths import REPO_ROOT

PAGE_MAP = ["index", "chapters/traditional", "chapters/emerging", "chapters/digital",
            "targets", "family", "claims", "glossary", "data", "about"]


def test_render_list_is_the_page_map_in_order():
    assert [p.slug for p in pages()] == PAGE_MAP


def test_every_page_source_exists():
    for page in pages():
        assert (REPO_ROOT / page.source).is_file(), page.source


def _nav_hrefs(items):
    for item in items:
        if "menu" in item:
            yield from _nav_hrefs(item["menu"])
        else:
            yield item["href"]


def test_navbar_lists_every_page_in_page_map_order():
    hrefs = [h.removesuffix(".ipynb") for h in _nav_hrefs(quarto_config()["website"]["navbar"]["left"])]
    assert hrefs == PAGE_MAP


def test_quarto_config_keeps_the_site_offline_and_complete():
    config = quarto_config()
    assert config["project"]["type"] == "website"
    staging = {quarto_config(lang)["project"]["output-dir"] for lang in editions()}
    assert len(staging) == len(editions()) and "_site" not in staging, "each edition renders into its own folder"
    from greenmfg.locale.i18n import HREFLANG

    # The page's lang is the hreflang tag ("zh" alone would be taken for the zh/ folder and rebased as a path).
    assert [quarto_config(lang)["lang"] for lang in editions()] == [HREFLANG[lang] for lang in editions()]
    assert "greenmfg.site.build pre-render" in config["project"]["pre-render"]
    assert "greenmfg.site.build post-render" in config["project"]["post-render"]
    html = config["format"]["html"]
    assert html["html-math-method"] == "plain", "MathJax/KaTeX would load from a CDN"
    assert html["toc"] is True and html["code-fold"] is True
    assert set(html["theme"]) == {"light", "dark"}
    for scss in ("assets/theme-light.scss", "assets/theme-dark.scss"):
        assert "$web-font-path: false;" in (REPO_ROOT / scss).read_text(), scss
    assert config["website"]["search"]
    assert (REPO_ROOT / config["website"]["favicon"]).is_file()
    assert (REPO_ROOT / config["bibliography"]).is_file()
    assert config["execute"]["echo"] is False
    assert config["execute"]["enabled"] is False, "Quarto never executes a page: our executor does, once"
    assert config["ipynb-filters"] == ["python -m greenmfg.site.quarto_filter"]
    for resource in config["project"]["resources"]:
        # Anchored at the project root: a bare glob also matches inside _site/ and copies it into the site.
        assert resource.startswith(("/assets/", "/data/")), resource


def test_makefile_exposes_the_public_targets():
    makefile = (REPO_ROOT / "Makefile").read_text()
    for target in ("help", "site", "test", "validate-data", "bench", "serve", "clean", "lab", "env"):
        assert re.search(rf"^{target}:.*## ", makefile, re.M), f"make {target} is missing or undocumented"


def _pins_from_requirements() -> dict[str, str]:
    pins = {}
    for line in (REPO_ROOT / "requirements.txt").read_text().splitlines():
        line = line.split("#")[0].strip()
        if line:
            name, version = line.split("==")
            pins[name.lower()] = version
    return pins


def _pins_from_environment() -> dict[str, str]:
    env = yaml.safe_load((REPO_ROOT / "environment.yml").read_text())
    pins = {}
    for dep in env["dependencies"]:
        entries = dep["pip"] if isinstance(dep, dict) else [dep]
        for entry in entries:
            match = re.match(r"^([A-Za-z0-9_.-]+)==?([^=<>]+)$", entry)
            if match and match.group(1) not in ("python", "quarto"):
                pins[match.group(1).lower()] = match.group(2)
    return pins


def test_environment_yml_and_requirements_pin_the_same_versions():
    assert _pins_from_environment() == _pins_from_requirements()


def test_quarto_is_pinned_to_one_version_everywhere():
    from greenmfg.site.build import QUARTO_VERSION

    env = yaml.safe_load((REPO_ROOT / "environment.yml").read_text())
    assert f"quarto={QUARTO_VERSION}" in env["dependencies"]
    assert f"quarto-cli=={QUARTO_VERSION}" in (REPO_ROOT / "requirements-quarto.txt").read_text()
    assert f"version: {QUARTO_VERSION}" in (REPO_ROOT / ".github/workflows/publish.yml").read_text()


def test_pre_commit_hooks_are_local():
    config = yaml.safe_load((REPO_ROOT / ".pre-commit-config.yaml").read_text())
    assert all(repo["repo"] == "local" for repo in config["repos"]), "hooks fetched from GitHub cannot install here"
    ids = {hook["id"] for repo in config["repos"] for hook in repo["hooks"]}
    assert {"ruff", "nbstripout", "check-yaml"} <= ids


def test_generated_files_are_not_tracked():
    ignored = (REPO_ROOT / ".gitignore").read_text().split()
    # "/.quarto/" exactly as Quarto writes it, or Quarto appends it to .gitignore on every build
    for path in ("_site/", ".build/", ".venv/", "_variables.yml", "assets/vega.mjs", "/.quarto/", "*_files/"):
        assert path in ignored, path


def test_palette_css_is_generated_from_the_theme():
    from greenmfg.charts.theme import palette_css

    assert (REPO_ROOT / "assets/palette.css").read_text() == palette_css(), "run python -m greenmfg.charts.theme"


def test_vendored_vega_is_the_version_the_build_wraps():
    from greenmfg.site.build import VEGA_VENDOR

    head = VEGA_VENDOR.read_text()[:2000]
    assert VEGA_VENDOR.name == "vega-6.2.0.min.js" and "vega" in head
    assert (Path(VEGA_VENDOR).parent / "vega-LICENSE.txt").is_file()


def test_readme_rerunner_commands_are_make_targets_that_start_jupyterlab_on_loopback():
    readme = (REPO_ROOT / "README.md").read_text()
    section = readme[readme.index("## Rerun a notebook"):]
    block = section[section.index("```sh"):section.index("```", section.index("```sh") + 5)]
    targets = re.findall(r"^make (\w[\w-]*)", block, re.M)
    assert targets == ["env", "lab"]
    makefile = (REPO_ROOT / "Makefile").read_text()
    recipe = makefile[makefile.index("\nlab:"):].split("\n")[2]
    assert "jupyter lab" in recipe and "--ip=127.0.0.1" in recipe and "--allow-root" in recipe
    assert "--config=jupyter_server_config.py" in recipe


# Paths in backticks or links: a folder or file of the repository (globs and <placeholders> are skipped).
NAMED_PATH = re.compile(r"`((?:[\w.-]+/)*[\w.-]+\.(?:py|ipynb|yml|yaml|md|csv|json|txt|mjs|css|scss|toml|bib|cff)|"
                        r"(?:[\w.-]+/)+)`|\]\(((?!https?:)[^)#\s]+)\)")


# Names of what the build writes into the site, and the placeholders of recipes: not repository paths.
SITE_OUTPUTS = {"chart-data/", "embed/", "robots.txt", "search.json", "sitemap.xml", "bootstrap-icons.css"}
EXAMPLES = ("X.", "zh/X.", "greenmfg/pages/my_key/", ".build/", "_site/", ".venv/")


def _named_paths(text: str) -> set[str]:
    return {a or b for a, b in NAMED_PATH.findall(text) if "<" not in (a or b) and "*" not in (a or b)}


@pytest.mark.parametrize("document", ["README.md", "docs/architecture.md", "_quarto.yml", "_quarto-en.yml",
                                      "_quarto-zh.yml", "requirements.txt", "environment.yml", "Makefile"])
def test_every_path_a_document_names_exists(document):
    """The README, the architecture notes and config comments name only files that exist in the repository
    (nothing outside it, nothing renamed away)."""
    base = (REPO_ROOT / document).parent
    text = (REPO_ROOT / document).read_text(encoding="utf-8")
    missing = sorted(p for p in _named_paths(text) - SITE_OUTPUTS if not p.startswith(EXAMPLES)
                     and not (REPO_ROOT / p).exists() and not (base / p).exists())
    assert "../shared" not in text, "a path outside the repository"
    assert missing == []
