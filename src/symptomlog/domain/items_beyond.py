"""The items beyond ESAS-r: what this illness and its treatments do (CLINICAL.md).

Worded in the project's own plain language — never ESAS-r's, never PRO-CTCAE's
(whose item text may not be copied) — and kept apart from ESAS-r on every
screen. Each answer is optional: blank means "not asked", never "no" or zero.
The graded items' levels follow CTCAE v5.0 grades, which may be used.
"""

from __future__ import annotations

from typing import Final

from symptomlog.domain.item_kinds import (
    GROUP_BOWELS,
    GROUP_MEASUREMENTS,
    GROUP_WARNING,
    Grade,
    Item,
    Measure,
    Scale,
    Sign,
    Text,
)

NAME_MAX_CHARS: Final = 200

STOOLS_ABOVE_USUAL: Final = Measure(
    "stools_above_usual",
    "Stools above usual",
    "stools",
    0,
    30,
    integer=True,
    decimals=0,
    group=GROUP_BOWELS,
    wording="Stools in the last 24 hours above your usual (0 = normal for me)",
)
DAYS_SINCE_BOWELS: Final = Measure(
    "days_since_bowels_opened",
    "Days since bowels opened",
    "days",
    0,
    30,
    integer=True,
    decimals=0,
    group=GROUP_BOWELS,
    wording="Days since your bowels last opened",
)
WARNING_SIGNS: Final[tuple[Sign, ...]] = (
    Sign("shivering", "Shivering", GROUP_WARNING, "Shivering or shaking"),
    Sign(
        "bleeding",
        "Bleeding",
        GROUP_WARNING,
        "Bleeding that will not stop, blood in vomit, or black or bloody stools",
    ),
    Sign(
        "clot_signs",
        "Signs of a clot",
        GROUP_WARNING,
        "New swelling, pain or redness in one leg, or sudden chest pain",
    ),
    Sign("confusion", "New confusion", GROUP_WARNING, "New confusion (a carer may notice it)"),
    Sign(
        "cannot_keep_fluids",
        "Cannot keep fluids down",
        GROUP_WARNING,
        "Cannot keep fluids down for 24 hours",
    ),
)
MOUTH_SORES: Final = Grade(
    "mouth_sores",
    "Mouth sores",
    (
        "None",
        "Sore, eating normally",
        "Eating soft food only",
        "Painful to eat or drink much",
        "Cannot eat or drink",
    ),
    wording="Mouth sores",
)
NUMBNESS: Final = Grade(
    "numbness",
    "Numbness or tingling",
    ("None", "There, no trouble", "Buttons or writing hard", "Hard to walk or look after myself"),
    wording="Numbness or tingling in hands or feet",
)
SORE_HANDS_FEET: Final = Grade(
    "sore_hands_feet",
    "Sore hands or feet",
    ("None", "Red or numb, no pain", "Painful, still using them", "Cannot walk or use them"),
    wording="Sore hands or feet (red, peeling)",
)
ABDOMINAL_SWELLING: Final = Grade(
    "abdominal_swelling",
    "Abdominal swelling",
    ("None", "A little", "Clothes tight, uncomfortable", "Tight and breathless"),
    group=GROUP_MEASUREMENTS,
    wording="Swelling of the tummy (abdomen)",
)
GIRTH: Final = Measure(
    "abdominal_girth_cm",
    "Abdominal girth",
    "cm",
    40.0,
    250.0,
    wording="Tummy measurement around the belly button (cm, optional)",
)
GLUCOSE: Final = Measure(
    "blood_glucose_mmol",
    "Blood glucose",
    "mmol/L",
    1.0,
    40.0,
    wording="Blood glucose (mmol/L, optional, for people with diabetes)",
)
ACTIVITY: Final = Grade(
    "activity_level",
    "Activity level",
    (
        "Everything as before my illness",
        "Light activity, not heavy work",
        "Up and about more than half the day, looking after myself",
        "In a bed or chair more than half the day",
        "In a bed or chair all day",
    ),
    group=GROUP_MEASUREMENTS,
    wording="What I could do today",
)
OTHER_PROBLEM_NAME: Final = Text(
    "other_problem_name",
    "Other problem (name)",
    NAME_MAX_CHARS,
    wording="Other problem (for example constipation)",
)
OTHER_PROBLEM: Final = Scale(
    "other_problem",
    "Other Problem",
    "No Other Problem",
    "Worst Possible Other Problem",
    "for example constipation",
    wording="Another problem: name it, then choose its number",
)
"""ESAS-r's own optional tenth item: named by the patient, scored 0-10."""

BEYOND_ESAS: Final[tuple[Item, ...]] = (
    STOOLS_ABOVE_USUAL,
    DAYS_SINCE_BOWELS,
    *WARNING_SIGNS,
    MOUTH_SORES,
    NUMBNESS,
    SORE_HANDS_FEET,
    ABDOMINAL_SWELLING,
    GIRTH,
    GLUCOSE,
    ACTIVITY,
    OTHER_PROBLEM_NAME,
    OTHER_PROBLEM,
)
"""In CSV column order (after ``pale_stools``, before ``notes``; DESIGN.md)."""
GRADED_SIDE_EFFECTS: Final[tuple[Grade, ...]] = (
    MOUTH_SORES,
    NUMBNESS,
    SORE_HANDS_FEET,
    ABDOMINAL_SWELLING,
)
"""The graded items a chart strip and the PDF show side by side."""
