"""Work off the window's thread where the newest request wins (ui/latest.py): the flag
check and the Charts view's reading and drawing all rely on it."""

from __future__ import annotations

import logging
import threading

import pytest

from symptomlog.errors import Problem, ValidationError
from symptomlog.ui.latest import Latest


def test_only_the_newest_request_is_answered(qtbot) -> None:  # type: ignore[no-untyped-def]
    latest = Latest("test-latest")
    first_started, release = threading.Event(), threading.Event()
    answers: list[object] = []
    threads: list[str] = []

    def slow() -> str:
        threads.append(threading.current_thread().name)
        first_started.set()
        release.wait(20)
        return "old"

    latest.run(slow, answers.append)
    assert first_started.wait(20)
    latest.run(lambda: "new", answers.append)  # asked again while the first runs
    assert latest.pending
    release.set()
    qtbot.waitUntil(lambda: not latest.pending, timeout=20_000)
    qtbot.wait(50)  # room for a late, stale answer to arrive (it must not)
    assert answers == ["new"]
    assert threads and threads[0].startswith("test-latest")


def test_a_failure_is_the_answer_and_a_bug_is_logged(
    qtbot,  # type: ignore[no-untyped-def]
    caplog: pytest.LogCaptureFixture,
) -> None:
    latest = Latest("test-latest")
    answers: list[object] = []

    def refused() -> None:
        raise ValidationError(Problem("pain", "Pain must be a whole number from 0 to 10"))

    latest.run(refused, answers.append)
    qtbot.waitUntil(lambda: bool(answers), timeout=20_000)
    assert isinstance(answers[0], ValidationError) and not caplog.records  # the person's words
    with caplog.at_level(logging.ERROR):
        latest.run(lambda: 1 / 0, answers.append)
        qtbot.waitUntil(lambda: len(answers) == 2, timeout=20_000)
    assert isinstance(answers[1], ZeroDivisionError)
    assert "failed" in caplog.text  # a bug is logged with its traceback, never lost


def test_here_answers_at_once_on_this_thread() -> None:
    latest = Latest("test-latest")
    answers: list[str] = []
    latest.run(lambda: threading.current_thread().name, answers.append, here=True)
    assert answers == [threading.current_thread().name] and not latest.pending


def test_once_stopped_nothing_runs_and_nothing_is_pending(qtbot) -> None:  # type: ignore[no-untyped-def]
    latest = Latest("test-latest")
    release = threading.Event()
    answers: list[object] = []
    latest.run(lambda: release.wait(20), answers.append)
    latest.stop()  # the window is closing while a job runs
    assert not latest.pending
    latest.run(lambda: "after", answers.append)  # a late change: ignored, no error
    release.set()
    qtbot.wait(100)
    assert answers == []
