"""Today's flags are judged off the window's thread; only the newest answer is shown."""

from __future__ import annotations

import threading
from datetime import date, datetime, timedelta

import pytest

from symptomlog.analysis import flags as engine
from symptomlog.domain import ChemoCycle, Entry
from symptomlog.store import Diary
from symptomlog.ui.flag_check import DayFlags, FlagCheck


@pytest.fixture
def feverish(diary: Diary) -> Diary:
    start = date.today() - timedelta(days=8)
    diary.cycles.add([ChemoCycle("mfolfirinox", 1, start)])
    diary.entries.add(
        Entry(datetime.now().replace(hour=9, minute=0, second=0, microsecond=0), temperature_c=38.4)
    )
    return diary


def test_the_check_runs_on_its_own_thread_and_only_the_newest_answer_is_shown(
    qtbot, feverish: Diary, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[str] = []
    real = engine.diary_flags

    def noting(diary, start, end):
        threads.append(threading.current_thread().name)
        return real(diary, start, end)

    monkeypatch.setattr("symptomlog.ui.flag_check.diary_flags", noting)
    check = FlagCheck()
    shown: list[object] = []
    check.sig_ready.connect(shown.append)
    yesterday, today = date.today() - timedelta(days=1), date.today()
    check.check(feverish, yesterday)
    check.check(feverish, today)  # asked again before the first answer arrived
    assert check.pending
    qtbot.waitUntil(lambda: not check.pending, timeout=20_000)
    qtbot.wait(50)  # any late answer for yesterday would arrive now
    assert len(shown) == 1
    answer = shown[0]
    assert isinstance(answer, DayFlags) and answer.day == today
    assert [f.rule for f in answer.flags] == ["temperature"]
    assert threads and all(name.startswith("flags") for name in threads)
    check.stop()


def test_an_in_memory_diary_is_judged_at_once(qtbot, memory_diary: Diary) -> None:
    check = FlagCheck()
    shown: list[object] = []
    check.sig_ready.connect(shown.append)
    check.check(memory_diary, date.today())
    assert not check.pending and len(shown) == 1 and isinstance(shown[0], DayFlags)
