"""Cycles: the chemotherapy plan as it happened — delays, dose reductions, end of a line.

The charts and the PDF count cycle days from each cycle's actual start, so a delay
recorded here moves every later symptom into the right cycle day.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from symptomlog.domain import REGIMENS, ChemoCycle
from symptomlog.domain.words import plural
from symptomlog.errors import SymptomlogError
from symptomlog.ui.context import DiaryContext
from symptomlog.ui.widgets import (
    DateField,
    add_labelled,
    dialog_buttons,
    from_qdate,
    run_dialog,
    to_qdate,
)

HEADERS = ("Line", "Regimen", "Cycle", "Planned start", "Actual start", "Drug days", "Dose / note")


def drug_days_text(cycle: ChemoCycle) -> str:
    pairs = zip(cycle.drug_days, cycle.drug_dates(), strict=True)
    return ", ".join(f"D{day} {when:%d %b}" for day, when in pairs)


class AddCyclesDialog(QDialog):
    """Add one or several cycles of a regimen from its template."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Add chemotherapy cycles")
        self.regimen = QComboBox()
        for regimen in REGIMENS.values():
            days = ", ".join(str(d) for d in regimen.drug_days[:3])
            more = "…" if len(regimen.drug_days) > 3 else ""
            self.regimen.addItem(
                f"{regimen.name} — {regimen.cycle_days}-day cycle, drugs on day {days}{more}",
                regimen.key,
            )
        self.start = DateField(to_qdate(date.today()))
        self.count = QSpinBox()
        self.count.setRange(1, 24)
        self.cycle_days = QSpinBox()
        self.cycle_days.setRange(0, 84)
        self.cycle_days.setSpecialValueText("as the template")
        self.new_line = QCheckBox("Start a &new line of treatment (ends the current line)")
        self.new_line.setToolTip(
            "A different regimen starts a new line by itself; tick this to restart the same one."
        )
        form = QFormLayout(self)
        add_labelled(
            form,
            (
                ("&Regimen", self.regimen),
                ("First cycle &starts", self.start),
                ("How &many cycles", self.count),
                ("Cycle &length (days)", self.cycle_days),
            ),
        )
        form.addRow(self.new_line)
        buttons = dialog_buttons(self, self.accept, save=False)
        form.addRow(buttons)


class EditCycleDialog(QDialog):
    """Record what actually happened to one cycle: its real start, a dose note, end of line."""

    def __init__(self, cycle: ChemoCycle, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cycle = cycle
        self.setWindowTitle(f"{cycle.regimen_name} {cycle.label}")
        self.actual = DateField(to_qdate(cycle.start))
        self.note = QLineEdit(cycle.dose_note or "")
        self.note.setPlaceholderText("e.g. 80% dose, oxaliplatin omitted")
        self.ends_line = QCheckBox("This cycle &ends the line of treatment")
        self.ends_line.setChecked(cycle.ends_line)
        form = QFormLayout(self)
        form.addRow(QLabel(f"Planned start: {cycle.planned_start:%a %d %b %Y}"))
        add_labelled(form, (("&Actual start", self.actual), ("&Dose / note", self.note)))
        form.addRow(self.ends_line)
        buttons = dialog_buttons(self, self.accept)
        form.addRow(buttons)

    def edited(self) -> ChemoCycle:
        actual = from_qdate(self.actual.date())
        recorded = actual != self.cycle.planned_start or self.cycle.actual_start is not None
        return replace(
            self.cycle,
            actual_start=actual if recorded else None,
            dose_note=self.note.text().strip() or None,
            ends_line=self.ends_line.isChecked(),
        )


class CyclesView(QWidget):
    """The list of cycles, with add, record-what-happened and delete."""

    def __init__(self, context: DiaryContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.cycles: list[ChemoCycle] = []
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName("Chemotherapy cycles")
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        add = QPushButton("&Add cycles…")
        add.clicked.connect(self.add_cycles)
        edit = QPushButton("Record de&lay / dose / end of line…")
        edit.clicked.connect(self.edit_selected)
        delete = QPushButton("&Delete cycle")
        delete.clicked.connect(self.delete_selected)
        buttons = QHBoxLayout()
        for button in (add, edit, delete):
            button.setMinimumHeight(40)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        context.sig_opened.connect(self.refresh)
        context.sig_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        try:
            self.cycles = self.context.diary.cycles.all()
        except SymptomlogError as error:
            self.message.setText(f"⚠ Could not read the cycles: {error}")
            return
        self.table.setRowCount(len(self.cycles))
        for row, cycle in enumerate(self.cycles):
            delayed = cycle.delay_days
            actual = f"{cycle.start:%a %d %b %Y}" if cycle.actual_start else "–"
            if delayed:
                actual += (
                    f"  (+{plural(delayed, 'day')})"
                    if delayed > 0
                    else f"  (−{plural(-delayed, 'day')})"
                )
            note = cycle.dose_note or ""
            if cycle.ends_line:
                note = f"{note}; end of line" if note else "end of line"
            cells = (
                str(cycle.line),
                cycle.regimen_name,
                cycle.label,
                f"{cycle.planned_start:%a %d %b %Y}",
                actual,
                drug_days_text(cycle),
                note,
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if not self.cycles:
            self.message.setText("No cycles yet. Add them with “Add cycles…”.")

    def selected(self) -> ChemoCycle | None:
        row = self.table.currentRow()
        return self.cycles[row] if 0 <= row < len(self.cycles) else None

    def add_cycles(self) -> None:
        dialog = AddCyclesDialog(self)
        if run_dialog(dialog) != QDialog.DialogCode.Accepted:
            return
        notes: list[str] = []
        line = (
            max((c.line for c in self.cycles), default=0) + 1
            if dialog.new_line.isChecked()
            else None
        )
        try:
            added = self.context.diary.cycles.add_planned(
                dialog.regimen.currentData(),
                from_qdate(dialog.start.date()),
                dialog.count.value(),
                line=line,
                cycle_days=dialog.cycle_days.value(),
                notes=notes,
            )
        except SymptomlogError as error:
            self.message.setText(f"⚠ Not added: {error}")
            return
        said = " ".join([f"Added {plural(len(added), 'cycle')}.", *notes])
        self.context.changed(said)
        self.message.setText(said)

    def edit_selected(self) -> None:
        cycle = self.selected()
        if cycle is None:
            self.message.setText("Choose a cycle first.")
            return
        dialog = EditCycleDialog(cycle, self)
        if run_dialog(dialog) != QDialog.DialogCode.Accepted:
            return
        try:
            self.context.diary.cycles.update(dialog.edited())
        except SymptomlogError as error:
            self.message.setText(f"⚠ Not saved: {error}")
            return
        self.context.changed(f"Saved {cycle.regimen_name} {cycle.label}.")

    def delete_selected(self) -> None:
        cycle = self.selected()
        if cycle is None or cycle.id is None:
            self.message.setText("Choose a cycle first.")
            return
        try:
            self.context.diary.cycles.delete(cycle.id)
        except SymptomlogError as error:
            self.message.setText(f"⚠ Not deleted: {error}")
            return
        self.context.changed(f"Deleted {cycle.regimen_name} {cycle.label}.")
