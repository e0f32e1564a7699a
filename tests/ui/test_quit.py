"""Closing the window never loses an entry, and quitting after any dialog never crashes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from symptomlog.errors import CannotWrite
from symptomlog.ui.main_window import MainWindow
from tests.gui_support import answer_when_asked

pytestmark = pytest.mark.usefixtures("own_settings")

Button = QMessageBox.StandardButton


def type_pain(win: MainWindow, score: int = 6) -> None:
    win.today.form.scales["pain"].set_value(score)
    win.today.form.notes.setPlainText("could not sleep")


def test_closing_with_typed_values_asks_and_cancel_keeps_the_window(window: MainWindow) -> None:
    type_pain(window)
    seen: list[str] = []
    answer_when_asked(window, Button.Cancel, seen)
    assert window.close() is False
    assert seen and "not saved" in seen[0]
    assert window.isVisible() and window.today.form.scales["pain"].value() == 6


def test_save_in_the_question_stores_the_entry_then_closes(window: MainWindow) -> None:
    type_pain(window)
    answer_when_asked(window, Button.Save, [])
    assert window.close() is True
    [entry] = window.context.diary.entries.between()
    assert entry.pain == 6 and entry.notes == "could not sleep"


def test_discard_closes_without_saving(window: MainWindow) -> None:
    type_pain(window)
    answer_when_asked(window, Button.Discard, [])
    assert window.close() is True
    assert window.context.diary.entries.count() == 0


def test_after_a_failed_save_closing_still_asks_and_a_failing_save_keeps_it_open(
    window: MainWindow, monkeypatch
) -> None:
    def disk_full(_entry: object) -> object:
        raise CannotWrite("Could not save: database or disk is full")

    monkeypatch.setattr(window.context.diary.entries, "add", disk_full)
    type_pain(window)
    assert window.today.save() is None
    seen: list[str] = []
    answer_when_asked(window, Button.Save, seen)
    assert window.close() is False  # the save failed again: nothing may be lost
    assert seen and window.today.form.scales["pain"].value() == 6


def test_opening_another_diary_asks_first(window: MainWindow, tmp_path: Path) -> None:
    type_pain(window)
    seen: list[str] = []
    answer_when_asked(window, Button.Cancel, seen)
    assert window.switch_to(tmp_path / "other.sqlite3", True) is False
    assert seen and window.context.diary.path != tmp_path / "other.sqlite3"


def test_closing_with_nothing_typed_does_not_ask(window: MainWindow) -> None:
    assert window.close() is True


CHILD = Path(__file__).with_name("quit_child.py")


def test_opening_every_dialog_then_quitting_20_times_never_crashes(tmp_path: Path) -> None:
    """Each run is its own process: a crash on quit would kill pytest otherwise."""
    for run in range(20):
        done = subprocess.run(
            [sys.executable, str(CHILD), str(tmp_path)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        problem = f"run {run}: exit {done.returncode}\n{done.stderr[-2000:]}"
        assert done.returncode == 0, problem
        assert "opened:" in done.stdout, problem
        assert "QObject" not in done.stderr, problem
    assert done.stdout.split("opened:")[1].split() == [
        "first-run",
        "profile",
        "add-cycles",
        "edit-cycle",
        "deleted-entries",
        "edit-entry",
        "shortcuts",
        "about",
    ]


BUSY_CHILD = Path(__file__).with_name("quit_busy_child.py")


def test_quitting_while_a_chart_and_a_preview_are_made_never_crashes(tmp_path: Path) -> None:
    """Closed at once, or a moment later, while helper threads read, draw and build."""
    for run, delay_ms in enumerate((0, 30, 80, 150, 300, 600)):
        done = subprocess.run(
            [sys.executable, str(BUSY_CHILD), str(tmp_path), str(delay_ms)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        problem = f"run {run} (close after {delay_ms} ms): exit {done.returncode}\n"
        problem += done.stderr[-2000:]
        assert done.returncode == 0, problem
        assert "busy: True" in done.stdout, problem  # it really was at work when closed
        assert "QObject" not in done.stderr and "Traceback" not in done.stderr, problem
