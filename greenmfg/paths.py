"""Where things live in the repository; every other module asks here instead of guessing."""
from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA_DIR = REPO_ROOT / "data"
SITE_DIR = REPO_ROOT / "_site"
BUILD_DIR = REPO_ROOT / ".build"
ASSETS_DIR = REPO_ROOT / "assets"


def data_dir(override: str | os.PathLike | None = None) -> Path:
    """The data directory to read: an explicit argument, else $GREENMFG_DATA, else ./data."""
    if override is not None:
        return Path(override)
    env = os.environ.get("GREENMFG_DATA")
    return Path(env) if env else DEFAULT_DATA_DIR
