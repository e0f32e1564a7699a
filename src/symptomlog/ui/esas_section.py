"""ESAS-r on the Today form, as published: the nine items in order, all visible, under
its instruction, with its optional tenth item "Other problem".

The revised Edmonton Symptom Assessment System may not be modified (Watanabe et al.
2011; Alberta Health Services): the items, their order and their anchor words are
used as written, with only the form's own plain hint beside a label. Nothing of it
is folded away, and no item that is not ESAS-r is put inside it.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from symptomlog.domain.fields import ESAS_SCALES, OTHER_PROBLEM, Scale
from symptomlog.ui.widgets import ScaleInput, error_label

ESAS_TITLE = "Edmonton Symptom Assessment System (revised)"
NOW_INSTRUCTION = "Please choose the number that best describes how you feel NOW."
ACKNOWLEDGEMENT = (
    "ESAS-r, the Edmonton Symptom Assessment System (revised): Watanabe et al. 2011; "
    "Alberta Health Services, with thanks. Used as published; the diary's other items "
    "are its own and not part of ESAS-r."
)


class EsasSection(QWidget):
    """The nine ESAS-r scales in the published order, then "Other problem" (named, 0-10).

    A heading line rather than a framed box: at 1024x700 with large text and a red
    banner, three scales must still show without scrolling.
    """

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scales: dict[str, ScaleInput] = {}
        self.errors = {"other_problem_name": error_label()}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        instruction = QLabel(f"<b>ESAS-r:</b> {NOW_INSTRUCTION}")  # one line, even large
        instruction.setWordWrap(True)
        instruction.setToolTip(ESAS_TITLE)
        instruction.setAccessibleName(NOW_INSTRUCTION)
        layout.addWidget(instruction)
        self.grid = QGridLayout()  # the label beside its scale: ten rows fit a small screen
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setVerticalSpacing(2)
        self.grid.setColumnStretch(1, 1)
        for row, scale in enumerate(ESAS_SCALES):
            self._scale_row(scale, row)
        self._other_problem(len(ESAS_SCALES))
        layout.addLayout(self.grid)
        credit = QLabel(ACKNOWLEDGEMENT)
        credit.setObjectName("smallPrint")
        credit.setWordWrap(True)
        layout.addWidget(credit)

    def _scale_row(self, scale: Scale, row: int, title: str | None = None) -> None:
        """The item's name (its plain hint below it) beside its 0-10 row."""
        hint = f"<br>{scale.hint}" if scale.hint else ""
        label = QLabel(f"<b>{title or scale.label}</b>{hint}")
        widget = ScaleInput(scale)
        widget.changed.connect(self.edited)
        label.setBuddy(widget)
        self.scales[scale.name] = widget
        self.grid.addWidget(label, row, 0)
        self.grid.addWidget(widget, row, 1)

    def _other_problem(self, row: int) -> None:
        """ESAS-r's tenth item: the patient names it, then scores it like the nine."""
        label = QLabel("<b>Other Problem</b><br>for example constipation")
        self.other_name = QLineEdit()
        self.other_name.setPlaceholderText("name it here, then choose its number below")
        self.other_name.setAccessibleName("Other problem: its name")
        self.other_name.textEdited.connect(self.edited)
        label.setBuddy(self.other_name)
        self.grid.addWidget(label, row, 0)
        self.grid.addWidget(self.other_name, row, 1)
        self.grid.addWidget(self.errors["other_problem_name"], row + 1, 0, 1, 2)
        self._scale_row(OTHER_PROBLEM, row + 2, "Other Problem")

    def inputs(self) -> list[QWidget]:
        """In reading order: the nine, the Other problem's name, then its score."""
        nine = [self.scales[s.name] for s in ESAS_SCALES]
        return [*nine, self.other_name, self.scales[OTHER_PROBLEM.name]]
