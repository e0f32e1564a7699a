"""Pieces shared by the window tests: opening the window, the keyboard focus, answering the
unsaved-entry question."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from symptomlog.store import Diary
from symptomlog.ui.main_window import MainWindow


def close_quietly(win: MainWindow) -> None:
    """Close without the unsaved-entry question (a test's leftovers are not a patient's)."""
    win.today.form.clear_values()
    win.close()
    win.deleteLater()


def answer_when_asked(
    win: MainWindow, button: QMessageBox.StandardButton, seen: list[str]
) -> Callable[[], None]:
    """Press ``button`` in the unsaved-entry question as soon as it appears."""

    def press() -> None:
        box = win.unsaved_box
        if box is None or not box.isVisible():
            QTimer.singleShot(20, press)
            return
        seen.append(box.text())
        box.button(button).click()

    QTimer.singleShot(0, press)
    return press


def wait_for_flags(qtbot, win: MainWindow) -> None:
    """Today judges flags off the window's thread: wait until the newest check is shown."""
    qtbot.waitUntil(lambda: not win.today.flag_check.pending, timeout=20_000)


def open_window(qtbot, diary: Diary) -> MainWindow:  # type: ignore[no-untyped-def]
    """The main window at a small laptop's size, shown, on ``diary``."""
    window = MainWindow(diary)
    qtbot.addWidget(window)
    window.resize(1024, 700)
    window.show()
    qtbot.waitExposed(window)
    return window


def focused() -> QWidget:
    """The widget with the keyboard focus (there must be one)."""
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def tab(qtbot, times: int = 1) -> QWidget:  # type: ignore[no-untyped-def]
    """Press Tab ``times`` times; the widget that has the focus then."""
    for _ in range(times):
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    return focused()


def wait_for_chart(qtbot, panel) -> None:  # type: ignore[no-untyped-def]
    """The Charts view reads and draws off the window's thread: wait until the picture
    shows the current choices."""
    qtbot.waitUntil(lambda: panel.settled and panel.figure is not None, timeout=30_000)
