"""processed/release_schedule.csv: per context series, who publishes the next figure, how often and in which months
of the year it usually appears (curated/release_schedule.yaml); the site words it as a schedule, never a forecast."""
from __future__ import annotations

import sys

from data.steps.common import curated, run
from data.steps.sources import SourceError, publisher_hosts

TABLE = "release_schedule"


def rows() -> list[dict]:
    """One row per series_id (sorted), with the fields of the schedule it points at."""
    entries = curated("release_schedule")["series"]
    for series_id, entry in entries.items():
        unknown = [pid for pid in entry["publisher_ids"] if pid not in publisher_hosts()]
        if unknown:
            raise SourceError(f"curated/release_schedule.yaml: series '{series_id}': column 'publisher_ids': unknown "
                              f"publisher ids {unknown} (not in curated/publishers.yaml)")
    return [{"series_id": series_id, "publisher_ids": " ".join(entry["publisher_ids"]), "release": entry.get("release", ""),
             "release_zh": entry.get("release_zh", ""), "cadence": entry["cadence"],
             "release_month_first": entry.get("release_month_first", ""),
             "release_month_last": entry.get("release_month_last", ""), "schedule_note": entry["note"]}
            for series_id, entry in sorted(entries.items())]


def main() -> int:
    """Write (or --check) the table."""
    return run(TABLE, rows)


if __name__ == "__main__":
    sys.exit(main())
