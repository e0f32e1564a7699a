"""The first-run step: asked once on a new own diary, skippable, stores the 24-hour line."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from symptomlog.demo import fill_demo
from symptomlog.domain import Profile, Recorder
from symptomlog.domain.profile import ContactKind
from symptomlog.store import Diary
from symptomlog.ui.main_window import MainWindow
from symptomlog.ui.own_diary import offer_first_run
from tests.gui_support import close_quietly

pytestmark = pytest.mark.usefixtures("own_settings")


def open_window(qtbot, diary: Diary) -> MainWindow:
    win = MainWindow(diary)
    win.show()
    qtbot.waitExposed(win)
    return win


def activate(qtbot, dialog: QDialog) -> None:
    """Alt shortcuts only reach the active window, as for a user."""
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)


def test_a_new_diary_asks_for_the_name_and_the_24_hour_line_by_keyboard(
    qtbot, diary: Diary
) -> None:
    win = open_window(qtbot, diary)
    dialog = offer_first_run(win)
    assert dialog is not None and dialog.isVisible()
    activate(qtbot, dialog)
    dialog.name.setFocus()
    qtbot.keyClicks(dialog.name, "Ann Jones")
    dialog.carer.setFocus()
    qtbot.keyClick(dialog.carer, Qt.Key.Key_Space)  # I am a carer
    assert dialog.carer.isChecked() and dialog.carer_name.isEnabled()
    qtbot.keyClicks(dialog.carer_name, "Tom")
    qtbot.keyClicks(dialog.line_24h, "0100 111 2222")
    dialog.team_kind.setCurrentIndex(dialog.team_kind.findData(ContactKind.PALLIATIVE.value))
    qtbot.keyClicks(dialog.team_name, "Sam Patel")
    qtbot.keyClicks(dialog.team_phone, "0100 111 3333")
    qtbot.keyClicks(dialog.team_hours, "Mon-Fri 9-5")
    qtbot.keyClick(dialog.team_hours, Qt.Key.Key_Return)  # Save is the default button
    assert not dialog.isVisible()
    profile = diary.profile.get()
    assert profile.name == "Ann Jones"
    assert profile.line_24h is not None and profile.line_24h.phone == "0100 111 2222"
    assert profile.daytime_contact is not None
    assert (profile.daytime_contact.name, profile.daytime_contact.hours) == (
        "Sam Patel",
        "Mon-Fri 9-5",
    )
    form = win.today.form
    assert form.recorded_by.currentData() == Recorder.CARER.value
    assert form.recorder_name.text() == "Tom"
    assert win.settings.value("entry/carer_name") == "Tom"
    assert offer_first_run(win) is None  # done: never again
    close_quietly(win)


def test_skipping_is_fine_and_it_is_not_asked_again(qtbot, diary: Diary) -> None:
    win = open_window(qtbot, diary)
    dialog = offer_first_run(win)
    assert dialog is not None
    activate(qtbot, dialog)
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)  # Skip for now
    assert not dialog.isVisible()
    assert diary.profile.get() == Profile()
    close_quietly(win)
    again = open_window(qtbot, diary)  # the next start
    assert offer_first_run(again) is None
    close_quietly(again)


def test_a_bad_number_keeps_the_dialog_open_with_the_reason(qtbot, diary: Diary) -> None:
    win = open_window(qtbot, diary)
    dialog = offer_first_run(win)
    assert dialog is not None
    dialog.team_name.setText("Sam Patel")  # a team with no phone number
    dialog.save_button.click()
    assert dialog.isVisible() and "Not saved" in dialog.message.text()
    assert "phone" in dialog.message.text()
    dialog.reject()
    close_quietly(win)


def test_the_demo_and_a_diary_already_set_up_are_not_asked(
    qtbot, diary: Diary, tmp_path: Path
) -> None:
    diary.profile.save(Profile(name="Ann Jones"))
    win = open_window(qtbot, diary)
    assert offer_first_run(win) is None
    close_quietly(win)
    with Diary.open(tmp_path / "demo-diary.sqlite3") as demo:
        fill_demo(demo, days=14)
        shown = open_window(qtbot, demo)
        assert offer_first_run(shown) is None
        close_quietly(shown)
