"""Every recorded item with its limits and wording, in one place.

Validation, the entry form, the importers and the charts all read these
definitions, so a range or an anchor word is never written twice.
The ESAS-r items and anchors are used exactly as published (Watanabe 2011);
the hint in brackets is the form's own plain-language gloss.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True)
class Scale:
    """A 0-10 rating with its anchor words at both ends."""

    name: str
    label: str
    low_anchor: str
    high_anchor: str
    hint: str = ""
    esas: bool = True
    minimum: int = 0
    maximum: int = 10


@dataclass(frozen=True)
class Measure:
    """A measured number (a count or a physical quantity) with its plausible range."""

    name: str
    label: str
    unit: str
    minimum: float
    maximum: float
    integer: bool = False
    decimals: int = 1


@dataclass(frozen=True)
class Sign:
    """A yes/no observation (a jaundice sign)."""

    name: str
    label: str


ESAS_SCALES: Final[tuple[Scale, ...]] = (
    Scale("pain", "Pain", "No Pain", "Worst Possible Pain"),
    Scale("fatigue", "Tiredness", "No Tiredness", "Worst Possible Tiredness", "lack of energy"),
    Scale(
        "drowsiness", "Drowsiness", "No Drowsiness", "Worst Possible Drowsiness", "feeling sleepy"
    ),
    Scale("nausea", "Nausea", "No Nausea", "Worst Possible Nausea"),
    Scale("appetite", "Lack of Appetite", "No Lack of Appetite", "Worst Possible Lack of Appetite"),
    Scale(
        "breathlessness",
        "Shortness of Breath",
        "No Shortness of Breath",
        "Worst Possible Shortness of Breath",
    ),
    Scale("depression", "Depression", "No Depression", "Worst Possible Depression", "feeling sad"),
    Scale("anxiety", "Anxiety", "No Anxiety", "Worst Possible Anxiety", "feeling nervous"),
    Scale(
        "wellbeing",
        "Wellbeing",
        "Best Wellbeing",
        "Worst Possible Wellbeing",
        "how you feel overall",
    ),
)
ITCH: Final = Scale("itch", "Itch", "No itch", "Worst possible itch", esas=False)
SCALES: Final[tuple[Scale, ...]] = (*ESAS_SCALES, ITCH)

VOMITING: Final = Measure(
    "vomiting_episodes",
    "Vomiting episodes (last 24 h)",
    "episodes",
    0,
    50,
    integer=True,
    decimals=0,
)
WEIGHT: Final = Measure("weight_kg", "Weight", "kg", 20.0, 300.0)
TEMPERATURE: Final = Measure("temperature_c", "Temperature", "°C", 34.0, 43.0)
MEASURES: Final[tuple[Measure, ...]] = (VOMITING, WEIGHT, TEMPERATURE)

SIGNS: Final[tuple[Sign, ...]] = (
    Sign("yellow_eyes", "Yellow eyes"),
    Sign("yellow_skin", "Yellow skin"),
    Sign("dark_urine", "Dark urine"),
    Sign("pale_stools", "Pale stools"),
)

SCALE_BY_NAME: Final = {s.name: s for s in SCALES}
MEASURE_BY_NAME: Final = {m.name: m for m in MEASURES}
SIGN_BY_NAME: Final = {s.name: s for s in SIGNS}

# Column order of the CSV format in DESIGN.md; also the order of Entry's value fields.
CSV_COLUMNS: Final[tuple[str, ...]] = (
    "recorded_at",
    "recorded_by",
    "recorder_name",
    "pain",
    "nausea",
    "vomiting_episodes",
    "fatigue",
    "appetite",
    "breathlessness",
    "drowsiness",
    "depression",
    "anxiety",
    "wellbeing",
    "weight_kg",
    "temperature_c",
    "yellow_eyes",
    "yellow_skin",
    "itch",
    "dark_urine",
    "pale_stools",
    "notes",
)
VALUE_FIELDS: Final[tuple[str, ...]] = CSV_COLUMNS[3:20]
NOTES_MAX_CHARS: Final = 10_000
NAME_MAX_CHARS: Final = 200


def label_of(name: str) -> str:
    """The human label of any recorded item, for messages and column headers."""
    for table in (SCALE_BY_NAME, MEASURE_BY_NAME, SIGN_BY_NAME):
        if name in table:
            return table[name].label
    return name.replace("_", " ").capitalize()
