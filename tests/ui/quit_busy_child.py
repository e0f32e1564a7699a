"""Run by test_quit in a process of its own: quit while helper threads are at work.

The demo window shows Charts for "All" and the Report's preview, and is closed at
once, while the chart is still being read or drawn and the preview made, by the same
path as a user's Ctrl+Q (``run_app`` returning). A thread still at work on a window
Qt is taking apart shows as a crash or a Qt warning on stderr.
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

from symptomlog.demo import fill_demo  # noqa: E402
from symptomlog.store import Diary  # noqa: E402
from symptomlog.ui import app as app_module  # noqa: E402
from symptomlog.ui.main_window import MainWindow  # noqa: E402

DELAY_MS = int(sys.argv[2])


class BusyWindow(MainWindow):
    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        QTimer.singleShot(0, self.busy)

    def busy(self) -> None:
        self.show_view("charts")
        self.views["charts"].panel.period.setCurrentText("All")  # type: ignore[attr-defined]
        self.show_view("report")
        QTimer.singleShot(DELAY_MS, self.close)
        print("busy:", self.still_working(), flush=True)


def main() -> int:
    demo = folder / "demo-diary.sqlite3"
    if not demo.exists():
        with Diary.open(demo) as diary:
            fill_demo(diary, days=365)
    app_module.MainWindow = BusyWindow  # type: ignore[misc]
    return app_module.run_app(demo)


if __name__ == "__main__":
    sys.exit(main())
