"""File ▸ Export for a hospital system (FHIR): the window's side of ``export --format fhir``.

Kept out of ``main_window.py`` so the window only gains one menu action. The file is
written where the person chooses and nowhere else: symptomlog never sends it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from symptomlog.errors import SymptomlogError
from symptomlog.ui.context import DiaryContext

MENU_TEXT = "Export for a hospital system (&FHIR)…"
FILE_FILTER = "FHIR R4 Bundle (*.json);;All files (*)"


def export_fhir(parent: QWidget, context: DiaryContext) -> Path | None:
    """Ask where to save, write the whole diary's Bundle there; the path, or None if
    the person cancelled or it could not be written (they are told why)."""
    from symptomlog.exchange.transfer import export_file

    name, _ = QFileDialog.getSaveFileName(
        parent,
        "Export for a hospital system (FHIR R4)",
        str(Path.home() / "symptomlog-fhir.json"),
        FILE_FILTER,
    )
    if not name:
        return None
    try:
        count = export_file(context.diary, "fhir", name)
    except SymptomlogError as error:
        QMessageBox.warning(parent, "Not exported", str(error))
        return None
    context.sig_status.emit(
        f"Exported {count} entries as a FHIR Bundle to {name}. "
        "Hand the file to your care team; symptomlog never sends it."
    )
    return Path(name)
