"""Before the window closes or another diary opens: values typed but not saved are asked about.

An entry typed by a tired patient must not vanish because Ctrl+Q was pressed, or
because the save failed and the window was closed afterwards.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

if TYPE_CHECKING:
    from symptomlog.ui.main_window import MainWindow

QUESTION = "The entry on Today has values that are not saved yet."
DETAIL = (
    "Save keeps them in the diary before {doing}. Discard throws them away. "
    "Cancel goes back to the form."
)


def confirm_unsaved(window: MainWindow, doing: str) -> bool:
    """True when it is safe to go on: nothing typed, saved now, or the user chose Discard."""
    form = window.today.form
    if not form.has_values():
        return True
    box = QMessageBox(QMessageBox.Icon.Warning, "Save the entry?", QUESTION, parent=window)
    box.setInformativeText(DETAIL.format(doing=doing))
    buttons = QMessageBox.StandardButton
    box.setStandardButtons(buttons.Save | buttons.Discard | buttons.Cancel)
    box.setDefaultButton(buttons.Save)
    box.setEscapeButton(buttons.Cancel)
    window.unsaved_box = box
    try:
        answer = box.exec()
    finally:
        window.unsaved_box = None
        box.deleteLater()
    if answer == buttons.Save:
        window.show_view("today")
        return window.today.save() is not None  # a failed save keeps the window open
    if answer == buttons.Discard:
        form.clear_values()
        return True
    return False
