"""The Medicines view: the list now, add / edit / stop through dialogs, recent doses."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QTimer

from symptomlog.domain import Dose, Medicine, Recorder
from symptomlog.domain.medicine import Purpose
from symptomlog.ui.main_window import MainWindow
from symptomlog.ui.medicines_view import MedicinesView


def _view(window: MainWindow) -> MedicinesView:
    window.show_view("medicines")
    view = window.views["medicines"]
    assert isinstance(view, MedicinesView)
    return view


def _cells(view: MedicinesView, table: str = "table") -> list[list[str]]:
    widget = getattr(view, table)
    return [
        [widget.item(r, c).text() for c in range(widget.columnCount())]
        for r in range(widget.rowCount())
    ]


def when_open(get, act) -> None:
    """Act on a dialog as soon as ``get()`` returns it visible (it runs modally)."""

    def attempt() -> None:
        dialog = get()
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(20, attempt)
            return
        act(dialog)

    QTimer.singleShot(0, attempt)


def test_the_list_shows_how_what_for_and_the_most_in_24_hours(window: MainWindow) -> None:
    diary = window.context.diary
    start = date.today() - timedelta(days=30)
    morphine = diary.medicines.add(Medicine("Oral morphine", "10 mg", True, "pain", 6, start))
    diary.medicines.add(Medicine("Creon", "25,000 units", False, "enzymes", None, start))
    old = diary.medicines.add(Medicine("Dexamethasone", "4 mg", False, "other", None, start))
    assert old.id is not None and morphine.id is not None
    diary.medicines.stop(old.id, date.today() - timedelta(days=2))
    now = datetime.now().replace(second=0, microsecond=0)
    diary.medicines.record_dose(Dose(morphine.id, now - timedelta(hours=2), "5 ml"))
    diary.medicines.record_dose(
        Dose(morphine.id, now - timedelta(hours=30), "5 ml", Recorder.CARER, "David")
    )
    window.context.changed()
    view = _view(window)
    rows = _cells(view)
    assert [r[0] for r in rows] == ["Creon 25,000 units", "Oral morphine 10 mg"]  # stopped hidden
    assert rows[1][1:5] == ["As needed", "Pain", "6", "1"]  # one dose in the last 24 hours
    assert rows[0][1:5] == ["Regular", "Digestion (enzymes)", "", ""]
    assert old.id is not None
    diary.medicines.record_dose(Dose(old.id, now - timedelta(days=3), "1 tablet"))
    window.context.changed()
    doses = _cells(view, "doses")
    assert [d[1] for d in doses] == ["Oral morphine 10 mg"] * 2  # as-needed only at first
    view.as_needed_only.setChecked(False)
    assert [d[1] for d in _cells(view, "doses")][-1] == "Dexamethasone 4 mg"
    view.as_needed_only.setChecked(True)
    assert doses[0][3] == "Patient" and doses[1][3].startswith("Carer") and "David" in doses[1][3]
    view.show_stopped.setChecked(True)
    assert "stopped" in _cells(view)[-1][5] and _cells(view)[-1][0] == "Dexamethasone 4 mg"


def test_add_a_medicine_through_the_dialog(qtbot, window: MainWindow) -> None:
    view = _view(window)

    def fill(dialog) -> None:
        dialog.name.setText("Ondansetron")
        dialog.strength.setText("8 mg")
        dialog.as_needed.setChecked(True)
        dialog.purpose.setCurrentIndex(dialog.purpose.findData("nausea"))
        dialog.maximum.setValue(2)
        dialog.try_save()

    when_open(lambda: getattr(view, "dialog", None), fill)
    view.add_button.click()
    stored = window.context.diary.medicines.all()
    assert [(m.label, m.as_needed, m.purpose, m.max_per_24h) for m in stored] == [
        ("Ondansetron 8 mg", True, Purpose.NAUSEA, 2)
    ]
    assert _cells(view)[0][0] == "Ondansetron 8 mg"
    assert "added" in view.message.text()
    # the new as-needed medicine has its button on Today
    assert list(window.today.doses.buttons) == [stored[0].id]


def test_a_bad_medicine_keeps_the_dialog_open_with_the_reason(qtbot, window: MainWindow) -> None:
    view = _view(window)
    seen: list[str] = []

    def fill(dialog) -> None:
        dialog.name.setText("   ")
        dialog.try_save()
        seen.append(dialog.message.text())
        dialog.reject()

    when_open(lambda: getattr(view, "dialog", None), fill)
    view.add()
    assert seen and "A medicine needs a name" in seen[0]
    assert window.context.diary.medicines.all() == []


def test_edit_and_stop_the_selected_medicine(qtbot, window: MainWindow) -> None:
    diary = window.context.diary
    added = diary.medicines.add(Medicine("Oral morphine", "10 mg", True, "pain", 6))
    window.context.changed()
    view = _view(window)
    view.select(added.id)

    def change(dialog) -> None:
        assert dialog.name.text() == "Oral morphine" and dialog.maximum.value() == 6
        dialog.maximum.setValue(4)
        dialog.try_save()

    when_open(lambda: getattr(view, "dialog", None), change)
    view.edit_button.click()
    assert diary.medicines.get(added.id).max_per_24h == 4
    view.select(added.id)
    when_open(lambda: getattr(view, "stop_dialog", None), lambda d: d.accept())
    view.stop_button.click()
    assert diary.medicines.get(added.id).stop == date.today()
    assert "its doses are kept" in view.message.text()
    view.select(added.id)
    assert "stopped" in _cells(view)[0][5]
    assert not view.stop_button.isEnabled()  # already stopped


def test_the_empty_list_says_why_and_the_words_go_once_there_is_one(window: MainWindow) -> None:
    diary = window.context.diary
    view = _view(window)
    assert view.message.text().startswith("No medicines yet")
    old = diary.medicines.add(
        Medicine("Cyclizine", "50 mg", True, "nausea", 3, date(2026, 1, 1), date(2026, 2, 1))
    )
    window.context.changed()
    assert old.id is not None and view.table.rowCount() == 0  # only a stopped one
    assert "tick “Show stopped medicines”" in view.message.text()
    diary.medicines.add(Medicine("Oral morphine", "10 mg", True, "pain", 6))
    window.context.changed()
    assert view.table.rowCount() == 1 and view.message.text() == ""
