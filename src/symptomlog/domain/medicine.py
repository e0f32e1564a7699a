"""Medicines and the doses taken of them (CLINICAL.md "Medicines").

Why: palliative teams adjust regular pain relief by how many as-needed
(breakthrough) doses a person needed, and anti-sickness medicines, laxatives,
steroids and enzymes change what the symptoms mean. The diary records each
medicine and each dose; it never advises a dose. Construct a ``Medicine`` or a
``Dose`` and it is valid, or ``ValidationError`` says why in plain words.
"""

from __future__ import annotations

import enum
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from datetime import date, datetime, timedelta
from typing import Any, Final, TypeVar

from symptomlog.domain.entry import Recorder, is_encodable
from symptomlog.domain.parse import EARLIEST_DATE, LATEST_DATE
from symptomlog.errors import Problem, ValidationError, excerpt

NAME_MAX: Final = 200
TEXT_MAX: Final = 200
NOTE_MAX: Final = 10_000
MAX_PER_24H_LIMIT: Final = 24
"""The most doses a day a medicine can be marked with: one an hour."""
FUTURE_TOLERANCE: Final = timedelta(minutes=5)
EARLIEST_MOMENT: Final = datetime(1900, 1, 1)


class Purpose(enum.StrEnum):
    """What a medicine is for (DESIGN.md data model)."""

    PAIN = "pain"
    NAUSEA = "nausea"
    BOWELS = "bowels"
    BREATHLESSNESS = "breathlessness"
    ANXIETY = "anxiety"
    ENZYMES = "enzymes"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {
            "pain": "Pain",
            "nausea": "Sickness (nausea)",
            "bowels": "Bowels",
            "breathlessness": "Breathlessness",
            "anxiety": "Anxiety",
            "enzymes": "Digestion (enzymes)",
            "other": "Other",
        }[self.value]


T = TypeVar("T")


def from_trusted(cls: type[T], values: Mapping[str, Any]) -> T:
    """A medicine, dose or event from a diary row, not checked again: a row was valid
    when saved, and a dose must still open after its time is judged differently (a
    clock that was ahead), as ``Entry.from_trusted_row`` explains. ``values`` holds
    every field, enums already made."""
    made = object.__new__(cls)
    # all at once: five years of doses (6,185) took 22 ms set one field at a time
    made.__dict__.update({item.name: values[item.name] for item in fields(cls)})  # type: ignore[arg-type]
    return made


def text_problem(label: str, value: object, limit: int, *, multiline: bool = False) -> str | None:
    """What is wrong with a piece of typed text, or None (blank is fine: not recorded)."""
    if value is None:
        return None
    if not isinstance(value, str):
        return f"{label} must be text (got {excerpt(value)})"
    if len(value) > limit:
        return f"{label} is too long ({len(value)} characters; at most {limit})"
    allowed = "\n\t\r" if multiline else ""
    if any(unicodedata.category(c) == "Cc" and c not in allowed for c in value):
        # an escape sequence in a name would rewrite the terminal that prints it
        return f"{label} contains a control character, which cannot be stored"
    if not is_encodable(value):
        return f"{label} contains a character that is not valid Unicode (a lone surrogate)"
    return None


def clean_text(value: object) -> object:
    """Blank text is "not recorded"; other text loses its outer spaces."""
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def moment_problem(label: str, value: object, now: datetime | None = None) -> str | None:
    """A moment that happened: local time, not before 1900, not in the future."""
    if not isinstance(value, datetime):
        return f"{label} must be a date and time (got {excerpt(value)})"
    if value.tzinfo is not None:
        return f"{label} must be local time without a UTC offset"
    if value < EARLIEST_MOMENT:
        return f"{label} must not be before 1900 (got {value:%Y-%m-%d})"
    if value > (now or datetime.now()) + FUTURE_TOLERANCE:
        return f"{label} must not be in the future (got {value:%Y-%m-%d %H:%M})"
    return None


def to_minute(value: object) -> object:
    """Moments are kept to the minute, as entries are (CSV and JSON round trips)."""
    if isinstance(value, datetime) and (value.second or value.microsecond):
        return value.replace(second=0, microsecond=0)
    return value


def enum_value(kind: type[enum.StrEnum], value: object, field: str, label: str) -> object:
    if isinstance(value, kind):
        return value
    try:
        return kind(str(value).strip().lower())
    except ValueError:
        allowed = ", ".join(k.value for k in kind)
        raise ValidationError(
            Problem(field, f"{label} must be one of {allowed} (got {excerpt(value)})")
        ) from None


