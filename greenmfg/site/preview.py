"""The preview renderer: executed notebooks + _quarto.yml navigation -> _site/ with pandoc.

It supports exactly the Quarto subset listed in the README (front matter in the first raw cell,
`{{< var >}}`, citations, heading ids, `#|` cell options echo/output/include, callouts, spans
with `lang`, links to .ipynb pages) and fails loudly on a shortcode it does not know, so a page
that previews correctly also renders with Quarto.
"""
from __future__ import annotations

import hashlib
import html
import json
import re
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pypandoc
import yaml

from greenmfg.locale.i18n import edition_prefix, tr, using
from greenmfg.pages.project import BuildError, Page, quarto_config, site_url
from greenmfg.pages.var_tokens import ANY_SHORTCODE, load_variables
from greenmfg.pages.var_tokens import substitute as substitute_variables
from greenmfg.paths import ASSETS_DIR, BUILD_DIR, REPO_ROOT
from greenmfg.site.html_edit import parse

TEMPLATES = Path(__file__).parent / "templates"
CELL_OPTION = re.compile(r"^#\|\s*([\w-]+)\s*:\s*(.*)$")


class NotebookNode(dict):
    """A notebook (or cell) read as plain JSON, with attribute access like nbformat's nodes.

    Reading JSON directly keeps the warm build fast: importing nbformat pulls in jsonschema.
    """

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


def read_notebook(path: Path) -> NotebookNode:
    """An executed notebook with every multi-line `source`/`text` joined into one string."""
    def node(value: Any) -> Any:
        if isinstance(value, dict):
            out = NotebookNode({k: node(v) for k, v in value.items()})
            for key, item in out.items():
                # sources, stream text and mime bundles (keys like text/html) are stored as line lists
                if (key in ("source", "text") or "/" in key) and isinstance(item, list):
                    out[key] = "".join(item)
            return out
        if isinstance(value, list):
            return [node(v) for v in value]
        return value

    return node(json.loads(path.read_text(encoding="utf-8")))


def cell_options(source: str) -> dict[str, Any]:
    """The `#| key: value` options at the top of a code cell."""
    options: dict[str, Any] = {}
    for line in source.splitlines():
        match = CELL_OPTION.match(line)
        if not match:
            break
        options[match.group(1)] = yaml.safe_load(match.group(2))
    return options


def front_matter(nb: NotebookNode, where: str) -> dict[str, Any]:
    """YAML front matter from the notebook's first raw cell; a shortcode there is an error.

    Quarto reads typed front-matter fields (date above all) before shortcodes expand, so a
    `{{< var >}}` there renders as "Invalid Date" or raw text: values from data go in the body.
    """
    first = nb.cells[0] if nb.cells else None
    if first is None or first.cell_type != "raw" or not first.source.strip().startswith("---"):
        raise BuildError(f"{where}: the first cell must be a raw cell with YAML front matter")
    shortcode = ANY_SHORTCODE.search(first.source)
    if shortcode:
        raise BuildError(f"{where}: front matter has the shortcode {shortcode.group(0)!r}; Quarto cannot expand "
                         "shortcodes there: put the value in the page body")
    return yaml.safe_load(first.source.strip().strip("-")) or {}


def _output_blocks(output: dict[str, Any], where: str) -> list[str]:
    kind = output.get("output_type")
    if kind == "error":
        raise BuildError(f"{where}: {output.get('ename')}: {output.get('evalue')}")
    if kind == "stream":
        return [] if output.get("name") == "stderr" else ["<pre class=\"gm-output\">" + html.escape(output["text"]) + "</pre>"]
    data = output.get("data", {})
    if "text/html" in data:
        return [data["text/html"]]
    if "text/markdown" in data:
        return [data["text/markdown"]]  # markdown passes through pandoc
    if "image/svg+xml" in data:
        return [data["image/svg+xml"]]
    if "image/png" in data:
        return [f'<img alt="" src="data:image/png;base64,{data["image/png"]}">']
    if "text/plain" in data:
        return ["<pre class=\"gm-output\">" + html.escape(data["text/plain"]) + "</pre>"]
    return []


def notebook_markdown(nb: NotebookNode, variables: dict[str, Any], where: str,
                      echo_default: bool = False) -> str:
    """Pandoc markdown for one executed notebook: prose with vars substituted, outputs as raw HTML."""
    blocks: list[str] = []
    for index, cell in enumerate(nb.cells[1:], start=1):
        here = f"{where}: cell {index}"
        if cell.cell_type == "markdown":
            blocks.append(substitute_variables(cell.source, variables, here))
        elif cell.cell_type == "raw":
            fmt = cell.get("metadata", {}).get("format", "")
            if "html" in fmt:
                blocks.append("```{=html}\n" + cell.source + "\n```")
        elif cell.cell_type == "code":
            options = cell_options(cell.source)
            if options.get("include") is False:
                continue
            if options.get("echo", echo_default):
                blocks.append("```python\n" + cell.source + "\n```")
            if options.get("output", True) is False:
                continue
            for output in cell.get("outputs", []):
                for block in _output_blocks(output, here):
                    is_markdown = "text/markdown" in output.get("data", {}) and "text/html" not in output.get("data", {})
                    blocks.append(block if is_markdown else "```{=html}\n" + block + "\n```")
    return "\n\n".join(blocks) + "\n"


