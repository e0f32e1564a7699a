"""Child process of ``bench_memory``: the app's window on a diary, every view visited.

Today, History, Charts (every chart, over the whole diary), Cycles and Report (its
page-1 preview drawn), each shown and painted, as a person clicking through would.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QComboBox

from benchmarks.peak import peak_mb
from symptomlog.store import Diary
from symptomlog.ui.main_window import VIEWS, MainWindow


def settle(app: QApplication, window: MainWindow) -> None:
    for _ in range(3):
        app.processEvents()
    window.grab()  # paint it, as a screen would


def main(path: str) -> int:
    app = QApplication(sys.argv[:1])
    window = MainWindow(Diary.open(Path(path), backup=False))
    window.resize(1024, 700)
    window.show()
    for view in VIEWS:
        window.show_view(view)
        settle(app, window)
        panel = getattr(window.views[view], "panel", None)
        if panel is not None:  # the Charts view: the whole diary, each chart in turn
            panel.period.setCurrentText("All")
            chart: QComboBox = panel.chart
            for index in range(chart.count()):
                chart.setCurrentIndex(index)
                settle(app, window)
    window.context.diary.close()
    print(f"{peak_mb():.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
