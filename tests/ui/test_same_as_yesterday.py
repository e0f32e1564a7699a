""" "Same as yesterday" on Today: fills the form from the newest entry, saves nothing itself."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from symptomlog.domain import Entry, Recorder
from symptomlog.ui.main_window import MainWindow


def _yesterday(hour: int) -> datetime:
    return (datetime.now() - timedelta(days=1)).replace(
        hour=hour, minute=0, second=0, microsecond=0
    )


def test_it_fills_the_newest_entrys_values_and_saves_nothing(qtbot, window: MainWindow) -> None:
    diary = window.context.diary
    diary.entries.add(Entry(_yesterday(8), pain=7, nausea=5, notes="older"))
    newest = Entry(
        _yesterday(20),
        pain=4,
        fatigue=6,
        weight_kg=61.5,
        temperature_c=38.3,
        vomiting_episodes=6,
        days_since_bowels_opened=2,
        bleeding=True,
        yellow_eyes=True,
        mouth_sores=2,
        notes="bad night",
    )
    diary.entries.add(newest)
    window.context.changed()
    today = window.today
    qtbot.mouseClick(today.same_button, Qt.MouseButton.LeftButton)
    form = today.form
    assert form.scales["pain"].value() == 4
    assert form.scales["fatigue"].value() == 6
    # measured or counted on the day: left for today's own (a copied fever would be red)
    assert [form.measures[n].text() for n in ("weight_kg", "temperature_c")] == ["", ""]
    assert form.measures["vomiting_episodes"].text() == ""
    asked = form.items.values()[0]
    assert "days_since_bowels_opened" in asked and asked["days_since_bowels_opened"] is None
    assert "bleeding" in asked and asked["bleeding"] is None  # a warning sign: today's answer
    assert form.signs["yellow_eyes"].value() is True
    assert form.items.values()[0]["mouth_sores"] == 2
    # what the newest entry left blank stays blank (not the older entry's 5), notes empty
    assert form.scales["nausea"].value() is None
    assert form.signs["dark_urine"].value() is None
    assert form.notes.toPlainText() == ""
    # "When" is now, not the entry's time; nothing was saved by the button
    assert abs(form.entry().recorded_at - datetime.now()) < timedelta(minutes=2)
    assert diary.entries.count() == 2
    shown = today.saved_label.text()
    assert f"Filled from {newest.recorded_at:%a %d %b %H:%M}" in shown
    assert "check each value, then Save" in shown and "Temperature, weight" in shown
    saved = today.save()
    assert saved is not None and saved.pain == 4 and saved.notes is None
    assert diary.entries.count() == 3


def test_who_records_stays_as_chosen(qtbot, window: MainWindow) -> None:
    window.context.diary.entries.add(Entry(_yesterday(9), pain=3))
    window.today.form.set_recorder(Recorder.CARER, "Sam")
    window.today.same_as_yesterday()
    form = window.today.form
    assert form.recorded_by.currentData() == Recorder.CARER.value
    assert form.recorder_name.text() == "Sam"


def test_typed_values_are_kept_unless_the_user_agrees(
    qtbot, window: MainWindow, monkeypatch
) -> None:
    window.context.diary.entries.add(Entry(_yesterday(9), pain=3))
    form = window.today.form
    form.scales["pain"].set_value(8)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.No)
    assert window.today.same_as_yesterday() is None
    assert form.scales["pain"].value() == 8
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    assert window.today.same_as_yesterday() is not None
    assert form.scales["pain"].value() == 3


def test_an_empty_diary_says_there_is_nothing_to_start_from(window: MainWindow) -> None:
    assert window.today.same_as_yesterday() is None
    assert "no earlier entry" in window.today.saved_label.text()
    assert not window.today.form.has_values()
