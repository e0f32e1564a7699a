"""Pure facts about doses: how many in the last 24 hours, how long since the last,
whether the most allowed in 24 hours is reached, breakthrough doses per day.

Facts only, never advice: the diary says "6 doses in the last 24 hours, the most
allowed is 6", never "take another" or "wait". The window, the command line, the
flag rule and the PDF all read these, so they count the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Final

from symptomlog.domain.medicine import Dose, Medicine, Purpose
from symptomlog.domain.profile import Profile
from symptomlog.domain.words import ordinal, plural

DAY: Final = timedelta(hours=24)


def doses_in_24h(
    doses: Iterable[Dose], moment: datetime, medicine_id: int | None = None
) -> list[Dose]:
    """The doses taken in the 24 hours up to and including ``moment`` (oldest first).

    The window is (moment - 24 h, moment]: a dose taken exactly 24 hours earlier has
    left it, so "6 in 24 hours" means six within any one day-long span.
    """
    start = moment - DAY
    chosen = (d for d in doses if medicine_id is None or d.medicine_id == medicine_id)
    return sorted((d for d in chosen if start < d.taken_at <= moment), key=lambda d: d.taken_at)


def since_words(elapsed: timedelta | None) -> str:
    """ "no dose yet", "just now", "45 min ago", "3 h 10 min ago", "2 days ago"."""
    if elapsed is None:
        return "no dose yet"
    minutes = int(elapsed.total_seconds() // 60)
    if minutes < 1:
        return "just now"
    if minutes < 60:
        return f"{minutes} min ago"
    hours, rest = divmod(minutes, 60)
    if hours < 48:
        return f"{hours} h {rest} min ago" if rest else f"{hours} h ago"
    return f"{plural(hours // 24, 'day')} ago"


@dataclass(frozen=True)
class DoseLimit:
    """How many doses of one medicine in the last 24 hours against the most allowed."""

    medicine: Medicine
    count: int
    maximum: int

    @property
    def reached(self) -> bool:
        """At or over the most allowed in 24 hours."""
        return self.count >= self.maximum

    @property
    def passed(self) -> bool:
        return self.count > self.maximum


def dose_limit(medicine: Medicine, doses: Iterable[Dose], moment: datetime) -> DoseLimit | None:
    """The 24-hour count of ``medicine`` at ``moment``; None when no maximum is recorded."""
    if medicine.max_per_24h is None or medicine.id is None:
        return None
    count = len(doses_in_24h(doses, moment, medicine.id))
    return DoseLimit(medicine, count, medicine.max_per_24h)


def breakthrough_ids(medicines: Iterable[Medicine]) -> set[int]:
    """The ids of the as-needed medicines for pain: the breakthrough doses' medicines."""
    return {m.id for m in medicines if m.is_breakthrough and m.id is not None}


def breakthrough_doses(doses: Iterable[Dose], medicines: Iterable[Medicine]) -> list[Dose]:
    """The as-needed doses for pain, oldest first."""
    ids = breakthrough_ids(medicines)
    return sorted((d for d in doses if d.medicine_id in ids), key=lambda d: d.taken_at)


def breakthrough_per_day(doses: Iterable[Dose], medicines: Iterable[Medicine]) -> dict[date, int]:
    """As-needed doses for pain on each calendar day that had any (for charts and the PDF)."""
    counts: dict[date, int] = {}
    for dose in breakthrough_doses(doses, medicines):
        day = dose.taken_at.date()
        counts[day] = counts.get(day, 0) + 1
    return counts


def most_per_day(times: Sequence[datetime]) -> dict[date, tuple[int, datetime]]:
    """For each day with a dose: the most doses in any 24 hours ending on that day,
    and the moment of the dose that made that count (the first such moment)."""
    best: dict[date, tuple[int, datetime]] = {}
    first = 0
    for last, moment in enumerate(times):
        while times[first] <= moment - DAY:
            first += 1
        count = last - first + 1
        day = moment.date()
        if day not in best or count > best[day][0]:
            best[day] = (count, moment)
    return best


def per_day_summary(counts: Mapping[date, int], days: Iterable[date]) -> tuple[float, int]:
    """Mean and most breakthrough doses per day over ``days`` (days without doses count 0)."""
    span = list(days)
    if not span:
        return 0.0, 0
    values = [counts.get(d, 0) for d in span]
    return sum(values) / len(values), max(values)


WHAT: Final = {
    Purpose.PAIN: "the pain",
    Purpose.NAUSEA: "the sickness",
    Purpose.BREATHLESSNESS: "the breathlessness",
    Purpose.ANXIETY: "the anxiety",
}
"""What a dose is for, as the warning names it ("If the pain is not controlled …")."""


def limit_warning(limit: DoseLimit, profile: Profile) -> str:
    """The words shown when the most allowed in 24 hours is reached: a fact and who to call."""
    said = f"That is the {ordinal(limit.count)} dose of {limit.medicine.label} in 24 hours"
    if limit.passed:
        said += f" — more than the {limit.maximum} your team set."
    else:
        said += " — the most your team set."
    what = WHAT.get(limit.medicine.purpose, "it")
    contact = profile.daytime_contact or profile.line_24h
    number = f" ({contact.phone})" if contact is not None else ""
    return f"{said} If {what} is not controlled, call your care team{number}."
