"""The diary entry: one set of observations at one moment.

Every value but ``recorded_at`` may be ``None``, which means "not recorded"
and is never treated as zero by validation, analysis, charts or the PDF.
"""

from __future__ import annotations

import copy
import enum
import hashlib
import math
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import datetime, timedelta

from symptomlog.domain.fields import (
    MEASURE_BY_NAME,
    NAME_MAX_CHARS,
    NOTES_MAX_CHARS,
    SCALE_BY_NAME,
    SIGN_BY_NAME,
    VALUE_FIELDS,
)
from symptomlog.domain.parse import measure_message, scale_message
from symptomlog.errors import Problem, ValidationError, excerpt

EARLIEST = datetime(1900, 1, 1)
# A clock a few minutes out (or an entry typed while the minute turns) is not "the future".
FUTURE_TOLERANCE = timedelta(minutes=5)


class Recorder(enum.StrEnum):
    """Who completed the entry (ESAS-r "Completed by")."""

    PATIENT = "patient"
    CARER = "carer"
    CLINICIAN = "clinician"

    @property
    def label(self) -> str:
        return {"patient": "Patient", "carer": "Carer", "clinician": "Clinician"}[self.value]


@dataclass(frozen=True)
class Entry:
    """One observation set; construct it and it is valid, or ValidationError says why."""

    recorded_at: datetime
    recorded_by: Recorder = Recorder.PATIENT
    recorder_name: str | None = None
    pain: int | None = None
    nausea: int | None = None
    vomiting_episodes: int | None = None
    fatigue: int | None = None
    appetite: int | None = None
    breathlessness: int | None = None
    drowsiness: int | None = None
    depression: int | None = None
    anxiety: int | None = None
    wellbeing: int | None = None
    weight_kg: float | None = None
    temperature_c: float | None = None
    yellow_eyes: bool | None = None
    yellow_skin: bool | None = None
    itch: int | None = None
    dark_urine: bool | None = None
    pale_stools: bool | None = None
    notes: str | None = None
    id: int | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.recorded_by, Recorder):
            try:
                object.__setattr__(self, "recorded_by", Recorder(self.recorded_by))
            except ValueError:
                raise ValidationError(
                    Problem(
                        "recorded_by",
                        f"Recorded by must be patient, carer or clinician (got {self.recorded_by})",
                    )
                ) from None
        for name in NORMALISED_FIELDS:
            object.__setattr__(self, name, normalised(name, getattr(self, name)))
        problems = entry_problems(self)
        if problems:
            raise ValidationError(problems)

    def values(self) -> dict[str, object]:
        """The recorded values (no id), in CSV column order."""
        return {name: getattr(self, name) for name in VALUE_NAMES}

    def with_id(self, entry_id: int | None) -> Entry:
        """The same (already valid) entry with its diary id; no second validation."""
        twin = copy.copy(self)
        object.__setattr__(twin, "id", entry_id)
        return twin

    def is_blank(self) -> bool:
        """True when nothing but the time and recorder was filled in."""
        return all(getattr(self, n) is None for n in (*VALUE_FIELDS, "notes"))

    def summary(self) -> str:
        """The recorded values in a few words ("Pain 3, Weight 61.2 kg, Yellow eyes yes")."""
        parts = []
        for name in VALUE_FIELDS:
            value = getattr(self, name)
            if value is None:
                continue
            if name in SIGN_BY_NAME:
                parts.append(f"{SIGN_BY_NAME[name].label} {'yes' if value else 'no'}")
            elif name in MEASURE_BY_NAME:
                measure = MEASURE_BY_NAME[name]
                label = "Vomiting" if name == "vomiting_episodes" else measure.label
                parts.append(f"{label} {value:g} {measure.unit}")
            else:
                parts.append(f"{SCALE_BY_NAME[name].label} {value}")
        if self.notes:
            parts.append("a note")
        return ", ".join(parts) if parts else "nothing recorded"

    def fingerprint(self) -> str:
        """A stable digest of the content, used to recognise a row imported twice.

        Built from the values' ``repr`` in a fixed order, which is stable across
        runs for the types an entry holds (str, int, float, bool, None, datetime).
        An entry never changes, so the digest is kept once computed (outside the
        dataclass fields: equality and ``repr`` ignore it).
        """
        cached = self.__dict__.get("_fingerprint")
        if cached is None:
            cached = fingerprints_of([(repr(getattr(self, name)) for name in VALUE_NAMES)])[0]
            self.__dict__["_fingerprint"] = cached
        return str(cached)


