"""The daily reminder's timing (domain.reminder): due once a day, never after the day's entry."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from symptomlog.domain.reminder import DEFAULT_TIME, is_due, next_due, parse_time

AT = time(19, 0)


def test_before_the_chosen_time_it_is_due_today_at_that_time() -> None:
    now = datetime(2026, 11, 25, 9, 15)
    assert next_due(now, AT) == datetime(2026, 11, 25, 19, 0)
    assert not is_due(now, AT)


def test_at_the_chosen_time_it_is_due() -> None:
    now = datetime(2026, 11, 25, 19, 0)
    assert next_due(now, AT) == now
    assert is_due(now, AT)


def test_started_after_the_time_with_nothing_logged_it_is_due_now() -> None:
    now = datetime(2026, 11, 25, 21, 40)
    assert next_due(now, AT) == now
    assert is_due(now, AT, last_entry=datetime(2026, 11, 24, 20, 0))


def test_an_entry_made_today_moves_it_to_tomorrow() -> None:
    now = datetime(2026, 11, 25, 21, 40)
    entry = datetime(2026, 11, 25, 8, 5)
    assert next_due(now, AT, last_entry=entry) == datetime(2026, 11, 26, 19, 0)
    assert not is_due(now, AT, last_entry=entry)


def test_an_entry_made_this_morning_skips_this_evenings_reminder() -> None:
    now = datetime(2026, 11, 25, 9, 0)
    assert next_due(now, AT, last_entry=datetime(2026, 11, 25, 8, 30)) == datetime(
        2026, 11, 26, 19, 0
    )


def test_given_once_a_day_even_with_nothing_logged() -> None:
    now = datetime(2026, 11, 25, 22, 0)
    reminded = date(2026, 11, 25)
    assert next_due(now, AT, last_reminded=reminded) == datetime(2026, 11, 26, 19, 0)
    assert not is_due(now, AT, last_reminded=reminded)


def test_yesterdays_reminder_does_not_skip_today() -> None:
    now = datetime(2026, 11, 25, 19, 30)
    assert is_due(now, AT, last_reminded=date(2026, 11, 24))


def test_seconds_of_the_chosen_time_are_ignored() -> None:
    now = datetime(2026, 11, 25, 7, 0)
    assert next_due(now, time(8, 30, 45)) == datetime(2026, 11, 25, 8, 30)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("08:30", time(8, 30)), (" 21:05 ", time(21, 5)), ("25:00", DEFAULT_TIME), ("", DEFAULT_TIME)],
)
def test_a_stored_time_is_read_or_the_default_used(text: str, expected: time) -> None:
    assert parse_time(text) == expected
