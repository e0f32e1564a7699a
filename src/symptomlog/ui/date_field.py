"""A date field that takes dates as people type them: "12", "Dec", "12 Dec 2025", "2025-12-12".

Qt's date editor only lets a keyboard user change one part at a time, and typing a
month name into it does nothing. Here the whole text is read when the user presses
Enter or leaves the field; the parts left out are taken from the date shown, and
↑/↓ (Page Up/Down) still step by a day (a month).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

Day = date
"""``date`` under another name: inside ``DateField`` the name ``date`` is its method."""
DISPLAY = "%-d %b %Y"
MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_abbr) if name}
HINT = "Type a date such as 12 Dec 2025, 12/12/2025 or just 12; ↑ and ↓ change it by a day."


def _month(word: str) -> int | None:
    return MONTHS.get(word[:3].lower()) if len(word) >= 3 else None


def _split(text: str) -> tuple[list[int], int | None] | None:
    """The numbers and the month name in the text; None if a word is not a month."""
    numbers: list[int] = []
    month: int | None = None
    for token in re.findall(r"[A-Za-z]+|\d+", text):
        if token.isdigit():
            numbers.append(int(token))
        elif (month := _month(token)) is None:
            return None
    return numbers, month


def _year(value: int) -> int:
    return value + 2000 if value < 100 else value


def parse_typed_date(text: str, shown: date) -> date | None:
    """The date meant by ``text``; missing parts come from ``shown``. None if unreadable."""
    text = text.strip()
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", text):
        year, month, day = (int(p) for p in text.split("-"))
        return _make(year, month, day)
    parts = _split(text)
    if parts is None or (not parts[0] and parts[1] is None):
        return None
    numbers, named_month = parts
    day = numbers.pop(0) if numbers else min(shown.day, 28)
    fallback = numbers.pop(0) if named_month is None and numbers else shown.month
    month = named_month if named_month is not None else fallback
    year = _year(numbers.pop(0)) if numbers else shown.year
    return None if numbers else _make(year, month, day)


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


class DateField(QLineEdit):
    """A one-stop date field: type any readable date, or step it with the arrow keys."""

    dateChanged = Signal(QDate)  # noqa: N815 - the same name as QDateEdit's signal

    def __init__(self, day: QDate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._date = date(day.year(), day.month(), day.day())
        self.setToolTip(HINT)
        self.setAccessibleDescription(HINT)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("  30 Sep 2026  "))
        self.editingFinished.connect(self.commit)
        self._show()

    def date(self) -> QDate:
        return QDate(self._date.year, self._date.month, self._date.day)

    def setDate(self, day: QDate) -> None:
        self._set(date(day.year(), day.month(), day.day()))

    def _set(self, day: Day) -> None:
        changed = day != self._date
        self._date = day
        self._show()
        if changed:
            self.dateChanged.emit(self.date())

    def _show(self) -> None:
        self.setText(self._date.strftime(DISPLAY))
        self.setProperty("invalid", False)

    def commit(self) -> None:
        """Read what was typed; an unreadable date keeps the last good one and says why."""
        typed = parse_typed_date(self.text(), self._date)
        if typed is None:
            self.setProperty("invalid", True)
            self.setToolTip(f"⚠ “{self.text()}” is not a date I can read. {HINT}")
            self._show()
            return
        self.setToolTip(HINT)
        self._set(typed)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        steps = {
            Qt.Key.Key_Up: timedelta(days=1),
            Qt.Key.Key_Down: timedelta(days=-1),
        }
        key = Qt.Key(event.key())
        if key in steps:
            self.commit()
            self._set(self._date + steps[key])
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self.commit()
            self._set(_add_months(self._date, 1 if key == Qt.Key.Key_PageUp else -1))
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.selectAll()  # typing replaces the date at once


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))
