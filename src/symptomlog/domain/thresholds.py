"""The red-flag thresholds, each with its default and the source it comes from.

The defaults are those of ../shared/CLINICAL.md. A care team may use other values
(38.0 °C instead of 37.5 °C is common), so the profile stores per-patient
overrides by key; anything not overridden uses the default shown here, and the
settings and the PDF show the source next to each value.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from symptomlog.errors import Problem, ValidationError


@dataclass(frozen=True)
class Threshold:
    """One editable threshold: what it is, its default, its unit and where it comes from."""

    key: str
    label: str
    default: float
    unit: str
    source: str
    minimum: float
    maximum: float


SOURCE_ALERT_CARD: Final = "UK acute oncology alert cards; NICE CG151"
SOURCE_VOMIT_RED: Final = "CTCAE v4.03 grade 3 count"
SOURCE_VOMIT_AMBER: Final = "CTCAE v4.03 grade 2 count"
SOURCE_JAUNDICE: Final = "standard acute oncology advice"
SOURCE_CHARCOT: Final = "Charcot's triad (cholangitis)"
SOURCE_SEVERE: Final = "ESAS-r severe band (Selby 2010)"
SOURCE_WEIGHT: Final = "CTCAE v5.0; Fearon 2011"
SOURCE_ITCH: Final = "standard advice"
SOURCE_TREND: Final = "Hui 2015 (MCID 1)"
SOURCE_ACTION: Final = "UKONS action rule (two ambers count as red)"

THRESHOLDS: Final[tuple[Threshold, ...]] = (
    Threshold("fever_c", "Fever at or above", 37.5, "°C", SOURCE_ALERT_CARD, 37.0, 39.0),
    Threshold("low_temp_c", "Temperature below", 36.0, "°C", SOURCE_ALERT_CARD, 34.0, 36.5),
    Threshold(
        "chemo_window_days",
        "On chemotherapy: days after a dose",
        42,
        "days",
        SOURCE_ALERT_CARD,
        7,
        90,
    ),
    Threshold(
        "vomiting_red", "Vomiting episodes in 24 h (red)", 6, "episodes", SOURCE_VOMIT_RED, 2, 20
    ),
    Threshold(
        "vomiting_amber",
        "Vomiting episodes in 24 h (amber)",
        3,
        "episodes",
        SOURCE_VOMIT_AMBER,
        1,
        20,
    ),
    Threshold(
        "jaundice_new_days",
        "Jaundice is new if none in the previous",
        7,
        "days",
        SOURCE_JAUNDICE,
        1,
        30,
    ),
    Threshold("pain_severe", "Pain at or above", 7, "points", SOURCE_SEVERE, 1, 10),
    Threshold("pain_rise", "Pain up by", 3, "points within 3 days", SOURCE_SEVERE, 1, 10),
    Threshold("nausea_severe", "Nausea at or above", 7, "points", SOURCE_SEVERE, 1, 10),
    Threshold("fatigue_severe", "Tiredness at or above", 7, "points", SOURCE_SEVERE, 1, 10),
    Threshold("weight_30d_pct", "Weight down in 30 days by", 5, "%", SOURCE_WEIGHT, 1, 30),
    Threshold("weight_baseline_pct", "Weight down from baseline by", 10, "%", SOURCE_WEIGHT, 1, 50),
    Threshold("itch_severe", "Itch at or above", 7, "points", SOURCE_ITCH, 1, 10),
    Threshold("itch_rise", "Itch up by", 3, "points within 3 days", SOURCE_ITCH, 1, 10),
    Threshold(
        "trend_rise", "Any symptom up against its 7-day mean by", 2, "points", SOURCE_TREND, 1, 10
    ),
)

THRESHOLD_BY_KEY: Final[dict[str, Threshold]] = {t.key: t for t in THRESHOLDS}

RISE_WINDOW_DAYS: Final = 3
""""Up by N points within 3 days" (CLINICAL.md): the window is fixed by the rule's wording."""


def validate_thresholds(overrides: Mapping[str, float]) -> dict[str, float]:
    """Check per-patient overrides: known keys, numbers within each threshold's sane range."""
    problems: list[Problem] = []
    clean: dict[str, float] = {}
    for key, value in overrides.items():
        threshold = THRESHOLD_BY_KEY.get(key)
        if threshold is None:
            problems.append(Problem(key, f"Unknown threshold {key!r}"))
            continue
        try:
            number = float(value)
        except (TypeError, ValueError):
            problems.append(Problem(key, f"{threshold.label} must be a number (got {value!r})"))
            continue
        if not threshold.minimum <= number <= threshold.maximum:
            problems.append(
                Problem(
                    key,
                    f"{threshold.label} must be from {threshold.minimum:g} to "
                    f"{threshold.maximum:g} {threshold.unit} (got {number:g})",
                )
            )
            continue
        clean[key] = number
    if problems:
        raise ValidationError(problems)
    return clean


def effective(overrides: Mapping[str, float]) -> dict[str, float]:
    """Every threshold's value in use: the override where there is one, else the default."""
    return {t.key: float(overrides.get(t.key, t.default)) for t in THRESHOLDS}
