"""Which of the optional items the daily form asks, chosen in the profile.

A tired patient should not be asked about sore hands on a regimen that does not
cause them. So, until the profile says otherwise, the items asked follow the
treatment (CLINICAL.md): irinotecan (mFOLFIRINOX, NALIRIFOX, nal-IRI) → stools
above usual; oxaliplatin or nab-paclitaxel → numbness; capecitabine → sore hands
or feet; everyone → the bowels and the yes/no warning signs. ESAS-r's nine items,
its "Other problem", and the items asked before issue 16 are always on the form.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from symptomlog.domain.fields import BEYOND_ESAS, WARNING_SIGNS
from symptomlog.errors import Problem, ValidationError, excerpt

OPTIONAL_ITEMS: Final[tuple[str, ...]] = tuple(
    item.name for item in BEYOND_ESAS if not item.name.startswith("other_problem")
)
"""The items a profile may switch on or off, in registry order."""
FOR_EVERYONE: Final[tuple[str, ...]] = (
    "days_since_bowels_opened",
    *(sign.name for sign in WARNING_SIGNS),
)
IRINOTECAN: Final = ("stools_above_usual",)
NEUROPATHY: Final = ("numbness",)
BY_REGIMEN: Final[dict[str, tuple[str, ...]]] = {
    "mfolfirinox": (*IRINOTECAN, *NEUROPATHY),  # oxaliplatin and irinotecan
    "nalirifox": (*IRINOTECAN, *NEUROPATHY),
    "nal-iri-5fu": IRINOTECAN,
    "gem-nabpac": NEUROPATHY,  # nab-paclitaxel
    "capecitabine": ("sore_hands_feet",),
}


def default_form_items(regimens: Iterable[str]) -> tuple[str, ...]:
    """The items asked by default for these regimens (every regimen the diary has had)."""
    wanted = set(FOR_EVERYONE)
    for regimen in regimens:
        wanted.update(BY_REGIMEN.get(regimen, ()))
    return tuple(name for name in OPTIONAL_ITEMS if name in wanted)


def checked_form_items(value: object) -> tuple[str, ...] | None:
    """The profile's choice in registry order, or None (the defaults); ValidationError
    names any item that is not an optional one."""
    if value is None:
        return None
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise ValidationError(Problem("form_items", "Form items must be a list of item names"))
    names = list(value)
    unknown = [n for n in names if n not in OPTIONAL_ITEMS]
    if unknown:
        raise ValidationError(
            Problem(
                "form_items",
                f"Form items: {excerpt(', '.join(map(str, unknown)))} is not an optional item "
                f"(choose from {', '.join(OPTIONAL_ITEMS)})",
            )
        )
    return tuple(n for n in OPTIONAL_ITEMS if n in names)


def form_items(chosen: tuple[str, ...] | None, regimens: Iterable[str]) -> tuple[str, ...]:
    """The optional items the form asks: the profile's choice, else the defaults."""
    return chosen if chosen is not None else default_form_items(regimens)
