"""The open diary, shared by every view, and the signals that keep the views in step.

Views never hold a diary of their own: when the user opens another diary or an
entry changes anywhere, the context says so and each view reloads from the core.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from symptomlog.errors import SymptomlogError
from symptomlog.store import Diary

WATCH_MS = 2000
"""How often the window looks for saves made by another window or program."""


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
        self._version = self._current_version()
        self.watcher = QTimer(self)
        self.watcher.setInterval(WATCH_MS)
        self.watcher.timeout.connect(self.check_for_changes)
        self.watcher.start()

    def _current_version(self) -> int | None:
        try:
            return self.diary.data_version()
        except SymptomlogError:
            return None

    def check_for_changes(self) -> None:
        """Another window or program saved: refresh the views (typed values stay in the form)."""
        version = self._current_version()
        if version != self._version:
            self._version = version
            self.changed("The diary was changed elsewhere; the views were refreshed.")

    def stop(self) -> None:
        """Stop watching before the window goes: no timer may fire into a closed diary."""
        self.watcher.stop()

    def replace(self, diary: Diary) -> None:
        old, self.diary = self.diary, diary
        old.close()
        self._version = self._current_version()
        self.sig_opened.emit()

    def changed(self, message: str = "") -> None:
        """Our own save: views refresh, and the watcher does not report it as another's.

        SQLite's data_version counts commits from every other connection, and our own
        saves use the engine's connections, so the watcher would see them as changes
        "elsewhere" unless it takes the new version now.
        """
        self._version = self._current_version()
        self.sig_changed.emit()
        if message:
            self.sig_status.emit(message)
