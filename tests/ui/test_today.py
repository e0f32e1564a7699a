"""The Today view by keyboard and by qtbot: fill and save with the keys alone, a tab order
that follows the form, a blank or impossible entry refused next to the field, a failed save
that keeps what was typed, and the red message after a dangerous value."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from symptomlog.domain import ChemoCycle, Contact, Entry, Profile
from symptomlog.errors import CannotWrite
from symptomlog.ui.main_window import MainWindow
from tests.gui_support import focused, tab, wait_for_flags

pytestmark = pytest.mark.usefixtures("own_settings")  # no remembered window settings


def test_fill_and_save_today_by_keyboard_alone(qtbot, window: MainWindow) -> None:
    form = window.today.form
    form.scales["pain"].setFocus()
    assert focused() is form.scales["pain"]
    qtbot.keyClick(focused(), Qt.Key.Key_3)
    assert tab(qtbot) is form.scales["fatigue"]  # ESAS-r's published order
    qtbot.keyClicks(focused(), "10")  # "1" then "0" is ten
    assert tab(qtbot) is form.scales["drowsiness"]
    qtbot.keyClick(focused(), Qt.Key.Key_Right)  # from blank, an arrow starts at 0
    qtbot.keyClick(focused(), Qt.Key.Key_Right)
    assert tab(qtbot) is form.scales["nausea"]
    assert tab(qtbot, 5) is form.scales["wellbeing"]  # the nine, all on the form
    assert tab(qtbot) is form.esas.other_name  # ESAS-r's tenth: named, then scored
    assert tab(qtbot) is form.scales["other_problem"]
    assert tab(qtbot) is form.measures["vomiting_episodes"]
    assert tab(qtbot) is form.measures["weight_kg"]
    qtbot.keyClicks(focused(), "61.2")
    assert tab(qtbot, 2) is form.signs["yellow_eyes"]  # temperature left blank
    qtbot.keyClick(focused(), Qt.Key.Key_N)
    qtbot.keyClick(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    [saved] = window.context.diary.entries.between()
    assert (saved.pain, saved.fatigue, saved.drowsiness, saved.weight_kg) == (3, 10, 1, 61.2)
    assert saved.nausea is None and saved.other_problem is None
    assert saved.yellow_eyes is False
    # Blank stays blank: nothing typed is None, never 0.
    assert saved.temperature_c is None and saved.vomiting_episodes is None
    assert saved.yellow_skin is None and saved.itch is None and saved.appetite is None
    assert (
        "Saved" in window.today.saved_label.text() and "Pain 3" in window.today.saved_label.text()
    )
    assert form.scales["pain"].value() is None  # the form is ready for the next entry
    assert "Pain 3" in window.today.today_list.item(0).text()


def test_the_tab_order_follows_the_form_and_every_input_has_a_name(
    qtbot,
    window: MainWindow,
) -> None:
    form = window.today.form
    chain = form.inputs()
    assert all(widget.accessibleName() for widget in chain)
    reachable = [w for w in chain if w.isVisible() and w.isEnabled()]
    reachable[0].setFocus()
    for expected in reachable[1:]:
        now = tab(qtbot)
        assert now is expected or expected.isAncestorOf(now), expected.accessibleName()
    assert tab(qtbot) is window.today.save_button
    assert window.today.save_button.accessibleName() == "Save entry"


def test_a_blank_form_is_not_saved(qtbot, window: MainWindow) -> None:
    window.today.save()
    assert window.context.diary.entries.count() == 0
    assert "Nothing to save" in window.today.form.errors[""].text()


def test_an_impossible_value_says_why_next_to_the_field_and_keeps_what_was_typed(
    window: MainWindow,
) -> None:
    form = window.today.form
    form.measures["weight_kg"].setText("500")
    form.scales["pain"].set_value(4)
    assert window.today.save() is None
    assert window.context.diary.entries.count() == 0
    message = form.errors["weight_kg"]
    assert not message.isHidden() and "Weight" in message.text() and "500" in message.text()
    assert form.measures["weight_kg"].text() == "500" and form.scales["pain"].value() == 4


def test_a_failed_save_keeps_the_entry_in_the_form(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(_entry: Entry) -> Entry:
        raise CannotWrite("Could not save to /x/diary.sqlite3: database or disk is full")

    monkeypatch.setattr(window.context.diary.entries, "add", disk_full)
    form = window.today.form
    form.scales["pain"].set_value(6)
    form.notes.setPlainText("a bad night")
    assert window.today.save() is None
    assert "Not saved" in window.today.saved_label.text()
    assert "disk is full" in window.today.saved_label.text()
    assert form.scales["pain"].value() == 6 and form.notes.toPlainText() == "a bad night"


def test_saving_a_fever_on_chemotherapy_shows_the_red_message_with_the_number(
    qtbot, window: MainWindow
) -> None:
    diary = window.context.diary
    diary.cycles.add([ChemoCycle("mfolfirinox", 1, date.today() - timedelta(days=9))])
    diary.profile.save(Profile(contacts=(Contact("24h-line", "Acute Oncology", "0100 000 0000"),)))
    form = window.today.form
    form.measures["temperature_c"].setText("38.4")
    assert window.today.save() is not None
    wait_for_flags(qtbot, window)
    banner = window.today.banner
    assert not banner.isHidden()
    assert "Call your 24-hour line now: 0100 000 0000" in banner.heading.text()
    assert "38.4" in banner.details.text() and "not a diagnosis" in banner.details.text()


def test_red_message_asks_for_the_number_when_none_is_stored(qtbot, window: MainWindow) -> None:
    window.today.form.measures["vomiting_episodes"].setText("6")
    window.today.save()
    wait_for_flags(qtbot, window)
    assert "Add the number in Profile" in window.today.banner.heading.text()