def max_problem(value: object) -> str | None:
    """The most doses in 24 hours: blank (no limit recorded) or a whole number 1-24."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_PER_24H_LIMIT:
        return (
            f"Most doses in 24 hours must be a whole number from 1 to {MAX_PER_24H_LIMIT} "
            f"(got {excerpt(value)})"
        )
    return None


def _date_problem(label: str, value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, date) or isinstance(value, datetime):
        return f"{label} must be a date (got {excerpt(value)})"
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        return f"{label} must be between 1900 and 2100 (got {value})"
    return None


@dataclass(frozen=True)
class Medicine:
    """One medicine on the list: regular, or as needed with the most doses allowed in 24 h."""

    name: str
    strength: str | None = None
    as_needed: bool = False
    purpose: Purpose = Purpose.OTHER
    max_per_24h: int | None = None
    start: date | None = None
    stop: date | None = None
    id: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", clean_text(self.name))
        object.__setattr__(self, "strength", clean_text(self.strength))
        object.__setattr__(
            self, "purpose", enum_value(Purpose, self.purpose, "purpose", "What it is for")
        )
        problems = [Problem(f, m) for f, m in self._problems() if m]
        if problems:
            raise ValidationError(problems)

    def _problems(self) -> list[tuple[str, str | None]]:
        found: list[tuple[str, str | None]] = []
        if self.name is None:
            found.append(("name", "A medicine needs a name"))
        found.append(("name", text_problem("Medicine name", self.name, NAME_MAX)))
        found.append(("strength", text_problem("Strength", self.strength, TEXT_MAX)))
        if not isinstance(self.as_needed, bool):
            found.append(("as_needed", "As needed must be yes or no"))
        found.append(("max_per_24h", max_problem(self.max_per_24h)))
        found.append(("start", _date_problem("Start date", self.start)))
        found.append(("stop", _date_problem("Stop date", self.stop)))
        if (
            isinstance(self.start, date)
            and isinstance(self.stop, date)
            and not found[-1][1]
            and not found[-2][1]
            and self.stop < self.start
        ):
            found.append(
                (
                    "stop",
                    f"Stop date must not be before the start date ({self.stop} < {self.start})",
                )
            )
        return found

    @property
    def label(self) -> str:
        """ "Oral morphine 10 mg/5 ml": the name with its strength."""
        return f"{self.name} {self.strength}" if self.strength else self.name

    @property
    def kind_words(self) -> str:
        """ "as needed, for pain, at most 6 in 24 h" or "regular, for bowels"."""
        words = ["as needed" if self.as_needed else "regular", f"for {self.purpose.value}"]
        if self.max_per_24h is not None:
            words.append(f"at most {self.max_per_24h} in 24 h")
        return ", ".join(words)

    @property
    def is_breakthrough(self) -> bool:
        """An as-needed medicine for pain: its doses count for the breakthrough rule."""
        return self.as_needed and self.purpose is Purpose.PAIN

    def taken_on(self, day: date) -> bool:
        """True if the medicine was on the list on ``day`` (started, not yet stopped)."""
        started = self.start is None or self.start <= day
        return started and (self.stop is None or day <= self.stop)

    def with_id(self, medicine_id: int | None) -> Medicine:
        return replace(self, id=medicine_id)


@dataclass(frozen=True)
class Dose:
    """One dose taken: of which medicine, when, how much, and who gave it."""

    medicine_id: int
    taken_at: datetime
    amount: str | None = None
    given_by: Recorder = Recorder.PATIENT
    giver_name: str | None = None
    id: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "taken_at", to_minute(self.taken_at))
        object.__setattr__(self, "amount", clean_text(self.amount))
        object.__setattr__(self, "giver_name", clean_text(self.giver_name))
        object.__setattr__(
            self, "given_by", enum_value(Recorder, self.given_by, "given_by", "Given by")
        )
        checks = (
            ("taken_at", moment_problem("Time taken", self.taken_at)),
            ("amount", text_problem("Amount", self.amount, TEXT_MAX)),
            ("giver_name", text_problem("Name of who gave it", self.giver_name, NAME_MAX)),
        )
        problems = [Problem(f, m) for f, m in checks if m]
        if isinstance(self.medicine_id, bool) or not isinstance(self.medicine_id, int):
            problems.append(Problem("medicine_id", "A dose must name a medicine of the diary"))
        if problems:
            raise ValidationError(problems)

    @property
    def by_carer(self) -> bool:
        """Given by a carer: marked as such in the window, the listings and the PDF."""
        return self.given_by is Recorder.CARER

    def with_id(self, dose_id: int | None) -> Dose:
        return replace(self, id=dose_id)
