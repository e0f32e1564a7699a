"""Cold start, as a whole process, to the Today view shown with its data (5-year diary).

App: ``symptomlog --db DIARY --view today --screenshot out.png``.
Floor: ``benchmarks/floor_start.py`` — a bare QMainWindow showing a row count read
through SQLAlchemy's ORM, saved to PNG the same way. Budget: 1.5x.
Run from the repository root: python -m benchmarks.bench_startup
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from benchmarks.common import (
    Result,
    child_env,
    exit_code,
    make_diary,
    median_process_time,
    print_table,
)

BUDGET = 1.5
FLOOR = Path(__file__).with_name("floor_start.py")


def run(years: int = 5, repeats: int = 5) -> Result:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        diary = make_diary(work / f"{years}y.sqlite3", years)
        png = work / "out.png"
        app_cmd = [
            sys.executable,
            "-m",
            "symptomlog",
            "--db",
            str(diary),
            "--view",
            "today",
            "--screenshot",
            str(png),
        ]
        floor_cmd = [sys.executable, str(FLOOR), str(diary), str(png)]
        env = child_env(work)
        median_process_time(app_cmd, 1, env)  # the first run pays for the daily backup
        median_process_time(floor_cmd, 1, env)
        app = median_process_time(app_cmd, repeats, env)
        floor = median_process_time(floor_cmd, repeats, env)
    return Result(f"cold start to Today, {years}-year diary", app, floor, BUDGET)


if __name__ == "__main__":
    result = run()
    print_table([result])
    sys.exit(exit_code([result]))
