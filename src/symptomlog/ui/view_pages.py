"""The views other than Today, each imported and built the first time it is shown.

A patient who only logs today never opens most of them: building them all at start
cost 40 ms of imports and widgets on the cold start (measured on five years).
Today is built at once, as it is the first thing on screen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from symptomlog.ui.charts_view import ChartsView
from symptomlog.ui.context import DiaryContext


def history(context: DiaryContext) -> QWidget:
    from symptomlog.ui.history_view import HistoryView

    return HistoryView(context)


def cycles(context: DiaryContext) -> QWidget:
    from symptomlog.ui.cycles_view import CyclesView

    return CyclesView(context)


def report(context: DiaryContext) -> QWidget:
    from symptomlog.ui.report_view import ReportView

    return ReportView(context)


def medicines(context: DiaryContext) -> QWidget:
    from symptomlog.ui.medicines_view import MedicinesView

    return MedicinesView(context)


BUILDERS: dict[str, Callable[[DiaryContext], QWidget]] = {
    "history": history,
    "charts": ChartsView,  # already light: it waits for matplotlib on its own
    "cycles": cycles,
    "report": report,
    "medicines": medicines,
}
