"""The hint a view shows when its period holds no entries but the diary has some.

An imported diary, or one not used for a while, has all its entries before the
default period ("the last 3 months"): History would say "0 entries", the charts
would be empty and the report would say "No entries", as if the diary were empty.
The hint says where the data is (the date of the last entry) and offers one button
that moves the view's period there, keeping the period's length.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from symptomlog.errors import SymptomlogError
from symptomlog.store import Diary


def period_with_data(span: tuple[date, date], start: date, end: date) -> tuple[date, date] | None:
    """The period of the same length as ``start``–``end`` ending on the last entry's day
    (not before the first entry); None when the last entry is inside the chosen period."""
    first, last = span
    if start <= last <= end:
        return None
    length = (end - start).days
    return max(first, last - timedelta(days=length)), last


class PeriodHint(QFrame):
    """ "Nothing from … to …; the last entry is from …" and a button "Show …"."""

    sig_show = Signal(object, object)
    """The period to show instead: (start, end) as ``date``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("periodHint")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.button = QPushButton()
        self.button.clicked.connect(self._clicked)
        layout = QHBoxLayout(self)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.target: tuple[date, date] | None = None
        self.setVisible(False)

    def update_for(self, diary: Diary, start: date, end: date, count: int) -> None:
        """Show the hint if the period holds nothing and the diary has entries elsewhere."""
        span = None
        if count == 0:
            try:
                span = diary.entries.date_range()
            except SymptomlogError:
                span = None
        self.target = period_with_data(span, start, end) if span is not None else None
        if self.target is None or span is None:
            self.setVisible(False)
            return
        new_start, new_end = self.target
        self.label.setText(
            f"No entries from {start:%d %b %Y} to {end:%d %b %Y}. "
            f"The diary has entries from {span[0]:%d %b %Y} to {span[1]:%d %b %Y}; "
            f"the last one is from {span[1]:%a %d %b %Y}."
        )
        self.button.setText(f"Sho&w {new_start:%d %b %Y} – {new_end:%d %b %Y} (the data)")
        self.button.setAccessibleName(
            f"Show {new_start:%d %b %Y} to {new_end:%d %b %Y}, the period with the data"
        )
        self.setAccessibleName(self.label.text())
        self.setVisible(True)

    def _clicked(self) -> None:
        if self.target is not None:
            self.sig_show.emit(*self.target)
