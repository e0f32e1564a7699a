"""A one-year PDF report against the same charts and table built bare with reportlab.

App: ``build_data`` + ``render_pdf`` for 365 days of a generated diary (summary,
six charts at 200 dpi, the day-by-day table, notes, "Page X of Y").
Floor: the same six charts drawn as bare matplotlib figures of the same points and
saved as 200-dpi PNGs, and a reportlab platypus document holding those images and a
table of the same rows and columns. Budget: 1.5x.
Run from the repository root: python -m benchmarks.bench_report
"""

from __future__ import annotations

import io
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

from benchmarks.common import Result, exit_code, make_diary, median_time, print_table

BUDGET = 1.5
CHARTS = (
    ("pain", "nausea", "fatigue"),
    ("appetite", "drowsiness", "wellbeing"),
    ("weight_kg",),
    ("yellow_eyes", "itch"),
    ("temperature_c",),
    ("nausea",),
)


def run(repeats: int = 3) -> Result:
    from matplotlib.figure import Figure
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import Image, PageBreak, SimpleDocTemplate, Table

    from symptomlog.analysis.daily import calendar, series
    from symptomlog.report.pdf import render_pdf
    from symptomlog.report.summary import build_data
    from symptomlog.store import Diary

    with tempfile.TemporaryDirectory() as folder:
        path = make_diary(Path(folder) / "two-years.sqlite3", 2)
        with Diary.open(path) as diary:
            entries, cycles, profile = (
                diary.entries.between(),
                diary.cycles.all(),
                diary.profile.get(),
            )
    end = entries[-1].recorded_at.date()
    start = end - timedelta(days=364)

    def app() -> None:
        render_pdf(build_data(entries, cycles, profile, start, end))

    data = build_data(entries, cycles, profile, start, end)
    dates = calendar(start, end)
    points = {
        name: [float("nan") if v is None else v for v in series(data.days, name, start, end)]
        for names in CHARTS
        for name in names
    }
    rows = [
        [
            f"{d}",
            *[
                str(points[n][i])
                for n in (
                    "pain",
                    "nausea",
                    "fatigue",
                    "appetite",
                    "drowsiness",
                    "wellbeing",
                    "itch",
                    "weight_kg",
                    "temperature_c",
                )
            ],
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
        ]
        for i, d in enumerate(dates)
        if d in data.days
    ]

    def floor() -> None:
        story: list = []
        for names in CHARTS:
            figure = Figure(figsize=(10.0, 4.0))
            axes = figure.add_subplot()
            for name in names:
                axes.plot(dates, points[name])
            buffer = io.BytesIO()
            figure.savefig(buffer, format="png", dpi=200)
            buffer.seek(0)
            story.append(Image(buffer, width=480, height=192))
        story += [PageBreak(), Table([["h"] * 18, *rows], repeatRows=1)]
        SimpleDocTemplate(io.BytesIO(), pagesize=A4).build(story)

    app()
    floor()
    app_time = median_time(app, repeats)
    floor_time = median_time(floor, repeats)
    return Result("PDF report, one year", app_time, floor_time, BUDGET)


if __name__ == "__main__":
    result = run()
    print_table([result])
    sys.exit(exit_code([result]))
