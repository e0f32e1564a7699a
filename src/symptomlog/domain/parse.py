"""Turn text typed by a person (CLI, CSV cell, form field) into typed values.

Each parser either returns a value (``None`` for blank: "not recorded",
never zero) or raises ``FieldError`` whose message names the item, the
allowed range and what was given.
"""

from __future__ import annotations

import math
from datetime import date, datetime

from symptomlog.domain.fields import MEASURE_BY_NAME, WHOLE_BY_NAME, Grade, Measure, Scale, label_of
from symptomlog.errors import excerpt

TRUE_WORDS = frozenset({"yes", "y", "true", "1"})
FALSE_WORDS = frozenset({"no", "n", "false", "0"})


class FieldError(ValueError):
    """A single value is wrong; ``field`` names it, ``str()`` explains it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def _blank(raw: str | None) -> bool:
    return raw is None or raw.strip() == ""


def scale_message(scale: Scale | Grade, got: object) -> str:
    """The one wording used for an out-of-range whole number (a 0-10 score, a graded
    answer), wherever it came from."""
    return (
        f"{scale.label} must be a whole number from {scale.minimum} to {scale.maximum} "
        f"(got {excerpt(got)})"
    )


def measure_message(measure: Measure, got: object) -> str:
    """The one wording used for an out-of-range measurement."""
    if measure.integer:
        kind = "a whole number"
        low, high = f"{measure.minimum:.0f}", f"{measure.maximum:.0f}"
    else:
        kind = "a number"
        low, high = f"{measure.minimum:g}", f"{measure.maximum:g}"
    unit = "" if measure.integer else f" {measure.unit}"
    return f"{measure.label} must be {kind} from {low} to {high}{unit} (got {excerpt(got)})"


def parse_scale(name: str, raw: str | None) -> int | None:
    """A 0-10 score or a graded answer (its level, 0 = none)."""
    scale = WHOLE_BY_NAME[name]
    if _blank(raw):
        return None
    assert raw is not None
    text = raw.strip()
    try:
        value = int(text)
    except ValueError:
        raise FieldError(name, scale_message(scale, text)) from None
    if not scale.minimum <= value <= scale.maximum:
        raise FieldError(name, scale_message(scale, text))
    return value


def parse_measure(name: str, raw: str | None) -> float | int | None:
    measure = MEASURE_BY_NAME[name]
    if _blank(raw):
        return None
    assert raw is not None
    text = raw.strip().replace(",", ".") if not measure.integer else raw.strip()
    try:
        number = float(text)
    except ValueError:
        raise FieldError(name, measure_message(measure, raw.strip())) from None
    if not math.isfinite(number) or not measure.minimum <= number <= measure.maximum:
        raise FieldError(name, measure_message(measure, raw.strip()))
    if measure.integer:
        if number != int(number):
            raise FieldError(name, measure_message(measure, raw.strip()))
        return int(number)
    return round(number, 2)


def parse_bool(name: str, raw: str | None) -> bool | None:
    if _blank(raw):
        return None
    assert raw is not None
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise FieldError(name, f"{label_of(name)} must be yes, no or blank (got {raw.strip()})")


def parse_datetime(name: str, raw: str | None) -> datetime:
    """ISO 8601 date or date-time; a date alone means the start of that day."""
    if _blank(raw):
        raise FieldError(name, f"{label_of(name)} is required (a date such as 2026-03-01)")
    assert raw is not None
    text = raw.strip()
    try:
        if len(text) == 10:
            return datetime.combine(date.fromisoformat(text), datetime.min.time())
        value = datetime.fromisoformat(text.replace(" ", "T", 1))
    except ValueError:
        raise FieldError(
            name,
            f"{label_of(name)} must be a date like 2026-03-01 or 2026-03-01T09:30 (got {text})",
        ) from None
    if value.tzinfo is not None:
        value = value.astimezone().replace(tzinfo=None)
    return value.replace(microsecond=0) if value.microsecond else value


EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(2100, 12, 31)
"""Dates typed or imported lie in 1900-2100: 9999-12-25 once broke every report."""


def parse_date(name: str, raw: str | None) -> date | None:
    if _blank(raw):
        return None
    assert raw is not None
    try:
        value = date.fromisoformat(raw.strip())
    except ValueError:
        raise FieldError(
            name, f"{label_of(name)} must be a date like 2026-03-01 (got {excerpt(raw.strip())})"
        ) from None
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise FieldError(name, f"{label_of(name)} must be between 1900 and 2100 (got {value})")
    return value


def parse_value(name: str, raw: str | None) -> object:
    """Parse any value field of an entry by its name."""
    if name in WHOLE_BY_NAME:
        return parse_scale(name, raw)
    if name in MEASURE_BY_NAME:
        return parse_measure(name, raw)
    return parse_bool(name, raw)


def other_problem_of(raw: str | None) -> dict[str, object]:
    """ESAS-r's "Other problem" typed as ``NAME=SCORE`` ("Hiccups=6"): its two fields.

    The score after the last "=" so that a name may hold one; a score without
    a name would say nothing to the team, so it is refused.
    """
    if _blank(raw):
        return {}
    assert raw is not None
    name, equals, score = raw.rpartition("=")
    if not equals or not name.strip():
        raise FieldError(
            "other_problem",
            f"Other problem must be a name and a score, like Hiccups=6 (got {excerpt(raw)})",
        )
    return {
        "other_problem_name": name.strip(),
        "other_problem": parse_scale("other_problem", score),
    }
