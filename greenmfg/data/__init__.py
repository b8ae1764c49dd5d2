"""Stage 1, the sourced data: load the tables under ``data/``, validate them, compute verdicts and package them."""
