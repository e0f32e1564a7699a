"""The Charts view by qtbot: panels per ticked symptom, text that follows large text,
the hover naming who gave each value, every ticked symptom by day of the cycle."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from matplotlib.backend_bases import MouseEvent
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication

from symptomlog.charts.builders import x
from symptomlog.domain import ChemoCycle, Entry, Recorder
from symptomlog.store import Diary
from symptomlog.ui import charts_panel
from symptomlog.ui.charts_panel import ChartsPanel
from symptomlog.ui.main_window import MainWindow
from symptomlog.ui.style import apply_style
from tests.gui_support import wait_for_chart

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
    wait_for_chart(qtbot, chart_panel)
    yield chart_panel
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_style(app, False)


def tick_size(qtbot, panel: ChartsPanel) -> float:  # type: ignore[no-untyped-def]
    wait_for_chart(qtbot, panel)
    labels = [t for t in panel.figure.axes[-1].get_xticklabels() if t.get_text()]
    return labels[0].get_fontsize()


def test_one_panel_per_ticked_symptom(qtbot, panel: ChartsPanel) -> None:
    assert [a.get_gid() for a in panel.figure.axes] == [
        "panel:pain",
        "panel:fatigue",
        "panel:nausea",
    ]
    panel.symptoms["anxiety"].setChecked(True)
    wait_for_chart(qtbot, panel)
    assert len(panel.figure.axes) == 4 and panel.figure.axes[-1].get_gid() == "panel:anxiety"


def test_chart_text_follows_large_text(qtbot, panel: ChartsPanel) -> None:
    window = panel.window()
    assert isinstance(window, MainWindow)
    normal = tick_size(qtbot, panel)
    window.large_text.trigger()
    assert window.large_text.isChecked()
    large = tick_size(qtbot, panel)
    assert large == pytest.approx(normal * 1.35, rel=0.02)
    assert large >= QApplication.font().pointSizeF() - 0.01  # as large as the app's own text
    panel.chart.setCurrentIndex(panel.chart.findData("temperature"))
    assert tick_size(qtbot, panel) == pytest.approx(large, rel=0.02)  # the other charts too


def test_hover_names_who_gave_each_value(qtbot, panel: ChartsPanel) -> None:
    panel.chart.setCurrentIndex(panel.chart.findData("temperature"))
    wait_for_chart(qtbot, panel)
    axes = panel.figure.axes[0]
    px, py = axes.transData.transform((x(FEVER_DAY) + 0.5, 38.1))
    panel._hover(MouseEvent("motion_notify_event", panel.canvas, px, py))
    text = panel.hover.text()
    assert "Temperature 38.1 (patient)" in text
    assert "Carer" not in text and "carer" not in text


def test_by_cycle_day_shows_every_ticked_symptom(qtbot, panel: ChartsPanel) -> None:
    panel.chart.setCurrentIndex(panel.chart.findData("cycle_day"))
    wait_for_chart(qtbot, panel)
    assert [a.get_gid() for a in panel.figure.axes] == [
        "panel:pain",
        "panel:fatigue",
        "panel:nausea",
    ]
    assert all(any(line.get_gid() == "mean" for line in a.get_lines()) for a in panel.figure.axes)
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
    wait_for_chart(qtbot, panel)
    panel.period.setCurrentText("4 weeks")
    wait_for_chart(qtbot, panel)
    start, end = panel.period_dates()
    assert (end - start).days == 27
    series = {
        a.get_gid() for a in panel.figure.findobj() if (a.get_gid() or "").startswith("series:")
    }
    assert series == {"series:pain", "series:nausea", "series:fatigue"}
    panel.symptoms["fatigue"].setChecked(False)
    panel.symptoms["anxiety"].setChecked(True)
    wait_for_chart(qtbot, panel)
    series = {
        a.get_gid() for a in panel.figure.findobj() if (a.get_gid() or "").startswith("series:")
    }
    assert series == {"series:pain", "series:nausea", "series:anxiety"}
    panel.chart.setCurrentIndex(panel.chart.findData("weight"))
    wait_for_chart(qtbot, panel)
    assert any(a.get_gid() == "baseline" for a in panel.figure.findobj())
    panel.period.setCurrentText("All")
    assert panel.period_dates()[0] == today - timedelta(days=59)


def test_the_pointer_over_the_picture_reads_out_the_day(qtbot, panel: ChartsPanel) -> None:
    panel.chart.setCurrentIndex(panel.chart.findData("temperature"))
    wait_for_chart(qtbot, panel)
    axes = panel.figure.axes[0]
    px, py = axes.transData.transform((x(FEVER_DAY) + 0.5, 38.1))  # picture pixels, y up
    picture, image = panel.picture, panel.picture.image
    on_widget = QPoint(
        round(px * picture.width() / image.width()),
        round((image.height() - py) * picture.height() / image.height()),
    )
    qtbot.mouseMove(picture, on_widget)
    qtbot.waitUntil(lambda: "Temperature 38.1 (patient)" in panel.hover.text(), timeout=5000)
    assert f"{FEVER_DAY:%a %d %b %Y}" in panel.hover.text()


def test_the_window_answers_while_the_chart_is_drawn(
    qtbot, panel: ChartsPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    held, release, threads = threading.Event(), threading.Event(), []
    real = charts_panel.draw_chart

    def slow(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread().name)
        held.set()
        release.wait(30)
        return real(*args, **kwargs)

    monkeypatch.setattr(charts_panel, "draw_chart", slow)
    shown = panel.figure
    panel.period.setCurrentText("All")
    qtbot.waitUntil(held.is_set, timeout=20_000)  # the window's loop runs: a draw has begun
    # the drawing is under way: the window still takes a key press, the old chart stays
    qtbot.keyClick(panel.chart, Qt.Key.Key_Down)
    assert panel.chart.currentData() == "weight"
    assert not panel.settled and panel.figure is shown
    release.set()
    wait_for_chart(qtbot, panel)
    assert threads and all(name.startswith("chart-draw") for name in threads)
    gids = {a.get_gid() for a in panel.figure.findobj()}
    assert panel.figure is not shown and "series:weight_kg" in gids  # the newest choice
