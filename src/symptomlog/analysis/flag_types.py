"""The types every flag rule shares: the level, the flag itself, and the rules' context.

Kept apart from the engine (``flags``) and the rules (``flag_rules``) so that the rules
can use them without importing the engine that calls them (no import cycle).
"""

from __future__ import annotations

import operator
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum

from symptomlog.analysis.flag_words import GUIDANCE, MENTION, call_now, tell_today
from symptomlog.domain import ChemoCycle, Entry, Profile
from symptomlog.domain import thresholds as th


class Level(StrEnum):
    """How soon to act: red now, amber today, info at the next contact."""

    RED = "red"
    AMBER = "amber"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"red": 0, "amber": 1, "info": 2}[self.value]

    @property
    def marker(self) -> str:
        """The level in symbol and words, so it never relies on colour alone."""
        return {"red": "⚠ RED", "amber": "! amber", "info": "i info"}[self.value]


@dataclass(frozen=True)
class Flag:
    """One rule tripped on one day: plain words for the reader, details for the team.

    ``message`` is the headline a tired person reads (what to do and why);
    ``title``, ``rule``, ``values`` and ``source`` are the details for "Details"
    and the PDF. ``entries`` are the times of the entries that raised the flag
    (with ``entry_ids`` where the entries are stored).
    """

    day: date
    level: Level
    rule: str
    title: str
    values: dict[str, str] = field(default_factory=dict)
    source: str = ""
    message: str = ""
    why: str = ""
    entries: tuple[datetime, ...] = ()
    entry_ids: tuple[int, ...] = ()
    acute: bool = False
    made_of: tuple[str, ...] = ()

    def as_json(self) -> dict[str, object]:
        return {
            "date": self.day.isoformat(),
            "level": self.level.value,
            "rule": self.rule,
            "title": self.title,
            "why": self.why,
            "values": self.values,
            "message": self.message,
            "guidance": GUIDANCE,
            "source": self.source,
            "entries": [e.isoformat(timespec="minutes") for e in self.entries],
        }

    def raised_by(self, entry: Entry) -> bool:
        """True if this entry is one of those that raised the flag."""
        if entry.id is not None and self.entry_ids:
            return entry.id in self.entry_ids
        return entry.recorded_at in self.entries


def action_for(level: Level, profile: Profile) -> str:
    """What to do at this level, with the right contact (never a guessed 24-hour line)."""
    if level is Level.RED:
        return call_now(profile)
    if level is Level.AMBER:
        return tell_today(profile)
    return MENTION


@dataclass
class Context:
    """What every rule reads: the entries by day, thresholds, drug days, profile."""

    by_day: dict[date, list[Entry]]
    cycles: Sequence[ChemoCycle]
    profile: Profile
    limits: dict[str, float]
    drug_days: list[date] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    severe_days: set[tuple[str, date]] = field(default_factory=set)
    """(item, day) inside a severe episode already flagged: rises and trends say nothing new."""
    _highest: dict[str, dict[date, tuple[float, Entry]]] = field(default_factory=dict)
    _lowest: dict[str, dict[date, tuple[float, Entry]]] = field(default_factory=dict)
    _worst: dict[str, dict[date, float]] = field(default_factory=dict)
    _by_day: dict[date, list[Flag]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.drug_days = sorted({d for c in self.cycles for d in c.drug_dates()})

    def add(
        self,
        day: date,
        level: Level,
        rule: str,
        title: str,
        why: str,
        source: str,
        raised_by: Iterable[Entry],
        *,
        acute: bool = False,
        made_of: tuple[str, ...] = (),
        values: Mapping[str, str] | None = None,
    ) -> None:
        """Record a flag: ``values`` are the readings that tripped it, for Details."""
        found = list(raised_by)
        flag = Flag(
            day,
            level,
            rule,
            title,
            dict(values or {}),
            source,
            f"{action_for(level, self.profile)} {why}",
            why,
            tuple(e.recorded_at for e in found),
            tuple(e.id for e in found if e.id is not None),
            acute,
            made_of,
        )
        self.flags.append(flag)
        self._by_day.setdefault(day, []).append(flag)

    def recent(self, day: date) -> list[Flag]:
        """Flags raised so far on this day and the 3 days before (the rise window)."""
        by_day = self._by_day
        if not by_day:
            return []
        return [
            f
            for i in range(th.RISE_WINDOW_DAYS + 1)
            for f in by_day.get(day - timedelta(days=i), ())
        ]

    def worst_by_day(self, name: str) -> dict[date, float]:
        """Each day's largest reading of ``name``, for the 7-day trend."""
        if name not in self._worst:
            self._worst[name] = {day: high[0] for day, high in self._highs(name).items()}
        return self._worst[name]

    def _highs(self, name: str) -> dict[date, tuple[float, Entry]]:
        """Each day's largest reading of ``name`` and its entry, in one pass over the diary
        (the first entry wins a tie): every rule asks for these, many times a day."""
        if name not in self._highest:
            self._highest[name] = self._extreme(name, operator.gt)
        return self._highest[name]

    def _extreme(
        self, name: str, beats: Callable[[float, float], bool]
    ) -> dict[date, tuple[float, Entry]]:
        """Each day's reading of ``name`` that ``beats`` the others, with its entry."""
        found: dict[date, tuple[float, Entry]] = {}
        for day, entries in self.by_day.items():
            for entry in entries:
                value = getattr(entry, name)
                if value is not None and (day not in found or beats(value, found[day][0])):
                    found[day] = (float(value), entry)
        return found

    def readings(self, day: date, name: str) -> list[tuple[float, Entry]]:
        """Each entry's own value of ``name`` that day, in time order."""
        return [
            (float(value), e)
            for e in self.by_day.get(day, ())
            if (value := getattr(e, name)) is not None
        ]

    def highest(self, day: date, name: str) -> tuple[float, Entry] | None:
        """The day's largest reading and its entry (asked tens of thousands of times)."""
        highs = self._highest.get(name)
        return (highs if highs is not None else self._highs(name)).get(day)

    def lowest(self, day: date, name: str) -> tuple[float, Entry] | None:
        """The day's smallest reading and its entry (the first entry wins a tie)."""
        if name not in self._lowest:
            self._lowest[name] = self._extreme(name, operator.lt)
        return self._lowest[name].get(day)

    def with_sign(self, day: date, names: Iterable[str]) -> list[Entry]:
        """The entries of the day that report any of these yes/no signs."""
        wanted = tuple(names)
        return [e for e in self.by_day.get(day, ()) if any(getattr(e, n) for n in wanted)]

    def days_since_drug(self, day: date) -> int | None:
        """Days since the last drug day on or before ``day``; None if there was none."""
        index = bisect_right(self.drug_days, day) - 1
        return None if index < 0 else (day - self.drug_days[index]).days

    def on_chemo(self, day: date) -> bool:
        since = self.days_since_drug(day)
        return since is not None and since <= self.limits["chemo_window_days"]
