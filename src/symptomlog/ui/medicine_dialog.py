"""Add or change one medicine: name, strength, regular or as needed, what for, most in 24 h.

The dialog only gathers what was typed; the core's ``Medicine`` decides what is
valid and says why in words, shown in the dialog, which then stays open. The most
doses allowed in 24 hours is what the care team set: the diary never suggests one.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from symptomlog.domain import Medicine
from symptomlog.domain.medicine import MAX_PER_24H_LIMIT, Purpose
from symptomlog.errors import SymptomlogError
from symptomlog.ui.messages import not_saved
from symptomlog.ui.widgets import DateField, dialog_buttons, from_qdate, message_label, to_qdate

NO_MAXIMUM = "not set"


class MedicineDialog(QDialog):
    """The fields of one medicine; Save stores it through ``save`` (the core)."""

    def __init__(
        self,
        save: Callable[[Medicine], Medicine],
        medicine: Medicine | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Change a medicine" if medicine else "Add a medicine")
        self._save = save
        self.original = medicine
        self.saved: Medicine | None = None
        self.name = QLineEdit()
        self.name.setPlaceholderText("e.g. Oral morphine solution")
        self.strength = QLineEdit()
        self.strength.setPlaceholderText("e.g. 10 mg/5 ml (optional)")
        self.regular = QRadioButton("&Regular (at set times)")
        self.as_needed = QRadioButton("&As needed (when a symptom comes)")
        kinds = QButtonGroup(self)
        kinds.addButton(self.regular)
        kinds.addButton(self.as_needed)
        self.regular.setChecked(True)
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.regular)
        kind_row.addWidget(self.as_needed)
        kind_row.addStretch(1)
        self.purpose = QComboBox()
        for purpose in Purpose:
            self.purpose.addItem(purpose.label, purpose.value)
        self.maximum = QSpinBox()
        self.maximum.setRange(0, MAX_PER_24H_LIMIT)
        self.maximum.setSpecialValueText(NO_MAXIMUM)  # 0 shows as "not set": no limit recorded
        self.maximum.setAccessibleName("Most doses in 24 hours, as your care team set it")
        self.start_known = QCheckBox("S&tarted on")
        self.start = DateField(to_qdate(date.today()))
        self.start.setEnabled(False)
        self.start_known.toggled.connect(self.start.setEnabled)
        start_row = QHBoxLayout()
        start_row.addWidget(self.start_known)
        start_row.addWidget(self.start, 1)
        form = QFormLayout()
        for text, widget in (
            ("&Name", self.name),
            ("Stren&gth", self.strength),
            ("What it is &for", self.purpose),
            ("&Most doses in 24 hours", self.maximum),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        form.insertRow(2, QLabel("How it is taken"), kind_row)
        form.addRow(QLabel(""), start_row)
        note = QLabel("The most in 24 hours is what your care team set; leave it unset if unsure.")
        note.setWordWrap(True)
        note.setObjectName("anchor")
        self.message = message_label()
        buttons = dialog_buttons(self, self.try_save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        if medicine is not None:
            self._show(medicine)

    def _show(self, medicine: Medicine) -> None:
        self.name.setText(medicine.name)
        self.strength.setText(medicine.strength or "")
        (self.as_needed if medicine.as_needed else self.regular).setChecked(True)
        self.purpose.setCurrentIndex(self.purpose.findData(medicine.purpose.value))
        self.maximum.setValue(medicine.max_per_24h or 0)
        if medicine.start is not None:
            self.start_known.setChecked(True)
            self.start.setDate(to_qdate(medicine.start))

    def medicine(self) -> Medicine:
        """The medicine as typed (ValidationError says what is wrong); keeps id and stop."""
        old = self.original
        return Medicine(
            name=self.name.text(),
            strength=self.strength.text(),
            as_needed=self.as_needed.isChecked(),
            purpose=Purpose(self.purpose.currentData()),
            max_per_24h=self.maximum.value() or None,
            start=from_qdate(self.start.date()) if self.start_known.isChecked() else None,
            stop=None if old is None else old.stop,
            id=None if old is None else old.id,
        )

    def try_save(self) -> None:
        try:
            self.saved = self._save(self.medicine())
        except SymptomlogError as error:  # each problem on its own line, as every dialog says it
            self.message.setText(not_saved(error))
            return
        self.accept()
