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
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from symptomlog.errors import SymptomlogError

T = TypeVar("T")
log = logging.getLogger(__name__)

SHOW_AFTER_MS = 300
"""Work that ends sooner shows no progress box at all (it would only flicker)."""


_UNDER_WAY: set[BackgroundTask[Any]] = set()
"""Every task until it has answered. File ▸ Import drops the task it starts; once the
helper thread ended, Python deleted it with its signal carrier, the answer never came
and the progress box stayed up for good. Held here, no caller has to keep it."""


class Cancelled(SymptomlogError):
    """The person pressed Cancel: the work stopped at its next step, nothing was written."""


class _Carrier(QObject):
    """Carries progress and the result from the helper thread to the window's thread."""

    sig_progress = Signal(int, int)
    sig_done = Signal(object)


class BackgroundTask(Generic[T]):
    """Run ``work`` on a helper thread; call ``done`` with its result or its exception.

    While it runs, a progress box says ``label``: window-modal without Cancel by
    default (an import is one transaction that stores everything or nothing), or,
    with ``cancel``, non-modal with that button, the window staying usable. Work that
    reports its progress calls ``step(done, total)``, which moves the bar and, after
    Cancel, stops the work by raising ``Cancelled``.
    """

    def __init__(
        self,
        parent: QWidget,
        label: str,
        work: Callable[[], T],
        done: Callable[[T | Exception], None],
        *,
        title: str = "Please wait",
        cancel: str | None = None,
        thread_name: str = "background-task",
    ) -> None:
        self._work = work
        self._done = done
        self._thread_name = thread_name
        self._cancel = threading.Event()
        self._carrier = _Carrier()
        self._carrier.sig_progress.connect(self._moved, Qt.ConnectionType.QueuedConnection)
        self._carrier.sig_done.connect(self._finish, Qt.ConnectionType.QueuedConnection)
        self.progress = QProgressDialog(label, cancel or "", 0, 0, parent)
        self.progress.setWindowTitle(title)
        if cancel is None:
            self.progress.setCancelButton(None)  # one transaction: all or nothing, no Cancel
            self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        else:
            self.progress.setWindowModality(Qt.WindowModality.NonModal)
            self.progress.canceled.connect(self.cancel)
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
        _UNDER_WAY.add(self)
        threading.Thread(target=self._run_and_send, name=self._thread_name).start()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def step(self, done: int, total: int) -> None:
        """Called by the work on the helper thread: pass progress on; stop if cancelled."""
        if self._cancel.is_set():
            raise Cancelled("Cancelled: nothing was saved")
        with contextlib.suppress(RuntimeError):
            self._carrier.sig_progress.emit(done, total)

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

    def _moved(self, done: int, total: int) -> None:
        if self.finished:
            return
        self.progress.setMaximum(total)
        self.progress.setValue(min(done, total) if total else 0)

    def _finish(self, result: object) -> None:
        if self.finished:
            return
        self.finished = True
        _UNDER_WAY.discard(self)
        self.progress.close()
        self.progress.deleteLater()
        self._done(result)  # type: ignore[arg-type]
