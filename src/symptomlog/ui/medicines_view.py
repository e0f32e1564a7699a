"""Medicines: the list now (regular and as needed, what for, most in 24 h), add, change and
stop one, and the recent doses with who gave them.

A medicine is never deleted, only stopped: its doses stay in the history, the
charts and the PDF (the core keeps every change in its audit). The most doses in
24 hours is shown as the care team set it; the view gives no dosing advice.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from symptomlog.domain import Dose, Medicine
from symptomlog.domain.doses import doses_in_24h
from symptomlog.domain.words import who_recorded
from symptomlog.errors import SymptomlogError
from symptomlog.ui.context import DiaryContext
from symptomlog.ui.lazy import RefreshWhenSeen
from symptomlog.ui.medicine_dialog import MedicineDialog
from symptomlog.ui.widgets import DateField, dialog_buttons, from_qdate, run_dialog, to_qdate

RECENT_DAYS = 14
MEDICINE_COLUMNS = ("Medicine", "How", "For", "Most in 24 h", "Doses in last 24 h", "Dates")
DOSE_COLUMNS = ("When", "Medicine", "Amount", "Given by")


def _table(columns: tuple[str, ...], name: str) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels(list(columns))
    table.setAccessibleName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


def _dates(medicine: Medicine) -> str:
    if medicine.stop is not None:
        since = f"{medicine.start:%d %b %Y} – " if medicine.start else ""
        return f"{since}stopped {medicine.stop:%d %b %Y}"
    return f"since {medicine.start:%d %b %Y}" if medicine.start else ""


def medicine_row(medicine: Medicine, doses_24h: int | None) -> list[str]:
    """One row of the list, in words."""
    most = "" if medicine.max_per_24h is None else str(medicine.max_per_24h)
    return [
        medicine.label,
        "As needed" if medicine.as_needed else "Regular",
        medicine.purpose.label,
        most,
        "" if doses_24h is None else str(doses_24h),
        _dates(medicine),
    ]


def dose_row(dose: Dose, label: str) -> list[str]:
    return [
        f"{dose.taken_at:%a %d %b %H:%M}",
        label,
        dose.amount or "",
        who_recorded(dose.given_by.label, dose.giver_name),
    ]


class StopDialog(QDialog):
    """On which day a medicine was stopped (today unless changed)."""

    def __init__(self, medicine: Medicine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Stop {medicine.label}")
        self.day = DateField(to_qdate(date.today()))
        label = QLabel("Stopped &on")
        label.setBuddy(self.day)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.day, 1)
        note = QLabel(f"{medicine.label} stays in the history, the charts and the summary.")
        note.setWordWrap(True)
        buttons = dialog_buttons(self, self.accept, save=False)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(note)
        layout.addWidget(buttons)


class MedicinesView(QWidget):
    """The medicines now and the recent doses, with add, change and stop."""

    def __init__(self, context: DiaryContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.clock: Callable[[], datetime] = datetime.now
        self.medicines: list[Medicine] = []
        self.table = _table(MEDICINE_COLUMNS, "Medicines")
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.show_stopped = QCheckBox("Sh&ow stopped medicines")
        self.show_stopped.toggled.connect(self.refresh)
        self.add_button = QPushButton("&Add a medicine…")
        self.add_button.clicked.connect(self.add)
        self.edit_button = QPushButton("&Edit…")
        self.edit_button.clicked.connect(self.edit_selected)
        self.stop_button = QPushButton("&Stop taking…")
        self.stop_button.clicked.connect(self.stop_selected)
        self.doses = _table(DOSE_COLUMNS, f"Doses of the last {RECENT_DAYS} days, newest first")
        self.as_needed_only = QCheckBox("As-needed doses on&ly")
        self.as_needed_only.setChecked(True)  # the regular ones, twice a day, would bury them
        self.as_needed_only.toggled.connect(self.refresh)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        heading = QLabel("<b>Medicines now</b>")
        doses_label = QLabel(f"<b>Recent &doses</b> (last {RECENT_DAYS} days; who gave them)")
        doses_label.setBuddy(self.doses)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.show_stopped)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.stop_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 3)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        doses_row = QHBoxLayout()
        doses_row.addWidget(doses_label)
        doses_row.addStretch(1)
        doses_row.addWidget(self.as_needed_only)
        layout.addLayout(doses_row)
        layout.addWidget(self.doses, 2)
        self.when_seen = RefreshWhenSeen(self, self.refresh)
        context.sig_opened.connect(self.when_seen.changed)
        context.sig_changed.connect(self.when_seen.changed)
        self.refresh()

    def refresh(self) -> None:
        now = self.clock()
        try:
            every = self.context.diary.medicines.all()
            recent = self.context.diary.medicines.doses(now.date() - timedelta(RECENT_DAYS - 1))
        except SymptomlogError as error:
            self.message.setText(f"⚠ The medicines could not be read: {error}")
            return
        today = now.date()
        self.medicines = [m for m in every if self.show_stopped.isChecked() or m.taken_on(today)]
        self.table.setRowCount(len(self.medicines))
        for row, medicine in enumerate(self.medicines):
            count = len(doses_in_24h(recent, now, medicine.id)) if medicine.as_needed else None
            for column, text in enumerate(medicine_row(medicine, count)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if not self.medicines:
            self.message.setText(
                "No medicines yet: add one with “Add a medicine…”."
                if not every
                else "No current medicines: tick “Show stopped medicines” to see the others."
            )
        elif self.message.text().startswith(("No ", "⚠ The medicines could not")):
            self.message.setText("")  # no longer true
        labels = {m.id: m.label for m in every}
        wanted = {m.id for m in every if m.as_needed or not self.as_needed_only.isChecked()}
        shown = [d for d in reversed(recent) if d.medicine_id in wanted]
        self.doses.setRowCount(len(shown))
        for row, dose in enumerate(shown):
            for column, text in enumerate(dose_row(dose, labels.get(dose.medicine_id, "?"))):
                self.doses.setItem(row, column, QTableWidgetItem(text))
        self._selection_changed()

    def _selection_changed(self) -> None:
        chosen = self.selected()
        self.edit_button.setEnabled(chosen is not None)
        self.stop_button.setEnabled(chosen is not None and chosen.stop is None)

    def selected(self) -> Medicine | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.medicines):
            return None
        return self.medicines[rows[0].row()]

    def select(self, medicine_id: int | None) -> None:
        for row, medicine in enumerate(self.medicines):
            if medicine.id == medicine_id:
                self.table.selectRow(row)

    # -- changes --------------------------------------------------------------------------

    def _store(self, medicine: Medicine) -> Medicine:
        medicines = self.context.diary.medicines
        actor = self.context.actor
        saved = (
            medicines.add(medicine, actor)
            if medicine.id is None
            else medicines.update(medicine, actor)
        )
        self.context.changed(f"Saved {saved.label}.")
        return saved

    def add(self) -> Medicine | None:
        dialog = MedicineDialog(self._store, None, self)
        self.dialog = dialog  # tests reach it while it is open
        run_dialog(dialog)
        if dialog.saved is not None:
            self.select(dialog.saved.id)
            self.message.setText(f"✓ {dialog.saved.label} added ({dialog.saved.kind_words}).")
        return dialog.saved

    def edit_selected(self) -> Medicine | None:
        medicine = self.selected()
        if medicine is None:
            self.message.setText("Choose a medicine in the list first.")
            return None
        dialog = MedicineDialog(self._store, medicine, self)
        self.dialog = dialog
        run_dialog(dialog)
        if dialog.saved is not None:
            self.select(dialog.saved.id)
            self.message.setText(f"✓ {dialog.saved.label} changed ({dialog.saved.kind_words}).")
        return dialog.saved

    def stop_selected(self) -> Medicine | None:
        medicine = self.selected()
        if medicine is None or medicine.id is None:
            self.message.setText("Choose a medicine in the list first.")
            return None
        dialog = StopDialog(medicine, self)
        self.stop_dialog = dialog
        if run_dialog(dialog) != QDialog.DialogCode.Accepted:
            return None
        return self.stop(medicine, from_qdate(dialog.day.date()))

    def stop(self, medicine: Medicine, day: date) -> Medicine | None:
        assert medicine.id is not None
        try:
            stopped = self.context.diary.medicines.stop(medicine.id, day, self.context.actor)
        except SymptomlogError as error:
            self.message.setText(f"⚠ Not stopped: {error}")
            return None
        self.context.changed(f"{stopped.label} stopped on {day:%d %b %Y}.")
        self.message.setText(f"✓ {stopped.label} stopped on {day:%d %b %Y}; its doses are kept.")
        return stopped
