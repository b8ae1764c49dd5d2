"""Loaders return typed DataFrames and refuse bad input with file/row/column messages."""
from __future__ import annotations

import shutil

import pandas as pd
import pytest

from greenmfg.data import csvfiles, loaders
from greenmfg.data.data_tables import DataValidationError
from greenmfg.paths import DEFAULT_DATA_DIR


@pytest.mark.parametrize("name", ["policy_document", "policy_targets", "claims", "context_series", "glossary", "article_paragraphs"])
def test_loaders_return_typed_frames(name):
    df = getattr(loaders, f"load_{name}")()
    assert len(df) > 0
    for col in df.columns:
        assert df[col].dtype in ("float64", "Int64") or pd.api.types.is_string_dtype(df[col]), (name, col, df[col].dtype)
        if pd.api.types.is_string_dtype(df[col]):
            assert not df[col].isna().any()


def test_types():
    cs = loaders.load_context_series()
    assert cs["value"].dtype == "float64" and str(cs["year"].dtype) == "Int64"
    t = loaders.load_policy_targets()
    assert str(t["baseline_year"].dtype) == "Int64" and t["baseline_value"].dtype == "float64"


def test_series_sorted_by_year():
    s = loaders.series("nev_sales")
    assert s["year"].is_monotonic_increasing and set(s["unit"]) == {"万辆"}


def test_env_var_selects_data_dir(tmp_path, monkeypatch):
    dst = tmp_path / "d"
    shutil.copytree(DEFAULT_DATA_DIR, dst)
    p = dst / "processed" / "glossary.csv"
    lines = csvfiles.read_text(p).split("\n")
    lines[2] = lines[2].replace(",overview", ",somewhere", 1) if ",overview" in lines[2] else lines[2] + "x"
    csvfiles.write(p, "\n".join(lines))
    monkeypatch.setenv("GREENMFG_DATA", str(dst))
    with pytest.raises(DataValidationError) as e:
        loaders.load_glossary()
    assert "processed/glossary.csv: row 3: column '" in str(e.value)
