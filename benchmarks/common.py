"""Shared helpers for the benchmarks: median timings, generated diaries, the result table.

Absolute times on a shared machine are noise, so every figure is a ratio to a
floor: the same work done by the bare library, measured in the same run.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

DEMO_END = date(2026, 6, 30)
YEAR_DAYS = 365


@dataclass(frozen=True)
class Result:
    figure: str
    app: float
    floor: float
    budget: float
    unit: str = "s"  # seconds (printed as ms) or "MB"

    @property
    def ratio(self) -> float:
        return self.app / self.floor if self.floor else float("inf")

    @property
    def ok(self) -> bool:
        return self.ratio <= self.budget


def median_time(
    work: Callable[[], object], repeats: int = 5, setup: Callable[[], object] | None = None
) -> float:
    """Median wall time of ``work`` over ``repeats`` runs (``setup`` runs untimed before each)."""
    times = []
    for _ in range(repeats):
        if setup is not None:
            setup()
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def paired_median_times(
    app: Callable[[], object],
    floor: Callable[[], object],
    repeats: int = 9,
    setup: Callable[[str], object] | None = None,
) -> tuple[float, float]:
    """Median wall times of ``app`` and ``floor``, run turn about.

    Alternating keeps a burst of load on a shared machine from landing on one side
    only; ``setup("app")``/``setup("floor")`` runs untimed before each.
    """
    times: dict[str, list[float]] = {"app": [], "floor": []}
    for _ in range(repeats):
        for side, work in (("app", app), ("floor", floor)):
            if setup is not None:
                setup(side)
            start = time.perf_counter()
            work()
            times[side].append(time.perf_counter() - start)
    return statistics.median(times["app"]), statistics.median(times["floor"])


def median_process_time(
    command: list[str], repeats: int = 5, env: dict[str, str] | None = None
) -> float:
    """Median wall time of a whole process, from spawn to exit."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def make_diary(path: Path, years: int) -> Path:
    """A fictional diary of ``years`` years of daily entries (about 1.2 a day)."""
    from symptomlog.demo import fill_demo
    from symptomlog.store import Diary

    if path.exists():
        return path
    with Diary.open(path) as diary:
        fill_demo(diary, days=years * YEAR_DAYS + (1 if years >= 4 else 0), seed=11, end=DEMO_END)
    return path


def _amount(value: float, unit: str) -> str:
    return f"{value:.1f} {unit}" if unit == "MB" else f"{value * 1000:.1f} ms"


def print_table(results: list[Result], title: str = "symptomlog benchmarks") -> None:
    print(f"\n{title}")
    print(f"{'figure':<46}{'app':>11}{'floor':>11}{'ratio':>8}{'budget':>8}")
    for r in results:
        mark = "ok" if r.ok else "OVER"
        print(
            f"{r.figure:<46}{_amount(r.app, r.unit):>11}{_amount(r.floor, r.unit):>11}"
            f"{r.ratio:>8.2f}{r.budget:>8.2f}  {mark}"
        )


def exit_code(results: list[Result]) -> int:
    return 0 if all(r.ok for r in results) else 1


def compile_sources() -> None:
    """Write the project's bytecode before timing, as an installed wheel or bundle has it.

    The floor's libraries (PySide6, SQLAlchemy) were compiled when pip installed them;
    an editable install under ``PYTHONDONTWRITEBYTECODE=1`` would otherwise compile the
    project's 150 modules from source on every start and charge that to the app.
    """
    import compileall

    compileall.compile_dir(str(Path(__file__).parent.parent / "src" / "symptomlog"), quiet=1)


def child_env(folder: Path) -> dict[str, str]:
    """The environment for a measured process: off screen, and with settings and data
    folders of its own, so what a developer last left open cannot change the figure."""
    compile_sources()
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(folder / "config"),
        "XDG_DATA_HOME": str(folder / "data"),
    }


def python() -> str:
    return sys.executable
