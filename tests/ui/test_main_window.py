"""The main window as a whole: every view renders, it opens on Today and remembers the text
size, and matplotlib is not loaded until a chart is shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel

from symptomlog.store import Diary
from symptomlog.ui.main_window import VIEWS, MainWindow
from tests.pictures import grab_colours

pytestmark = pytest.mark.usefixtures("own_settings")  # no remembered window settings


# What each view shows on an empty diary, in words a user reads first.
FIRST_WORDS = {
    "today": ("<b>Pain</b>", "No Pain", "&Save entry  (Ctrl+S)"),
    "history": ("0 entries", "&Edit…  (Enter)", "&Undo  (Ctrl+Z)"),
    "charts": ("&Which chart", "Pain", "Tiredness"),
    "cycles": ("No cycles yet. Add them with “Add cycles…”.", "&Add cycles…"),
    "report": ("Pap&er", "&Save as PDF…"),
    "medicines": ("&Add a medicine…", "No medicines yet: add one with “Add a medicine…”."),
}


@pytest.mark.parametrize("view", VIEWS)
def test_each_view_renders(qtbot, window: MainWindow, view: str) -> None:
    window.show_view(view)
    assert window.current_view() == view
    shown = window.views[view]
    assert shown.isVisible()
    assert not any(other.isVisible() for name, other in window.views.items() if name != view)

    def texts() -> set[str]:
        found = shown.findChildren(QLabel) + shown.findChildren(QAbstractButton)
        return {widget.text() for widget in found if widget.isVisible()}

    qtbot.waitUntil(lambda: set(FIRST_WORDS[view]) <= texts())  # charts are built when shown
    picture = window.grab()
    assert picture.width() >= 1000
    assert len(grab_colours(shown)) > 20  # drawn: text and controls, not an empty frame


def test_window_opens_on_today_and_remembers_the_text_size(qtbot, diary: Diary) -> None:
    first = MainWindow(diary)
    qtbot.addWidget(first)
    normal = QApplication.font().pointSizeF()
    first.show_view("report")
    first.large_text.trigger()
    assert QApplication.font().pointSizeF() > normal
    first.close()
    second = MainWindow(diary)
    qtbot.addWidget(second)
    assert second.current_view() == "today" and second.large_text.isChecked()
    second.large_text.trigger()
    assert QApplication.font().pointSizeF() == pytest.approx(normal)


def test_starting_the_window_imports_neither_matplotlib_nor_the_other_views(
    tmp_path: Path,
) -> None:
    import subprocess
    import sys

    code = f"""
import sys, time
from PySide6.QtWidgets import QApplication
app = QApplication([])
from symptomlog.store import Diary
from symptomlog.ui.main_window import MainWindow
w = MainWindow(Diary.open({str(tmp_path / "d.sqlite3")!r}))
w.show()
app.processEvents()
assert 'matplotlib' not in sys.modules, 'matplotlib imported at start'
views = ('history_view', 'cycles_view', 'report_view', 'medicines_view')
early = [v for v in views if 'symptomlog.ui.' + v in sys.modules]
assert not early, f'built at start: {{early}}'
w.show_view('charts')
deadline = time.monotonic() + 60
while w.still_working() or w.views['charts'].panel.figure is None:
    app.processEvents()
    time.sleep(0.01)
    assert time.monotonic() < deadline, 'the chart was never drawn'
assert 'matplotlib' in sys.modules
"""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr


def test_the_charts_and_report_code_load_matplotlib_only_to_draw() -> None:
    """Their modules are imported on the window's thread when a view is first shown:
    matplotlib (0.3-1.3 s) is loaded by the drawing itself, off that thread."""
    import subprocess
    import sys

    code = (
        "import sys, symptomlog.ui.charts_panel, symptomlog.ui.report_view, "
        "symptomlog.report.pdf_charts; print('matplotlib' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
