"""`make check-html`: the Nu HTML Checker over built sites. An error from our markup fails; errors Quarto's own
markup makes and its runtime relies on are listed apart, each with the Quarto issue that covers it.

The checker is npm's `vnu-jar` (installed into .build/vnu/ on first use) run with the machine's Java.
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from greenmfg.paths import BUILD_DIR, SITE_DIR

VNU_VERSION = "26.9.27"
VNU_DIR = BUILD_DIR / "vnu"
VNU_JAR = VNU_DIR / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# Quarto's light/dark switch finds its stylesheets as link#quarto-bootstrap and link#quarto-text-highlighting-styles,
# one id on two or three <link>s; renaming them would break the switch.
QUARTO_LEFTOVERS = {
    re.compile(r"Duplicate ID “quarto-(?:bootstrap|text-highlighting-styles)”"): "quarto-dev/quarto-cli#8095",
}


def unavailable() -> str | None:
    """Why the checker cannot run here, or None."""
    if not shutil.which("java"):
        return "the Nu HTML Checker needs Java (apt-get install default-jre-headless)"
    if not VNU_JAR.exists() and not shutil.which("npm"):
        return "the Nu HTML Checker comes from npm (vnu-jar), and npm is not installed"
    return None


def ensure_vnu() -> Path:
    if not VNU_JAR.exists():
        VNU_DIR.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--silent", "--prefix", str(VNU_DIR), f"vnu-jar@{VNU_VERSION}"], check=True)
    return VNU_JAR


def messages(site: Path) -> list[dict]:
    """Every message the checker has for the site's HTML files, each with the file relative to the site."""
    run = subprocess.run(["java", "-jar", str(ensure_vnu()), "--format", "json", "--skip-non-html", str(site)],
                         capture_output=True, text=True)
    found = json.loads(run.stderr or '{"messages": []}')["messages"]
    return [{**m, "file": m.get("url", "").split(str(site.resolve()) + "/", 1)[-1]} for m in found]


def quarto_issue(message: dict) -> str | None:
    """The Quarto issue behind an error of Quarto's own markup, or None for an error of ours."""
    return next((issue for pattern, issue in QUARTO_LEFTOVERS.items() if pattern.search(message["message"])), None)


def errors(site: Path) -> tuple[list[dict], list[dict]]:
    """The site's errors: (ours, Quarto's known leftovers)."""
    found = [m for m in messages(site) if m["type"] == "error"]
    return [m for m in found if not quarto_issue(m)], [m for m in found if quarto_issue(m)]


def describe(message: dict) -> str:
    return f"{message['file']}:{message.get('lastLine', '?')}: {message['message']}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m greenmfg.site.check_html", description=__doc__.splitlines()[0])
    parser.add_argument("sites", nargs="*", type=Path, default=[SITE_DIR])
    args = parser.parse_args(argv)
    reason = unavailable()
    if reason:
        print(f"check-html skipped: {reason}")
        return 0
    failed = False
    for site in args.sites:
        ours, quartos = errors(site)
        print(f"{site}: {len(ours)} error(s) from our markup, {len(quartos)} from Quarto's own markup "
              f"({', '.join(sorted({quarto_issue(m) for m in quartos})) or 'none'})")
        for message in ours:
            print("  " + describe(message))
        failed |= bool(ours)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
