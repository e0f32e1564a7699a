"""Judging a day's flags off the window's thread, so saving never freezes the window.

Every flag is judged over the whole history (episodes, "new" jaundice, weight
since the first weighing), so Today, History and the PDF agree. On five years
that is 80–250 ms of work after each save and at start: with it on the window's
thread a save froze the window past the 100 ms budget (``make bench``). Here it
runs on one helper thread; the newest request wins, so a result for a day or a
diary no longer shown is dropped. The banner follows the words "Saved" by the
time the check takes, a fraction of a second.

An in-memory diary has one connection that only its own thread may use: its
check runs at once on the window's thread.
"""

from __future__ import annotations

import contextlib
import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QObject, Qt, Signal

from symptomlog.analysis.flags import Flag, diary_flags
from symptomlog.domain import Profile
from symptomlog.errors import SymptomlogError
from symptomlog.store import Diary

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DayFlags:
    """The flags of one day and the profile to word them with (its contacts)."""

    day: date
    flags: list[Flag]
    profile: Profile


class FlagCheck(QObject):
    """``check(diary, day)`` now; ``sig_ready`` later with a ``DayFlags`` or the error."""

    sig_ready = Signal(object)
    _sig_done = Signal(int, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="flags")
        self._request = 0
        self._answered = 0
        self._sig_done.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def pending(self) -> bool:
        """True while the newest check has not been shown yet."""
        return self._answered != self._request

    def check(self, diary: Diary, day: date) -> None:
        self._request += 1
        request = self._request
        if diary.path is None:
            self._deliver(request, _judge(diary, day))
        else:
            self._pool.submit(self._run, request, diary, day)

    def _run(self, request: int, diary: Diary, day: date) -> None:
        result = _judge(diary, day)
        with contextlib.suppress(RuntimeError):  # the window closed meanwhile: nobody to tell
            self._sig_done.emit(request, result)

    def _deliver(self, request: int, result: object) -> None:
        if request != self._request:
            return  # a newer check (another save, another diary) is on its way
        self._answered = request
        self.sig_ready.emit(result)

    def stop(self) -> None:
        """No more checks; a running one finishes and is dropped (the window is closing)."""
        self._request += 1
        self._pool.shutdown(wait=False, cancel_futures=True)


def _judge(diary: Diary, day: date) -> DayFlags | Exception:
    try:
        return DayFlags(day, diary_flags(diary, day, day), diary.profile.get())
    except SymptomlogError as error:
        return error
    except Exception as error:  # logged, and shown as "could not be checked", never silent
        log.exception("Checking the flags failed")
        return error
