"""The red-flag thresholds, each with its default and the source it comes from.

The defaults are those of ../shared/CLINICAL.md. A care team may use other values
(38.0 °C instead of 37.5 °C is common), so the profile stores per-patient
overrides by key; anything not overridden uses the default shown here, and the
settings and the PDF show the source next to each value.
"""

from __future__ import annotations

import math
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

    @property
    def whole(self) -> bool:
        """Counts, days and points are whole numbers; °C and % may have a decimal."""
        return self.unit not in ("°C", "%", "mmol/L")

    @property
    def range_text(self) -> str:
        return f"{self.minimum:g}–{self.maximum:g} {self.unit}"


SOURCE_ALERT_CARD: Final = "UK acute oncology alert cards; NICE CG151"
SOURCE_STENT: Final = "Tokyo Guidelines 2018 (TG18)"
SOURCE_VOMIT_RED: Final = "CTCAE v4.03 grade 3 count"
SOURCE_VOMIT_AMBER: Final = "CTCAE v4.03 grade 2 count"
SOURCE_JAUNDICE: Final = "standard acute oncology advice"
SOURCE_CHARCOT: Final = "Charcot's triad; TG18"
SOURCE_SEVERE: Final = "ESAS-r severe band (Selby 2010)"
SOURCE_WEIGHT: Final = "CTCAE v5.0; Fearon 2011"
SOURCE_ITCH: Final = "standard advice"
SOURCE_TREND: Final = "Hui 2015 (MCID 1); CTCAE v5.0"
SOURCE_ACUTE_PAIR: Final = "two acute warning signs on one day (CLINICAL.md)"
SOURCE_RIGORS: Final = "UK acute oncology alert cards; TG18"
SOURCE_DIARRHOEA_RED: Final = "CTCAE v5.0 diarrhoea grade 3"
SOURCE_DIARRHOEA_AMBER: Final = "CTCAE v5.0 diarrhoea grade 2"
SOURCE_FLUIDS: Final = "UKONS triage (oral intake)"
SOURCE_ACUTE_ADVICE: Final = "standard acute oncology advice"
SOURCE_CLOT: Final = "Pancreatic Cancer UK (blood clots)"
SOURCE_MUCOSITIS_RED: Final = "CTCAE v5.0 oral mucositis grade 3"
SOURCE_MUCOSITIS_AMBER: Final = "CTCAE v5.0 oral mucositis grade 2-3"
SOURCE_CONSTIPATION: Final = "CTCAE v5.0 constipation"
SOURCE_NEUROPATHY: Final = "CTCAE v5.0 peripheral sensory neuropathy grade 2"
SOURCE_HAND_FOOT: Final = "CTCAE v5.0 palmar-plantar erythrodysaesthesia"
SOURCE_ASCITES: Final = "CTCAE v5.0 ascites"
SOURCE_GLUCOSE: Final = "Diabetes UK end-of-life guidance"
SOURCE_ACTIVITY: Final = "ECOG performance status (self-rated)"
SOURCE_BREAKTHROUGH: Final = "palliative care practice (Scottish Palliative Care Guidelines, pain)"

THRESHOLDS: Final[tuple[Threshold, ...]] = (
    # Each range is the "editable within" column of CLINICAL.md's flag table: a care
    # team may move a threshold inside it, never out of it (38.5 °C would silence a
    # nadir fever of 38.3 °C).
    Threshold("fever_c", "Fever at or above", 37.5, "°C", SOURCE_ALERT_CARD, 37.5, 38.0),
    Threshold("low_temp_c", "Temperature below", 36.0, "°C", SOURCE_ALERT_CARD, 35.5, 36.0),
    Threshold(
        "chemo_window_days",
        "On chemotherapy: days after a drug day",
        42,
        "days",
        SOURCE_ALERT_CARD,
        28,
        60,
    ),
    Threshold(
        "vomiting_red",
        "Vomiting episodes in 24 h, one entry (red)",
        6,
        "episodes",
        SOURCE_VOMIT_RED,
        4,
        10,
    ),
    Threshold(
        "vomiting_amber",
        "Vomiting episodes in 24 h, one entry (amber)",
        3,
        "episodes",
        SOURCE_VOMIT_AMBER,
        2,
        5,
    ),
    Threshold("pain_severe", "Pain at or above", 7, "points", SOURCE_SEVERE, 5, 9),
    Threshold("pain_rise", "Pain up by", 3, "points within 3 days", SOURCE_SEVERE, 2, 5),
    Threshold("nausea_severe", "Nausea at or above", 7, "points", SOURCE_SEVERE, 5, 9),
    Threshold("fatigue_severe", "Tiredness at or above", 7, "points", SOURCE_SEVERE, 5, 9),
    Threshold("itch_severe", "Itch at or above", 7, "points", SOURCE_ITCH, 5, 9),
    Threshold("itch_rise", "Itch up by", 3, "points within 3 days", SOURCE_ITCH, 2, 5),
    Threshold("weight_30d_pct", "Weight down in 30 days by", 5, "%", SOURCE_WEIGHT, 3, 10),
    Threshold("weight_baseline_pct", "Weight down from baseline by", 10, "%", SOURCE_WEIGHT, 5, 20),
    Threshold(
        "stools_red",
        "Stools above usual in 24 h (red)",
        7,
        "stools",
        SOURCE_DIARRHOEA_RED,
        5,
        10,
    ),
    Threshold(
        "stools_amber",
        "Stools above usual in 24 h (amber)",
        4,
        "stools",
        SOURCE_DIARRHOEA_AMBER,
        2,
        6,
    ),
    Threshold("bowels_days", "No bowels opened for", 3, "days", SOURCE_CONSTIPATION, 2, 5),
    Threshold("glucose_high", "Blood glucose above", 20, "mmol/L", SOURCE_GLUCOSE, 15, 25),
    Threshold(
        "breakthrough_doses",
        "As-needed doses for pain in 24 h",
        3,
        "doses",
        SOURCE_BREAKTHROUGH,
        2,
        6,
    ),
)

