"""The Charts view draws the as-needed doses under pain and marks the events; the hover
names a day's doses and events."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta

import pytest
from matplotlib.backend_bases import MouseEvent

from symptomlog.charts.builders import x
from symptomlog.domain import Dose, Entry, Event, Medicine
from symptomlog.domain.event import EventKind, Outcome
from symptomlog.ui.charts_panel import ChartsPanel
from symptomlog.ui.main_window import MainWindow
from tests.gui_support import wait_for_chart

TODAY = date.today()
DOSE_DAY = TODAY - timedelta(days=5)


@pytest.fixture
def panel(qtbot, window: MainWindow) -> Iterator[ChartsPanel]:
    diary = window.context.diary
    for offset in range(20):
        day = TODAY - timedelta(days=offset)
        diary.entries.add(Entry(datetime.combine(day, time(9)), pain=4, nausea=2, fatigue=5))
    morphine = diary.medicines.add(
        Medicine("Oral morphine", "10 mg", True, "pain", 6, TODAY - timedelta(days=30))
    )
    assert morphine.id is not None
    for hour in (8, 13, 19):
        diary.medicines.record_dose(Dose(morphine.id, datetime.combine(DOSE_DAY, time(hour))))
    diary.events.add(
        Event(
            datetime.combine(DOSE_DAY, time(20)),
            EventKind.CALL,
            to_whom="24-hour line",
            outcome=Outcome.SEEN,
        )
    )
    window.context.changed()
    window.show_view("charts")
    chart_panel = window.views["charts"].panel
    assert isinstance(chart_panel, ChartsPanel)
    wait_for_chart(qtbot, chart_panel)
    yield chart_panel


def test_doses_panel_under_pain_and_the_event_marked(panel: ChartsPanel) -> None:
    gids = [a.get_gid() for a in panel.figure.axes]
    assert gids[:2] == ["panel:pain", "panel:doses"]
    bars = [
        p for p in panel.figure.axes[1].patches if p.get_gid() == "doses:pain" and p.get_height()
    ]
    assert [b.get_height() for b in bars] == [3]
    key = [t for t in panel.figure.axes[0].texts if t.get_gid() == "event-key"]
    assert key and "Call: seen" in key[0].get_text()


def test_the_temperature_chart_marks_the_event_too(qtbot, panel: ChartsPanel) -> None:
    panel.chart.setCurrentIndex(panel.chart.findData("temperature"))
    wait_for_chart(qtbot, panel)
    lines = [ln for a in panel.figure.axes for ln in a.get_lines() if ln.get_gid() == "event:1"]
    assert lines and lines[0].get_xdata()[0] == x(DOSE_DAY)


def test_hover_names_the_days_doses_and_events(panel: ChartsPanel) -> None:
    axes = panel.figure.axes[0]
    px, py = axes.transData.transform((x(DOSE_DAY) + 0.2, 4))
    panel._hover(MouseEvent("motion_notify_event", panel.canvas, px, py))
    text = panel.hover.text()
    assert "3 as-needed doses for pain" in text
    assert "Call to 24-hour line — Seen" in text
