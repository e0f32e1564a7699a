"""The window's own saves are not "changed elsewhere"; another program's still are."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime

from symptomlog.domain import Entry, Profile
from symptomlog.ui.main_window import MainWindow


def status(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


def test_own_saves_are_not_reported_as_changed_elsewhere(window: MainWindow) -> None:
    window.today.form.scales["pain"].set_value(4)
    assert window.today.save() is not None
    window.context.check_for_changes()  # what the watcher's timer does
    assert "elsewhere" not in status(window)
    window.history.table.selectRow(0)
    window.history.delete_selected()
    window.context.check_for_changes()
    assert "elsewhere" not in status(window)
    window.context.diary.profile.save(Profile(name="Ann"))
    window.context.changed("Profile saved.")
    window.context.check_for_changes()
    assert "elsewhere" not in status(window)


def test_a_save_by_another_program_is_still_reported(window: MainWindow) -> None:
    window.today.form.scales["pain"].set_value(4)
    assert window.today.save() is not None
    path = window.context.diary.path
    done = subprocess.run(
        [sys.executable, "-m", "symptomlog", "--db", str(path), "add", "--pain", "7"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    window.context.check_for_changes()
    assert "changed elsewhere" in status(window)
    window.show_view("history")  # hidden views refresh when next shown
    assert window.history.model.rowCount() == 2


def test_a_save_in_another_diary_object_is_reported(window: MainWindow) -> None:
    from symptomlog.store import Diary

    with Diary.open(window.context.diary.path, backup=False) as other:  # type: ignore[arg-type]
        other.entries.add(Entry(datetime.now().replace(second=0, microsecond=0), nausea=3))
    window.context.check_for_changes()
    assert "changed elsewhere" in status(window)
