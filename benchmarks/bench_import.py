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


def _row(rng: random.Random, when: datetime) -> dict[str, object]:
    """One entry with every column filled as a real diary might be (the items beyond
    ESAS-r too: the wider rows are part of what an import costs)."""
    scales = [rng.randint(0, 10) for _ in range(9)]
    names = ("pain", "nausea", "fatigue", "appetite", "breathlessness", "drowsiness")
    row: dict[str, object] = dict(zip(names, scales, strict=False))
    row |= {"depression": scales[6], "anxiety": scales[7], "wellbeing": scales[8]}
    row |= {
        "recorded_at": when.isoformat(timespec="minutes"),
        "recorded_by": rng.choice(("patient", "carer")),
        "vomiting_episodes": rng.randint(0, 3),
        "weight_kg": round(rng.uniform(55, 70), 1),
        "temperature_c": round(rng.uniform(36.2, 37.4), 1),
        "itch": rng.randint(0, 3),
        "notes": rng.choice(("", "", "Tired today.", "Walked to the shop & back.")),
        "stools_above_usual": rng.randint(0, 3),
        "days_since_bowels_opened": rng.randint(0, 2),
        "mouth_sores": rng.randint(0, 2),
        "numbness": rng.randint(0, 1),
        "sore_hands_feet": rng.randint(0, 1),
        "abdominal_swelling": rng.randint(0, 1),
        "abdominal_girth_cm": rng.choice(("", round(rng.uniform(80, 95), 1))),
        "blood_glucose_mmol": rng.choice(("", "", round(rng.uniform(4.5, 12), 1))),
        "activity_level": rng.randint(0, 3),
    }
    for sign in ("yellow_eyes", "yellow_skin", "dark_urine", "pale_stools", "shivering"):
        row[sign] = "no"
    for sign in ("bleeding", "clot_signs", "confusion", "cannot_keep_fluids"):
        row[sign] = "no"
    return row


def write_csv(path: Path, days: int, seed: int = 3) -> Path:
    """``days`` days of two entries a day, every column filled as a real diary might be."""
    rng = random.Random(seed)
    start = datetime(2021, 7, 1, 9, 0)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_COLUMNS)
        for day in range(days):
            for hour in (0, 11):
                row = _row(rng, start + timedelta(days=day, hours=hour))
                writer.writerow([row.get(name, "") for name in CSV_COLUMNS])
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
