"""Post-render: finish a rendered edition where it was rendered, then place it in the site.

Both renderers end here (Quarto through its post-render hook, `python -m greenmfg.site.build post-render`). Finishing
happens in the edition's own output folder, which `quarto preview` serves, so a preview shows finished pages.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from greenmfg.charts.cards import edition_cards
from greenmfg.data import csvfiles
from greenmfg.pages.project import BuildError, editions, pages, site_url
from greenmfg.paths import ASSETS_DIR, SITE_DIR
from greenmfg.site.editions import (
    add_language_links,
    edition_dir,
    link_sitemap,
    place,
    show_other_editions,
    write_robots,
)
from greenmfg.site.embed import write_embed_pages
from greenmfg.site.html_edit import (
    css_third_party_refs,
    edited,
    lighten_quarto_head,
    name_quarto_search,
    strip_third_party,
    third_party_refs,
    tidy_quarto_markup,
)


def write_chart_csvs(site: Path, lang: str) -> int:
    """Write each card of the edition to <edition>/chart-data/<id>.csv from its card file: headers in the edition's
    language, UTF-8 with a byte-order mark so that Excel (Chinese Windows included) opens it as UTF-8."""
    import csv
    import io

    out_dir = edition_dir(lang, site) / "chart-data"
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    cards = edition_cards(lang)
    for card in cards:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(card["headers"])
        writer.writerows(["" if v is None else v for v in row] for row in card["rows"])
        csvfiles.write(out_dir / f"{card['id']}.csv", buffer.getvalue())  # with the mark, as the data package
    return len(cards)


def finish_edition(folder: Path, lang: str, rendered: set[Path] | None = None) -> list[str]:
    """Parse each HTML file of a rendered edition once (only the ``rendered`` pages' when a render did not render
    all, as `quarto preview` does after an edit): strip third-party tags, tidy Quarto's invalid markup, add language
    links to pages; return anything in HTML or CSS still loading from elsewhere."""
    root = edition_dir(lang, folder)
    # The root edition's folder holds the other editions' folders, which are not its files.
    others = [edition_dir(o, folder) for o in editions() if root in edition_dir(o, folder).parents]
    by_path = {folder / p.output: p for p in pages(lang)}
    offenders = []
    for path in sorted(root.rglob("*")):
        if path.suffix not in (".html", ".css") or not path.is_file() or any(o in path.parents for o in others):
            continue
        if rendered is not None and path.suffix == ".html" and path.resolve() not in rendered:
            continue
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".css":
            offenders.extend(f"{path.relative_to(folder)}: {ref}" for ref in css_third_party_refs(text))
            continue
        rel, page = path.relative_to(folder).as_posix(), by_path.get(path)

        def finish(doc, rel=rel, page=page) -> bool:  # noqa: ANN001 - a parsed page
            strip_third_party(doc)
            tidy_quarto_markup(doc)
            lighten_quarto_head(doc)
            name_quarto_search(doc)
            if page is not None:
                add_language_links(page, doc)
            found = [f"{rel}: {ref}" for ref in third_party_refs(doc)]
            offenders.extend(found)
            return not found

        finished = edited(text, f"finish {lang} {rel} {page is not None} {site_url()}", finish)
        if finished != text:
            path.write_text(finished, encoding="utf-8")
    return offenders


def post_render(lang: str, staging: Path, site: Path = SITE_DIR, rendered: set[Path] | None = None) -> None:
    """Finish the rendered edition where it was rendered (strip third-party tags and prove none remain, language
    links, chart runtime, chart CSVs and embed pages from the card files), then place it in the site.

    Finishing the staging folder itself means `quarto preview`, which serves that folder, shows the finished pages.
    ``rendered``: the pages a partial render wrote (the other pages were finished when they were rendered)."""
    if not staging.is_dir():
        raise BuildError(f"{staging}: the {lang} edition was not rendered")
    (staging / "assets").mkdir(parents=True, exist_ok=True)
    for name in ("gm-charts.mjs", "vega.mjs"):
        shutil.copyfile(ASSETS_DIR / name, staging / "assets" / name)
    offenders = finish_edition(staging, lang, rendered)
    if offenders:
        raise BuildError("third-party hosts remain in the site:\n  " + "\n  ".join(offenders))
    charts = write_chart_csvs(staging, lang)
    embeds = write_embed_pages(staging, lang)
    place(lang, staging, site)
    link_sitemap(lang, site)
    write_robots(site)
    show_other_editions(lang, staging, site)
    print(f"post-render ({lang}): {charts} chart CSVs, {embeds} embed pages, language links on {len(pages(lang))} "
          "pages; no third-party host in HTML or CSS")
