"""The first start of a new diary: who it is for, and the number to ring at night.

A red message is only useful if it says which number to call, so a new diary asks
for the hospital's 24-hour line once, with the patient's name, who is at the
keyboard and the day-time team. Every part may be left blank and the whole step
skipped: the red message then says to ring the 24-hour line on the chemotherapy
alert card, or 999.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from symptomlog.domain import Contact, Profile
from symptomlog.domain.profile import DAYTIME_KINDS, ContactKind
from symptomlog.errors import SymptomlogError
from symptomlog.ui.messages import not_saved
from symptomlog.ui.widgets import add_labelled, message_label

LINE_24H_NAME = "Hospital 24-hour line"
INTRO = (
    "A few details help the diary when it matters most. Everything stays on this computer.\n"
    "You can skip this now and fill it in later under Profile (Ctrl+P)."
)


def needs_first_run(profile: Profile) -> bool:
    """A diary nobody has set up yet: no name and no care-team number."""
    return not profile.name and not profile.contacts


class FirstRunDialog(QDialog):
    """Name, who is using the app, the 24-hour line and the day-time team; skippable."""

    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.saved: Profile | None = None
        self.setWindowTitle("Welcome to symptomlog")
        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        self.message = message_label()
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton("&Save", QDialogButtonBox.ButtonRole.AcceptRole)
        self.skip_button = buttons.addButton(
            "S&kip for now", QDialogButtonBox.ButtonRole.RejectRole
        )
        for button in (self.save_button, self.skip_button):
            button.setMinimumHeight(40)
        self.save_button.setDefault(True)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(self._form())
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(640, 480)

    def _form(self) -> QFormLayout:
        form = QFormLayout()
        self.name = QLineEdit()
        self.patient = QRadioButton("I am the &patient")
        self.carer = QRadioButton("I am a &carer (family or friend)")
        self.patient.setChecked(True)
        who = QButtonGroup(self)
        who.addButton(self.patient)
        who.addButton(self.carer)
        who_row = QHBoxLayout()
        who_row.addWidget(self.patient)
        who_row.addWidget(self.carer)
        self.carer_name = QLineEdit()
        self.carer_name.setEnabled(False)
        self.carer.toggled.connect(self.carer_name.setEnabled)
        self.line_24h = QLineEdit()
        self.line_24h.setPlaceholderText("on your chemotherapy alert card")
        self.team_kind = QComboBox()
        for kind in DAYTIME_KINDS:
            self.team_kind.addItem(kind.label, kind.value)
        self.team_name, self.team_phone, self.team_hours = QLineEdit(), QLineEdit(), QLineEdit()
        self.team_hours.setPlaceholderText("e.g. Mon–Fri 9–5")
        add_labelled(form, (("Patient's &name", self.name),))
        form.addRow(QLabel("Who is using the app?"), who_row)
        add_labelled(
            form,
            (
                ("Your name (ca&rer)", self.carer_name),
                ("Hospital's &24-hour number", self.line_24h),
                ("Day-time &team", self.team_kind),
                ("Team or nurse's n&ame", self.team_name),
                ("Team's p&hone", self.team_phone),
                ("When they answer (h&ours)", self.team_hours),
            ),
        )
        return form

    def contacts(self) -> tuple[Contact, ...]:
        """The numbers typed, as contacts of the right kind (blank ones left out)."""
        found = list(self.profile.contacts)
        phone = self.line_24h.text().strip()
        if phone:
            found.append(Contact(ContactKind.LINE_24H, LINE_24H_NAME, phone, "24 hours").checked())
        team = (self.team_name.text().strip(), self.team_phone.text().strip())
        if any(team):
            kind = ContactKind(self.team_kind.currentData())
            contact = Contact(kind, team[0], team[1], self.team_hours.text().strip())
            found.append(contact.checked())
        return tuple(found)

    def carer_name_typed(self) -> str | None:
        """The carer's name if a carer is using the app; None for the patient."""
        return self.carer_name.text().strip() if self.carer.isChecked() else None

    def save(self) -> None:
        """Keep what was typed; on a problem say what to change and stay open."""
        try:
            self.saved = replace(
                self.profile, name=self.name.text().strip() or None, contacts=self.contacts()
            )
        except SymptomlogError as error:
            self.message.setText(not_saved(error))
            return
        self.accept()
