"""The care team as a table: kind, name, phone and hours, one contact a row.

The kind decides what the app does with a number: only a ``24-hour line`` is ever
shown in a red "call now" message; amber messages name the palliative or
oncology team. So the kind is a choice from a list, never read from free text.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from symptomlog.domain import Contact
from symptomlog.domain.profile import ContactKind
from symptomlog.errors import Problem, ValidationError

COLUMNS = ("Kind", "Name", "Phone", "Hours (e.g. Mon–Fri 9–5)")
KIND, NAME, PHONE, HOURS = range(4)


class ContactsEditor(QWidget):
    """Edit a list of contacts; ``contacts()`` validates them through the core."""

    def __init__(self, contacts: tuple[Contact, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._roles: list[str] = []
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName("Care team contacts")
        self.table.setTabKeyNavigation(False)
        for contact in contacts:
            self.add_row(contact)
        if not contacts:
            self.add_row(None, ContactKind.LINE_24H)
        self.table.setColumnWidth(KIND, 250)
        self.table.setColumnWidth(NAME, 200)
        self.table.setColumnWidth(PHONE, 140)
        add = QPushButton("&Add contact")
        add.clicked.connect(lambda: self.add_row(None))
        remove = QPushButton("&Remove selected")
        remove.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        note = QLabel(
            "Only a contact of kind “24-hour line” is shown when the diary says to call now. "
            "“Tell your care team today” names the palliative team, else the oncology team."
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def add_row(self, contact: Contact | None, kind: ContactKind = ContactKind.OTHER) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        combo = QComboBox()
        combo.setAccessibleName(f"Kind of contact {row + 1}")
        for each in ContactKind:
            combo.addItem(each.label, each.value)
        chosen = contact.kind if contact else kind
        combo.setCurrentIndex(list(ContactKind).index(chosen))
        self.table.setCellWidget(row, KIND, combo)
        cells = (contact.name, contact.phone, contact.hours) if contact else ("", "", "")
        for column, text in zip((NAME, PHONE, HOURS), cells, strict=True):
            self.table.setItem(row, column, QTableWidgetItem(text))
        self._roles.append(contact.role if contact else "")

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            del self._roles[row]

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def kind_at(self, row: int) -> ContactKind:
        combo = self.table.cellWidget(row, KIND)
        assert isinstance(combo, QComboBox)
        return ContactKind(combo.currentData())

    def set_kind(self, row: int, kind: ContactKind) -> None:
        combo = self.table.cellWidget(row, KIND)
        assert isinstance(combo, QComboBox)
        combo.setCurrentIndex(list(ContactKind).index(kind))

    def set_row(self, row: int, name: str, phone: str, hours: str = "") -> None:
        for column, text in zip((NAME, PHONE, HOURS), (name, phone, hours), strict=True):
            self.table.setItem(row, column, QTableWidgetItem(text))

    def contacts(self) -> tuple[Contact, ...]:
        """The rows with a name or a phone; ValidationError lists every bad row."""
        found: list[Contact] = []
        problems: list[Problem] = []
        for row in range(self.table.rowCount()):
            name, phone, hours = (self._cell(row, c) for c in (NAME, PHONE, HOURS))
            if not name and not phone:
                continue  # an empty row
            try:
                contact = Contact(self.kind_at(row), name, phone, hours, self._roles[row])
                found.append(contact.checked())
            except ValidationError as error:
                problems.extend(error.problems)
        if problems:
            raise ValidationError(problems)
        return tuple(found)
