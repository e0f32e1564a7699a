"""Events: dated happenings that explain the trends, and what happened after a red flag.

Why: after a red flag nothing recorded whether anyone called, what they were told
and whether the person was seen or admitted, and alerts that nobody follows up
change nothing (Mooney 2014). An ERCP and stent change, an admission or a scan
also explain a trend that would otherwise live only in a free-text note.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Final

from symptomlog.domain.medicine import (
    NAME_MAX,
    NOTE_MAX,
    clean_text,
    enum_value,
    moment_problem,
    text_problem,
    to_minute,
)
from symptomlog.domain.parse import EARLIEST_DATE, LATEST_DATE
from symptomlog.errors import Problem, ValidationError

RULE_MAX: Final = 64


class EventKind(enum.StrEnum):
    CALL = "call"
    ADMISSION = "admission"
    PROCEDURE = "procedure"
    SCAN = "scan"
    TRANSFUSION = "transfusion"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {
            "call": "Call",
            "admission": "Admission",
            "procedure": "Procedure",
            "scan": "Scan",
            "transfusion": "Transfusion",
            "other": "Other",
        }[self.value]


class Outcome(enum.StrEnum):
    """What came of a call: advice only, seen by someone, or admitted."""

    ADVICE = "advice"
    SEEN = "seen"
    ADMITTED = "admitted"

    @property
    def label(self) -> str:
        return {"advice": "Advice only", "seen": "Seen", "admitted": "Admitted"}[self.value]


@dataclass(frozen=True)
class Event:
    """One happening. For a call: to whom, the advice given and the outcome.

    ``flag_day`` and ``flag_rule`` link the event to the flag it followed (the
    window's "What happened?"), so the PDF can say beside each red flag what
    happened after it.
    """

    when: datetime
    kind: EventKind
    note: str | None = None
    to_whom: str | None = None
    advice: str | None = None
    outcome: Outcome | None = None
    flag_day: date | None = None
    flag_rule: str | None = None
    id: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "when", to_minute(self.when))
        object.__setattr__(self, "kind", enum_value(EventKind, self.kind, "kind", "Kind"))
        for name in ("note", "to_whom", "advice", "flag_rule"):
            object.__setattr__(self, name, clean_text(getattr(self, name)))
        if self.outcome is not None:
            object.__setattr__(
                self, "outcome", enum_value(Outcome, self.outcome, "outcome", "Outcome")
            )
        problems = [Problem(f, m) for f, m in self._problems() if m]
        if problems:
            raise ValidationError(problems)

    def _problems(self) -> list[tuple[str, str | None]]:
        found: list[tuple[str, str | None]] = [
            ("when", moment_problem("When", self.when)),
            ("note", text_problem("Note", self.note, NOTE_MAX, multiline=True)),
            ("to_whom", text_problem("Who was called", self.to_whom, NAME_MAX)),
            ("advice", text_problem("Advice", self.advice, NOTE_MAX, multiline=True)),
            ("flag_rule", text_problem("Flag rule", self.flag_rule, RULE_MAX)),
        ]
        if self.kind is not EventKind.CALL:
            for name, label in (
                ("outcome", "An outcome"),
                ("to_whom", "Who was called"),
                ("advice", "The advice"),
            ):
                if getattr(self, name) is not None:
                    found.append(
                        (name, f"{label} is recorded only for a call (this is a {self.kind.value})")
                    )
        if self.flag_day is not None:
            if not isinstance(self.flag_day, date) or isinstance(self.flag_day, datetime):
                found.append(("flag_day", "The day of the flag must be a date"))
            elif not EARLIEST_DATE <= self.flag_day <= LATEST_DATE:
                found.append(("flag_day", "The day of the flag must be between 1900 and 2100"))
        return found

    @property
    def summary(self) -> str:
        """ "Call to 24-hour line: Seen — advice: paracetamol, come in" in one line."""
        head = self.kind.label
        if self.kind is EventKind.CALL and self.to_whom:
            head += f" to {self.to_whom}"
        parts = [head]
        if self.outcome is not None:
            parts.append(self.outcome.label)
        if self.advice:
            parts.append(f"advice: {self.advice}")
        if self.note:
            parts.append(self.note)
        return " — ".join(parts)

    def follows(self, day: date, rule: str | None = None) -> bool:
        """True if this event was recorded as what happened after the flag of ``day``."""
        return self.flag_day == day and (rule is None or self.flag_rule in (None, rule))

    def with_id(self, event_id: int | None) -> Event:
        return replace(self, id=event_id)


def events_after_flag(events: Iterable[Event], day: date, rule: str | None = None) -> list[Event]:
    """What was recorded as happening after the flag of ``day`` (and ``rule``), oldest
    first: empty means "no call recorded" beside that flag."""
    return sorted((e for e in events if e.follows(day, rule)), key=lambda e: e.when)
