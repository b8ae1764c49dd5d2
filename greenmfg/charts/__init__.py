"""Stage 3, the charts: the site theme, chart cards (source line, CSV, export, embed) and tooltips."""
