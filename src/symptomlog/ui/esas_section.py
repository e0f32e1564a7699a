"""ESAS-r on the Today form, as published: the nine items in order, all visible, under
its instruction, with its optional tenth item "Other problem".

The revised Edmonton Symptom Assessment System may not be modified (Watanabe et al.
2011; Alberta Health Services): the items, their order and their anchor words are
used as written, with only the form's own plain hint beside a label. Nothing of it
is folded away, and no item that is not ESAS-r is put inside it.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from symptomlog.domain.fields import ESAS_SCALES, OTHER_PROBLEM, Scale
from symptomlog.ui.widgets import ScaleInput, error_label

ESAS_TITLE = "Edmonton Symptom Assessment System (revised)"
NOW_INSTRUCTION = "Please choose the number that best describes how you feel NOW."
ACKNOWLEDGEMENT = "ESAS-r: Watanabe et al. 2011; Alberta Health Services, with thanks."


class EsasSection(QGroupBox):
    """The nine ESAS-r scales in the published order, then "Other problem" (named, 0-10)."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(ESAS_TITLE, parent)
        self.scales: dict[str, ScaleInput] = {}
        self.errors = {"other_problem_name": error_label()}
        layout = QVBoxLayout(self)
        instruction = QLabel(f"<b>{NOW_INSTRUCTION}</b>")
        instruction.setWordWrap(True)
        layout.addWidget(instruction)
        for scale in ESAS_SCALES:
            layout.addWidget(self._scale_row(scale))
        layout.addWidget(self._other_problem())
        credit = QLabel(ACKNOWLEDGEMENT)
        credit.setObjectName("smallPrint")
        layout.addWidget(credit)

    def _scale_row(self, scale: Scale, title: str | None = None) -> QWidget:
        row = QWidget()
        column = QVBoxLayout(row)
        column.setContentsMargins(0, 2, 0, 2)
        column.setSpacing(0)
        heading = title or (f"{scale.label} ({scale.hint})" if scale.hint else scale.label)
        label = QLabel(f"<b>{heading}</b>")
        widget = ScaleInput(scale)
        widget.changed.connect(self.edited)
        label.setBuddy(widget)
        self.scales[scale.name] = widget
        column.addWidget(label)
        column.addWidget(widget)
        return row

    def _other_problem(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 4, 0, 0)
        line = QHBoxLayout()
        label = QLabel("<b>Other Problem</b> (for example constipation):")
        self.other_name = QLineEdit()
        self.other_name.setPlaceholderText("name it, then choose its number")
        self.other_name.setAccessibleName("Other problem: its name")
        self.other_name.textEdited.connect(self.edited)
        label.setBuddy(self.other_name)
        line.addWidget(label)
        line.addWidget(self.other_name, 1)
        column.addLayout(line)
        column.addWidget(self.errors["other_problem_name"])
        column.addWidget(self._scale_row(OTHER_PROBLEM, "Other Problem (score)"))
        return box

    def inputs(self) -> list[QWidget]:
        """In reading order: the nine, the Other problem's name, then its score."""
        nine = [self.scales[s.name] for s in ESAS_SCALES]
        return [*nine, self.other_name, self.scales[OTHER_PROBLEM.name]]
