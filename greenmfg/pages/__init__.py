"""Stage 2, the pages: the site map (``project``), one package per page with its chart and calculation functions,
and the values its prose shows (``variables``, ``values``, ``notebook``).

A page module may define ``variables(data_dir) -> dict`` returning ``{"<page_key>": {...}}``;
:mod:`greenmfg.pages.variables` discovers it and merges the result into ``_variables.yml``.
"""
