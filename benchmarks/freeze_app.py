"""Child process of ``bench_freeze``: how long the window stops answering during each
action a person takes, measured by a heartbeat timer on the window's own thread.

A ``QTimer`` fires every 10 ms; while the window's thread is busy, it cannot fire.
The longest gap between two beats during an action is how long the window froze.
Prints one line per action: ``name<TAB>longest gap in seconds``.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from symptomlog.store import Diary
from symptomlog.ui.main_window import MainWindow
from symptomlog.ui.prewarm import load_chart_libraries_soon

BEAT_MS = 10
SETTLE_S = 0.6
"""After each action the event loop runs this long, so work it started later still counts."""
FIRST_LOOK_S = 2.0
"""Before the first action: a person reads the screen for a moment before pressing a key.
Background work the window starts (loading the chart libraries) runs meanwhile, as it
would for them; it is measured too, as gaps in the heartbeat while nothing is asked."""


class Heartbeat:
    """Records the longest gap between beats since the last ``reset``."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(BEAT_MS)
        self.timer.timeout.connect(self._beat)
        self.last = time.perf_counter()
        self.longest = 0.0

    def _beat(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.last = now

    def reset(self) -> None:
        self.last = time.perf_counter()
        self.longest = 0.0


def run_for(app: QApplication, seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        time.sleep(0.001)


def measure(
    app: QApplication,
    beat: Heartbeat,
    name: str,
    action: Callable[[], object],
    settle: float = SETTLE_S,
    until: Callable[[], bool] | None = None,
) -> None:
    """``until``: for work that runs in the background, wait for it to end (then settle)."""
    run_for(app, 0.2)
    beat.reset()
    QTimer.singleShot(0, action)  # as a click would: from inside the event loop
    run_for(app, settle)
    deadline = time.perf_counter() + 60
    while until is not None and not until() and time.perf_counter() < deadline:
        run_for(app, 0.05)
    if until is not None:
        run_for(app, SETTLE_S)
    run_for(app, 0.05)  # one more beat after the action, in case it outlasted the settling
    longest = beat.longest
    print(f"{name}\t{longest:.4f}", flush=True)


def main(path: str, csv: str, empty: str) -> int:
    app = QApplication(sys.argv[:1])
    window = MainWindow(Diary.open(Path(path), backup=False))
    window.resize(1024, 700)
    window.show()
    beat = Heartbeat()
    beat.timer.start()
    QTimer.singleShot(0, load_chart_libraries_soon)  # as run_app does once the window is up
    measure(app, beat, "first look (chart libraries load behind)", lambda: None, FIRST_LOOK_S)
    charts = window.views["charts"]

    def chart_shown() -> bool:  # read and drawn off the window's thread: wait for the picture
        panel = getattr(charts, "panel", None)
        return panel is not None and panel.settled and panel.figure is not None

    measure(
        app, beat, "first switch to Charts", lambda: window.show_view("charts"), until=chart_shown
    )
    panel = charts.panel
    measure(
        app,
        beat,
        "chart period All (five years)",
        lambda: panel.period.setCurrentText("All"),
        until=chart_shown,
    )
    report = window.views["report"]

    def year_report() -> None:
        window.show_view("report")
        end = report.end.date()
        report.start.setDate(QDate(end.year() - 1, end.month(), end.day()))

    measure(app, beat, "Report preview for a year", year_report)
    window.switch_to(Path(empty), False)  # File ▸ Import into an empty diary, as a person would
    tasks = []
    QMessageBox.information = lambda *_args: None  # type: ignore[method-assign]  # a click
    measure(
        app,
        beat,
        "import five years (CSV)",
        lambda: tasks.append(window.import_path(Path(csv))),
        until=lambda: bool(tasks) and tasks[0].finished,
    )
    window.show_view("today")
    window.today.form.scales["pain"].set_value(3)
    measure(app, beat, "save an entry", window.today.save)
    window.context.diary.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3]))
