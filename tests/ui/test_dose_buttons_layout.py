"""Today with the "Took a dose" buttons still fits 1024x700 with large text."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSettings
from PySide6.QtWidgets import QApplication

from symptomlog.domain import Dose, Medicine
from symptomlog.store import Diary
from symptomlog.ui.main_window import MainWindow
from symptomlog.ui.style import apply_style

SCREEN = (1024, 700)


@pytest.fixture
def large_window(qtbot, tmp_path: Path, diary: Diary) -> Iterator[MainWindow]:
    """Two as-needed medicines with long names, each taken a few hours ago."""
    QSettings.setPath(
        QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    now = datetime.now().replace(second=0, microsecond=0)
    for medicine in (
        Medicine("Oral morphine solution", "10 mg/5 ml", True, "pain", 6),
        Medicine("Ondansetron", "8 mg", True, "nausea", 2),
    ):
        added = diary.medicines.add(medicine)
        assert added.id is not None
        diary.medicines.record_dose(Dose(added.id, now - timedelta(hours=13, minutes=25)))
    window = MainWindow(diary)
    qtbot.addWidget(window)
    window.resize(*SCREEN)
    window.show()
    qtbot.waitExposed(window)
    window.large_text.trigger()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    yield window
    apply_style(app, False)


def test_two_dose_buttons_share_a_row_and_three_scales_still_show(
    qtbot, large_window: MainWindow
) -> None:
    large_window.show_view("today")
    large_window.resize(*SCREEN)
    QApplication.processEvents()
    today = large_window.today
    doses = today.doses
    assert doses.isVisible() and len(doses.buttons) == 2
    assert doses.columns == 2  # one row, not two
    assert large_window.width() <= SCREEN[0]
    assert large_window.minimumSizeHint().width() <= SCREEN[0]
    viewport = today.scroll_area.viewport()
    shown = [
        name
        for name, scale in today.form.scales.items()
        if scale.isVisible()
        and viewport.rect().contains(QRect(scale.mapTo(viewport, QPoint(0, 0)), scale.size()))
    ]
    assert {"pain", "fatigue", "nausea"} <= set(shown), shown
