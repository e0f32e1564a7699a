"""The window's longest freeze during the actions a person takes (issue 21): budget 100 ms.

Measured in a child process (``freeze_app``) by a 10 ms heartbeat on the window's
thread. The floor is the same heartbeat on the same window doing nothing: the gap
the machine itself causes. The figure reported is the worst action; each action's
own figure is printed below the table.
Run from the repository root: python -m benchmarks.bench_freeze
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.common import Result, child_env, exit_code, make_diary, print_table

BUDGET_S = 0.100
ROOT = Path(__file__).parent.parent


def freezes(diary: Path, csv: Path, empty: Path, env: dict[str, str]) -> dict[str, float]:
    command = [sys.executable, "-m", "benchmarks.freeze_app", str(diary), str(csv), str(empty)]
    result = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result.stderr}")
    found = {}
    for line in result.stdout.splitlines():
        name, _, seconds = line.partition("\t")
        if seconds:
            found[name] = float(seconds)
    return found


def run(years: int = 5) -> Result:
    with tempfile.TemporaryDirectory() as folder:
        diary = make_diary(Path(folder) / f"{years}y.sqlite3", years)
        csv = Path(folder) / "import.csv"
        from symptomlog.exchange.transfer import export_file
        from symptomlog.store import Diary

        with Diary.open(diary, backup=False) as source:
            export_file(source, "csv", str(csv))
        empty = Path(folder) / "target.sqlite3"
        Diary.open(empty).close()
        found = freezes(diary, csv, empty, child_env(Path(folder)))
    for name, seconds in found.items():
        mark = "ok" if seconds <= BUDGET_S else "OVER"
        print(f"  freeze: {name:<34}{seconds * 1000:8.0f} ms  {mark}", file=sys.stderr)
    worst = max(found.values())
    return Result("longest window freeze (worst action)", worst, BUDGET_S, 1.0, unit="s")


if __name__ == "__main__":
    result = run()
    print_table([result])
    sys.exit(exit_code([result]))
