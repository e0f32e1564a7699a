"""The user's own diary: starting it from the demo, the first-run step, and where new ones go.

New diaries go in the data folder (not the home folder) and become the diary a
plain ``symptomlog`` opens next time (``diary_choice``), so the user never ends up
with a demo, a diary in their home folder and an empty third one.
"""

from __future__ import annotations

from contextlib import suppress
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from symptomlog.diary_choice import remember_diary
from symptomlog.domain import Recorder
from symptomlog.errors import SymptomlogError
from symptomlog.store.paths import DIARY_FILENAME, data_dir, ensure_private_folder
from symptomlog.ui.demo_strip import is_demo
from symptomlog.ui.first_run import FirstRunDialog, needs_first_run

if TYPE_CHECKING:
    from symptomlog.ui.main_window import MainWindow

OFFERED_KEY = "first_run/offered"
"""Diaries whose first-run step was shown (saved or skipped): never shown twice."""


def own_diary_path() -> Path:
    return data_dir() / DIARY_FILENAME


def suggested_new_path() -> Path:
    """Where File ▸ New diary starts: the data folder, a name not yet taken."""
    folder = data_dir()
    ensure_private_folder(folder)
    path = folder / DIARY_FILENAME
    if path.exists():
        path = folder / f"diary-{date.today():%Y-%m-%d}.sqlite3"
    return path


def made_default(path: Path) -> None:
    """A diary the user created is the one the app opens next time."""
    with suppress(OSError):  # the diary itself is fine; only the choice was not kept
        remember_diary(path)


def _offered(settings: QSettings) -> list[str]:
    value = settings.value(OFFERED_KEY, [])
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value] if isinstance(value, list) else []


def should_offer_first_run(window: MainWindow) -> bool:
    diary = window.context.diary
    if diary.path is None or is_demo(diary):
        return False
    if str(diary.path) in _offered(window.settings):
        return False
    try:
        return needs_first_run(diary.profile.get())
    except SymptomlogError:
        return False


def offer_first_run(window: MainWindow) -> FirstRunDialog | None:
    """Open the first-run step (window-modal, not blocking) on a diary nobody set up."""
    if not should_offer_first_run(window):
        return None
    dialog = FirstRunDialog(window.context.diary.profile.get(), window)
    dialog.finished.connect(lambda _code: first_run_finished(window, dialog))
    window.first_run = dialog
    dialog.open()
    return dialog


def first_run_finished(window: MainWindow, dialog: FirstRunDialog) -> None:
    """Store what was typed (if saved), remember that the step was offered, tidy up."""
    path = window.context.diary.path
    window.settings.setValue(OFFERED_KEY, [*_offered(window.settings), str(path)])
    window.first_run = None
    dialog.deleteLater()
    if dialog.saved is None:
        return
    try:
        window.context.diary.profile.save(dialog.saved)
    except SymptomlogError as error:
        QMessageBox.warning(
            window, "The details were not saved", f"{error}\n\nUse Profile (Ctrl+P)."
        )
        return
    carer = dialog.carer_name_typed()
    if carer is not None:
        window.today.form.set_recorder(Recorder.CARER, carer)
    window.remember_recorder()
    window.context.changed("Saved the patient's details and care team.")


def start_own_diary(window: MainWindow) -> bool:
    """From the demo: open the user's own diary in the data folder (created if new)."""
    path = own_diary_path()
    ensure_private_folder(path.parent)
    if not window.switch_to(path, True):
        return False
    made_default(path)
    offer_first_run(window)
    return True
