"""Saving the report: built on a helper thread behind a progress box with Cancel.

Issue 19: the Report view built the PDF on the window's thread, 2-2.6 s for the
default period, during which the window did not answer. The build runs on a
helper thread here; reportlab's layout reports its progress, which moves the bar,
and Cancel stops the build at its next step (nothing is written). The file is
written on the window's thread once the PDF is whole (write_atomically: all or
nothing), and the report's period is remembered for "Since the last report".
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from symptomlog.errors import SymptomlogError
from symptomlog.store import Diary

SHOW_AFTER_MS = 300


class Cancelled(SymptomlogError):
    """The person pressed Cancel: the report was not made and nothing was written."""


class _Carrier(QObject):
    sig_progress = Signal(int, int)
    sig_done = Signal(object)


@dataclass(frozen=True)
class Request:
    diary: Diary
    start: date
    end: date
    paper: str
    output: Path


class SaveBuild:
    """One build for Save as PDF: ``done(pdf bytes | exception)`` on the window's thread."""

    def __init__(
        self,
        parent: QWidget,
        request: Request,
        build: Callable[..., bytes],
        done: Callable[[object], None],
    ) -> None:
        self.request = request
        self._build = build
        self._done = done
        self._cancel = threading.Event()
        self.finished = False
        self._carrier = _Carrier()
        self._carrier.sig_progress.connect(self._moved, Qt.ConnectionType.QueuedConnection)
        self._carrier.sig_done.connect(self._finish, Qt.ConnectionType.QueuedConnection)
        self.progress = QProgressDialog(
            f"Making the report for {request.start:%d %b %Y} – {request.end:%d %b %Y}…",
            "&Cancel",
            0,
            0,
            parent,
        )
        self.progress.setWindowTitle("Saving the report")
        self.progress.setWindowModality(Qt.WindowModality.NonModal)  # the window stays usable
        self.progress.setMinimumDuration(SHOW_AFTER_MS)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.canceled.connect(self.cancel)

    def start(self, on_this_thread: bool = False) -> None:
        """Begin; ``on_this_thread`` for an in-memory diary (its one connection is ours)."""
        self.progress.setValue(0)
        if on_this_thread:
            self._finish(self._run())
            return
        threading.Thread(target=self._run_and_send, name="report-save", daemon=True).start()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def _step(self, done: int, total: int) -> None:
        """Called by the build on the helper thread: pass progress on; stop if cancelled."""
        if self._cancel.is_set():
            raise Cancelled("The report was not saved: cancelled")
        with contextlib.suppress(RuntimeError):
            self._carrier.sig_progress.emit(done, total)

    def _run(self) -> object:
        r = self.request
        try:
            self._step(0, 0)
            return self._build(r.diary, r.start, r.end, r.paper, self._step)
        except SymptomlogError as error:
            return error

    def _run_and_send(self) -> None:
        result = self._run()
        with contextlib.suppress(RuntimeError):  # the window closed meanwhile
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
        self.progress.close()
        self.progress.deleteLater()
        self._done(result)
