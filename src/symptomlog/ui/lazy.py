"""Refresh a view when it is seen, not on every change made while it is hidden; build
a view only when it is first needed.

Each save tells every view the diary changed. A hidden History or Charts view that
re-read five years at once froze the window for 0.7 s after every save (the freeze
benchmark). A hidden view now only notes that it is out of date and refreshes the
next time it is shown; a visible one refreshes at once, as before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget


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


class LazyPage(QWidget):
    """A tab's page that builds its view the first time it is shown or asked for.

    Building every view at start cost the cold start 40 ms of imports and widgets
    (measured on five years) for views a patient who only logs today never opens;
    ChartsView already waited for matplotlib the same way.
    """

    def __init__(self, build: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build = build
        self._view: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def built(self) -> QWidget | None:
        """The view, if it was built already."""
        return self._view

    def view(self) -> QWidget:
        """The view, built now if it was not yet."""
        if self._view is None:
            self._view = self._build()
            self._layout.addWidget(self._view)
        return self._view

    def showEvent(self, event: QShowEvent) -> None:
        self.view()
        super().showEvent(event)


class Views(Mapping[str, QWidget]):
    """The window's views by name, each built when first asked for (see ``LazyPage``)."""

    def __init__(self, pages: dict[str, QWidget]) -> None:
        self.pages = pages
        """The tabs' pages: a view itself, or a ``LazyPage`` that will hold it."""

    def built(self, name: str) -> QWidget | None:
        """The view if it was built already (asking for it would build it)."""
        page = self.pages[name]
        return page.built if isinstance(page, LazyPage) else page

    def __getitem__(self, name: str) -> QWidget:
        page = self.pages[name]
        return page.view() if isinstance(page, LazyPage) else page

    def __iter__(self) -> Iterator[str]:
        return iter(self.pages)

    def __len__(self) -> int:
        return len(self.pages)
