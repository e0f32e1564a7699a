"""CSV import of five years (1,826 days, two entries a day) against csv + sqlite3 executemany.

The floor reads the same file with the ``csv`` module and inserts the rows into a
table of the same columns with ``executemany`` in one transaction, with the
diary's own journal and synchronous settings. Budget: 3x.
Run from the repository root: python -m benchmarks.bench_import
"""

from __future__ import annotations

import csv
import random
import sqlite3
import sys
import tempfile
from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path

from benchmarks.common import Result, exit_code, paired_median_times, print_table
from symptomlog.domain.fields import CSV_COLUMNS

BUDGET = 3.0


def write_csv(path: Path, days: int, seed: int = 3) -> Path:
    """``days`` days of two entries a day, every column filled as a real diary might be."""
    rng = random.Random(seed)
    start = datetime(2021, 7, 1, 9, 0)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_COLUMNS)
        for day in range(days):
            for hour in (0, 11):
                when = start + timedelta(days=day, hours=hour)
                scales = [rng.randint(0, 10) for _ in range(9)]
                writer.writerow(
                    [
                        when.isoformat(timespec="minutes"),
                        rng.choice(("patient", "carer")),
                        "",
                        scales[0],
                        scales[1],
                        rng.randint(0, 3),
                        *scales[2:],
                        round(rng.uniform(55, 70), 1),
                        round(rng.uniform(36.2, 37.4), 1),
                        "no",
                        "no",
                        rng.randint(0, 3),
                        "no",
                        "no",
                        rng.choice(("", "", "Tired today.", "Walked to the shop & back.")),
                    ]
                )
    return path


def floor_import(path: Path, db: Path) -> None:
    with closing(sqlite3.connect(db, isolation_level=None)) as conn:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"CREATE TABLE IF NOT EXISTS entries ({', '.join(CSV_COLUMNS)})")
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.reader(handle)
            next(reader)
            rows = list(reader)
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(f"INSERT INTO entries VALUES ({', '.join('?' * len(CSV_COLUMNS))})", rows)
        conn.execute("COMMIT")


def app_import(path: Path, db: Path) -> None:
    from symptomlog.exchange.transfer import import_file
    from symptomlog.store import Diary

    with Diary.open(db, backup=False) as diary:  # the daily backup is not part of an import
        import_file(diary, path)


def run(days: int = 1826, repeats: int = 9) -> Result:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        source = write_csv(work / "five-years.csv", days)
        counter = iter(range(10_000))
        targets: dict[str, Path] = {}

        def fresh(kind: str) -> None:
            targets[kind] = work / f"{kind}-{next(counter)}.sqlite3"
            if kind == "app":  # the diary is created (and migrated) before the clock starts
                from symptomlog.store import Diary

                Diary.open(targets[kind]).close()

        app_import(source, work / "warm.sqlite3")  # imports and caches warm
        app, floor = paired_median_times(
            lambda: app_import(source, targets["app"]),
            lambda: floor_import(source, targets["floor"]),
            repeats,
            fresh,
        )
    return Result(f"CSV import, {days} days x 2 entries", app, floor, BUDGET)


if __name__ == "__main__":
    result = run()
    print_table([result])
    sys.exit(exit_code([result]))
