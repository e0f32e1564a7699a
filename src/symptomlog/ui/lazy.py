"""Refresh a view when it is seen, not on every change made while it is hidden.

Each save tells every view the diary changed. A hidden History or Charts view that
re-read five years at once froze the window for 0.7 s after every save (the freeze
benchmark). A hidden view now only notes that it is out of date and refreshes the
next time it is shown; a visible one refreshes at once, as before.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


class RefreshWhenSeen(QObject):
    """Call ``refresh`` now if ``view`` is visible, else when it is next shown."""

    def __init__(self, view: QWidget, refresh: Callable[[], None]) -> None:
        super().__init__(view)
        self._view = view
        self._refresh = refresh
        self.stale = False
        view.installEventFilter(self)

    def changed(self) -> None:
        """The slot for ``sig_changed`` / ``sig_opened``."""
        if self._view.isVisible():
            self.stale = False
            self._refresh()
        else:
            self.stale = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._view and event.type() == QEvent.Type.Show and self.stale:
            self.stale = False
            self._refresh()
        return False
