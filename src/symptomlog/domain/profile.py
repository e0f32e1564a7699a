"""The patient's profile: who they are, their baseline and their care team."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Final

from symptomlog.domain.entry import is_encodable
from symptomlog.domain.fields import NAME_MAX_CHARS, WEIGHT
from symptomlog.domain.form_items import checked_form_items
from symptomlog.domain.parse import measure_message
from symptomlog.domain.thresholds import validate_thresholds
from symptomlog.errors import Problem, ValidationError, excerpt

HEIGHT_RANGE_CM = (50.0, 250.0)
PHONE = re.compile(r"[0-9+() .\-/]+(?:\s*(?:ext\.?|x)\s*[0-9]+)?", re.IGNORECASE)
MIN_PHONE_DIGITS = 3


def plain_text_problem(label: str, value: object, limit: int = NAME_MAX_CHARS) -> str | None:
    """What is wrong with a short text field (a name, a phone number), or None."""
    if not isinstance(value, str):
        return f"{label} must be text (got {excerpt(value)})"
    if len(value) > limit:
        return f"{label} is too long ({len(value)} characters; at most {limit})"
    if not is_encodable(value) or "\x00" in value:
        return f"{label} contains a character that cannot be stored"
    return None


class ContactKind(StrEnum):
    """What a contact is for: only a ``24h-line`` is ever shown as the number to call now."""

    LINE_24H = "24h-line"
    PALLIATIVE = "palliative"
    ONCOLOGY = "oncology"
    GP = "gp"
    DISTRICT_NURSE = "district-nurse"
    OTHER = "other"

    @property
    def label(self) -> str:
        return CONTACT_KIND_LABELS[self]


CONTACT_KIND_LABELS: Final[dict[ContactKind, str]] = {
    ContactKind.LINE_24H: "24-hour line",
    ContactKind.PALLIATIVE: "Palliative care team",
    ContactKind.ONCOLOGY: "Oncology team / specialist nurse",
    ContactKind.GP: "GP",
    ContactKind.DISTRICT_NURSE: "District nurse",
    ContactKind.OTHER: "Other",
}

DAYTIME_KINDS: Final = (ContactKind.PALLIATIVE, ContactKind.ONCOLOGY)
"""Who an amber flag names ("tell your care team today"), in this order."""


def kind_from_role(role: str) -> ContactKind:
    """The kind an old free-text role most likely meant: used once, to migrate old diaries.

    Only a role that plainly reads as a 24-hour line becomes one; everything else is
    ``other`` and the user is asked to confirm the kinds (never a guessed 24-hour number).
    """
    text = role.lower()
    if "24" in text or "acute oncology" in text or "triage" in text:
        return ContactKind.LINE_24H
    return ContactKind.OTHER


@dataclass(frozen=True)
class Contact:
    """A care-team contact: its kind, who, the number and when it answers."""

    kind: ContactKind
    name: str
    phone: str
    hours: str = ""
    role: str = ""
    """Free text kept from before kinds existed (e.g. "Palliative care nurse specialist")."""

    def __post_init__(self) -> None:
        for name in ("name", "phone", "hours", "role"):
            text_problem = plain_text_problem(f"Contact {name}", getattr(self, name))
            if text_problem:
                raise ValidationError(Problem("contact", text_problem))
        try:
            object.__setattr__(self, "kind", ContactKind(str(self.kind).strip().lower()))
        except ValueError:
            kinds = ", ".join(k.value for k in ContactKind)
            raise ValidationError(
                Problem("contact", f"A contact's kind is one of {kinds} (got {excerpt(self.kind)})")
            ) from None
        if not self.phone.strip():
            raise ValidationError(
                Problem("contact", f"Contact {self.describe()!r} needs a phone number")
            )

    def checked(self) -> Contact:
        """This contact, if its phone reads as a number; for everything typed or imported.

        Not checked on loading: a diary written before this check must still open.
        """
        digits = sum(c.isdigit() for c in self.phone)
        if not PHONE.fullmatch(self.phone.strip()) or digits < MIN_PHONE_DIGITS:
            raise ValidationError(
                Problem(
                    "contact",
                    f"{excerpt(self.phone)} is not a phone number (digits, spaces, + ( ) - . / "
                    f"and 'ext' only; at least {MIN_PHONE_DIGITS} digits): it is the number a "
                    "patient may be told to call",
                )
            )
        return self

    @classmethod
    def parse(cls, text: str) -> Contact:
        """Read ``KIND|NAME|PHONE[|HOURS]`` as typed on the command line."""
        parts = [p.strip() for p in text.split("|")]
        if len(parts) not in (3, 4):
            raise ValidationError(
                Problem(
                    "contact",
                    f"A contact is written KIND|NAME|PHONE or KIND|NAME|PHONE|HOURS (got {text!r})",
                )
            )
        return cls(*parts).checked()  # type: ignore[arg-type]

    @property
    def is_24h_line(self) -> bool:
        return self.kind is ContactKind.LINE_24H

    def describe(self) -> str:
        """ "Sam Patel (palliative care team, Mon–Fri 9–5)": who, what and when, for people."""
        what = self.role or self.kind.label
        extra = ", ".join(p for p in (what, self.hours) if p)
        name = self.name or what
        return f"{name} ({extra})" if extra and name != what else name


@dataclass(frozen=True)
class Profile:
    """Who the diary is about. Every field may be blank until someone fills it in."""

    name: str | None = None
    born: date | None = None
    hospital_number: str | None = None
    height_cm: float | None = None
    baseline_weight_kg: float | None = None
    baseline_date: date | None = None
    contacts: tuple[Contact, ...] = field(default=())
    thresholds: dict[str, float] = field(default_factory=dict)
    stent: bool | None = None
    """A biliary stent is in place: a fever is then red at any time (cholangitis)."""
    contact_kinds_confirmed: bool = True
    """False after kinds were guessed from old free-text roles, until the user confirms them."""
    form_items: tuple[str, ...] | None = None
    """The optional items the daily form asks; None: the defaults for the regimens."""

    def __post_init__(self) -> None:
        problems = [*_type_problems(self)]
        if problems:  # wrong types first: range checks below assume numbers and dates
            raise ValidationError(problems)
        object.__setattr__(self, "contacts", sort_contacts(self.contacts))
        if self.height_cm is not None and not (
            HEIGHT_RANGE_CM[0] <= self.height_cm <= HEIGHT_RANGE_CM[1]
        ):
            problems.append(
                Problem("height_cm", f"Height must be from 50 to 250 cm (got {self.height_cm:g})")
            )
        weight = self.baseline_weight_kg
        if weight is not None and not WEIGHT.minimum <= weight <= WEIGHT.maximum:
            problems.append(Problem("baseline_weight_kg", measure_message(WEIGHT, f"{weight:g}")))
        for name, label in (("born", "Date of birth"), ("baseline_date", "Baseline date")):
            value = getattr(self, name)
            if value is not None and not date(1900, 1, 1) <= value <= date.today():
                problems.append(Problem(name, f"{label} must be between 1900 and today"))
        try:
            object.__setattr__(self, "thresholds", validate_thresholds(self.thresholds))
        except ValidationError as error:
            problems.extend(error.problems)
        try:
            object.__setattr__(self, "form_items", checked_form_items(self.form_items))
        except ValidationError as error:
            problems.extend(error.problems)
        if problems:
            raise ValidationError(problems)

    @property
    def line_24h(self) -> Contact | None:
        """The contact of kind 24-hour line, if one is stored; never a guess from another kind."""
        return next((c for c in self.contacts if c.is_24h_line), None)

    @property
    def daytime_contact(self) -> Contact | None:
        """Who "tell your care team today" names: the palliative team, else oncology."""
        for kind in DAYTIME_KINDS:
            found = next((c for c in self.contacts if c.kind is kind), None)
            if found is not None:
                return found
        return None


def _type_problems(profile: Profile) -> list[Problem]:
    """Values of the wrong kind (a list as a name, text as a height), from a file or a caller."""
    found = []
    for name in ("name", "hospital_number"):
        value = getattr(profile, name)
        label = name.replace("_", " ").capitalize()
        text = None if value is None else plain_text_problem(label, value)
        if text:
            found.append(Problem(name, text))
    wrong = "{label} must be {kind} (got {got})"
    for name in ("height_cm", "baseline_weight_kg"):
        value = getattr(profile, name)
        number = isinstance(value, (int, float)) and not isinstance(value, bool)
        if value is not None and (not number or not math.isfinite(value)):
            label = name.replace("_", " ").capitalize()
            found.append(
                Problem(name, wrong.format(label=label, kind="a number", got=excerpt(value)))
            )
    for name in ("born", "baseline_date"):
        value = getattr(profile, name)
        if value is not None and (not isinstance(value, date) or isinstance(value, datetime)):
            label = name.replace("_", " ").capitalize()
            found.append(
                Problem(name, wrong.format(label=label, kind="a date", got=excerpt(value)))
            )
    if profile.stent is not None and not isinstance(profile.stent, bool):
        got = excerpt(profile.stent)
        found.append(
            Problem("stent", wrong.format(label="Stent", kind="yes, no or blank", got=got))
        )
    if not isinstance(profile.contacts, (tuple, list)) or not all(
        isinstance(c, Contact) for c in profile.contacts
    ):
        found.append(Problem("contacts", "Contacts must be a list of contacts"))
    if not isinstance(profile.thresholds, dict):
        found.append(Problem("thresholds", "Thresholds must be a set of KEY: VALUE pairs"))
    return found


def sort_contacts(contacts: tuple[Contact, ...] | list[Contact]) -> tuple[Contact, ...]:
    """The 24-hour line first, the rest in the order given."""
    return tuple(sorted(contacts, key=lambda c: not c.is_24h_line))
