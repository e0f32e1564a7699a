"""The Report view saves on a helper thread with progress and Cancel: the window handles input
while the report is being made; Cancel writes nothing; "Since the last report" as a period."""

from __future__ import annotations

import threading
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QPushButton

from symptomlog.domain import Entry
from symptomlog.ui import report_view
from symptomlog.ui.main_window import MainWindow

TODAY = date.today()


def settled(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    """Wait for the last preview asked for, so no build outlives the test."""
    qtbot.waitUntil(lambda: not view._stale and "Making" not in view.message.text(), timeout=60000)


@pytest.fixture
def report(qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path):  # type: ignore[no-untyped-def]
    diary = window.context.diary
    diary.entries.add_many(
        [
            Entry(datetime.combine(TODAY - timedelta(days=i), time(9)), pain=3, nausea=i % 5)
            for i in range(40)
        ]
    )
    target = tmp_path / "saved.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF"))
    window.show_view("report")
    view = window.views["report"]
    qtbot.waitUntil(lambda: "pages for" in view.message.text(), timeout=30000)
    yield view, target
    settled(qtbot, view)


class Gate:
    """Holds the Save build on its helper thread until the test lets it go."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.started = threading.Event()
        self.release = threading.Event()
        self.threads: list[str] = []
        real = report_view.build_pdf

        def held(*args, **kwargs):  # type: ignore[no-untyped-def]
            if threading.current_thread().name == "report-save":
                self.threads.append(threading.current_thread().name)
                self.started.set()
                self.release.wait(30)
            return real(*args, **kwargs)

        monkeypatch.setattr(report_view, "build_pdf", held)


def test_the_window_handles_input_while_the_report_is_saved(
    qtbot, report, monkeypatch: pytest.MonkeyPatch
) -> None:
    view, target = report
    gate = Gate(monkeypatch)
    view.period.setCurrentText("Last 3 months")  # not the preview's period: Save builds anew
    view.save_as()
    assert gate.started.wait(20), "the build did not start on its own thread"
    # the build is under way: the window still takes a key press and a click
    qtbot.keyClick(view.paper, Qt.Key.Key_Down)
    assert view.paper.currentData() == "letter"
    qtbot.mouseClick(view.period, Qt.MouseButton.LeftButton)
    assert view.saving is not None and not view.saving.finished
    assert not view.save_button.isEnabled()  # one save at a time
    gate.release.set()
    qtbot.waitUntil(lambda: view.saving.finished, timeout=60000)
    assert gate.threads == ["report-save"]
    assert target.read_bytes().startswith(b"%PDF") and "Saved to" in view.save_message.text()
    last = view.context.diary.reports.last()
    assert last is not None and (last.start, last.end) == (TODAY - timedelta(days=90), TODAY)


def test_cancel_stops_the_build_and_writes_nothing(
    qtbot, report, monkeypatch: pytest.MonkeyPatch
) -> None:
    view, target = report
    gate = Gate(monkeypatch)
    view.period.setCurrentText("Last 6 months")
    view.save_as()
    assert gate.started.wait(20)
    (cancel,) = view.saving.progress.findChildren(QPushButton)
    assert cancel.text().replace("&", "") == "Cancel"
    cancel.click()  # the progress box's Cancel
    gate.release.set()
    qtbot.waitUntil(lambda: view.saving.finished, timeout=60000)
    assert "cancelled" in view.save_message.text() and not target.exists()
    view.context.changed()  # the diary changed meanwhile: the preview is made anew...
    assert "Making" in view.message.text() and "cancelled" in view.save_message.text()  # ...
    # ...and the save's outcome stays in sight on its own line
    assert view.context.diary.reports.last() is None  # nothing saved, nothing remembered
    assert view.save_button.isEnabled()


def test_the_save_uses_the_preview_when_it_is_of_the_same_period(qtbot, report) -> None:
    view, target = report
    view.save_as()
    assert view.saving is None  # nothing to build: the preview's PDF is written
    assert target.read_bytes() == view.pdf


def test_since_the_last_report_starts_the_day_after_it(qtbot, report) -> None:
    view, _ = report
    view.period.setCurrentText(report_view.SINCE_LAST)
    assert view.period_dates() == (TODAY - timedelta(days=27), TODAY)  # none saved yet
    qtbot.waitUntil(lambda: "pages for" in view.message.text(), timeout=30000)
    assert "No report has been saved from this diary yet" in view.message.text()
    view.context.diary.reports.saved(TODAY - timedelta(days=40), TODAY - timedelta(days=10))
    view.period.setCurrentText("Last 28 days")
    view.period.setCurrentText(report_view.SINCE_LAST)
    assert view.period_dates() == (TODAY - timedelta(days=9), TODAY)
