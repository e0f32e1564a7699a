"""Input widgets for a tired hand: large targets, one keyboard stop each, blank allowed.

A 0-10 score is a row of eleven big buttons with the ESAS-r anchor words at both
ends. It is one stop in the tab order: the arrow keys and the digits change it,
Delete clears it, so a keyboard user does not tab through eleven buttons. Nothing
chosen means "not recorded", which is different from 0. A yes/no sign works the
same way with two buttons.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QBoxLayout,
    QButtonGroup,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from symptomlog.domain.fields import Scale
from symptomlog.ui.date_field import DateField as DateField  # the views import it from here

NOT_RECORDED = "not recorded"


class ChoiceRow(QWidget):
    """A row of checkable buttons of which at most one is chosen; None means not recorded."""

    changed = Signal()

    def __init__(
        self,
        options: list[tuple[object, str]],
        name: str,
        anchors: tuple[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("choiceRow")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._values = [value for value, _ in options]
        self._name = name
        self._anchors = anchors
        self._group = QButtonGroup(self)
        self._group.setExclusive(False)  # exclusivity by hand, so the choice can be cleared
        row = QHBoxLayout()
        row.setContentsMargins(4, 4, 4, 4)
        row.setSpacing(4)
        for index, (_, text) in enumerate(options):
            button = QPushButton(text)
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumSize(36, 38)
            button.setAccessibleName(f"{name} {text}")
            self._group.addButton(button, index)
            row.addWidget(button)
        self._group.buttonClicked.connect(self._clicked)
        self._row = row
        if anchors is None:
            self.setLayout(row)
        else:
            self.setLayout(_with_anchors(row, anchors))
        self._index: int | None = None
        self._update_accessible()

    def value(self) -> object | None:
        return None if self._index is None else self._values[self._index]

    def set_value(self, value: object | None) -> None:
        self._set_index(None if value is None else self._values.index(value))

    def _set_index(self, index: int | None) -> None:
        if index == self._index:
            return
        self._index = index
        for button in self._group.buttons():
            button.setChecked(self._group.id(button) == index)
        self._update_accessible()
        self.changed.emit()

    def _clicked(self, button: QAbstractButton) -> None:
        index = self._group.id(button)
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self._set_index(None if index == self._index else index)  # a second click clears

    def _update_accessible(self) -> None:
        shown = NOT_RECORDED if self._index is None else self._group.button(self._index).text()
        self.setAccessibleName(self._name)
        self.setAccessibleDescription(f"{self._name}: {shown}. {self.hint()}")
        self.setToolTip(f"{self._name}: {shown}")

    def hint(self) -> str:
        return "Left and right arrows change it; Delete clears it."

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        last = len(self._values) - 1
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Plus):
            self._set_index(0 if self._index is None else min(last, self._index + 1))
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Down, Qt.Key.Key_Minus):
            self._set_index(0 if self._index is None else max(0, self._index - 1))
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self._set_index(None)
        elif key == Qt.Key.Key_Home:
            self._set_index(0)
        elif key == Qt.Key.Key_End:
            self._set_index(last)
        elif not self._typed(event.text()):
            super().keyPressEvent(event)

    def _typed(self, text: str) -> bool:
        """A key that names an option directly; subclasses add digits or Y/N."""
        return False


class ScaleInput(ChoiceRow):
    """A 0-10 score with its anchor words under both ends, as ESAS-r prints them."""

    def __init__(self, scale: Scale, parent: QWidget | None = None) -> None:
        super().__init__(
            [(i, str(i)) for i in range(11)],
            scale.label,
            (scale.low_anchor, scale.high_anchor),
            parent,
        )
        self.scale = scale
        self._pending_one = False

    def hint(self) -> str:
        return (
            f"0 is {self._anchors[0]}, 10 is {self._anchors[1]}. "  # type: ignore[index]
            "Type a number or use the arrows; Delete clears it."
        )

    def _typed(self, text: str) -> bool:
        if not text.isdigit():
            self._pending_one = False
            return False
        digit = int(text)
        if self._pending_one and digit == 0:
            self._set_index(10)  # "1" then "0" types ten
        else:
            self._set_index(digit)
        self._pending_one = digit == 1
        return True


class YesNoInput(ChoiceRow):
    """A yes/no sign; Y or N chooses, Delete clears (not recorded)."""

    def __init__(self, label: str, parent: QWidget | None = None, fill: bool = False) -> None:
        """``fill``: the two buttons share the row's width (bigger targets, no empty half)."""
        super().__init__([(True, "Yes"), (False, "No")], label, None, parent)
        for button in self._group.buttons():
            button.setMinimumWidth(64)
            button.setMinimumHeight(34)
        if not fill:
            self._row.addStretch(1)

    def hint(self) -> str:
        return "Y for yes, N for no, Delete clears it."

    def _typed(self, text: str) -> bool:
        if text.lower() == "y":
            self._set_index(0)
            return True
        if text.lower() == "n":
            self._set_index(1)
            return True
        return False


