"""Long work off the window's thread, with a progress box, so the window never freezes.

Importing five years of entries took 0.4 s on the window's thread: long enough for
the window to stop answering and for a shaky hand to click again. Here the work
runs on a helper thread while a window-modal progress box says what is happening;
the window keeps drawing, and the result comes back on the window's thread through
a queued signal, where it is shown.

An in-memory diary has a single connection that only its own thread may use: its
work runs on the window's thread, as it is always small.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from symptomlog.errors import SymptomlogError

T = TypeVar("T")
log = logging.getLogger(__name__)

SHOW_AFTER_MS = 300
"""Work that ends sooner shows no progress box at all (it would only flicker)."""


class _Carrier(QObject):
    """Carries the result from the helper thread to the window's thread."""

    sig_done = Signal(object)


class BackgroundTask(Generic[T]):
    """Run ``work`` on a helper thread; call ``done`` with its result or its exception.

    While it runs, a progress box (window-modal, no Cancel: the work is one
    transaction that either stores everything or nothing) says ``label``.
    """

    def __init__(
        self,
        parent: QWidget,
        label: str,
        work: Callable[[], T],
        done: Callable[[T | Exception], None],
    ) -> None:
        self._work = work
        self._done = done
        self._carrier = _Carrier()
        self._carrier.sig_done.connect(self._finish, Qt.ConnectionType.QueuedConnection)
        self.progress = QProgressDialog(label, "", 0, 0, parent)
        self.progress.setWindowTitle("Please wait")
        self.progress.setCancelButton(None)  # one transaction: all or nothing, no Cancel
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(SHOW_AFTER_MS)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.finished = False

    def start(self, on_this_thread: bool = False) -> None:
        """Begin; ``on_this_thread`` for an in-memory diary (see the module docstring)."""
        self.progress.setValue(0)  # starts the timer that shows the box after a moment
        if on_this_thread:
            self._finish(self._run())
            return
        threading.Thread(target=self._run_and_send, name="background-task").start()

    def _run(self) -> T | Exception:
        try:
            return self._work()
        except Exception as error:  # shown to the person by ``done``; never lost silently
            if not isinstance(error, SymptomlogError):  # not a message for the person: log it
                log.exception("Background work failed")
            return error

    def _run_and_send(self) -> None:
        result = self._run()
        with contextlib.suppress(RuntimeError):  # the window closed meanwhile: nobody to tell
            self._carrier.sig_done.emit(result)

    def _finish(self, result: object) -> None:
        self.finished = True
        self.progress.close()
        self.progress.deleteLater()
        self._done(result)  # type: ignore[arg-type]
