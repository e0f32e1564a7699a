"""History's events: the calls, admissions, procedures and scans of the period shown.

Events are not entries (nothing to correct on a 0–10 scale), so they are listed
apart, under the entries, each marked ◆ with its kind in words, and only when the
period has any: a clinician scrolling History sees the admission that explains a
gap and the call that followed a red flag.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel, QListWidget, QVBoxLayout, QWidget

from symptomlog.domain import Event

VISIBLE_LINES = 4


def event_line(event: Event) -> str:
    """ "◆ Sat 27 Jun 2026 09:55  Call to 24-hour line — Admitted — advice: …  (after the
    red flag of 27 Jun)"."""
    after = f"  (after the warning of {event.flag_day:%d %b})" if event.flag_day else ""
    return f"◆ {event.when:%a %d %b %Y %H:%M}  {event.summary}{after}"


class HistoryEvents(QWidget):
    """A short list of the period's events, newest first; hidden when there are none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = QLabel()
        self.list = QListWidget()
        self.list.setAccessibleName("Events in this period, newest first")
        self.list.setWordWrap(True)
        lines = self.list.fontMetrics().lineSpacing() * VISIBLE_LINES
        self.list.setMaximumHeight(lines + 2 * self.list.frameWidth() + 8)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.caption)
        layout.addWidget(self.list)
        self.setVisible(False)

    def set_events(self, events: list[Event], start: date, end: date) -> None:
        shown = [e for e in events if start <= e.when.date() <= end]
        self.list.clear()
        for event in reversed(shown):
            self.list.addItem(event_line(event))
        count = len(shown)
        self.caption.setText(
            f"<b>Events</b> — calls, admissions, procedures, scans ({count} in this period):"
        )
        self.setVisible(bool(shown))
