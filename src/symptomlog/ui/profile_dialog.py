"""The patient's profile, care team and red-flag thresholds, in one dialog.

The 24-hour line is the number the red-flag message shows, so it is asked for
first and always listed first. Thresholds show their default and source, and a
team that uses other values (38.0 °C rather than 37.5 °C) can set them here.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from symptomlog.domain import Contact, Profile
from symptomlog.domain.parse import FieldError, parse_date
from symptomlog.domain.thresholds import THRESHOLDS
from symptomlog.errors import Problem, SymptomlogError, ValidationError
from symptomlog.ui.contacts_editor import ContactsEditor
from symptomlog.ui.context import DiaryContext
from symptomlog.ui.messages import not_saved
from symptomlog.ui.widgets import add_labelled, dialog_buttons


class ProfileDialog(QDialog):
    """Edit the profile; Save validates through the core and keeps the dialog open on error."""

    def __init__(self, context: DiaryContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle("Profile and care team")
        self.profile = context.diary.profile.get()
        tabs = QTabWidget()
        tabs.addTab(self._details(), "&Patient")
        tabs.addTab(self._contacts(), "&Care team")
        tabs.addTab(self._thresholds(), "&When to call (thresholds)")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        buttons = dialog_buttons(self, self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(760, 520)

    def _line(self, value: object, name: str) -> QLineEdit:
        edit = QLineEdit(
            "" if value is None else f"{value:g}" if isinstance(value, float) else str(value)
        )
        edit.setAccessibleName(name)
        return edit

    def _details(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        p = self.profile
        self.name = self._line(p.name, "Name")
        self.born = self._line(p.born, "Date of birth")
        self.born.setPlaceholderText("e.g. 1959-04-17")
        self.hospital_number = self._line(p.hospital_number, "Hospital or NHS number")
        self.height_edit = self._line(p.height_cm, "Height in cm")
        self.baseline = self._line(p.baseline_weight_kg, "Baseline weight in kg")
        self.baseline.setPlaceholderText("blank: the first weight recorded")
        self.baseline_date = self._line(p.baseline_date, "Date of the baseline weight")
        self.baseline_date.setPlaceholderText("e.g. 2026-03-01")
        self.stent = QComboBox()
        for text, value in (("Not recorded", None), ("Yes", True), ("No", False)):
            self.stent.addItem(text, value)
        self.stent.setCurrentIndex({None: 0, True: 1, False: 2}[p.stent])
        self.stent.setToolTip(
            "With a stent in the bile duct, a temperature of 37.5 °C or more is a reason to "
            "call the 24-hour line at any time (Tokyo Guidelines 2018)."
        )
        add_labelled(
            form,
            (
                ("&Name", self.name),
                ("Date of &birth", self.born),
                ("&Hospital / NHS number", self.hospital_number),
                ("H&eight (cm)", self.height_edit),
                ("Baseline wei&ght (kg)", self.baseline),
                ("Baseline weight &date", self.baseline_date),
                ("Biliary s&tent in place", self.stent),
            ),
        )
        return page

    def _contacts(self) -> QWidget:
        self.contacts = ContactsEditor(self.profile.contacts)
        return self.contacts

    def _thresholds(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.threshold_inputs: dict[str, QDoubleSpinBox] = {}
        for threshold in THRESHOLDS:
            spin = QDoubleSpinBox()
            spin.setRange(threshold.minimum, threshold.maximum)
            fractional = threshold.unit in ("°C", "%")
            spin.setDecimals(1 if fractional else 0)
            spin.setSingleStep(0.1 if threshold.unit == "°C" else 1)
            spin.setSuffix(f" {threshold.unit}")
            spin.setValue(self.profile.thresholds.get(threshold.key, threshold.default))
            spin.setAccessibleName(threshold.label)
            spin.setAccessibleDescription(
                f"Default {threshold.default:g} {threshold.unit}; source: {threshold.source}"
            )
            note = QLabel(
                f"default {threshold.default:g}, safe range {threshold.range_text} — "
                f"{threshold.source}"
            )
            note.setObjectName("anchor")
            row = QHBoxLayout()
            row.addWidget(spin)
            row.addWidget(note, 1)
            caption = QLabel(threshold.label)
            caption.setBuddy(spin)
            form.addRow(caption, row)
            self.threshold_inputs[threshold.key] = spin
        reset = QPushButton("Reset all to the defa&ults")
        reset.clicked.connect(self.reset_thresholds)
        form.addRow(reset)
        return page

    def reset_thresholds(self) -> None:
        for threshold in THRESHOLDS:
            self.threshold_inputs[threshold.key].setValue(threshold.default)

    def edited_profile(self) -> Profile:
        """The profile as typed; ValidationError lists every field that is wrong."""
        problems: list[Problem] = []

        def number(edit: QLineEdit, field: str, label: str) -> float | None:
            text = edit.text().strip().replace(",", ".")
            if not text:
                return None
            try:
                return float(text)
            except ValueError:
                problems.append(Problem(field, f"{label} must be a number (got {text!r})"))
                return None

        def day(edit: QLineEdit, field: str) -> date | None:
            try:
                return parse_date(field, edit.text())
            except FieldError as error:
                problems.append(Problem(field, str(error)))
                return None

        contacts: tuple[Contact, ...] = ()
        try:
            contacts = self.contacts.contacts()
        except ValidationError as error:
            problems.extend(error.problems)
        thresholds = {
            t.key: round(self.threshold_inputs[t.key].value(), 1)
            for t in THRESHOLDS
            if round(self.threshold_inputs[t.key].value(), 1) != t.default
        }
        values = {
            "name": self.name.text().strip() or None,
            "born": day(self.born, "born"),
            "hospital_number": self.hospital_number.text().strip() or None,
            "height_cm": number(self.height_edit, "height_cm", "Height"),
            "baseline_weight_kg": number(self.baseline, "baseline_weight_kg", "Baseline weight"),
            "baseline_date": day(self.baseline_date, "baseline_date"),
        }
        if problems:
            raise ValidationError(problems)
        return Profile(
            contacts=contacts,
            thresholds=thresholds,
            stent=self.stent.currentData(),
            form_items=self.profile.form_items,  # chosen elsewhere: kept, never reset
            **values,  # type: ignore[arg-type]
        )

    def save(self) -> None:
        try:
            profile = self.edited_profile()
            self.context.diary.profile.save(profile, actor=self.context.actor or "user")
        except SymptomlogError as error:
            self.message.setText(not_saved(error))
            return
        self.context.changed("Profile saved.")
        self.accept()
