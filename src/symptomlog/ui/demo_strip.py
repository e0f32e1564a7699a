"""The strip that says a diary is the fictional demo, with the way to start one's own.

Nobody should log a real symptom into the demo by mistake, or show its charts to
a nurse: so the demo is marked in words above every view, and one click makes
(or opens) the user's own diary in the data folder.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QStyle, QWidget

from symptomlog.store import Diary
from symptomlog.store.paths import DEMO_FILENAME

DEMO_TEXT = (
    "Demo diary — fictional data. Nothing here is about a real person; "
    "what you type here is not kept in your own diary."
)


def is_demo(diary: Diary) -> bool:
    """The demo diary: its file name, or the demo's fictional patient."""
    if diary.path is not None and diary.path.name == DEMO_FILENAME:
        return True
    name = diary.profile.get().name or ""
    return name.endswith("(demo)")


class DemoStrip(QFrame):
    """ "Demo diary — fictional data" and a "Start my own diary" button."""

    sig_start_own = Signal()
    """The user asked for their own diary."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("demoStrip")
        icon = QLabel()
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation).pixmap(24)
        )
        self.label = QLabel(DEMO_TEXT)
        self.label.setObjectName("demoStripText")
        self.label.setWordWrap(True)
        self.button = QPushButton("Start &my own diary")
        self.button.setMinimumHeight(36)
        self.button.setAccessibleName("Start my own diary")
        self.button.clicked.connect(self.sig_start_own)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(icon)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.setAccessibleName("Demo diary — fictional data")
        self.setVisible(False)
