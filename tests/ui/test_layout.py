"""Large text that fits a small laptop: 1024x700 with "Large text" on, every view, by qtbot."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSettings
from PySide6.QtWidgets import QApplication

from symptomlog.store import Diary
from symptomlog.ui.main_window import VIEWS, MainWindow
from symptomlog.ui.style import LARGE_TEXT_FACTOR, apply_style, system_font
from tests.gui_support import wait_for_flags

SCREEN = (1024, 700)


@pytest.fixture
def large_window(qtbot, tmp_path: Path, demo_diary: Diary) -> Iterator[MainWindow]:
    """The demo diary's window at 1024x700, large text switched on as a user would."""
    QSettings.setPath(
        QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    window = MainWindow(demo_diary)
    qtbot.addWidget(window)
    window.resize(*SCREEN)
    window.show()
    qtbot.waitExposed(window)
    window.large_text.trigger()  # Ctrl+Shift+L
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    yield window
    apply_style(app, False)  # the font is the application's: give the next test the normal one


def test_large_text_is_on(large_window: MainWindow) -> None:
    expected = system_font().pointSizeF() * LARGE_TEXT_FACTOR
    assert large_window.large_text.isChecked()
    assert QApplication.font().pointSizeF() == pytest.approx(expected)


@pytest.mark.parametrize("view", VIEWS)
def test_every_view_fits_1024_wide_with_large_text(
    qtbot, large_window: MainWindow, view: str
) -> None:
    large_window.show_view(view)
    qtbot.wait(1)  # let the view build (Charts makes its panel when first shown) and lay out
    QApplication.processEvents()
    needed = large_window.minimumSizeHint().width()
    assert needed <= SCREEN[0], f"{view} needs {needed} px"
    assert large_window.views[view].minimumSizeHint().width() <= SCREEN[0]


def test_today_shows_three_scales_with_large_text(qtbot, large_window: MainWindow) -> None:
    large_window.show_view("today")
    large_window.resize(*SCREEN)
    QApplication.processEvents()
    today = large_window.today
    viewport = today.scroll_area.viewport()
    visible = viewport.rect()
    shown = []
    for name, scale in today.form.scales.items():
        top_left = scale.mapTo(viewport, QPoint(0, 0))
        area = QRect(top_left, scale.size())
        if scale.isVisible() and visible.contains(area):
            shown.append(name)
    assert len(shown) >= 3, f"only {shown} fully visible in {visible}"
    assert {"pain", "nausea", "fatigue"} <= set(shown)
    assert large_window.width() <= SCREEN[0]


def test_large_text_remembered_at_start_reaches_every_view(
    qtbot, tmp_path: Path, memory_diary: Diary
) -> None:
    """The setting is applied before the window is shown: Today's widgets, made before the
    font changed, must be large too (a style sheet would otherwise keep the old size)."""
    QSettings.setPath(
        QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    settings = QSettings("symptomlog", "symptomlog")
    settings.setValue("view/large_text", True)
    settings.sync()
    window = MainWindow(memory_diary)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        expected = system_font().pointSizeF() * LARGE_TEXT_FACTOR
        for widget in (window.today.save_button, window.today.form.when, window.history.table):
            assert widget.font().pointSizeF() == pytest.approx(expected, abs=0.01)
    finally:
        apply_style(app, False)


def test_today_shows_three_scales_under_a_red_banner(qtbot, large_window: MainWindow) -> None:
    """The compact red banner (headline and Details) still leaves room for three scales."""
    today = large_window.today
    form = today.form
    form.measures["temperature_c"].setText("39.5")
    form.signs["yellow_eyes"].set_value(True)
    form.scales["pain"].set_value(9)
    assert today.save() is not None
    wait_for_flags(qtbot, large_window)
    assert not today.banner.isHidden()
    large_window.show_view("today")
    large_window.resize(*SCREEN)
    QApplication.processEvents()
    viewport = today.scroll_area.viewport()
    shown = [
        name
        for name, scale in today.form.scales.items()
        if viewport.rect().contains(QRect(scale.mapTo(viewport, QPoint(0, 0)), scale.size()))
    ]
    assert len(shown) >= 3, f"only {shown} visible under the banner"
