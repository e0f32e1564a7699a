"""Child process of ``bench_memory``: the floor, a bare PySide6 window showing one
matplotlib canvas with one line drawn on it."""

from __future__ import annotations

import sys

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtWidgets import QApplication, QMainWindow

from benchmarks.peak import peak_mb


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    figure = Figure(figsize=(8, 4))
    figure.add_subplot().plot(range(100), [i % 11 for i in range(100)])
    window.setCentralWidget(FigureCanvasQTAgg(figure))
    window.resize(1024, 700)
    window.show()
    for _ in range(3):
        app.processEvents()
    window.grab()
    print(f"{peak_mb():.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