def fingerprints_of(rows_of_reprs: Iterable[Iterable[str]]) -> list[str]:
    """The digest of each entry from the ``repr`` of its values in ``VALUE_NAMES`` order.

    The text is exactly ``repr(list_of_values)``, the form every stored fingerprint
    was made from; a batch import makes the reprs once per distinct value.
    """
    digest = hashlib.blake2b
    return [
        digest(("[" + ", ".join(reprs) + "]").encode("utf-8"), digest_size=16).hexdigest()
        for reprs in rows_of_reprs
    ]


ENTRY_FIELD_NAMES = tuple(f.name for f in fields(Entry))
VALUE_NAMES = tuple(n for n in ENTRY_FIELD_NAMES if n != "id")


def _scale_problem(name: str, value: object) -> str | None:
    scale = SCALE_BY_NAME[name]
    if isinstance(value, bool) or not isinstance(value, int):
        return scale_message(scale, value)
    if not scale.minimum <= value <= scale.maximum:
        return scale_message(scale, value)
    return None


def _measure_problem(name: str, value: object) -> str | None:
    measure = MEASURE_BY_NAME[name]
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return measure_message(measure, value)
    if measure.integer and not isinstance(value, int):
        return measure_message(measure, value)
    if not math.isfinite(value) or not measure.minimum <= value <= measure.maximum:
        return measure_message(measure, value)
    return None


def _value_problem(name: str, value: object) -> str | None:
    if value is None:
        return None
    if name in SCALE_BY_NAME:
        return _scale_problem(name, value)
    if name in MEASURE_BY_NAME:
        return _measure_problem(name, value)
    if name in SIGN_BY_NAME and not isinstance(value, bool):
        return f"{SIGN_BY_NAME[name].label} must be yes, no or blank (got {excerpt(value)})"
    return None


def _text_problem(name: str, value: object, limit: int) -> str | None:
    if value is None:
        return None
    label = name.replace("_", " ").capitalize()
    if not isinstance(value, str):
        return f"{label} must be text"
    if len(value) > limit:
        return f"{label} is too long ({len(value)} characters; at most {limit})"
    if "\x00" in value:
        # A NUL cannot be written to a CSV that any program (or this one) reads back.
        return f"{label} contains a NUL character (\\x00), which cannot be stored"
    allowed = "\n\t\r" if name == "notes" else ""
    if any(unicodedata.category(c) == "Cc" and c not in allowed for c in value):
        # an escape sequence in a name or note would rewrite a terminal that prints it
        return f"{label} contains a control character, which cannot be stored"
    if not is_encodable(value):
        return f"{label} contains a character that is not valid Unicode (a lone surrogate)"
    return None


def is_encodable(text: str) -> bool:
    """False for text with lone surrogates (e.g. from JSON's "\\ud800"): not storable."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _time_problem(value: object, now: datetime | None) -> str | None:
    if not isinstance(value, datetime):
        return f"Recorded at must be a date and time (got {excerpt(value)})"
    if value.tzinfo is not None:
        return (
            "Recorded at must be local time without a UTC offset "
            f"(got {value.isoformat(timespec='minutes')})"
        )
    latest = (now or datetime.now()) + FUTURE_TOLERANCE
    if value < EARLIEST:
        return f"Recorded at must not be before 1900 (got {value:%Y-%m-%d})"
    if value > latest:
        return f"Recorded at must not be in the future (got {value:%Y-%m-%d %H:%M})"
    return None


def field_problem(name: str, value: object, now: datetime | None = None) -> str | None:
    """What is wrong with one value of one field, or None: the one rule book, used for
    a single entry and, once per distinct value, for a column of thousands."""
    if name == "recorded_at":
        return _time_problem(value, now)
    if name == "recorder_name":
        return _text_problem(name, value, NAME_MAX_CHARS)
    if name == "notes":
        return _text_problem(name, value, NOTES_MAX_CHARS)
    return _value_problem(name, value)


def normalised(name: str, value: object) -> object:
    """The stored form of a value: a moment to the minute (seconds would break CSV round
    trips and dedupe), blank text as not recorded."""
    if (
        name == "recorded_at"
        and isinstance(value, datetime)
        and (value.second or value.microsecond)
    ):
        return value.replace(second=0, microsecond=0)
    if isinstance(value, str) and not value.strip():
        return None
    return value


NORMALISED_FIELDS = ("recorded_at", "recorder_name", "notes")
CHECKED_FIELDS = ("recorded_at", "recorder_name", "notes", *VALUE_FIELDS)


def entry_problems(entry: Entry, now: datetime | None = None) -> list[Problem]:
    """Every problem with an entry's values, not only the first."""
    checks = ((name, field_problem(name, getattr(entry, name), now)) for name in CHECKED_FIELDS)
    return [Problem(name, message) for name, message in checks if message]
