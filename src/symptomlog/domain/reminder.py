"""When the daily reminder to log is due: plain date arithmetic, no clock, no Qt.

Adherence decides whether a diary helps at all, so the window can remind once a
day at a time the person chooses. A reminder that nags after the day's entry was
already made teaches people to ignore it, so it is skipped on a day that has an
entry, and it is given at most once a day. Kept apart from the timer so that each
case can be tested without waiting.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

DEFAULT_TIME = time(19, 0)
"""The evening, when most of the day's symptoms can be told."""


def parse_time(text: str, default: time = DEFAULT_TIME) -> time:
    """A stored "HH:MM" as a time; anything else (an old or hand-edited setting) the default."""
    try:
        return time.fromisoformat(text.strip())
    except (AttributeError, ValueError):
        return default


def next_due(
    now: datetime,
    at: time,
    last_entry: datetime | None = None,
    last_reminded: date | None = None,
) -> datetime:
    """The next moment to remind, from ``now`` and the chosen time of day ``at``.

    Today at ``at`` while that is still to come; ``now`` if it has passed and today
    has neither an entry nor a reminder yet (the app was started late, or the
    computer slept through it); else tomorrow at ``at``.
    """
    today = now.date()
    done_today = (last_entry is not None and last_entry.date() >= today) or (
        last_reminded is not None and last_reminded >= today
    )
    moment = datetime.combine(today, at.replace(second=0, microsecond=0))
    if done_today:
        return moment + timedelta(days=1)
    return max(moment, now)


def is_due(
    now: datetime,
    at: time,
    last_entry: datetime | None = None,
    last_reminded: date | None = None,
) -> bool:
    """Whether the reminder should be given now."""
    return next_due(now, at, last_entry, last_reminded) <= now
