"""Crash safety: the command line is killed (SIGKILL) at random moments, many times.

After every kill the diary must pass ``PRAGMA integrity_check``, every save that
was acknowledged must be there, and an interrupted import must have left nothing.
``KILL_ROUNDS`` (environment) raises the number of rounds for a longer run.
"""

from __future__ import annotations

import csv
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from symptomlog.domain.fields import CSV_COLUMNS
from symptomlog.store import Diary

ROUNDS = int(os.environ.get("KILL_ROUNDS", "8"))
ROWS = 3652  # five years, two a day: an import long enough to be killed half-way


def integrity_and_count(path: Path) -> tuple[str, int]:
    with closing(sqlite3.connect(path)) as conn:
        result = conn.execute("PRAGMA integrity_check").fetchone()[0]
        count = conn.execute("SELECT count(*) FROM entries").fetchone()[0]
    return result, count


@pytest.fixture
def empty_diary(tmp_path: Path) -> Path:
    path = tmp_path / "template.sqlite3"
    Diary.open(path).close()
    return path


def write_csv(path: Path) -> Path:
    start = datetime(2024, 1, 1, 9)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_COLUMNS)
        for i in range(ROWS):
            row = dict.fromkeys(CSV_COLUMNS, "")
            row.update(
                recorded_at=(start + timedelta(hours=12 * i)).isoformat(timespec="minutes"),
                recorded_by="patient",
                pain=str(i % 11),
                nausea=str((i * 3) % 11),
                weight_kg=f"{60 + (i % 50) / 10:.1f}",
                notes=f"row {i}",
            )
            writer.writerow([row[c] for c in CSV_COLUMNS])
    return path


def test_killing_an_import_leaves_all_or_nothing(empty_diary: Path, tmp_path: Path) -> None:
    source = write_csv(tmp_path / "two-years.csv")
    rng = random.Random(20261125)
    killed = completed = 0
    for round_ in range(ROUNDS):
        diary = tmp_path / f"import-{round_}.sqlite3"
        shutil.copy(empty_diary, diary)
        process = subprocess.Popen(
            [sys.executable, "-m", "symptomlog", "--db", str(diary), "import", str(source)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.3, 2.0))
        process.send_signal(signal.SIGKILL)
        code = process.wait()
        integrity, count = integrity_and_count(diary)
        assert integrity == "ok", (round_, integrity)
        if code == 0:
            completed += 1
            assert count == ROWS
        else:
            killed += 1
            assert count in (0, ROWS), (round_, count)  # never a partial import
    assert killed >= 1  # the kills did land during imports
    print(f"imports: {killed} killed (nothing left behind), {completed} finished first")


ADDER = """
import sys
from datetime import datetime, timedelta
from symptomlog.cli import main
db, start = sys.argv[1], datetime(2025, 1, 1, 9)
for i in range(100000):
    when = (start + timedelta(minutes=i)).isoformat(timespec="minutes")
    if main(["--db", db, "add", "--when", when, "--pain", str(i % 11), "--note", f"add {i}"]) != 0:
        sys.exit(3)
    print("ACK", i, flush=True)  # acknowledged: the add returned after its commit
"""


def test_killing_a_run_of_single_adds_loses_no_acknowledged_save(
    empty_diary: Path, tmp_path: Path
) -> None:
    rng = random.Random(7)
    total_acknowledged = in_flight = 0
    for round_ in range(ROUNDS):
        diary = tmp_path / f"adds-{round_}.sqlite3"
        shutil.copy(empty_diary, diary)
        process = subprocess.Popen(
            [sys.executable, "-c", ADDER, str(diary)],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert process.stdout is not None
        first = process.stdout.readline()  # going: on a loaded machine the start takes seconds
        time.sleep(rng.uniform(0.0, 1.2))
        process.send_signal(signal.SIGKILL)
        rest, _ = process.communicate()
        output = first + rest
        acknowledged = {
            int(line.split()[1]) for line in output.splitlines() if line.startswith("ACK ")
        }
        assert acknowledged, "the adder never got going before the kill"
        integrity, count = integrity_and_count(diary)
        assert integrity == "ok"
        with closing(sqlite3.connect(diary)) as conn:
            stored = {int(note.split()[1]) for (note,) in conn.execute("SELECT notes FROM entries")}
        assert acknowledged <= stored, sorted(acknowledged - stored)[:5]
        assert len(stored) - len(acknowledged) <= 1  # at most the one in flight at the kill
        assert count == len(stored)
        total_acknowledged += len(acknowledged)
        in_flight += len(stored) - len(acknowledged)
    print(
        f"adds: {ROUNDS} kills, {total_acknowledged} acknowledged saves all present, "
        f"{in_flight} saved in the instant before the kill"
    )
