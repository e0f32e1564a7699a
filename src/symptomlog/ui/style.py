"""The look: a visible focus ring, clear chosen buttons, messages that do not rely on colour.

Sizes are relative to the system font, so a user who has set large text in their
desktop gets it here too; "Large text" multiplies it once more.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

LARGE_TEXT_FACTOR = 1.35

STYLESHEET = "symptomlog.qss"


@cache
def stylesheet() -> str:
    """The Qt stylesheet from resources/styles, read once (apply_style runs on every toggle)."""
    return (resources.files("symptomlog.resources") / "styles" / STYLESHEET).read_text("utf-8")


_system_font: QFont | None = None


def system_font() -> QFont:
    """The desktop's own font, as it was before "Large text" changed the application's."""
    global _system_font
    if _system_font is None:
        _system_font = QFont(QApplication.font())
    return _system_font


def apply_style(app: QApplication, large: bool) -> None:
    """The stylesheet, and the font: the system's, or larger when "Large text" is on."""
    base = system_font()
    font = QFont(base)
    if large:
        size = base.pointSizeF() if base.pointSizeF() > 0 else 10.0
        font.setPointSizeF(size * LARGE_TEXT_FACTOR)
    app.setFont(font)
    heading = font.pointSizeF() * 1.4
    app.setStyleSheet(stylesheet() + f"#redFlagHeading {{ font-size: {heading:.0f}pt; }}")
    # With a style sheet in force, Qt does not pass a new application font on to widgets
    # that were never shown (the whole window, when the app starts with large text
    # remembered), not even through their parent, so each existing widget gets it.
    # (A "QWidget { font-size }" rule would too, but re-styling every widget makes
    # each window several times slower to open.) Widgets made later inherit it.
    for widget in app.allWidgets():
        if widget.objectName() == "redFlagHeading":
            emphatic = QFont(font)  # the "call now" line keeps its larger, bold type
            emphatic.setPointSizeF(heading)
            emphatic.setBold(True)
            widget.setFont(emphatic)
        elif widget.font().pointSizeF() != font.pointSizeF():
            widget.setFont(font)
