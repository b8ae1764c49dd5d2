"""Build scripts that turn the research leads in data/raw/ into the tables in data/processed/."""
