"""The kinds of item a diary entry records, and the groups the form shows them in.

Each kind carries everything a screen, a file format or a message needs about
an item — its label, the patient's own wording, its group, its range and unit —
so that adding an item is one definition (in ``fields`` or ``items_beyond``)
plus its flag rules, never a label copied into six modules.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Final

GROUP_ESAS: Final = "ESAS-r"
GROUP_WARNING: Final = "Warning signs"
GROUP_BOWELS: Final = "Bowels"
GROUP_SIDE_EFFECTS: Final = "Treatment side effects"
GROUP_MEASUREMENTS: Final = "Measurements"
GROUP_JAUNDICE: Final = "Jaundice"
GROUPS: Final[tuple[str, ...]] = (
    GROUP_ESAS,
    GROUP_WARNING,
    GROUP_BOWELS,
    GROUP_SIDE_EFFECTS,
    GROUP_MEASUREMENTS,
    GROUP_JAUNDICE,
)
"""The form's groups in the order it shows them: ESAS-r as published comes first."""


@dataclass(frozen=True)
class Scale:
    """A 0-10 rating with its anchor words at both ends."""

    kind: ClassVar[str] = "scale"
    name: str
    label: str
    low_anchor: str
    high_anchor: str
    hint: str = ""
    esas: bool = True
    minimum: int = 0
    maximum: int = 10
    group: str = GROUP_ESAS
    wording: str = ""
    short: str = ""
    """A narrow table's column heading (the PDF's day-by-day table); else the label."""

    @property
    def unit(self) -> str:
        return "/10"

    @property
    def column(self) -> str:
        return self.short or self.label


@dataclass(frozen=True)
class Measure:
    """A measured number (a count or a physical quantity) with its plausible range."""

    kind: ClassVar[str] = "measure"
    name: str
    label: str
    unit: str
    minimum: float
    maximum: float
    integer: bool = False
    decimals: int = 1
    group: str = GROUP_MEASUREMENTS
    wording: str = ""
    short: str = ""
    """A table's column heading ("Vomits"); else the label and unit ("Weight kg")."""

    @property
    def column(self) -> str:
        return self.short or f"{self.label} {self.unit}"


@dataclass(frozen=True)
class Sign:
    """A yes/no observation (a jaundice sign, a warning sign)."""

    kind: ClassVar[str] = "sign"
    name: str
    label: str
    group: str = GROUP_JAUNDICE
    wording: str = ""
    minimum: ClassVar[int] = 0
    maximum: ClassVar[int] = 1
    unit: ClassVar[str] = ""


@dataclass(frozen=True)
class Grade:
    """A graded answer (0 = none), each level in the patient's own words.

    Not a 0-10 scale: the number is the index of the answer chosen, so the
    wording of each level travels with the item to the form and the PDF.
    """

    kind: ClassVar[str] = "grade"
    name: str
    label: str
    answers: tuple[str, ...]
    group: str = GROUP_SIDE_EFFECTS
    wording: str = ""
    minimum: ClassVar[int] = 0
    unit: ClassVar[str] = ""

    @property
    def maximum(self) -> int:
        return len(self.answers) - 1

    def answer(self, level: int) -> str:
        """The words for one level ("Eating soft food only")."""
        return self.answers[level]


@dataclass(frozen=True)
class Text:
    """A short free text that belongs to an item (the name of ESAS-r's "Other problem")."""

    kind: ClassVar[str] = "text"
    name: str
    label: str
    max_chars: int
    group: str = GROUP_ESAS
    wording: str = ""
    minimum: ClassVar[int] = 0
    maximum: ClassVar[int] = 0
    unit: ClassVar[str] = ""


Item = Scale | Measure | Sign | Grade | Text
"""Any recorded item of an entry."""
