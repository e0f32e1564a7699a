"""The entry form shared by Today and the edit dialog in History.

The form only gathers what was typed; the core's ``Entry`` decides what is valid,
and its messages are shown next to the field they concern. A field left alone
stays blank ("not recorded"), never 0. ESAS-r comes first, as published (all nine
items, its NOW instruction and its "Other problem": ``esas_section``); the items
beyond ESAS-r follow in their own groups (``item_groups``), as the profile asks.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from itertools import pairwise

from PySide6.QtCore import QDateTime, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from symptomlog.domain import Entry, Recorder
from symptomlog.domain.entry import carried_over
from symptomlog.domain.fields import (
    MEASURE_BY_NAME,
    SCALE_BY_NAME,
    SIGNS,
)
from symptomlog.domain.form_items import OPTIONAL_ITEMS
from symptomlog.domain.parse import FieldError, parse_measure
from symptomlog.errors import Problem, ValidationError
from symptomlog.ui.esas_section import EsasSection
from symptomlog.ui.item_groups import ItemGroups
from symptomlog.ui.widgets import (
    ChoiceRow,
    DateTimeField,
    ScaleInput,
    YesNoInput,
    error_label,
    show_error,
)

MEASURE_NAMES = ("vomiting_episodes", "weight_kg", "temperature_c")
KG_PER_POUND = 0.45359237
CLOCK_MS = 30_000
"""How often an untouched "When" catches up with the clock."""
SHORT_LABELS = {
    "vomiting_episodes": "Vomited (times, last 24 h)",
    "weight_kg": "Weight (kg)",
    "temperature_c": "Temperature (°C)",
}


def stones_and_pounds(kg: float) -> str:
    """61.2 kg as "9 st 9 lb" (to the nearest pound), for people who think in stones."""
    pounds = round(kg / KG_PER_POUND)
    return f"{pounds // 14} st {pounds % 14} lb"


def _qdatetime(moment: datetime) -> QDateTime:
    return QDateTime.fromString(moment.strftime("%Y-%m-%dT%H:%M"), "yyyy-MM-ddTHH:mm")


def _pydatetime(value: QDateTime) -> datetime:
    return datetime.fromisoformat(value.toString("yyyy-MM-ddTHH:mm"))


class EntryForm(QWidget):
    """Every field of one entry, with "when" and "recorded by"; blank fields stay blank."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scales: dict[str, ScaleInput] = {}
        self.signs: dict[str, YesNoInput] = {}
        self.measures: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        self.show_stones = False
        self.clock: Callable[[], datetime] = datetime.now
        """Where "now" comes from (tests move it); "When" follows it until the user edits."""
        self.when_follows_clock = True
        self._setting_when = False
        self._build()
        self.when.dateTimeChanged.connect(self._when_edited)
        self.clock_timer = QTimer(self)
        self.clock_timer.setInterval(CLOCK_MS)
        self.clock_timer.timeout.connect(self.follow_clock)
        self.clock_timer.start()

    # -- building -------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.addLayout(self._who_and_when())
        self.esas = EsasSection()
        self.esas.edited.connect(self.edited)
        self.scales.update(self.esas.scales)
        self.errors.update(self.esas.errors)
        outer.addWidget(self.esas)
        columns = QHBoxLayout()
        # The diary's own measured items and the jaundice signs side by side, apart from
        # ESAS-r; read (and tabbed) down the left, then down the right.
        left = QVBoxLayout()
        left.addWidget(self._measures_box())
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self._jaundice_box())
        right.addStretch(1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        outer.addLayout(columns)
        self.items = ItemGroups(OPTIONAL_ITEMS)
        self.items.edited.connect(self.edited)
        self.errors.update(self.items.errors)
        outer.addWidget(self.items)
        notes_label = QLabel("Notes (in yo&ur own words)")
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setAccessibleName("Notes")
        self.notes.setFixedHeight(70)
        self.notes.textChanged.connect(self.edited)
        notes_label.setBuddy(self.notes)
        outer.addWidget(notes_label)
        outer.addWidget(self.notes)
        self.errors["notes"] = error_label()
        outer.addWidget(self.errors["notes"])
        self.errors[""] = error_label()
        outer.addWidget(self.errors[""])

    def _who_and_when(self) -> QHBoxLayout:
        row = QHBoxLayout()
        when_label = QLabel("&When")
        self.when = DateTimeField()
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("ddd d MMM yyyy  HH:mm")
        self.when.setAccessibleName("Date and time of the entry")
        when_label.setBuddy(self.when)
        self.now_button = QPushButton("N&ow")
        self.now_button.setAccessibleName("Set the time to now")
        self.now_button.clicked.connect(self.set_now)
        by_label = QLabel("Recorded &by")
        self.recorded_by = QComboBox()
        for recorder in Recorder:
            self.recorded_by.addItem(recorder.label, recorder.value)
        self.recorded_by.setAccessibleName("Recorded by")
        by_label.setBuddy(self.recorded_by)
        self.recorder_name = QLineEdit()
        self.recorder_name.setPlaceholderText("carer's name")
        self.recorder_name.setAccessibleName("Name of the person recording")
        self.recorded_by.currentIndexChanged.connect(self._recorder_changed)
        self.errors["recorded_at"] = error_label()
        for widget in (when_label, self.when, self.now_button, by_label, self.recorded_by):
            row.addWidget(widget)
        row.addWidget(self.recorder_name, 1)
        row.addWidget(self.errors["recorded_at"])
        self.set_now()
        self._recorder_changed()
        return row

    def _measures_box(self) -> QGroupBox:
        box = QGroupBox("Measured")
        form = QFormLayout(box)
        for name in MEASURE_NAMES:
            measure = MEASURE_BY_NAME[name]
            edit = QLineEdit()
            edit.setPlaceholderText("blank = not measured")
            edit.setAccessibleName(f"{measure.label} in {measure.unit}")
            edit.textChanged.connect(self.edited)
            self.measures[name] = edit
            self.errors[name] = error_label()
            column = QVBoxLayout()
            column.addWidget(edit)
            if name == "weight_kg":
                self.stones = QLabel()
                self.stones.setAccessibleName("Weight in stones and pounds")
                edit.textChanged.connect(self._update_stones)
                column.addWidget(self.stones)
            column.addWidget(self.errors[name])
            label = QLabel(SHORT_LABELS[name])
            label.setWordWrap(True)  # never clipped, whatever the width or text size
            label.setBuddy(edit)
            form.addRow(label, column)
        self._update_stones()
        return box

    def _jaundice_box(self) -> QGroupBox:
        box = QGroupBox("Signs of jaundice")
        grid = QGridLayout(box)
        for row, sign in enumerate(SIGNS):
            toggle = YesNoInput(sign.label, fill=True)
            toggle.changed.connect(self.edited)
            label = QLabel(sign.label)
            label.setBuddy(toggle)
            grid.addWidget(label, row, 0)
            grid.addWidget(toggle, row, 1)
            self.signs[sign.name] = toggle
        itch = ScaleInput(SCALE_BY_NAME["itch"])
        itch.changed.connect(self.edited)
        self.scales["itch"] = itch
        label = QLabel("<b>Itch</b>")
        label.setBuddy(itch)
        grid.addWidget(label, len(SIGNS), 0, 1, 2)
        grid.addWidget(itch, len(SIGNS) + 1, 0, 1, 2)
        return box

    # -- behaviour ------------------------------------------------------------------------

    def set_items_asked(self, names: tuple[str, ...]) -> None:
        """The items beyond ESAS-r this patient is asked (the profile's choice)."""
        self.items.set_shown(names)

    def set_now(self) -> None:
        """Set "When" to now; from here it follows the clock until the user changes it."""
        now = self.clock().replace(second=0, microsecond=0)
        self._set_when(now, now)
        self.when_follows_clock = True

    def _set_when(self, moment: datetime, now: datetime) -> None:
        self._setting_when = True
        try:
            self.when.setMaximumDateTime(_qdatetime(now).addSecs(300))
            self.when.setDateTime(_qdatetime(moment))
        finally:
            self._setting_when = False

    def _when_edited(self) -> None:
        if not self._setting_when:
            self.when_follows_clock = False  # the user chose a time: it stays

    def follow_clock(self) -> None:
        """Each minute, and just before a save: an untouched "When" is now, even overnight."""
        if self.when_follows_clock:
            self.set_now()

    def has_values(self) -> bool:
        """Anything typed or chosen that a save would keep (who and when do not count)."""
        chosen = (*self.scales.values(), *self.signs.values())
        return (
            any(w.value() is not None for w in chosen)
            or any(e.text().strip() for e in self.measures.values())
            or any(v is not None for v in self.items.values()[0].values())
            or any(p.field for p in self.items.values()[1])  # typed, even if not a number
            or bool(self.esas.other_name.text().strip())
            or bool(self.notes.toPlainText().strip())
        )

    def set_recorder(self, recorder: Recorder, name: str) -> None:
        """Who records by default (remembered by the window), and the carer's name."""
        self.recorded_by.setCurrentIndex(self.recorded_by.findData(recorder.value))
        self.recorder_name.setText(name)

    def _recorder_changed(self) -> None:
        is_patient = self.recorded_by.currentData() == Recorder.PATIENT.value
        self.recorder_name.setEnabled(not is_patient)

    def _update_stones(self) -> None:
        text = self.measures["weight_kg"].text().strip().replace(",", ".")
        try:
            kg = float(text)
        except ValueError:
            kg = 0.0
        shown = self.show_stones and 20 <= kg <= 300
        self.stones.setText(f"= {stones_and_pounds(kg)}" if shown else "")
        self.stones.setVisible(shown)

    def set_show_stones(self, shown: bool) -> None:
        self.show_stones = shown
        self._update_stones()

    def entry(self) -> Entry:
        """The typed entry; ValidationError (shown next to each field) if something is wrong."""
        self.clear_errors()
        self.follow_clock()
        values: dict[str, object] = {}
        problems: list[Problem] = []
        for name, edit in self.measures.items():
            try:
                values[name] = parse_measure(name, edit.text().replace(",", "."))
            except FieldError as error:
                problems.append(Problem(name, str(error)))
        for name, scale in self.scales.items():
            values[name] = scale.value()
        for name, sign in self.signs.items():
            values[name] = sign.value()
        items, item_problems = self.items.values()
        values.update(items)
        problems += item_problems
        values["other_problem_name"] = self.esas.other_name.text().strip() or None
        notes = self.notes.toPlainText()
        values["notes"] = notes if notes.strip() else None
        recorder = Recorder(self.recorded_by.currentData())
        name = self.recorder_name.text().strip() if recorder is not Recorder.PATIENT else ""
        try:
            entry = Entry(
                recorded_at=_pydatetime(self.when.dateTime()),
                recorded_by=recorder,
                recorder_name=name or None,
                **values,  # type: ignore[arg-type]
            )
        except ValidationError as error:
            problems.extend(error.problems)
            entry = None
        if problems or entry is None:
            self.show_problems(problems)
            raise ValidationError(problems)
        if entry.is_blank():
            problem = Problem("", "Nothing to save yet: choose at least one value or write a note.")
            self.show_problems([problem])
            raise ValidationError(problem)
        return entry

    def show_problems(self, problems: list[Problem]) -> None:
        for problem in problems:
            label = self.errors.get(problem.field, self.errors[""])
            existing = label.text().removeprefix("⚠ ")
            show_error(label, f"{existing} {problem.message}".strip())

    def clear_errors(self) -> None:
        for label in self.errors.values():
            show_error(label, None)

    def clear_values(self) -> None:
        """Empty every value for the next entry; who is recording stays as it was."""
        for widget in (*self.scales.values(), *self.signs.values()):
            widget.set_value(None)
        for edit in self.measures.values():
            edit.clear()
        self.items.set_entry(None)
        self.esas.other_name.clear()
        self.notes.clear()
        self.clear_errors()
        self.set_now()

    def load(self, entry: Entry) -> None:
        """Show an existing entry (for editing)."""
        self._set_when(entry.recorded_at, self.clock())
        self.when_follows_clock = False  # a stored entry keeps its time
        self.recorded_by.setCurrentIndex(self.recorded_by.findData(entry.recorded_by.value))
        self.recorder_name.setText(entry.recorder_name or "")
        self._show_values(entry)
        self.notes.setPlainText(entry.notes or "")

    def fill_from(self, entry: Entry) -> None:
        """Start from another entry's values ("Same as yesterday"): its blanks stay blank,
        "When" is now, who records stays as chosen, and the notes start empty.

        What is measured, counted or answered for the day (``entry.NOT_CARRIED_OVER``) stays
        blank too: yesterday's 38.3 °C, 6 vomits or bleeding, saved again unchecked,
        would raise a call-now flag for a day that had none.
        """
        self.clear_values()
        self._show_values(carried_over(entry))

    def _show_values(self, entry: Entry) -> None:
        for name, widget in self.scales.items():
            widget.set_value(getattr(entry, name))
        for name, sign in self.signs.items():
            sign.set_value(getattr(entry, name))
        for name, edit in self.measures.items():
            value = getattr(entry, name)
            edit.setText("" if value is None else f"{value:g}")
        self.items.set_entry(entry)
        self.esas.other_name.setText(entry.other_problem_name or "")

    def inputs(self) -> list[QWidget]:
        """Every input in tab order, for the focus chain and the accessibility test."""
        ordered: list[QWidget] = [self.when, self.now_button, self.recorded_by, self.recorder_name]
        ordered += self.esas.inputs()
        ordered += [self.measures[n] for n in MEASURE_NAMES]
        ordered += [self.signs[s.name] for s in SIGNS]
        ordered += [self.scales["itch"], *self.items.focus_order(), self.notes]
        return ordered

    def set_tab_order(self) -> None:
        chain = self.inputs()
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)


__all__ = ["ChoiceRow", "EntryForm", "stones_and_pounds"]
