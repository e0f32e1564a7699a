"""The Today form's groups for the items beyond ESAS-r, built from the item registry.

Kept apart from ESAS-r on the screen (its authors allow no changes, and these are
not ESAS-r): one box per group — Warning signs, Bowels, Treatment side effects,
Measurements — each item in the patient's own words. The profile chooses which
items are asked; an item already recorded on an entry being corrected is shown
even if it is no longer asked, so that nothing recorded is hidden or lost.
Yes/no and graded answers are keyboard-first (Y/N; arrows or the first letter).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from symptomlog.domain import Entry
from symptomlog.domain.fields import (
    BEYOND_ESAS,
    GROUP_BOWELS,
    GROUP_MEASUREMENTS,
    GROUP_SIDE_EFFECTS,
    GROUP_WARNING,
    Grade,
    Item,
    Measure,
)
from symptomlog.domain.form_items import OPTIONAL_ITEMS
from symptomlog.domain.parse import FieldError, parse_measure
from symptomlog.errors import Problem
from symptomlog.ui.widgets import YesNoInput, error_label, show_error

GROUPS_SHOWN = (GROUP_WARNING, GROUP_BOWELS, GROUP_SIDE_EFFECTS, GROUP_MEASUREMENTS)
NOT_ASKED = "– not recorded –"
ITEMS = {item.name: item for item in BEYOND_ESAS if item.name in OPTIONAL_ITEMS}


class GradeInput(QComboBox):
    """A graded answer in words ("2 – Eating soft food only"); the first line is blank."""

    def __init__(self, item: Grade, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.addItem(NOT_ASKED, None)
        for level, answer in enumerate(item.answers):
            self.addItem(f"{level} – {answer}", level)
        self.setAccessibleName(item.wording or item.label)

    def value(self) -> int | None:
        data = self.currentData()
        return None if data is None else int(data)

    def set_value(self, value: int | None) -> None:
        self.setCurrentIndex(0 if value is None else value + 1)


def _input(item: Item) -> QWidget:
    if isinstance(item, Grade):
        return GradeInput(item)
    if isinstance(item, Measure):
        edit = QLineEdit()
        edit.setAccessibleName(item.wording or item.label)
        edit.setPlaceholderText(f"{item.minimum:g}–{item.maximum:g}")
        edit.setMaximumWidth(120)
        return edit
    return YesNoInput(item.label)


class ItemGroups(QWidget):
    """The optional items, one box per group; only the items asked are visible."""

    edited = Signal()

    def __init__(self, shown: Iterable[str] = OPTIONAL_ITEMS, parent: QWidget | None = None):
        super().__init__(parent)
        self.inputs: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self._rows: dict[str, list[QWidget]] = {}
        self.boxes: dict[str, QGroupBox] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for group in GROUPS_SHOWN:
            layout.addWidget(self._box(group))
        self.set_shown(shown)

    def _box(self, group: str) -> QGroupBox:
        box = QGroupBox(group)
        grid = QGridLayout(box)
        for row, item in enumerate(i for i in ITEMS.values() if i.group == group):
            label = QLabel(item.wording or item.label)
            label.setWordWrap(True)
            widget = _input(item)
            label.setBuddy(widget)
            self.inputs[item.name] = widget
            self.errors[item.name] = error_label()
            grid.addWidget(label, 2 * row, 0)
            grid.addWidget(widget, 2 * row, 1)
            grid.addWidget(self.errors[item.name], 2 * row + 1, 0, 1, 2)
            self._rows[item.name] = [label, widget]
            self._connect(widget)
        grid.setColumnStretch(0, 1)
        self.boxes[group] = box
        return box

    def _connect(self, widget: QWidget) -> None:
        if isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(self.edited)
        elif isinstance(widget, QLineEdit):
            widget.textEdited.connect(self.edited)
        else:
            widget.changed.connect(self.edited)  # type: ignore[attr-defined]

    def set_shown(self, names: Iterable[str]) -> None:
        """Ask these items (and keep showing any that hold a value); hide empty groups."""
        self.shown = set(names)
        visible = {
            name
            for name in self._rows
            if name in self.shown or self._value_or_text(name) not in (None, "")  # "no" shows
        }
        for name, row in self._rows.items():
            for widget in row:
                widget.setVisible(name in visible)
        for group, box in self.boxes.items():
            box.setVisible(any(ITEMS[name].group == group for name in visible))

    def _value_or_text(self, name: str) -> object:
        widget = self.inputs[name]
        if isinstance(widget, QLineEdit):
            return widget.text().strip()
        return widget.value()  # type: ignore[attr-defined]

    def values(self) -> tuple[dict[str, object], list[Problem]]:
        """The answers (blank: None) and a problem for each number that is not one."""
        values: dict[str, object] = {}
        problems: list[Problem] = []
        for name, widget in self.inputs.items():
            if isinstance(widget, QLineEdit):
                try:
                    values[name] = parse_measure(name, widget.text().replace(",", "."))
                except FieldError as error:
                    problems.append(Problem(name, str(error)))
            else:
                values[name] = widget.value()  # type: ignore[attr-defined]
        return values, problems

    def set_entry(self, entry: Entry | None) -> None:
        """Show an entry's answers (None: clear every answer)."""
        for name, widget in self.inputs.items():
            value = None if entry is None else getattr(entry, name)
            if isinstance(widget, QLineEdit):
                widget.setText("" if value is None else f"{value:g}")
            else:
                widget.set_value(value)  # type: ignore[attr-defined]
        self.set_shown(self.shown)

    def show_problems(self, problems: Iterable[Problem]) -> None:
        found = {p.field: p.message for p in problems}
        for name, label in self.errors.items():
            show_error(label, found.get(name))

    def focus_order(self) -> list[QWidget]:
        """The inputs in reading order, for the form's Tab chain."""
        return [self.inputs[name] for name in ITEMS]
