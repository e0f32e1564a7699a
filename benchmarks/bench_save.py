"""Saving one entry into a five-year diary against a bare sqlite3 INSERT + COMMIT.

Both use WAL and synchronous=FULL, so both wait for the disk the same way; the
ratio shows what the service layer (validation, session, ORM) adds. Budget: 2x.
Run from the repository root: python -m benchmarks.bench_save
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
from contextlib import closing
from datetime import datetime, timedelta
from itertools import count
from pathlib import Path

from benchmarks.common import Result, exit_code, make_diary, paired_median_times, print_table

BUDGET = 2.0


def run(repeats: int = 41) -> Result:
    from symptomlog.domain import Entry
    from symptomlog.store import Diary

    with tempfile.TemporaryDirectory() as folder:
        path = make_diary(Path(folder) / "five-years.sqlite3", years=5)
        minutes = count()
        start = datetime(2020, 1, 1, 3, 0)
        with (
            Diary.open(path) as diary,
            closing(sqlite3.connect(path, isolation_level=None)) as conn,
        ):
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")

            def app() -> None:
                when = start + timedelta(minutes=next(minutes))
                diary.entries.add(Entry(when, pain=3, nausea=2, weight_kg=60.5, notes="ok"))

            def floor() -> None:
                when = start + timedelta(minutes=next(minutes))
                conn.execute("BEGIN IMMEDIATE")
                conn.execute(
                    "INSERT INTO entries (recorded_at, recorded_by, pain, nausea, weight_kg, notes,"
                    " fingerprint, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (when.isoformat(" "), "patient", 3, 2, 60.5, "ok", "x", when, when),
                )
                conn.execute("COMMIT")

            app()  # first use: statement compiled and cached, as after any first save
            floor()
            # Turn about, into the same diary and the same write-ahead log, so both
            # pay alike for the log growing and for SQLite's checkpoints.
            app_time, floor_time = paired_median_times(app, floor, repeats)
    return Result("save one entry into a 5-year diary", app_time, floor_time, BUDGET)


if __name__ == "__main__":
    result = run()
    print_table([result])
    sys.exit(exit_code([result]))
