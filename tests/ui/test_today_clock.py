"""Today: "When" follows the clock until the user changes it; a failed save looks like one."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from symptomlog.errors import CannotWrite
from symptomlog.ui.main_window import MainWindow


class Clock:
    """A clock the test moves: no waiting, no timing asserts."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock(window: MainWindow) -> Clock:
    start = (datetime.now() - timedelta(days=2)).replace(
        hour=23, minute=50, second=0, microsecond=0
    )
    moved = Clock(start)
    window.today.form.clock = moved
    window.today.form.set_now()
    return moved


def test_an_untouched_when_is_the_moment_of_saving(window: MainWindow, clock: Clock) -> None:
    window.today.form.scales["pain"].set_value(3)
    clock.now += timedelta(minutes=5)  # typed slowly: saved at 23:55, not 23:50
    saved = window.today.save()
    assert saved is not None and saved.recorded_at == clock.now


def test_a_window_left_open_overnight_files_the_entry_under_today(
    window: MainWindow, clock: Clock
) -> None:
    clock.now += timedelta(hours=9)  # the next morning, 08:50
    window.today.form.follow_clock()  # what the minute timer does
    assert window.today.form.when.date().day() == clock.now.day
    window.today.form.scales["nausea"].set_value(2)
    saved = window.today.save()
    assert saved is not None and saved.recorded_at.date() == clock.now.date()


def test_a_when_the_user_changed_stays_as_chosen(qtbot, window: MainWindow, clock: Clock) -> None:
    form = window.today.form
    form.when.setFocus()
    form.when.setCurrentSection(form.when.Section.HourSection)
    qtbot.keyClick(form.when, Qt.Key.Key_Down)  # one hour earlier: 22:50
    chosen = clock.now - timedelta(hours=1)
    clock.now += timedelta(minutes=30)
    form.follow_clock()
    form.scales["pain"].set_value(5)
    saved = window.today.save()
    assert saved is not None and saved.recorded_at == chosen
    clock.now += timedelta(minutes=1)  # after a save the next entry follows the clock again
    form.follow_clock()
    assert form.when.dateTime().toString("HH:mm") == clock.now.strftime("%H:%M")


def test_a_failed_save_is_shown_as_an_error_with_an_icon_and_keeps_the_values(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    today = window.today
    today.form.scales["pain"].set_value(2)
    assert today.save() is not None
    assert today.saved_label.property("state") == "saved" and today.saved_icon.isHidden()

    def locked(_entry: object) -> object:
        raise CannotWrite("The diary is locked by another program")

    monkeypatch.setattr(window.context.diary.entries, "add", locked)
    today.form.scales["pain"].set_value(7)
    assert today.save() is None
    assert today.saved_label.text().startswith("⚠ Not saved")
    assert today.saved_label.property("state") == "error"
    assert not today.saved_icon.isHidden()  # colour is never the only signal
    assert "#9b0000" in qt_stylesheet()  # the error colour, for the state set above
    assert today.form.scales["pain"].value() == 7


def qt_stylesheet() -> str:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    sheet = app.styleSheet()
    assert '#savedMessage[state="error"]' in sheet
    return sheet