JAUNDICE_NEW_DAYS: Final = 7
"""Jaundice is "new" with none in the previous 7 days (CLINICAL.md; not editable)."""
TREND_RISE: Final = 2
"""Info: an ESAS-r item up 2 against its previous 7-day mean (CLINICAL.md; not editable)."""
EPISODE_GAP_DAYS: Final = 7
"""A severe score starts a new episode after a day below it, or after 7 days with no value."""
EPISODE_REPEAT_DAYS: Final = 7
"""A severe episode that lasts is mentioned again at most weekly."""
WEIGHT_INFO_PCT: Final = 5
"""Info: weight down 5 % from baseline (CTCAE v5.0 grade 1)."""

GLUCOSE_LOW: Final = 4.0
"""Red: blood glucose below 4.0 mmol/L, a hypo (Diabetes UK; not editable)."""
ACTIVITY_DROP: Final = 2
"""Info: what I could do today down 2 levels within 7 days (ECOG-style; not editable)."""
ACTIVITY_DAYS: Final = 7
NEW_SWELLING_DAYS: Final = 7
"""Abdominal swelling is "new" with none in the previous 7 days (like jaundice)."""

THRESHOLD_BY_KEY: Final[dict[str, Threshold]] = {t.key: t for t in THRESHOLDS}

RISE_WINDOW_DAYS: Final = 3
""""Up by N points within 3 days" (CLINICAL.md): the window is fixed by the rule's wording."""


def validate_thresholds(overrides: Mapping[str, float]) -> dict[str, float]:
    """Check per-patient overrides: known keys, numbers within each threshold's safe range."""
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
        if threshold.whole and number.is_integer() is False and math.isfinite(number):
            problems.append(
                Problem(key, f"{threshold.label} must be a whole number (got {number:g})")
            )
            continue
        if not threshold.minimum <= number <= threshold.maximum:
            problems.append(
                Problem(
                    key,
                    f"{threshold.label} must be from {threshold.minimum:g} to "
                    f"{threshold.maximum:g} {threshold.unit}, the safe range "
                    f"({threshold.source}) (got {number:g})",
                )
            )
            continue
        if number != threshold.default:  # the default itself is not a change
            clean[key] = number
    _check_order(clean, problems)
    if problems:
        raise ValidationError(problems)
    return clean


ORDERED: Final = (
    ("vomiting_amber", "vomiting_red", "Vomiting (amber)", "vomiting (red)"),
    ("stools_amber", "stools_red", "Stools above usual (amber)", "stools above usual (red)"),
)
"""Pairs whose amber must stay below red, or the amber could never show."""


def _check_order(clean: Mapping[str, float], problems: list[Problem]) -> None:
    """Each amber threshold must stay below its red one."""
    values = effective(clean)
    for amber, red, amber_label, red_label in ORDERED:
        if values[amber] >= values[red]:
            problems.append(
                Problem(
                    amber,
                    f"{amber_label} must be below {red_label}: {values[amber]:g} "
                    f"is not below {values[red]:g}",
                )
            )


def effective(overrides: Mapping[str, float]) -> dict[str, float]:
    """Every threshold's value in use: the override where there is one, else the default."""
    return {t.key: float(overrides.get(t.key, t.default)) for t in THRESHOLDS}
