"""Run by test_gui_quit in a process of its own: the demo window, every dialog, then quit.

Prints "opened: NAME ..." for each dialog it opened and closed, then leaves by the
same path as a user's Ctrl+Q (``run_app`` returning), so a double deletion at
exit shows as a crash or a Qt warning on stderr.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
folder = Path(sys.argv[1])
os.environ["XDG_CONFIG_HOME"] = str(folder / "config")
os.environ["XDG_DATA_HOME"] = str(folder / "data")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog  # noqa: E402

from symptomlog.demo import fill_demo  # noqa: E402
from symptomlog.store import Diary  # noqa: E402
from symptomlog.ui import app as app_module  # noqa: E402
from symptomlog.ui.first_run import FirstRunDialog  # noqa: E402
from symptomlog.ui.main_window import MainWindow  # noqa: E402
from symptomlog.ui.widgets import run_dialog  # noqa: E402

opened: list[str] = []


def close_when_shown(name: str) -> None:
    """Close the modal dialog as soon as it is up (a user pressing Escape)."""
    dialog = QApplication.activeModalWidget()
    if not isinstance(dialog, QDialog) or not dialog.isVisible():
        QTimer.singleShot(20, lambda: close_when_shown(name))
        return
    opened.append(name)
    dialog.done(0)


class ScriptedWindow(MainWindow):
    def steps(self) -> list[tuple[str, object]]:
        def edit_cycle() -> None:
            self.cycles.table.selectRow(0)
            self.cycles.edit_selected()

        def edit_entry() -> None:
            self.show_view("history")
            self.history.table.selectRow(0)
            self.history.edit_selected()

        def first_run() -> None:
            run_dialog(FirstRunDialog(self.context.diary.profile.get(), self))

        return [
            ("first-run", first_run),
            ("profile", self.edit_profile),
            ("add-cycles", self.cycles.add_cycles),
            ("edit-cycle", edit_cycle),
            ("deleted-entries", self.history.show_deleted),
            ("edit-entry", edit_entry),
            ("shortcuts", self.show_shortcuts),
            ("about", self.show_about),
        ]

    def showEvent(self, event) -> None:
        super().showEvent(event)
        QTimer.singleShot(50, self.run_steps)

    def run_steps(self) -> None:
        for name, step in self.steps():
            QTimer.singleShot(20, lambda name=name: close_when_shown(name))
            step()  # type: ignore[operator]
        QTimer.singleShot(20, self.close)


def main() -> int:
    demo = folder / "demo-diary.sqlite3"
    if not demo.exists():
        with Diary.open(demo) as diary:
            fill_demo(diary, days=30)
    app_module.MainWindow = ScriptedWindow  # type: ignore[misc]
    code = app_module.run_app(demo)
    print("opened:", " ".join(opened))
    return code


if __name__ == "__main__":
    sys.exit(main())
