"""Every recorded item with its limits and wording, in one place.

Validation, the entry form, the importers and the charts all read these
definitions, so a range or an anchor word is never written twice.
The ESAS-r items and anchors are used exactly as published (Watanabe 2011);
the hint in brackets is the form's own plain-language gloss.
"""

from __future__ import annotations

from typing import Final

from symptomlog.domain.item_kinds import (
    GROUP_BOWELS,
    GROUP_ESAS,
    GROUP_JAUNDICE,
    GROUP_MEASUREMENTS,
    GROUP_SIDE_EFFECTS,
    GROUP_WARNING,
    GROUPS,
    Grade,
    Item,
    Measure,
    Scale,
    Sign,
    Text,
)
from symptomlog.domain.items_beyond import (
    BEYOND_ESAS,
    GRADED_SIDE_EFFECTS,
    NAME_MAX_CHARS,
    OTHER_PROBLEM,
    WARNING_SIGNS,
)

__all__ = [
    "BEYOND_ESAS",
    "CSV_COLUMNS",
    "ESAS_SCALES",
    "GRADED_SIDE_EFFECTS",
    "GRADE_BY_NAME",
    "GROUPS",
    "GROUP_BOWELS",
    "GROUP_ESAS",
    "GROUP_JAUNDICE",
    "GROUP_MEASUREMENTS",
    "GROUP_SIDE_EFFECTS",
    "GROUP_WARNING",
    "ITEMS",
    "ITEM_BY_NAME",
    "LEGACY_CSV_COLUMNS",
    "MEASURES",
    "MEASURE_BY_NAME",
    "NAME_MAX_CHARS",
    "NOTES_MAX_CHARS",
    "OTHER_PROBLEM",
    "SCALES",
    "SCALE_BY_NAME",
    "SIGNS",
    "SIGN_BY_NAME",
    "VALUE_FIELDS",
    "WARNING_SIGNS",
    "WHOLE_BY_NAME",
    "Grade",
    "Item",
    "Measure",
    "Scale",
    "Sign",
    "Text",
    "items_in",
    "label_of",
]

ESAS_SCALES: Final[tuple[Scale, ...]] = (
    Scale("pain", "Pain", "No Pain", "Worst Possible Pain"),
    Scale(
        "fatigue",
        "Tiredness",
        "No Tiredness",
        "Worst Possible Tiredness",
        "lack of energy",
        short="Tired",
    ),
    Scale(
        "drowsiness",
        "Drowsiness",
        "No Drowsiness",
        "Worst Possible Drowsiness",
        "feeling sleepy",
        short="Drow",
    ),
    Scale("nausea", "Nausea", "No Nausea", "Worst Possible Nausea", short="Naus"),
    Scale(
        "appetite",
        "Lack of Appetite",
        "No Lack of Appetite",
        "Worst Possible Lack of Appetite",
        short="Appe",
    ),
    Scale(
        "breathlessness",
        "Shortness of Breath",
        "No Shortness of Breath",
        "Worst Possible Shortness of Breath",
        short="Brea",
    ),
    Scale(
        "depression",
        "Depression",
        "No Depression",
        "Worst Possible Depression",
        "feeling sad",
        short="Depr",
    ),
    Scale(
        "anxiety", "Anxiety", "No Anxiety", "Worst Possible Anxiety", "feeling nervous", short="Anx"
    ),
    Scale(
        "wellbeing",
        "Wellbeing",
        "Best Wellbeing",
        "Worst Possible Wellbeing",
        "how you feel overall",
        short="Well",
    ),
)
ITCH: Final = Scale(
    "itch", "Itch", "No itch", "Worst possible itch", esas=False, group=GROUP_JAUNDICE
)
SCALES: Final[tuple[Scale, ...]] = (*ESAS_SCALES, ITCH)

VOMITING: Final = Measure(
    "vomiting_episodes",
    "Vomiting episodes (last 24 h)",
    "episodes",
    0,
    50,
    integer=True,
    decimals=0,
    wording="Times you were sick (vomited) in the last 24 hours",
    short="Vomits",
)
WEIGHT: Final = Measure("weight_kg", "Weight", "kg", 20.0, 300.0, wording="Weight (kg)")
TEMPERATURE: Final = Measure(
    "temperature_c", "Temperature", "°C", 34.0, 43.0, wording="Temperature (°C)", short="Temp °C"
)
MEASURES: Final[tuple[Measure, ...]] = (VOMITING, WEIGHT, TEMPERATURE)

SIGNS: Final[tuple[Sign, ...]] = (
    Sign("yellow_eyes", "Yellow eyes", wording="Yellow eyes"),
    Sign("yellow_skin", "Yellow skin", wording="Yellow skin"),
    Sign("dark_urine", "Dark urine", wording="Dark urine"),
    Sign("pale_stools", "Pale stools", wording="Pale stools"),
)
"""The jaundice signs (the jaundice strip, History's signs column)."""

# The 21 columns of the first CSV format (DESIGN.md); a file with only these still imports.
LEGACY_CSV_COLUMNS: Final[tuple[str, ...]] = (
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
_FIRST_ITEMS: Final[tuple[Item, ...]] = (
    *SCALES,
    *MEASURES,
    *SIGNS,
)
_BY_NAME_FIRST: Final = {item.name: item for item in _FIRST_ITEMS}
ITEMS: Final[tuple[Item, ...]] = (
    *(_BY_NAME_FIRST[name] for name in LEGACY_CSV_COLUMNS[3:20]),
    *BEYOND_ESAS,
)
"""The registry: every recorded item of an entry, in CSV column order."""
ITEM_BY_NAME: Final[dict[str, Item]] = {item.name: item for item in ITEMS}
CSV_COLUMNS: Final[tuple[str, ...]] = (
    *LEGACY_CSV_COLUMNS[:3],
    *(item.name for item in ITEMS),
    "notes",
)
"""Column order of the CSV format in DESIGN.md; also the order of Entry's fields."""
VALUE_FIELDS: Final[tuple[str, ...]] = tuple(i.name for i in ITEMS if i.kind != "text")
"""The items that hold a value (a number or yes/no), not text."""
SCALE_BY_NAME: Final = {i.name: i for i in ITEMS if isinstance(i, Scale)}
MEASURE_BY_NAME: Final = {i.name: i for i in ITEMS if isinstance(i, Measure)}
SIGN_BY_NAME: Final = {i.name: i for i in ITEMS if isinstance(i, Sign)}
GRADE_BY_NAME: Final = {i.name: i for i in ITEMS if isinstance(i, Grade)}
WHOLE_BY_NAME: Final[dict[str, Scale | Grade]] = {**SCALE_BY_NAME, **GRADE_BY_NAME}
"""Items whose value is a whole number in a range: a 0-10 scale or a graded answer."""
NOTES_MAX_CHARS: Final = 10_000


def items_in(group: str) -> tuple[Item, ...]:
    """The items of one of the form's groups, in registry order."""
    return tuple(item for item in ITEMS if item.group == group)


def label_of(name: str) -> str:
    """The human label of any recorded item, for messages and column headers."""
    item = ITEM_BY_NAME.get(name)
    return item.label if item else name.replace("_", " ").capitalize()
