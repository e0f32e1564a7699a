"""The message that tells a patient or carer to ring the 24-hour line: icon and words.

Red is never the only signal: the banner has a warning icon, a heading in words
("Call your 24-hour line now") and the number in large type, so it reads the
same in greyscale, on a projector, or to a screen reader.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStyle, QVBoxLayout, QWidget

from symptomlog.analysis.flags import GUIDANCE, Flag
from symptomlog.domain import Profile


class FlagBanner(QFrame):
    """A prominent, dismissable panel listing today's red flags and what to do."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("redFlag")
        self.setFrameShape(QFrame.Shape.Box)
        self.setLineWidth(3)
        layout = QHBoxLayout(self)
        icon = QLabel()
        size = 48
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        layout.addWidget(icon)
        column = QVBoxLayout()
        self.heading = QLabel()
        self.heading.setObjectName("redFlagHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        column.addWidget(self.heading)
        column.addWidget(self.details)
        layout.addLayout(column, 1)
        self.setVisible(False)

    def show_flags(self, flags: list[Flag], profile: Profile) -> None:
        if not flags:
            self.setVisible(False)
            return
        contact = profile.line_24h
        if contact is None:
            heading = (
                "⚠ Call your hospital's 24-hour line now (the number is on your chemotherapy "
                "alert card). In an emergency call 999. Add the number in Profile."
            )
        else:
            heading = f"⚠ Call your 24-hour line now: {contact.phone}"
        reasons = "\n".join(f"• {f.title} (source: {f.source})" for f in flags)
        self.heading.setText(heading)
        self.details.setText(f"Why:\n{reasons}\n\n{GUIDANCE}")
        self.setAccessibleName(heading)
        self.setAccessibleDescription(reasons)
        self.setVisible(True)
