"""Pictures saved from the window are outputs like any other: never over the diary, private."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from matplotlib.colors import to_rgb
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog

from symptomlog.domain import Entry
from symptomlog.store import Diary
from symptomlog.store.paths import file_mode
from symptomlog.ui.main_window import MainWindow
from tests.gui_support import wait_for_chart
from tests.pictures import png_colours


@pytest.fixture
def charts(qtbot, tmp_path: Path, diary: Diary):
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path))
    diary.entries.add(Entry(datetime.now().replace(second=0, microsecond=0), pain=4))
    window = MainWindow(diary)
    qtbot.addWidget(window)
    window.show()
    window.show_view("charts")
    panel = window.views["charts"].panel
    wait_for_chart(qtbot, panel)
    return panel


def choose(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (name, ""))


def test_a_chart_saved_onto_the_diary_is_refused(charts, diary: Diary, monkeypatch) -> None:
    assert diary.path is not None
    before = diary.path.read_bytes()
    choose(monkeypatch, str(diary.path))
    charts.save_as()
    assert "Not saved" in charts.hover.text() and "the diary itself" in charts.hover.text()
    assert diary.path.read_bytes() == before


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_a_chart_is_saved_whole_and_private(charts, tmp_path: Path, monkeypatch, suffix) -> None:
    target = tmp_path / f"chart{suffix}"
    choose(monkeypatch, str(target))
    charts.save_as()
    data = target.read_bytes()
    if suffix == ".png":
        assert data.startswith(b"\x89PNG")
        [pain] = [a for a in charts.figure.findobj() if a.get_gid() == "series:pain"]
        colour = tuple(round(255 * v) for v in to_rgb(pain.get_color()))
        assert colour in png_colours(target)  # the pain series is in the picture
    else:
        assert b"<svg" in data[:400] and b'id="series:pain"' in data
    assert file_mode(target) == 0o600
