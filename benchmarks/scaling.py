"""How the app's own times grow with the diary: 1, 5 and 10 years.

A figure may not grow faster than the diary: going from 1 to 5 years may cost
at most 5x, from 5 to 10 at most 2x.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from benchmarks.common import child_env, make_diary, median_process_time, median_time

YEARS = (1, 5, 10)


def _import_time(diary: Path, work: Path) -> float:
    from symptomlog.exchange.transfer import export_file, import_file
    from symptomlog.store import Diary

    source = work / f"{diary.stem}.csv"
    with Diary.open(diary) as opened:
        export_file(opened, "csv", str(source))
    counter = iter(range(1000))

    def once() -> None:
        with Diary.open(work / f"import-{diary.stem}-{next(counter)}.sqlite3") as target:
            import_file(target, source)

    return median_time(once, 3)


def _startup_time(diary: Path, work: Path) -> float:
    command = [
        sys.executable,
        "-m",
        "symptomlog",
        "--db",
        str(diary),
        "--view",
        "today",
        "--screenshot",
        str(work / "s.png"),
    ]
    env = child_env(work)
    median_process_time(command, 1, env)
    return median_process_time(command, 3, env)


def _chart_time(diary: Path, work: Path) -> float:
    from symptomlog.store import Diary

    try:
        from symptomlog.charts import symptom_chart
    except ImportError:
        return float("nan")
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from symptomlog.analysis.daily import daily_values

    with Diary.open(diary) as opened:
        entries, cycles = opened.entries.between(), opened.cycles.all()
    first, last = entries[0].recorded_at.date(), entries[-1].recorded_at.date()

    def once() -> None:
        FigureCanvasAgg(symptom_chart(daily_values(entries), cycles, first, last)).draw()

    return median_time(once, 3)


def _report_time(diary: Path, work: Path) -> float:
    try:
        from symptomlog.report import build_report
    except ImportError:
        return float("nan")
    from symptomlog.store import Diary

    with Diary.open(diary) as opened:
        first, last = opened.entries.date_range()  # type: ignore[misc]
        return median_time(lambda: build_report(opened, work / "r.pdf", first, last), 3)


FIGURES: dict[str, Callable[[Path, Path], float]] = {
    "CSV import (whole diary)": _import_time,
    "symptom chart (whole diary)": _chart_time,
    "PDF report (whole diary)": _report_time,
    "cold start to Today": _startup_time,
}


def print_scaling() -> bool:
    ok = True
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        diaries = {y: make_diary(work / f"{y}y.sqlite3", y) for y in YEARS}
        print(f"\nscaling{'':<33}" + "".join(f"{y:>8}y" for y in YEARS) + "  growth")
        for label, measure in FIGURES.items():
            times = [measure(diaries[y], work) for y in YEARS]
            steps = [
                (times[i + 1] / times[i]) / (YEARS[i + 1] / YEARS[i]) for i in range(len(YEARS) - 1)
            ]
            linear = all(s <= 1.0 for s in steps if s == s)
            ok = ok and linear
            cells = "".join(f"{t:>8.3f}s" for t in times)
            verdict = "at most linear" if linear else "WORSE THAN LINEAR"
            print(f"{label:<40}{cells}  {verdict}")
    return ok
