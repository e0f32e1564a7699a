"""Today's "Took a dose" buttons: one press records an as-needed dose, with the time since
the last one, a warning when the most allowed in 24 hours is reached, and Undo.

Why on Today: a breakthrough dose is taken when the pain comes, not when the diary
is written, and the team reads how many were needed. One press records it now,
given by whoever the form says is recording (a carer's dose is marked as one).
The warning is a fact and what to do if the symptom is not controlled; it never
blocks the dose and never advises one. The counting is the core's
(``domain.doses``); this is only the buttons.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from symptomlog.domain import Dose, Medicine, Recorder
from symptomlog.domain.doses import limit_warning, since_words
from symptomlog.errors import SymptomlogError
from symptomlog.ui.context import DiaryContext

TICK_MS = 30_000
"""How often "last 3 h 20 min ago" is brought up to date."""
MAX_COLUMNS = 3


def button_text(medicine: Medicine, elapsed: timedelta | None) -> str:
    """ "Oral morphine 10 mg — taken 3 h 20 min ago"."""
    last = since_words(elapsed)
    return f"{medicine.label} — {last if elapsed is None else 'taken ' + last}"


class DoseButtons(QWidget):
    """A button per current as-needed medicine, the last dose's message, and Undo."""

    def __init__(
        self,
        context: DiaryContext,
        recorder: Callable[[], tuple[Recorder, str | None]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.recorder = recorder
        self.clock: Callable[[], datetime] = datetime.now
        """Where "now" comes from (tests move it)."""
        self.medicines: list[Medicine] = []
        self.buttons: dict[int, QPushButton] = {}
        self.recorded: list[Dose] = []
        """Doses recorded here, newest last: what Undo takes back."""
        self.caption = QLabel("Took a\ndose now:")
        self.caption.setToolTip("Press when a dose of an as-needed medicine was just taken")
        self.giving_way = False
        """Hidden under a red banner with large text, where the form needs the room."""
        self.columns = 1
        self.two_lines = False
        """The time since the last dose on a second line (large text, long names)."""
        self.texts: dict[int, str] = {}
        """Buttons per row: as many as fit the width (large text, long names: fewer)."""
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(6)
        self.grid.setVerticalSpacing(2)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setObjectName("doseMessage")
        self.message.setVisible(False)
        self.undo_button = QPushButton("Undo this dose")
        self.undo_button.setAccessibleName("Undo the dose just recorded")
        self.undo_button.clicked.connect(self.undo)
        self.undo_button.setVisible(False)
        row = QHBoxLayout()
        row.addWidget(self.message, 1)
        row.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        top = QHBoxLayout()
        top.addWidget(self.caption, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(self.grid, 1)
        layout.addLayout(top)
        layout.addLayout(row)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.update_times)
        self.timer.start()
        self.setVisible(False)

    # -- reading --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Rebuild the buttons from the current as-needed medicines (after any change)."""
        try:
            today = self.clock().date()
            medicines = [m for m in self.context.diary.medicines.current(today) if m.as_needed]
        except SymptomlogError as error:
            self.message.setText(f"⚠ The medicines could not be read: {error}")
            return
        if medicines != self.medicines:  # a changed maximum or purpose too: the warning reads it
            self._build(medicines)
        self.update_times()

    def _build(self, medicines: list[Medicine]) -> None:
        for button in self.buttons.values():
            self.grid.removeWidget(button)
            button.deleteLater()
        self.buttons = {}
        self.texts = {}
        self.medicines = medicines
        for medicine in medicines:
            assert medicine.id is not None
            button = QPushButton()
            button.setMinimumHeight(36)
            button.clicked.connect(self._taker(medicine))
            self.buttons[medicine.id] = button
        self._place()
        self.setVisible(bool(medicines) and not self.giving_way)

    def give_way(self, hidden: bool) -> None:
        """Hide while the red banner and large text leave too little room for the form."""
        self.giving_way = hidden
        self.setVisible(bool(self.buttons) and not hidden)

    def _place(self) -> None:
        """The buttons in rows of ``columns``."""
        for index, button in enumerate(self.buttons.values()):
            self.grid.removeWidget(button)
            self.grid.addWidget(button, index // self.columns, index % self.columns)

    def _fit_columns(self) -> None:
        """As many buttons to a row as fit beside the caption, so the window never has to
        grow wider than the screen; when one line each would cost a row, the time since
        the last dose goes on a second line of the button instead (less height)."""
        if not self.buttons:
            return
        room = self.width() - self.caption.sizeHint().width() - 12
        wanted = min(MAX_COLUMNS, len(self.buttons))
        one = room // (self._widest(False) + 6)
        two = room // (self._widest(True) + 6)
        two_lines = one < wanted and two > one
        columns = max(1, min(wanted, two if two_lines else one))
        if two_lines != self.two_lines:
            self.two_lines = two_lines
            self._show_texts()
        if columns != self.columns:
            self.columns = columns
            self._place()

    def _widest(self, two_lines: bool) -> int:
        metrics = self.fontMetrics()
        lines = [
            line
            for text in self.texts.values()
            for line in (text.split(" — ") if two_lines else [text])
        ]
        return max((metrics.horizontalAdvance(line) for line in lines), default=0) + 32

    def _show_texts(self) -> None:
        for medicine_id, text in self.texts.items():
            shown = text.replace(" — ", "\n") if self.two_lines else text
            self.buttons[medicine_id].setText(shown)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def _taker(self, medicine: Medicine) -> Callable[[], None]:
        def take() -> None:
            self.take(medicine)

        return take

    def update_times(self) -> None:
        """Each button's "last … ago", from the stored doses."""
        now = self.clock()
        for medicine in self.medicines:
            assert medicine.id is not None
            try:  # the one newest dose, not a month of them: this runs at start and each minute
                last = self.context.diary.medicines.last_dose(medicine.id, now)
                text = button_text(medicine, None if last is None else now - last.taken_at)
            except SymptomlogError:  # never "no dose yet" when it is not known
                text = f"{medicine.label} — last dose unknown (the diary could not be read)"
            self.texts[medicine.id] = text
            button = self.buttons[medicine.id]
            button.setAccessibleName(f"Took a dose of {text}")
            button.setToolTip(
                f"Record a dose of {medicine.label} taken now ({medicine.kind_words})"
            )
        self._show_texts()
        self._fit_columns()

    # -- recording ------------------------------------------------------------------------

    def take(self, medicine: Medicine) -> Dose | None:
        """Record a dose taken now; say so, warn at the 24-hour maximum, offer Undo."""
        assert medicine.id is not None
        by, name = self.recorder()
        now = self.clock().replace(second=0, microsecond=0)
        self.context.actor = " ".join(filter(None, (by.value, name)))
        try:
            dose = self.context.diary.medicines.record_dose(
                Dose(medicine.id, now, None, by, name if by is not Recorder.PATIENT else None),
                self.context.actor,
            )
            limit = self.context.diary.medicines.limit_at(medicine, now)
            profile = self.context.diary.profile.get()
        except SymptomlogError as error:
            self._say(f"⚠ The dose was not recorded: {error}", warning=True)
            return None
        self.recorded.append(dose)
        given = "" if by is Recorder.PATIENT else f", given by {by.label.lower()}"
        given += f" ({name})" if name and by is not Recorder.PATIENT else ""
        text = f"✓ {medicine.label}: dose recorded at {now:%H:%M}{given}."
        reached = limit is not None and limit.reached
        if limit is not None and reached:
            text += "\n⚠ " + limit_warning(limit, profile)
        self._say(text, warning=reached)
        self.undo_button.setVisible(True)
        self.context.changed(f"Dose of {medicine.label} recorded at {now:%H:%M}.")
        return dose

    def undo(self) -> None:
        """Take back the last dose recorded here (a mistaken tap); the audit keeps it."""
        if not self.recorded:
            return
        dose = self.recorded.pop()
        label = next((m.label for m in self.medicines if m.id == dose.medicine_id), "The")
        try:
            assert dose.id is not None
            self.context.diary.medicines.delete_dose(dose.id, self.context.actor)
        except SymptomlogError as error:
            self.recorded.append(dose)
            self._say(f"⚠ The dose could not be removed: {error}", warning=True)
            return
        self._say(f"The dose of {label} at {dose.taken_at:%H:%M} was removed.", warning=False)
        self.undo_button.setVisible(bool(self.recorded))
        self.context.changed(f"Dose of {label} at {dose.taken_at:%H:%M} removed.")

    def _say(self, text: str, warning: bool) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.message.setProperty("state", "warning" if warning else "")
        self.message.setAccessibleName("Dose warning" if warning else "Dose recorded")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
