"""The PDF summary for the palliative care team (reportlab platypus, charts from ``charts``)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from symptomlog.store import Diary

DEFAULT_DAYS = 28


def default_period(today: date | None = None) -> tuple[date, date]:
    """The last 28 days, ending today."""
    end = today or date.today()
    return end - timedelta(days=DEFAULT_DAYS - 1), end


def build_report(
    diary: Diary,
    output: Path,
    start: date | None = None,
    end: date | None = None,
    paper: str = "a4",
    generated: datetime | None = None,
) -> int:
    """Write the report for [start, end] to ``output`` (whole or not at all); return its pages."""
    from symptomlog.files import write_atomically
    from symptomlog.report.pdf import render_pdf
    from symptomlog.report.summary import diary_data
    from symptomlog.store.outputs import checked_output

    checked_output(output, diary.path)
    end = end or default_period()[1]
    start = start or (end - timedelta(days=DEFAULT_DAYS - 1))
    data = diary_data(diary, start, end, generated)
    pdf = render_pdf(data, paper)
    write_atomically(output, pdf)
    diary.reports.saved(start, end)  # the next report can start where this one ended
    return pdf.count(b"/Type /Page\n") or pdf.count(b"/Type /Page")
