"""The History view by qtbot: delete and undo by keyboard, correct in a dialog and undo,
filter by recorder and date, and a save from another window shown when next looked at."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from symptomlog.domain import Entry, Recorder
from symptomlog.store import Diary
from symptomlog.ui.history_view import EditDialog
from symptomlog.ui.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("own_settings")  # no remembered window settings


def _three_entries(diary: Diary) -> list[Entry]:
    now = datetime.now().replace(second=0, microsecond=0)
    return [
        diary.entries.add(
            Entry(
                now - timedelta(days=d), pain=d, recorded_by=Recorder.CARER, recorder_name="David"
            )
        )
        for d in (1, 2, 3)
    ]


def test_history_delete_and_undo_by_keyboard(qtbot, window: MainWindow) -> None:
    _three_entries(window.context.diary)
    window.show_view("history")
    history = window.history
    history.refresh()
    assert history.model.rowCount() == 3
    assert history.model.text(history.model.entry(0), "recorded_by") == "Carer — David"
    history.table.setFocus()
    history.table.selectRow(0)
    newest = history.selected()
    assert newest is not None and newest.pain == 1
    qtbot.keyClick(history.table, Qt.Key.Key_Delete)
    assert window.context.diary.entries.count() == 2
    assert history.model.rowCount() == 2
    qtbot.keyClick(history.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.context.diary.entries.count() == 3
    assert [a.action for a in window.context.diary.entries.audit(newest.id)] == [
        "delete",
        "restore",
    ]


def test_history_edit_in_a_dialog_and_undo_the_edit(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    entries = _three_entries(window.context.diary)
    window.show_view("history")
    history = window.history
    history.refresh()
    history.table.selectRow(2)  # the oldest: pain 3

    def correct(dialog: EditDialog) -> int:
        dialog.form.scales["pain"].set_value(5)
        dialog.try_save()
        return int(dialog.result())

    monkeypatch.setattr(EditDialog, "exec", correct)
    history.edit_selected()
    oldest = entries[2]
    assert oldest.id is not None
    assert window.context.diary.entries.get(oldest.id).pain == 5
    history.undo()
    assert window.context.diary.entries.get(oldest.id).pain == 3
    assert QDialog.DialogCode.Accepted.value == 1


def test_history_filters_by_recorder_and_date(window: MainWindow) -> None:
    diary = window.context.diary
    _three_entries(diary)
    diary.entries.add(Entry(datetime.now().replace(second=0, microsecond=0), pain=0))
    history = window.history
    history.refresh()
    assert history.model.rowCount() == 4
    history.recorder.setCurrentIndex(history.recorder.findData("carer"))
    assert history.model.rowCount() == 3
    history.start.setDate(history.end.date().addDays(-1))
    assert history.model.rowCount() == 1


def test_a_save_in_another_window_refreshes_this_one(window: MainWindow) -> None:
    other = Diary.open(window.context.diary.path, backup=False)  # type: ignore[arg-type]
    try:
        other.entries.add(Entry(datetime.now().replace(second=0, microsecond=0), pain=7))
    finally:
        other.close()
    window.context.check_for_changes()
    history = window.history
    assert history.when_seen.stale  # hidden: brought up to date when it is next shown
    window.show_view("history")
    assert history.model.rowCount() == 1 and history.model.entry(0).pain == 7
    assert not history.when_seen.stale
    assert "changed elsewhere" in window.statusBar().currentMessage()
