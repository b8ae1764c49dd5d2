"""Page modules: chart and calculation functions for one page each.

A page module may define ``variables(data_dir) -> dict`` returning ``{"<page_key>": {...}}``;
:mod:`greenmfg.variables` discovers it and merges the result into ``_variables.yml``.
"""
