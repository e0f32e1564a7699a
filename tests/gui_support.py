"""Pieces shared by the window tests: answering the unsaved-entry question."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

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