def _href(target: str, prefix: str) -> str:
    return prefix + re.sub(r"\.(ipynb|qmd)$", ".html", target)


def navbar_html(config: dict[str, Any], page: Page) -> str:
    """The site navigation from website.navbar in _quarto.yml, with the current page marked."""
    prefix = page.root_prefix
    current = page.source.as_posix()

    def link(item: dict[str, Any]) -> str:
        here = ' aria-current="page"' if item["href"] == current else ""
        return f'<a href="{_href(item["href"], prefix)}"{here}>{html.escape(item["text"])}</a>'

    parts = []
    for item in config["website"]["navbar"]["left"]:
        if "menu" in item:
            current_class = ' class="current"' if any(sub["href"] == current for sub in item["menu"]) else ""
            inner = "".join(f"<li>{link(sub)}</li>" for sub in item["menu"])
            parts.append(f'<li class="gm-menu"><details><summary{current_class}>{html.escape(item["text"])}</summary>'
                         f"<ul>{inner}</ul></details></li>")
        else:
            parts.append(f"<li>{link(item)}</li>")
    return "<ul>" + "".join(parts) + "</ul>"


def citation_appendix(citation: dict[str, Any] | None, lang: str = "en") -> str:
    """Quarto's "Citation" appendix for a page with `citation:` front matter (author, year, title; BibTeX), in the
    page's language."""
    if not citation:
        return ""
    with using(lang):
        words = [tr("Citation"), tr("BibTeX citation:"), tr("For attribution, please cite this work as:")]
    authors = [a.get("name", {}).get("literal") if isinstance(a.get("name"), dict) else a.get("name")
               for a in citation.get("author", [])]
    year = str(citation.get("issued", ""))[:4]
    title = citation.get("title", "")
    key = re.sub(r"\W+", "_", (authors[0] if authors else "site").lower()) + year
    bibtex = (f"@online{{{key},\n  author = {{" + " and ".join(f"{{{a}}}" for a in authors) + "},\n"
              f"  title = {{{title}}},\n  date = {{{citation.get('issued', '')}}},\n  langid = {{{lang}}}\n}}")
    return (f"\n\n::: {{#quarto-citation .gm-citation-appendix}}\n## {words[0]} {{.appendix}}\n\n"
            f"{words[1]}\n\n```\n" + bibtex + f"\n```\n\n{words[2]}\n\n"
            f"{', '.join(authors)}. {year}. “{title}.”\n:::\n")


def _template_words(lang: str) -> list[str]:
    """The template's own words in the edition's language (Quarto takes them from its language files)."""
    with using(lang):
        words = {"skip": "Skip to content", "search-label": "Search this site", "search-placeholder": "Search",
                 "toggle": "Toggle dark mode", "toc-title": "On this page"}
        return [f"--variable={name}:{tr(text)}" for name, text in words.items()] + [
            f"--metadata=reference-section-title:{tr('References')}"]


def render_page(page: Page, executed: Path, config: dict[str, Any], variables: dict[str, Any], site: Path) -> Path:
    """Render one executed notebook into the edition's folder through pandoc and the page template."""
    where = page.source.as_posix()
    nb = read_notebook(executed)
    meta = front_matter(nb, where)
    body = notebook_markdown(nb, variables, where, bool(config.get("execute", {}).get("echo", False)))
    if meta.get("appendix-cite-as", True) is not False:  # Quarto's option: a page may cite itself in its own words
        body += citation_appendix(meta.get("citation"), page.lang)
    website = config["website"]
    document = "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=True) + "---\n\n" + body
    args = [
        "--standalone", "--toc", f"--toc-depth={config['format']['html'].get('toc-depth', 3)}",
        "--section-divs", f"--template={TEMPLATES / 'page.html'}", f"--lua-filter={TEMPLATES / 'preview.lua'}",
        "--citeproc", f"--bibliography={REPO_ROOT / config['bibliography']}",
        "--metadata=link-citations:true", "--wrap=none", *_template_words(page.lang),
        f"--variable=root:{page.root_prefix}", f"--variable=edition-root:{page.edition_root_prefix}",
        f"--variable=site-title:{website['title']}",
        f"--variable=nav:{navbar_html(config, page)}",
        f"--variable=footer:{html.escape(website.get('page-footer', {}).get('left', ''))}",
        f"--variable=lang:{config.get('lang', 'en')}",
    ]
    out = site / page.output
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(_pandoc(document, args, page.slug.replace("/", "__")), encoding="utf-8")
    return out


