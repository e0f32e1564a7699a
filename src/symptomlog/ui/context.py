"""The open diary, shared by every view, and the signals that keep the views in step.

Views never hold a diary of their own: when the user opens another diary or an
entry changes anywhere, the context says so and each view reloads from the core.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from symptomlog.store import Diary


class DiaryContext(QObject):
    """Holds the one open ``Diary`` and announces changes to it."""

    sig_opened = Signal()
    """Another diary was opened: every view reloads."""
    sig_changed = Signal()
    """Entries, cycles or the profile changed: views that show them refresh."""
    sig_status = Signal(str)
    """A one-line message for the status bar (saved, not saved, imported...)."""

    def __init__(self, diary: Diary) -> None:
        super().__init__()
        self.diary = diary
        self.actor = "patient"
        """Who is at the keyboard, for the audit trail: the last "recorded by" on Today."""

    def replace(self, diary: Diary) -> None:
        old, self.diary = self.diary, diary
        old.close()
        self.sig_opened.emit()

    def changed(self, message: str = "") -> None:
        self.sig_changed.emit()
        if message:
            self.sig_status.emit(message)
