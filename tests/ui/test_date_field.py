"""Date fields take dates as typed ("12", "Dec", "12 Dec 2025") and still step with ↑/↓."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt

from symptomlog.ui.date_field import DateField, parse_typed_date
from symptomlog.ui.main_window import MainWindow

SHOWN = date(2026, 3, 5)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("12", date(2026, 3, 12)),
        ("Dec", date(2026, 12, 5)),
        ("december", date(2026, 12, 5)),
        ("12 Dec", date(2026, 12, 12)),
        ("12 Dec 2025", date(2025, 12, 12)),
        ("Dec 12 2025", date(2025, 12, 12)),
        ("12/12/2025", date(2025, 12, 12)),
        ("1/2/25", date(2025, 2, 1)),
        ("2025-12-12", date(2025, 12, 12)),
    ],
)
def test_typed_dates_are_read_as_people_write_them(typed: str, meant: date) -> None:
    assert parse_typed_date(typed, SHOWN) == meant


@pytest.mark.parametrize("typed", ["", "soon", "31 Feb", "12 13 2025 4", "Foo 12"])
def test_unreadable_dates_are_refused(typed: str) -> None:
    assert parse_typed_date(typed, SHOWN) is None


def field(qtbot) -> DateField:
    widget = DateField(QDate(2026, 3, 5))
    qtbot.addWidget(widget)
    widget.show()
    widget.setFocus()
    return widget


def test_typing_12_then_enter_sets_the_day(qtbot) -> None:
    widget = field(qtbot)
    with qtbot.waitSignal(widget.dateChanged):
        widget.selectAll()
        qtbot.keyClicks(widget, "12")
        qtbot.keyClick(widget, Qt.Key.Key_Return)
    assert widget.date() == QDate(2026, 3, 12) and widget.text() == "12 Mar 2026"


def test_typing_a_month_name_sets_the_month(qtbot) -> None:
    widget = field(qtbot)
    widget.selectAll()
    qtbot.keyClicks(widget, "Dec")
    qtbot.keyClick(widget, Qt.Key.Key_Return)
    assert widget.date() == QDate(2026, 12, 5)


def test_arrow_keys_still_step_by_a_day(qtbot) -> None:
    widget = field(qtbot)
    qtbot.keyClick(widget, Qt.Key.Key_Up)
    qtbot.keyClick(widget, Qt.Key.Key_Up)
    qtbot.keyClick(widget, Qt.Key.Key_Down)
    assert widget.date() == QDate(2026, 3, 6)
    qtbot.keyClick(widget, Qt.Key.Key_PageUp)
    assert widget.date() == QDate(2026, 4, 6)


def test_an_unreadable_date_keeps_the_last_good_one_and_says_how(qtbot) -> None:
    widget = field(qtbot)
    widget.selectAll()
    qtbot.keyClicks(widget, "soon")
    qtbot.keyClick(widget, Qt.Key.Key_Return)
    assert widget.date() == QDate(2026, 3, 5) and widget.text() == "5 Mar 2026"
    assert "not a date" in widget.toolTip()


def test_the_history_filter_takes_a_typed_date(qtbot, window: MainWindow) -> None:
    window.show_view("history")
    start = window.history.start
    start.setFocus()
    start.selectAll()
    qtbot.keyClicks(start, "1 Jan 2026")
    qtbot.keyClick(start, Qt.Key.Key_Tab)  # leaving the field reads it
    assert start.date() == QDate(2026, 1, 1)
