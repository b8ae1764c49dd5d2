"""Stage 4, the site: execute pages, render with Quarto or the preview renderer, place each edition and its embeds."""