RENDERED_DIR = BUILD_DIR / "rendered"


def _pandoc(document: str, args: list[str], name: str) -> str:
    """The page pandoc makes of the document, reused while the document, arguments and template files are the same
    (a warm build then runs no pandoc at all)."""
    digest = hashlib.sha256("\0".join([document, *args]).encode())
    for path in (TEMPLATES / "page.html", TEMPLATES / "preview.lua", *(Path(a.split("=", 1)[1]) for a in args
                                                                      if a.startswith("--bibliography="))):
        digest.update(path.read_bytes())
    cached = RENDERED_DIR / f"{name}.{digest.hexdigest()[:32]}.html"
    if cached.exists():
        return cached.read_text(encoding="utf-8")
    for stale in RENDERED_DIR.glob(f"{name}.*.html"):  # one cached page per page
        stale.unlink()
    rendered = pypandoc.convert_text(document, "html5", format="markdown", extra_args=args)
    rendered = re.sub(r"<pre(?![^>]*tabindex)(?=[\s>])", '<pre tabindex="0"', rendered)  # scrollable code: keyboard-reachable
    RENDERED_DIR.mkdir(parents=True, exist_ok=True)
    partial = cached.with_suffix(".partial")
    partial.write_text(rendered, encoding="utf-8")
    partial.replace(cached)
    return rendered


def search_index(site: Path, pages_done: list[tuple[Page, Path]]) -> None:
    """A small search.json (title, section, text) for the preview's search box: the text of <main> without the
    charts' data, drawings, tables and embed snippets."""
    entries = []
    for page, path in pages_done:
        doc = parse(path.read_text(encoding="utf-8"))
        main = doc.find("main")
        for hidden in main.select("script, svg, details.gm-table, details.gm-embed") if main else []:
            hidden.decompose()
        plain = " ".join(main.get_text(" ").split()) if main else ""
        entries.append({"href": page.output.as_posix(), "title": doc.title.get_text() if doc.title else "",
                        "text": plain})
    (site / "search.json").write_text(json.dumps(entries, ensure_ascii=False, indent=0), encoding="utf-8")


def sitemap(site: Path, pages_done: list[tuple[Page, Path]]) -> None:
    """sitemap.xml of the site's pages from website.site-url, as Quarto writes it."""
    base = site_url()
    urls = "".join(f"<url><loc>{html.escape(base + page.output.as_posix())}</loc></url>\n" for page, _ in pages_done)
    (site / "sitemap.xml").write_text('<?xml version="1.0" encoding="UTF-8"?>\n'
                                      f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{urls}</urlset>\n',
                                      encoding="utf-8")


def copy_resources(config: dict[str, Any], site: Path) -> None:
    """Copy `project.resources` (globs) into the site, as Quarto does; a glob matching nothing is an error."""
    for pattern in (p.removeprefix("/") for p in config["project"].get("resources", [])):
        matches = sorted(REPO_ROOT.glob(pattern))
        if not matches and not pattern.startswith("assets/"):
            raise BuildError(f"_quarto.yml: resource {pattern!r} matches no file")
        for source in matches:
            target = site / source.relative_to(REPO_ROOT)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)


def render_site(executed: dict[Page, Path], site: Path, lang: str = "en") -> None:
    """Render one edition's pages into its own folder (as Quarto renders a profile), then copy the shared assets
    the template refers to (once, with the default edition: the others use the site root's)."""
    if site.exists():
        shutil.rmtree(site)
    site.mkdir(parents=True)
    config = quarto_config(lang)
    variables = load_variables(lang)
    with ThreadPoolExecutor(max_workers=4) as pool:  # pandoc runs as a subprocess, so threads overlap
        futures = [(page, pool.submit(render_page, page, path, config, variables, site)) for page, path in executed.items()]
        done = [(page, future.result()) for page, future in futures]
    if not edition_prefix(lang):
        (site / "assets").mkdir(exist_ok=True)
        for name in ("palette.css", "site.css", "favicon.svg"):
            shutil.copyfile(ASSETS_DIR / name, site / "assets" / name)
        for name in ("preview.css", "preview.js"):
            shutil.copyfile(TEMPLATES / name, site / "assets" / name)
        copy_resources(config, site)
    search_index(site, done)
    sitemap(site, done)
    print(f"preview: rendered {len(done)} {lang} pages into {site.relative_to(REPO_ROOT)}/")
