"""The daily reminder fires a notification while the app runs; start at login on Linux."""

from __future__ import annotations

import sys
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QSystemTrayIcon

from symptomlog.domain import Entry
from symptomlog.ui import autostart
from symptomlog.ui.main_window import MainWindow
from symptomlog.ui.reminders import TEXT, RemindersDialog


def _evening() -> datetime:
    return datetime.now().replace(hour=21, minute=0, second=0, microsecond=0)


def test_the_timer_gives_the_reminder_as_a_message_when_there_is_no_tray(
    qtbot, window: MainWindow
) -> None:
    assert not QSystemTrayIcon.isSystemTrayAvailable()  # off screen: the fallback is used
    reminder = window.reminder
    reminder.clock = _evening
    reminder.set(True, time(19, 0))
    reminder.timer.setInterval(10)  # instead of half a minute
    with qtbot.waitSignal(reminder.sig_due, timeout=3000):
        pass
    assert reminder.message is not None and reminder.message.isVisible()
    assert reminder.message.text() == TEXT
    assert not reminder.message.isModal()  # the window stays usable
    assert reminder.last_given() == _evening().date()
    assert not reminder.check()  # once a day


def test_no_reminder_on_a_day_with_an_entry(window: MainWindow) -> None:
    window.context.diary.entries.add(Entry(datetime.now().replace(second=0, microsecond=0), pain=2))
    reminder = window.reminder
    reminder.clock = lambda: datetime.now() + timedelta(minutes=1)
    reminder.set(True, time(0, 0))
    assert not reminder.check()
    assert reminder.message is None


def test_switched_off_it_never_reminds(window: MainWindow) -> None:
    reminder = window.reminder
    reminder.clock = _evening
    reminder.set(False, time(19, 0))
    assert not reminder.timer.isActive()
    assert not reminder.check()


def test_the_choice_is_kept_in_the_window_settings(qtbot, window: MainWindow) -> None:
    dialog = RemindersDialog(window.reminder, window)
    qtbot.addWidget(dialog)
    dialog.remind.setChecked(True)
    dialog.time.setTime(dialog.time.time().fromString("07:45", "HH:mm"))
    dialog.accept()
    assert window.settings.value("reminder/enabled", type=bool) is True
    assert window.reminder.at() == time(7, 45)
    assert window.reminder.timer.isActive()
    assert RemindersDialog(window.reminder, window).time.time().toString("HH:mm") == "07:45"


def test_the_open_today_button_shows_today(qtbot, window: MainWindow) -> None:
    window.show_view("charts")
    window.reminder.notify()
    box = window.reminder.message
    assert box is not None
    today_button = next(b for b in box.buttons() if "Today" in b.text())
    today_button.click()
    assert window.current_view() == "today"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG autostart is Linux only")
def test_start_at_login_writes_and_removes_the_autostart_entry(qtbot, window: MainWindow) -> None:
    config = Path(autostart.autostart_path()).parent.parent
    assert str(config).endswith("config")  # the test's own XDG_CONFIG_HOME, not the user's
    dialog = RemindersDialog(window.reminder, window)
    qtbot.addWidget(dialog)
    dialog.login.setChecked(True)
    dialog.accept()
    path = autostart.autostart_path()
    text = path.read_text(encoding="utf-8")
    assert text.startswith("[Desktop Entry]\n") and "\nType=Application\n" in text
    assert "\nExec=" in text and "symptomlog" in text.split("\nExec=")[1].splitlines()[0]
    assert path.stat().st_mode & 0o777 == 0o600
    again = RemindersDialog(window.reminder, window)
    qtbot.addWidget(again)
    assert again.login.isChecked()
    again.login.setChecked(False)
    again.accept()
    assert not path.exists()


def test_a_failed_write_keeps_the_dialog_open_with_the_reason(
    qtbot, window: MainWindow, monkeypatch
) -> None:
    folder = autostart.autostart_path().parent
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.write_text("a file where the folder should be", encoding="utf-8")
    monkeypatch.setattr(autostart, "is_supported", lambda: True)
    dialog = RemindersDialog(window.reminder, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.login.setChecked(True)
    dialog.accept()
    assert dialog.isVisible()
    assert "Start at login was not changed" in dialog.problem.text()
    assert not autostart.is_enabled()


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["/usr/bin/symptomlog"], "/usr/bin/symptomlog"),
        (["/opt/my apps/symptomlog", "50%"], '"/opt/my apps/symptomlog" 50%%'),
        (["/home/a$b/python"], '"/home/a\\\\$b/python"'),
    ],
)
def test_the_exec_line_is_quoted_as_the_desktop_entry_specification_asks(
    words: list[str], expected: str
) -> None:
    assert autostart._exec_quote(words) == expected


def test_a_damaged_last_given_setting_counts_for_no_day(window: MainWindow) -> None:
    window.settings.setValue("reminder/last_given", "not a date")
    assert window.reminder.last_given() is None
    window.settings.setValue("reminder/last_given", date(2026, 1, 2).isoformat())
    assert window.reminder.last_given() == date(2026, 1, 2)
