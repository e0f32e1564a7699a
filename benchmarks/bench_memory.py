"""Peak memory of the window with a five-year diary after visiting every view, against
a bare PySide6 window showing one matplotlib canvas after reading the same diary's
entries through the SQLAlchemy ORM (the floor decided in issue 21). Budget: 1.5x.

Each side is its own process (``memory_app``, ``memory_floor``) that prints its
own peak resident set size (``VmHWM``, see ``peak.py``) as it ends. Median of
several runs.
Run from the repository root: python -m benchmarks.bench_memory
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.common import Result, child_env, exit_code, make_diary, print_table

BUDGET = 1.5
ROOT = Path(__file__).parent.parent


def peak_rss_mb(module: str, *args: str, env: dict[str, str]) -> float:
    """Run ``python -m module args`` to its end; return the peak it printed, in MB."""
    command = [sys.executable, "-m", module, *args]
    result = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result.stderr}")
    return float(result.stdout.split()[-1])


def run(years: int = 5, repeats: int = 3) -> Result:
    with tempfile.TemporaryDirectory() as folder:
        diary = make_diary(Path(folder) / f"{years}y.sqlite3", years)
        env = child_env(Path(folder))
        app, floor = [], []
        for _ in range(repeats):
            app.append(peak_rss_mb("benchmarks.memory_app", str(diary), env=env))
            floor.append(peak_rss_mb("benchmarks.memory_floor", str(diary), env=env))
    return Result(
        f"peak memory, every view, {years}-year diary (floor: Qt + canvas + ORM read)",
        statistics.median(app),
        statistics.median(floor),
        BUDGET,
        unit="MB",
    )


if __name__ == "__main__":
    result = run()
    print_table([result])
    sys.exit(exit_code([result]))
