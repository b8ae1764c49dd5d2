"""processed/release_schedule.csv: per context series, who publishes the next figure, how often and in which months
of the year it usually appears (curated/release_schedule.yaml); the site words it as a schedule, never a forecast."""
from __future__ import annotations

import sys

from data.steps.common import curated, run

TABLE = "release_schedule"


def rows() -> list[dict]:
    """One row per series_id (sorted), with the fields of the schedule it points at."""
    entries = curated("release_schedule")["series"]
    return [{"series_id": series_id, "publisher": entry["publisher"], "cadence": entry["cadence"],
             "release_month_first": entry.get("release_month_first", ""),
             "release_month_last": entry.get("release_month_last", ""), "schedule_note": entry["note"]}
            for series_id, entry in sorted(entries.items())]


def main() -> int:
    """Write (or --check) the table."""
    return run(TABLE, rows)


if __name__ == "__main__":
    sys.exit(main())
