"""The Today form of issue 16: ESAS-r as published first, then only the items beyond
ESAS-r this patient is asked (by regimen, or the profile's choice), saved as values and
shown again when an entry is corrected."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt

from symptomlog.domain import ChemoCycle, Entry, Profile
from symptomlog.domain.fields import ESAS_SCALES
from symptomlog.store import Diary


def test_esas_r_comes_first_all_nine_visible_in_order(window) -> None:
    form = window.today.form
    esas = form.inputs()[4:15]
    assert [w.scale.name for w in esas if hasattr(w, "scale")] == [
        *(s.name for s in ESAS_SCALES),
        "other_problem",
    ]
    assert all(form.scales[s.name].isVisible() for s in ESAS_SCALES)
    assert not hasattr(form, "more_button")  # nothing of ESAS-r is folded away


def test_the_items_asked_follow_the_regimen_then_the_profile(qtbot, window) -> None:
    diary: Diary = window.context.diary
    items = window.today.form.items
    assert items.inputs["shivering"].isVisible()  # everyone: warning signs and bowels
    assert not items.inputs["sore_hands_feet"].isVisible()
    diary.cycles.add([ChemoCycle("capecitabine", 1, date(2026, 3, 2))])
    window.context.changed("cycle added")
    qtbot.waitUntil(lambda: items.inputs["sore_hands_feet"].isVisible())
    diary.profile.save(Profile(form_items=("mouth_sores",)))
    window.context.changed("profile saved")
    qtbot.waitUntil(lambda: not items.inputs["sore_hands_feet"].isVisible())
    assert items.inputs["mouth_sores"].isVisible() and not items.inputs["shivering"].isVisible()


def test_new_items_typed_are_saved_and_blank_stays_blank(qtbot, window) -> None:
    form = window.today.form
    form.scales["pain"].set_value(2)
    qtbot.keyClick(form.items.inputs["clot_signs"], Qt.Key.Key_Y)
    form.items.inputs["days_since_bowels_opened"].setText("3")
    form.esas.other_name.setText("Hiccups")
    form.scales["other_problem"].set_value(6)
    assert window.today.save() is not None
    [saved] = window.context.diary.entries.between()
    assert saved.clot_signs is True and saved.days_since_bowels_opened == 3
    assert (saved.other_problem_name, saved.other_problem) == ("Hiccups", 6)
    assert saved.bleeding is None and saved.mouth_sores is None  # not asked: blank
    assert form.items.values()[0]["clot_signs"] is None  # ready for the next entry
    assert form.esas.other_name.text() == ""


def test_a_number_out_of_range_is_named_next_to_its_item(window) -> None:
    form = window.today.form
    form.items.inputs["days_since_bowels_opened"].setText("31")
    assert window.today.save() is None
    message = form.errors["days_since_bowels_opened"]
    assert not message.isHidden() and "from 0 to 30" in message.text()


def test_correcting_an_entry_shows_its_items_even_if_no_longer_asked(qtbot, window) -> None:
    from symptomlog.ui.history_view import EditDialog

    entry = Entry(datetime(2026, 3, 1, 9, 30), numbness=2, other_problem_name="Hiccups")
    dialog = EditDialog(entry, lambda e: None, window)
    qtbot.addWidget(dialog)
    dialog.form.set_items_asked(())
    dialog.show()
    assert dialog.form.items.inputs["numbness"].isVisible()
    assert dialog.form.esas.other_name.text() == "Hiccups"
    assert dialog.form.entry().numbness == 2
