"""Ask once to confirm what each care-team number is for, after an older diary is opened.

Older diaries stored a free-text role ("Palliative care nurse specialist"). The
migration made a contact a 24-hour line only when its role plainly said so, and
everything else "other": a weekday number must never be shown as the one to call
at night. This dialog shows the old wording beside each contact and lets the user
choose the kinds; saving (or "They are right") marks them confirmed for good.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from symptomlog.errors import SymptomlogError
from symptomlog.ui.contacts_editor import ContactsEditor
from symptomlog.ui.context import DiaryContext
from symptomlog.ui.messages import not_saved
from symptomlog.ui.widgets import dialog_buttons


class ConfirmKindsDialog(QDialog):
    """The care team with a kind for each number; Save stores the kinds as confirmed."""

    def __init__(self, context: DiaryContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle("Check your care team's numbers")
        self.profile = context.diary.profile.get()
        intro = QLabel(
            "This diary now knows what each number is for. Only a “24-hour line” is shown "
            "when the diary says to call now, so please check the kind of each contact."
        )
        intro.setWordWrap(True)
        was = "\n".join(
            f"• {c.name}, {c.phone}: written as “{c.role}”" for c in self.profile.contacts if c.role
        )
        self.before = before = QLabel(f"As written before:\n{was}" if was else "")
        before.setTextFormat(Qt.TextFormat.PlainText)
        before.setWordWrap(True)
        self.editor = ContactsEditor(self.profile.contacts)
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = dialog_buttons(self, self.save)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Ask me &later")
        layout = QVBoxLayout(self)
        for widget in (intro, before, self.editor, self.message, buttons):
            layout.addWidget(widget)
        self.resize(820, 420)

    def save(self) -> None:
        """Store the kinds as chosen; the question is not asked again."""
        try:
            contacts = self.editor.contacts()
            profile = replace(self.profile, contacts=contacts, contact_kinds_confirmed=True)
            self.context.diary.profile.save(profile, actor=self.context.actor or "user")
        except SymptomlogError as error:
            self.message.setText(not_saved(error))
            return
        self.context.changed("Care team saved.")
        self.accept()


def needs_confirming(context: DiaryContext) -> bool:
    """True when the kinds were guessed by a migration and nobody has checked them yet."""
    try:
        profile = context.diary.profile.get()
    except SymptomlogError:
        return False
    return bool(profile.contacts) and not profile.contact_kinds_confirmed
