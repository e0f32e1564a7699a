"""The message that tells a patient or carer to call the 24-hour line: icon, words, number.

Red is never the only signal: the banner has a warning icon, a headline in words
("Call your 24-hour line now: 0100 …") and why in plain words. It stays compact
so the form below keeps its room on a small screen: the rule names, values and
sources a clinician wants are one key away under "Details".
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from symptomlog.analysis.flag_words import GUIDANCE, call_now
from symptomlog.analysis.flags import Flag
from symptomlog.domain import Profile


def details_text(flags: list[Flag]) -> str:
    """What a clinician wants to see: each rule's values and source, then the guidance."""
    lines = [f"• {f.title} — {f.source} (rule {f.rule})" for f in flags]
    return "\n".join([*lines, "", GUIDANCE])


class FlagBanner(QFrame):
    """A prominent panel for today's red flags: what to do, why, and the details on demand."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("redFlag")
        self.setFrameShape(QFrame.Shape.Box)
        self.setLineWidth(3)
        icon = QLabel()
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(40)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.heading = QLabel()
        self.heading.setObjectName("redFlagHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.why = QLabel()
        self.why.setWordWrap(True)
        self.why.setTextFormat(Qt.TextFormat.PlainText)
        self.toggle = QToolButton()
        self.toggle.setText("Details")
        self.toggle.setCheckable(True)
        self.toggle.setAccessibleName("Show the details of this warning")
        self.toggle.toggled.connect(self._show_details)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setObjectName("anchor")
        self.details.setVisible(False)
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addWidget(self.heading)
        column.addWidget(self.why)
        column.addWidget(self.details)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(icon)
        layout.addLayout(column, 1)
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignTop)
        self.setVisible(False)

    def _show_details(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self.toggle.setText("Hide details" if shown else "Details")

    def show_flags(self, flags: list[Flag], profile: Profile) -> None:
        """Show the red flags (or hide the banner when there are none)."""
        if not flags:
            self.setVisible(False)
            return
        heading = "⚠ " + call_now(profile)
        whys = "\n".join(f.why for f in flags)
        self.heading.setText(heading)
        self.why.setText(whys)
        self.details.setText(details_text(flags))
        self.toggle.setChecked(False)
        self.setAccessibleName(heading)
        self.setAccessibleDescription(whys)
        self.setVisible(True)
