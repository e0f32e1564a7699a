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

from dataclasses import dataclass
from datetime import date
from functools import partial

from PySide6.QtCore import QObject, Signal

from symptomlog.analysis.flags import Flag, diary_flags
from symptomlog.domain import Profile
from symptomlog.store import Diary
from symptomlog.ui.latest import Latest


@dataclass(frozen=True)
class DayFlags:
    """The flags of one day and the profile to word them with (its contacts)."""

    day: date
    flags: list[Flag]
    profile: Profile


class FlagCheck(QObject):
    """``check(diary, day)`` now; ``sig_ready`` later with a ``DayFlags`` or the error."""

    sig_ready = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._latest = Latest("flags", self)

    @property
    def pending(self) -> bool:
        """True while the newest check has not been shown yet."""
        return self._latest.pending

    def check(self, diary: Diary, day: date) -> None:
        self._latest.run(partial(_judge, diary, day), self.sig_ready.emit, diary.path is None)

    def stop(self) -> None:
        """No more checks; a running one finishes and is dropped (the window is closing)."""
        self._latest.stop()


def _judge(diary: Diary, day: date) -> DayFlags:
    return DayFlags(day, diary_flags(diary, day, day), diary.profile.get())