class DateTimeField(QDateTimeEdit):
    """A date (and time) field that Tab leaves at once.

    Qt's date editors use Tab to step through day, month, year and time, so a keyboard
    user needs five presses to get past one field. Here Tab goes to the next field;
    the left and right arrows still move between the parts of the date.
    """

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)


def _with_anchors(row: QHBoxLayout, anchors: tuple[str, str]) -> QVBoxLayout:
    """The buttons with the low anchor under the left end and the high one under the right."""
    words = QHBoxLayout()
    words.setContentsMargins(4, 0, 4, 0)
    for index, text in enumerate(anchors):
        label = QLabel(text)
        label.setObjectName("anchor")
        if index:
            words.addStretch(1)
        words.addWidget(label)
    box = QVBoxLayout()
    box.setContentsMargins(0, 0, 0, 0)
    box.setSpacing(0)
    box.addLayout(row)
    box.addLayout(words)
    return box


def error_label() -> QLabel:
    """The message under a field that says why its value cannot be saved (words, not colour)."""
    label = QLabel()
    label.setObjectName("fieldError")
    label.setWordWrap(True)
    label.setVisible(False)
    return label


def message_label() -> QLabel:
    """The line under a dialog's fields that says why it was not saved (plain text, wrapped)."""
    label = QLabel()
    label.setObjectName("fieldError")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def show_error(label: QLabel, message: str | None) -> None:
    label.setText(f"⚠ {message}" if message else "")
    label.setVisible(bool(message))


def add_labelled(layout: QBoxLayout | QFormLayout, pairs: Iterable[tuple[str, QWidget]]) -> None:
    """Each widget after its label: Alt + the underlined letter moves to the widget, and
    a screen reader names it by the same words (unless it already has a name)."""
    for text, widget in pairs:
        label = QLabel(text)
        label.setBuddy(widget)
        if not widget.accessibleName():
            widget.setAccessibleName(text.replace("&", ""))
        if isinstance(layout, QFormLayout):
            layout.addRow(label, widget)
        else:
            layout.addWidget(label)
            layout.addWidget(widget)


def run_dialog(dialog: QDialog) -> int:
    """Run a modal dialog made with a parent, then have Qt delete it, once.

    A dialog kept only by its parent lives on after ``exec()`` until the window goes;
    with its Python wrapper also collected at exit it could be deleted twice. Every
    dialog therefore goes through here.
    """
    try:
        return dialog.exec()
    finally:
        dialog.deleteLater()


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def show_period(
    start_field: DateField, end_field: DateField, period: tuple[date, date] | None
) -> None:
    """A preset period fills the two date fields and locks them, without signalling a
    change (the caller redraws once); ``None`` (Custom) unlocks them for typing."""
    for field in (start_field, end_field):
        field.setEnabled(period is None)
    if period is not None:
        for field, day in zip((start_field, end_field), period, strict=True):
            field.blockSignals(True)
            field.setDate(to_qdate(day))
            field.blockSignals(False)


def chosen_period(start_field: DateField, end_field: DateField) -> tuple[date, date]:
    """The two dates in order, whichever way round they were typed."""
    start, end = from_qdate(start_field.date()), from_qdate(end_field.date())
    return (start, end) if start <= end else (end, start)


def dialog_buttons(
    dialog: QDialog, on_accept: Callable[[], None], *, save: bool = True
) -> QDialogButtonBox:
    """Save (or OK) and Cancel, wired: ``on_accept`` for the first, closing for the other.

    Every dialog had its own four lines for this; Enter and Escape work the same in all.
    """
    chosen = QDialogButtonBox.StandardButton.Save if save else QDialogButtonBox.StandardButton.Ok
    buttons = QDialogButtonBox(chosen | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(on_accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
