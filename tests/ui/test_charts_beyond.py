"""The Charts view offers the bowels chart and the side-effects strip, and the pointer
reads out their values with who gave them."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

from matplotlib.backend_bases import MouseEvent

from symptomlog.charts.builders import x
from symptomlog.domain import Entry
from symptomlog.store import Diary
from symptomlog.ui.charts_panel import ChartsPanel
from symptomlog.ui.main_window import MainWindow
from tests.gui_support import wait_for_chart

TODAY = date.today()


def test_bowels_and_side_effects_charts_draw_and_hover(qtbot, tmp_path: Path, diary: Diary) -> None:
    day = TODAY - timedelta(days=2)
    diary.entries.add(
        Entry(datetime.combine(day, time(9)), stools_above_usual=5, mouth_sores=3, numbness=0)
    )
    window = MainWindow(diary)
    qtbot.addWidget(window)
    window.resize(1024, 700)
    window.show()
    window.show_view("charts")
    panel = window.views["charts"].panel
    assert isinstance(panel, ChartsPanel)
    panel.chart.setCurrentIndex(panel.chart.findData("bowels"))
    wait_for_chart(qtbot, panel)
    gids = {a.get_gid() for ax in panel.figure.axes for a in ax.get_lines()}
    assert {"series:stools_above_usual", "series:days_since_bowels_opened"} <= gids
    axes = panel.figure.axes[0]
    px, py = axes.transData.transform((x(day) + 0.5, 5))
    panel._hover(MouseEvent("motion_notify_event", panel.canvas, px, py))
    assert "Stools above usual 5 (patient)" in panel.hover.text()
    assert "Days since bowels opened not recorded" in panel.hover.text()
    panel.chart.setCurrentIndex(panel.chart.findData("side_effects"))
    wait_for_chart(qtbot, panel)
    gids = {a.get_gid() for ax in panel.figure.axes for a in ax.get_lines()}
    assert "level3:mouth_sores" in gids and "none:numbness" in gids
