"""Today's "Took a dose" buttons and "What happened?" on the red banner."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt, QTimer

from symptomlog.domain import ChemoCycle, Contact, Dose, Medicine, Profile, Recorder
from symptomlog.domain.event import EventKind, Outcome
from symptomlog.domain.words import ordinal
from symptomlog.errors import DiaryUnavailable
from symptomlog.ui.main_window import MainWindow
from tests.gui_support import wait_for_flags

LINE = Contact("24h-line", "Acute Oncology", "0100 000 0000", "24 hours")
NURSE = Contact("palliative", "Sam Nurse", "0100 000 0001", "Mon–Fri 9–5")


class Clock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def morphine(window: MainWindow) -> Medicine:
    diary = window.context.diary
    diary.profile.save(Profile(contacts=(LINE, NURSE)))
    start = date.today() - timedelta(days=10)
    diary.medicines.add(Medicine("Morphine sulfate MR", "20 mg", False, "pain", 2, start))
    medicine = diary.medicines.add(Medicine("Oral morphine", "10 mg", True, "pain", 6, start))
    window.context.changed()
    return medicine


@pytest.fixture
def clock(window: MainWindow) -> Clock:
    moved = Clock(datetime.now().replace(second=0, microsecond=0) - timedelta(hours=1))
    window.today.doses.clock = moved
    return moved


def test_only_as_needed_medicines_get_a_button(window: MainWindow, morphine: Medicine) -> None:
    doses = window.today.doses
    assert doses.isVisible()
    assert list(doses.buttons) == [morphine.id]
    assert doses.buttons[morphine.id].text() == "Oral morphine 10 mg — no dose yet"


def test_taking_a_dose_stores_it_and_the_time_since_updates(
    qtbot, window: MainWindow, morphine: Medicine, clock: Clock
) -> None:
    diary = window.context.diary
    assert morphine.id is not None
    diary.medicines.record_dose(Dose(morphine.id, clock.now - timedelta(hours=3, minutes=20)))
    window.today.doses.refresh()
    button = window.today.doses.buttons[morphine.id]
    assert button.text() == "Oral morphine 10 mg — taken 3 h 20 min ago"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    stored = diary.medicines.doses(medicine_id=morphine.id)
    assert [d.taken_at for d in stored][-1] == clock.now
    assert stored[-1].given_by is Recorder.PATIENT
    assert button.text() == "Oral morphine 10 mg — taken just now"
    clock.now += timedelta(minutes=45)
    window.today.doses.update_times()  # what the half-minute timer does
    assert button.text() == "Oral morphine 10 mg — taken 45 min ago"
    message = window.today.doses.message.text()
    assert f"dose recorded at {stored[-1].taken_at:%H:%M}" in message
    assert "⚠" not in message


def test_a_dose_recorded_by_a_carer_is_marked_as_the_carers(
    qtbot, window: MainWindow, morphine: Medicine, clock: Clock
) -> None:
    window.today.form.set_recorder(Recorder.CARER, "David")
    assert morphine.id is not None
    qtbot.mouseClick(window.today.doses.buttons[morphine.id], Qt.MouseButton.LeftButton)
    dose = window.context.diary.medicines.doses(medicine_id=morphine.id)[-1]
    assert dose.given_by is Recorder.CARER and dose.giver_name == "David"
    assert "given by carer (David)" in window.today.doses.message.text()


def test_the_24_hour_maximum_warns_and_never_blocks(
    qtbot, window: MainWindow, morphine: Medicine, clock: Clock
) -> None:
    diary = window.context.diary
    assert morphine.id is not None
    diary.medicines.record_dose(Dose(morphine.id, clock.now - timedelta(hours=25)))  # outside
    for hours in (20, 15, 10, 6, 2):
        diary.medicines.record_dose(Dose(morphine.id, clock.now - timedelta(hours=hours)))
    window.today.doses.refresh()
    button = window.today.doses.buttons[morphine.id]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    message = window.today.doses.message.text()
    assert (
        "That is the 6th dose of Oral morphine 10 mg in 24 hours — the most your team set. "
        "If the pain is not controlled, call your care team (0100 000 0001)." in message
    )
    assert window.today.doses.message.property("state") == "warning"
    clock.now += timedelta(minutes=10)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # a 7th is still recorded
    assert len(diary.medicines.doses(medicine_id=morphine.id)) == 8
    assert "7th dose" in window.today.doses.message.text()
    assert "more than the 6 your team set" in window.today.doses.message.text()


def test_a_maximum_changed_by_the_team_is_the_one_warned_at(
    qtbot, window: MainWindow, morphine: Medicine, clock: Clock
) -> None:
    """The button must not keep the medicine as it was when the buttons were built."""
    diary = window.context.diary
    assert morphine.id is not None
    diary.medicines.update(replace(morphine, max_per_24h=4))  # the team lowered it
    window.context.changed()
    for hours in (10, 6, 2):
        diary.medicines.record_dose(Dose(morphine.id, clock.now - timedelta(hours=hours)))
    qtbot.mouseClick(window.today.doses.buttons[morphine.id], Qt.MouseButton.LeftButton)
    assert "4th dose of Oral morphine 10 mg in 24 hours — the most your team set" in (
        window.today.doses.message.text()
    )


def test_an_unreadable_diary_never_says_no_dose_yet(
    window: MainWindow, morphine: Medicine, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unreadable(*_args: object) -> None:
        raise DiaryUnavailable("The diary is locked by another program")

    monkeypatch.setattr(window.context.diary.medicines, "last_dose", unreadable)
    window.today.doses.update_times()
    assert morphine.id is not None
    text = window.today.doses.buttons[morphine.id].text()
    assert "no dose yet" not in text and "last dose unknown" in text


def test_below_the_maximum_there_is_no_warning(
    qtbot, window: MainWindow, morphine: Medicine, clock: Clock
) -> None:
    assert morphine.id is not None
    for hours in (20, 15, 10, 6):
        window.context.diary.medicines.record_dose(
            Dose(morphine.id, clock.now - timedelta(hours=hours))
        )
    qtbot.mouseClick(window.today.doses.buttons[morphine.id], Qt.MouseButton.LeftButton)
    assert "⚠" not in window.today.doses.message.text()
    assert window.today.doses.message.property("state") == ""


def test_undo_takes_back_a_mistaken_tap(
    qtbot, window: MainWindow, morphine: Medicine, clock: Clock
) -> None:
    assert morphine.id is not None
    doses = window.today.doses
    qtbot.mouseClick(doses.buttons[morphine.id], Qt.MouseButton.LeftButton)
    assert len(window.context.diary.medicines.doses()) == 1
    assert doses.undo_button.isVisible()
    qtbot.mouseClick(doses.undo_button, Qt.MouseButton.LeftButton)
    assert window.context.diary.medicines.doses() == []
    assert "was removed" in doses.message.text()
    assert not doses.undo_button.isVisible()
    assert doses.buttons[morphine.id].text() == "Oral morphine 10 mg — no dose yet"


@pytest.mark.parametrize(
    ("n", "word"),
    [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (6, "6th"),
        (11, "11th"),
        (12, "12th"),
        (21, "21st"),
        (22, "22nd"),
    ],
)
def test_ordinals(n: int, word: str) -> None:
    assert ordinal(n) == word


def test_what_happened_stores_the_call_linked_to_the_flag(qtbot, window: MainWindow) -> None:
    diary = window.context.diary
    diary.profile.save(Profile(contacts=(NURSE, LINE)))
    diary.cycles.add([ChemoCycle("mfolfirinox", 1, date.today() - timedelta(days=5))])
    window.today.form.measures["temperature_c"].setText("38.4")
    assert window.today.save() is not None
    wait_for_flags(qtbot, window)
    banner = window.today.banner
    assert banner.isVisible() and banner.what_happened.isVisible()
    seen: list[str] = []

    def fill() -> None:
        dialog = window.today.what_dialog
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(20, fill)
            return
        seen.append(dialog.to_whom.text())
        dialog.advice.setPlainText("Come to the assessment unit now")
        dialog.outcome_buttons[Outcome.ADMITTED].setChecked(True)
        dialog.try_save()

    QTimer.singleShot(0, fill)
    qtbot.mouseClick(banner.what_happened, Qt.MouseButton.LeftButton)
    assert seen == ["24-hour line — Acute Oncology"]  # prefilled with the 24-hour line
    events = diary.events.between()
    assert len(events) == 1
    call = events[0]
    assert call.kind is EventKind.CALL and call.outcome is Outcome.ADMITTED
    assert call.to_whom == "24-hour line — Acute Oncology"
    assert call.advice == "Come to the assessment unit now"
    assert call.flag_day == date.today()
    assert diary.events.after_flag(date.today()) == events
    wait_for_flags(qtbot, window)  # the banner is judged again and shows the call
    assert "Admitted" in banner.followed.text() and banner.followed.isVisible()
    assert banner.what_happened.text() == "Add what happ&ened"


def test_what_happened_cancelled_stores_nothing(qtbot, window: MainWindow) -> None:
    diary = window.context.diary
    diary.cycles.add([ChemoCycle("mfolfirinox", 1, date.today() - timedelta(days=5))])
    window.today.form.measures["temperature_c"].setText("38.4")
    window.today.save()
    wait_for_flags(qtbot, window)
    assert window.today.banner.isVisible()

    def cancel() -> None:
        dialog = window.today.what_dialog
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(20, cancel)
            return
        assert dialog.to_whom.text() == ""  # no 24-hour line stored: nothing made up
        dialog.reject()

    QTimer.singleShot(0, cancel)
    assert window.today.what_happened() is None
    assert diary.events.between() == []
