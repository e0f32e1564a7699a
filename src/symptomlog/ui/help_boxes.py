"""Help ▸ Keyboard shortcuts and Help ▸ About: what the keys do, and what the app is."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from symptomlog import __version__
from symptomlog.ui.esas_section import ACKNOWLEDGEMENT as ESAS_CREDIT

SHORTCUTS = (
    ("Ctrl+S", "Save the entry (Today)"),
    ("Ctrl+1 … Ctrl+6", "Today, History, Charts, Cycles, Report, Medicines"),
    ("Tab / Shift+Tab", "Next / previous field"),
    ("← → or 0–9", "Change a 0–10 score (type 1 then 0 for ten)"),
    ("Y / N", "Answer a yes/no sign"),
    ("Delete", "Clear a score or sign (not recorded); in History, delete the entry"),
    ("Enter", "In History, correct the selected entry"),
    ("Ctrl+Z", "In History, undo the last deletion or correction"),
    ("Ctrl+P", "Profile, care team and thresholds"),
    ("Ctrl+Shift+L", "Large text on or off"),
    ("Alt + underlined letter", "Go to that field or button"),
)


def show_shortcuts(parent: QWidget) -> None:
    rows = "".join(f"<tr><td><b>{k}</b></td><td>{v}</td></tr>" for k, v in SHORTCUTS)
    QMessageBox.information(parent, "Keyboard shortcuts", f"<table cellpadding=4>{rows}</table>")


def show_about(parent: QWidget) -> None:
    QMessageBox.about(
        parent,
        "About symptomlog",
        f"<b>symptomlog {__version__}</b><p>A private symptom diary for people living with "
        "advanced pancreatic cancer and the people who care for them. Everything stays on "
        "this computer.</p><p>It gives guidance, never a diagnosis: always follow your care "
        f"team's advice.</p><p>{ESAS_CREDIT}</p>",
    )
