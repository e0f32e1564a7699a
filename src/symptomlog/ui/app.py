"""Starting the window: the QApplication, the diary, and --screenshot."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox

from symptomlog.errors import DiaryUnavailable, SymptomlogError
from symptomlog.store import Diary


class MainWindow(QMainWindow):
    """A placeholder: the real window is its own issue."""

    def __init__(self, diary: Diary) -> None:
        super().__init__()
        self.diary = diary
        self.setWindowTitle(f"symptomlog — {diary.name}")
        count = diary.entries.count()
        label = QLabel(f"{count} entries in {diary.name}")
        label.setMargin(24)
        self.setCentralWidget(label)
        self.resize(1024, 700)


def _choose_platform(screenshot: str | None) -> None:
    """Render off screen for --screenshot; say clearly when there is no screen at all."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return
    if screenshot:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    elif sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        raise DiaryUnavailable(
            "There is no screen to open the window on (DISPLAY is not set). "
            "Use the commands (symptomlog --help) or --screenshot FILE.png."
        )


def run_app(path: Path, view: str | None = None, screenshot: str | None = None) -> int:
    _choose_platform(screenshot)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    try:
        diary = Diary.open(path, create=True)
    except SymptomlogError as error:
        if screenshot:
            raise
        QMessageBox.critical(None, "symptomlog", str(error))
        return 1
    window = MainWindow(diary)
    window.show()
    if screenshot:
        app.processEvents()
        ok = window.grab().save(screenshot)
        diary.close()
        return 0 if ok else 1
    code = app.exec()
    diary.close()
    return code
