"""Work off the window's thread where only the newest request counts.

The flag check after a save, the Charts view's reading of the diary and its drawing
all take longer than the 100 ms a window may stop answering (``make bench``), and
each can be asked again before it ends (another save, another period). Here such
work runs on one helper thread, one job at a time; the answer comes back on the
window's thread through a queued signal, and an answer to a request that a newer
one replaced is dropped. ``here=True`` runs the work at once instead: an in-memory
diary has one connection that only its own thread may use.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from symptomlog.errors import SymptomlogError

log = logging.getLogger(__name__)

STOP_WAIT_S = 3.0
"""The longest a closing window waits for a running job (a chart waits for a report's
charts to be drawn first, one drawing at a time)."""


class Latest(QObject):
    """``run(work, done)``: ``done(result or exception)`` later, for the newest run only."""

    _sig_done = Signal(int, object, object)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self._request = 0
        self._answered = 0
        self._stopped = False
        self._futures: list[Future[None]] = []
        self._sig_done.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def stopped(self) -> bool:
        """True once the window closing stopped it: nothing more runs."""
        return self._stopped

    @property
    def pending(self) -> bool:
        """True while the newest request has not been answered yet."""
        return self._answered != self._request

    def run(self, work: Callable[[], Any], done: Callable[[Any], None], here: bool = False) -> None:
        """Do ``work`` (on the helper thread, or ``here``); nothing once stopped."""
        if self._stopped:
            return
        self._request += 1
        if here:
            self._deliver(self._request, _attempt(work), done)
        else:
            self._futures = [f for f in self._futures if not f.done()]
            self._futures.append(self._pool.submit(self._run, self._request, work, done))

    def _run(self, request: int, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        if request != self._request:
            return  # replaced before it began: not worth doing
        result = _attempt(work)
        if self._stopped:
            return  # the window is closing: nobody to tell
        with contextlib.suppress(RuntimeError):  # it closed just now: still nobody
            self._sig_done.emit(request, result, done)

    def _deliver(self, request: int, result: object, done: Callable[[Any], None]) -> None:
        if request != self._request:
            return  # a newer request is on its way
        self._answered = request
        done(result)

    def stop(self, wait_s: float = STOP_WAIT_S) -> None:
        """No more answers (the window is closing): jobs not begun are dropped, and a
        running one is given ``wait_s`` to end, so that no thread is still at work
        while Qt takes the window apart (a quit once crashed that way)."""
        self._stopped = True
        self._request += 1
        self._answered = self._request  # nothing is pending any more: nothing will come
        self._pool.shutdown(wait=False, cancel_futures=True)
        wait(self._futures, timeout=wait_s)


def _attempt(work: Callable[[], Any]) -> object:
    """The work's result, or its exception: shown by ``done``, never lost silently."""
    try:
        return work()
    except SymptomlogError as error:
        return error
    except Exception as error:  # not a message for the person: logged as well
        log.exception("Work off the window's thread failed")
        return error
