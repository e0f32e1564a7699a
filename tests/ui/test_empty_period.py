"""Views that find the data: a diary whose entries are all two years old, by qtbot."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from symptomlog.domain import Entry
from symptomlog.store import Diary
from symptomlog.ui.main_window import MainWindow
from symptomlog.ui.period_hint import period_with_data
from tests.gui_support import wait_for_chart

LAST = date.today() - timedelta(days=730)
FIRST = LAST - timedelta(days=20)


@pytest.fixture
def old_window(qtbot, tmp_path: Path, diary: Diary) -> Iterator[MainWindow]:
    """Three weeks of entries that ended two years ago, as an imported old diary."""
    QSettings.setPath(
        QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    for offset in range(0, 21, 2):
        day = FIRST + timedelta(days=offset)
        diary.entries.add(Entry(datetime.combine(day, time(9)), pain=offset % 10, nausea=3))
    window = MainWindow(diary)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window


def test_period_with_data_keeps_the_length_and_ends_on_the_last_entry() -> None:
    today = date(2026, 11, 25)
    span = (date(2024, 11, 5), date(2024, 11, 25))
    assert period_with_data(span, today - timedelta(days=90), today) == span  # not before
    assert period_with_data(span, today - timedelta(days=9), today) == (
        date(2024, 11, 16),
        date(2024, 11, 25),
    )
    assert period_with_data(span, date(2024, 11, 1), date(2024, 11, 30)) is None


def test_history_says_where_the_entries_are_and_shows_them(qtbot, old_window) -> None:
    history = old_window.history
    old_window.show_view("history")
    assert history.model.rowCount() == 0
    assert not history.hint.isHidden()
    assert f"{LAST:%a %d %b %Y}" in history.hint.label.text()
    assert "(the data)" in history.hint.button.text()
    qtbot.mouseClick(history.hint.button, Qt.MouseButton.LeftButton)
    assert history.model.rowCount() == 11
    assert history.hint.isHidden()
    assert history.count_label.text() == "11 entries"


def test_charts_say_where_the_entries_are_and_draw_them(qtbot, old_window) -> None:
    old_window.show_view("charts")
    panel = old_window.views["charts"].panel
    assert panel is not None
    wait_for_chart(qtbot, panel)
    [pain] = [a for a in panel.figure.findobj() if a.get_gid() == "series:pain"]
    assert all(y != y for y in pain.get_ydata())  # nothing but gaps: the period is empty
    assert not panel.hint.isHidden()
    assert f"{LAST:%a %d %b %Y}" in panel.hint.label.text()
    qtbot.mouseClick(panel.hint.button, Qt.MouseButton.LeftButton)
    assert panel.period.currentText() == "Custom"
    start, end = panel.period_dates()
    assert end == LAST and start <= FIRST
    wait_for_chart(qtbot, panel)
    [pain] = [a for a in panel.figure.findobj() if a.get_gid() == "series:pain"]
    assert sum(1 for y in pain.get_ydata() if y == y) == 11
    assert panel.hint.isHidden()


def test_report_says_where_the_entries_are_and_reports_them(qtbot, old_window) -> None:
    old_window.show_view("report")
    report = old_window.views["report"]
    assert not report.hint.isHidden()
    assert f"{LAST:%a %d %b %Y}" in report.hint.label.text()
    qtbot.mouseClick(report.hint.button, Qt.MouseButton.LeftButton)
    start, end = report.period_dates()
    assert (start, end) == (FIRST, LAST)  # 28 days long, but not before the first entry
    assert report.period.currentText() == "Custom" and report.start.isEnabled()
    assert report.hint.isHidden()
    qtbot.waitUntil(lambda: report.pdf is not None, timeout=20000)  # built off the window thread


def test_an_empty_diary_gets_no_hint(qtbot, tmp_path: Path, memory_diary: Diary) -> None:
    window = MainWindow(memory_diary)
    qtbot.addWidget(window)
    window.show()
    window.show_view("history")
    assert window.history.hint.isHidden()


def test_the_report_preview_is_built_off_the_window_thread(qtbot, old_window, monkeypatch) -> None:
    import threading

    from symptomlog.ui import report_view

    threads: list[str] = []
    real = report_view.build_pdf

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread().name)
        return real(*args, **kwargs)

    monkeypatch.setattr(report_view, "build_pdf", spy)
    old_window.show_view("report")
    report = old_window.views["report"]
    qtbot.waitUntil(
        lambda: report.pdf is not None or "could not" in report.message.text(), timeout=20000
    )
    assert threads and all(name.startswith("report") for name in threads)
    assert threading.current_thread().name == "MainThread"
