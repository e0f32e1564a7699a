"""Redrawing the symptom chart for five years against the same points in a bare Agg figure.

App: daily values from the entries, then ``symptom_chart`` (cycle bands, drug-day
ticks, three symptoms with carer markers, legend) drawn on an Agg canvas. Floor:
a bare ``Figure`` with the same three series of points plotted and drawn. Budget: 2x.
Run from the repository root: python -m benchmarks.bench_charts
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from benchmarks.common import Result, exit_code, make_diary, median_time, print_table

BUDGET = 2.0
NAMES = ("pain", "nausea", "fatigue")


def run(years: int = 5, repeats: int = 5) -> Result:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from symptomlog.analysis.daily import daily_values, series
    from symptomlog.charts import symptom_chart
    from symptomlog.store import Diary

    with tempfile.TemporaryDirectory() as folder:
        path = make_diary(Path(folder) / "five-years.sqlite3", years)
        with Diary.open(path) as diary:
            entries, cycles = diary.entries.between(), diary.cycles.all()
    days = daily_values(entries)
    start, end = min(days), max(days)

    def app() -> None:  # as the Charts view redraws: daily values already in hand
        figure = symptom_chart(days, cycles, start, end, NAMES)
        FigureCanvasAgg(figure).draw()

    from symptomlog.analysis.daily import calendar

    dates = calendar(start, end)
    points = {name: series(days, name, start, end) for name in NAMES}

    def floor() -> None:
        figure = Figure(figsize=(10.0, 4.0))
        axes = figure.add_subplot()
        for name in NAMES:
            axes.plot(dates, [float("nan") if v is None else v for v in points[name]])
        FigureCanvasAgg(figure).draw()

    app()
    floor()  # warm both: fonts, caches
    app_time = median_time(app, repeats)
    floor_time = median_time(floor, repeats)
    return Result(f"symptom chart, {years} years of days", app_time, floor_time, BUDGET)


if __name__ == "__main__":
    result = run()
    print_table([result])
    sys.exit(exit_code([result]))
