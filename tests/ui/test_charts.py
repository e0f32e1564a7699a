"""The Charts view by qtbot: panels per ticked symptom, text that follows large text,
the hover naming who gave each value, every ticked symptom by day of the cycle."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from matplotlib.backend_bases import MouseEvent
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from symptomlog.charts.builders import x
from symptomlog.domain import ChemoCycle, Entry, Recorder
from symptomlog.store import Diary
from symptomlog.ui.charts_panel import ChartsPanel
from symptomlog.ui.main_window import MainWindow
from symptomlog.ui.style import apply_style

TODAY = date.today()
FEVER_DAY = TODAY - timedelta(days=3)


@pytest.fixture
def panel(qtbot, tmp_path: Path, diary: Diary) -> Iterator[ChartsPanel]:
    QSettings.setPath(
        QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    for offset in range(40):
        day = TODAY - timedelta(days=offset)
        diary.entries.add(
            Entry(datetime.combine(day, time(9)), pain=offset % 7, nausea=2, fatigue=5)
        )
    diary.entries.add(Entry(datetime.combine(FEVER_DAY, time(10)), temperature_c=38.1))
    diary.entries.add(
        Entry(datetime.combine(FEVER_DAY, time(18)), recorded_by=Recorder.CARER, temperature_c=37.2)
    )
    diary.cycles.add([ChemoCycle("mfolfirinox", 1, TODAY - timedelta(days=30))])
    diary.cycles.add([ChemoCycle("mfolfirinox", 2, TODAY - timedelta(days=16))])
    window = MainWindow(diary)
    qtbot.addWidget(window)
    window.resize(1024, 700)
    window.show()
    window.show_view("charts")
    chart_panel = window.views["charts"].panel
    assert isinstance(chart_panel, ChartsPanel)
    yield chart_panel
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_style(app, False)


def tick_size(panel: ChartsPanel) -> float:
    panel.canvas.draw()
    labels = [t for t in panel.figure.axes[-1].get_xticklabels() if t.get_text()]
    return labels[0].get_fontsize()


def test_one_panel_per_ticked_symptom(panel: ChartsPanel) -> None:
    assert [a.get_gid() for a in panel.figure.axes] == [
        "panel:pain",
        "panel:fatigue",
        "panel:nausea",
    ]
    panel.symptoms["anxiety"].setChecked(True)
    assert len(panel.figure.axes) == 4 and panel.figure.axes[-1].get_gid() == "panel:anxiety"


def test_chart_text_follows_large_text(panel: ChartsPanel) -> None:
    window = panel.window()
    assert isinstance(window, MainWindow)
    normal = tick_size(panel)
    window.large_text.trigger()
    assert window.large_text.isChecked()
    large = tick_size(panel)
    assert large == pytest.approx(normal * 1.35, rel=0.02)
    assert large >= QApplication.font().pointSizeF() - 0.01  # as large as the app's own text
    panel.chart.setCurrentIndex(panel.chart.findData("temperature"))
    assert tick_size(panel) == pytest.approx(large, rel=0.02)  # the other charts too


def test_hover_names_who_gave_each_value(panel: ChartsPanel) -> None:
    panel.chart.setCurrentIndex(panel.chart.findData("temperature"))
    panel.canvas.draw()
    axes = panel.figure.axes[0]
    px, py = axes.transData.transform((x(FEVER_DAY) + 0.5, 38.1))
    panel._hover(MouseEvent("motion_notify_event", panel.canvas, px, py))
    text = panel.hover.text()
    assert "Temperature 38.1 (patient)" in text
    assert "Carer" not in text and "carer" not in text


def test_by_cycle_day_shows_every_ticked_symptom(panel: ChartsPanel) -> None:
    panel.chart.setCurrentIndex(panel.chart.findData("cycle_day"))
    assert [a.get_gid() for a in panel.figure.axes] == [
        "panel:pain",
        "panel:fatigue",
        "panel:nausea",
    ]
    assert all(any(line.get_gid() == "mean" for line in a.get_lines()) for a in panel.figure.axes)
    panel.canvas.draw()
    label = panel.figure.axes[-1].xaxis.label
    extent = label.get_window_extent(panel.canvas.get_renderer())
    assert extent.y0 >= 0 and label.get_text().startswith("day of the cycle")


def test_charts_view_switches_period_chart_and_symptoms(qtbot, window: MainWindow) -> None:
    diary = window.context.diary
    today = date.today()
    for offset in range(60):
        diary.entries.add(
            Entry(
                datetime.combine(today - timedelta(days=offset), datetime.min.time()),
                pain=offset % 10,
                nausea=2,
                weight_kg=60.0,
            )
        )
    window.show_view("charts")
    panel = window.views["charts"].panel
    assert panel is not None
    panel.period.setCurrentText("4 weeks")
    start, end = panel.period_dates()
    assert (end - start).days == 27
    series = {
        a.get_gid() for a in panel.figure.findobj() if (a.get_gid() or "").startswith("series:")
    }
    assert series == {"series:pain", "series:nausea", "series:fatigue"}
    panel.symptoms["fatigue"].setChecked(False)
    panel.symptoms["anxiety"].setChecked(True)
    series = {
        a.get_gid() for a in panel.figure.findobj() if (a.get_gid() or "").startswith("series:")
    }
    assert series == {"series:pain", "series:nausea", "series:anxiety"}
    panel.chart.setCurrentIndex(panel.chart.findData("weight"))
    assert any(a.get_gid() == "baseline" for a in panel.figure.findobj())
    panel.period.setCurrentText("All")
    assert panel.period_dates()[0] == today - timedelta(days=59)
