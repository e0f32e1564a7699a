"""The message that tells a patient or carer to call the 24-hour line: icon, words, number.

Red is never the only signal: the banner has a warning icon, a headline in words
("Call your 24-hour line now: 0100 …") and why in plain words. It stays compact
so the form below keeps its room on a small screen: the rule names, values and
sources a clinician wants are one key away under "Details". "What happened?"
records the call that followed (``what_happened``), and the banner then says it.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from symptomlog.analysis.flag_words import GUIDANCE, call_now
from symptomlog.analysis.flags import Flag
from symptomlog.domain import Event, Profile


def details_text(flags: list[Flag]) -> str:
    """What a clinician wants to see: each rule's values and source, then the guidance."""
    lines = [f"• {f.title} — {f.source} (rule {f.rule})" for f in flags]
    return "\n".join([*lines, "", GUIDANCE])


class FlagBanner(QFrame):
    """A prominent panel for today's red flags: what to do, why, and the details on demand."""

    sig_what_happened = Signal()
    """The user wants to record what happened after these flags (the call)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flags: list[Flag] = []
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
        self.followed = QLabel()
        self.followed.setWordWrap(True)
        self.followed.setTextFormat(Qt.TextFormat.PlainText)
        self.followed.setVisible(False)
        self.what_happened = QPushButton("What happ&ened?")
        self.what_happened.setAccessibleName("What happened? Record the call you made")
        self.what_happened.setToolTip("Record the call: to whom, the advice and what came of it")
        self.what_happened.clicked.connect(self.sig_what_happened)
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addWidget(self.heading)
        column.addWidget(self.why)
        column.addWidget(self.followed)
        column.addWidget(self.details)
        side = QVBoxLayout()
        side.setSpacing(2)
        side.addWidget(self.what_happened)
        side.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignRight)
        side.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(icon)
        layout.addLayout(column, 1)
        layout.addLayout(side)
        self.setVisible(False)

    def _show_details(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self.toggle.setText("Hide details" if shown else "Details")

    def show_flags(self, flags: list[Flag], profile: Profile) -> None:
        """Show the red flags (or hide the banner when there are none)."""
        self.flags = list(flags)
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

    @property
    def day(self) -> date | None:
        """The day of the flags shown (None when the banner is hidden)."""
        return self.flags[0].day if self.flags else None

    def show_followed(self, events: list[Event]) -> None:
        """What was recorded as happening after these flags, in one line each."""
        lines = [f"✓ {e.when:%H:%M} {e.summary}" for e in events]
        self.followed.setText("\n".join(lines))
        self.followed.setVisible(bool(lines))
        self.what_happened.setText("Add what happ&ened" if lines else "What happ&ened?")
